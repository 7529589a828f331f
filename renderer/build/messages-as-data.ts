// Build time only (runs in Node inside electron-vite): hands @intlify/unplugin-vue-i18n the window's message files
// as the plain `export default { … }` data it precompiles. The files stay TypeScript, so that the type checker keeps
// both languages to the same keys (zh-CN.ts names the shape, en-US.ts `satisfies` it), but that shape is a named
// constant with types around it, which the plugin does not read. So each file is evaluated here, once per build,
// and replaced by its value. Precompiled messages let the window ship vue-i18n without its message compiler, and
// need no eval (the window's CSP forbids it).
import ts from 'typescript';
import type { Plugin } from 'vite';

type Messages = { [key: string]: string | Messages };

function assertMessages(value: unknown, path: string): asserts value is Messages {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path} must be an object of texts`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') assertMessages(item, `${path}.${key}`);
  }
}

/** The default export of a message file: its TypeScript compiled, then run. It may import types only. */
export async function evaluateMessages(source: string, fileName: string): Promise<Messages> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName,
  });
  if (ts.preProcessFile(outputText, true, true).importedFiles.length > 0) {
    throw new Error(`${fileName}: a message file must be plain data, with no run-time import`);
  }
  const module = (await import(`data:text/javascript,${encodeURIComponent(outputText)}`)) as { default?: unknown };
  assertMessages(module.default, `${fileName}: the default export`);
  return module.default;
}

/** Must come before the vue-i18n plugin, which reads the code this leaves. */
export function messagesAsData(files: readonly string[]): Plugin {
  const wanted = new Set(files.map((file) => file.replaceAll('\\', '/')));
  return {
    name: 'room-dialer:messages-as-data',
    enforce: 'pre',
    async transform(code, id) {
      if (!wanted.has(id.replaceAll('\\', '/'))) return null;
      return { code: `export default ${JSON.stringify(await evaluateMessages(code, id))};\n`, map: null };
    },
  };
}
