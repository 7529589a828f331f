// What the built main process (out/main) loads at run time, read from its syntax trees: the packages it imports or
// requires from node_modules (Node's built-ins left out), the names it imports from 'electron', and whether any file
// reaches 'electron' through CommonJS require instead (a bundle's createRequire). Used by `npm run package:check`
// (smoke-load.ts) and `npm run bench:start`.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { parseSync } from 'vite';

export interface BundleImports {
  /** Packages out/main loads from node_modules at run time, 'electron' included when it is imported. */
  readonly packages: readonly string[];
  /** Names imported from 'electron' as an ES module. */
  readonly electronNames: readonly string[];
  /** Files (relative to the folder read) that require('electron') through CommonJS. */
  readonly electronRequiredBy: readonly string[];
}

const BUILTIN = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every node of the tree, depth first. */
function* nodes(node: Node): Generator<Node> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield* nodes(item);
    } else if (isNode(value)) yield* nodes(value);
  }
}

function stringValue(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node['value'] === 'string') return node['value'];
  const quasis = node['quasis'];
  if (node.type === 'TemplateLiteral' && Array.isArray(quasis) && quasis.length === 1) {
    return (quasis[0] as { value?: { cooked?: string } }).value?.cooked;
  }
  return undefined;
}

interface FileImports {
  readonly specifiers: string[];
  readonly required: string[];
  readonly electronNames: string[];
}

/** Read from the syntax tree, so that code inside strings (electron-log's preload, ajv's templates) does not count. */
function importsOf(file: string): FileImports {
  const code = readFileSync(file, 'utf8');
  const { program, errors } = parseSync(file, code);
  if (errors.length) throw new Error(`${file}: ${errors[0]?.message ?? 'cannot parse'}`);
  const all = [...nodes(program as unknown as Node)];
  // A bundle requires through createRequire(import.meta.url), under whatever names the bundler or minifier chose.
  const factories = new Set(['createRequire']);
  for (const node of all) {
    if (node.type !== 'ImportSpecifier') continue;
    const imported = node['imported'];
    const local = node['local'];
    if (isNode(imported) && imported['name'] === 'createRequire' && isNode(local)) factories.add(String(local['name']));
  }
  const requireNames = new Set(['require']);
  for (const node of all) {
    const id = node['id'];
    const init = node['init'];
    if (node.type === 'VariableDeclarator' && isNode(id) && isNode(init) && id.type === 'Identifier') {
      const text = code.slice(init.start, init.end);
      if ([...factories].some((name) => text.includes(`${name}(`))) requireNames.add(String(id['name']));
    }
  }
  const result: FileImports = { specifiers: [], required: [], electronNames: [] };
  for (const node of all) {
    const source = stringValue(node['source']);
    if (
      source !== undefined &&
      ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].includes(node.type)
    ) {
      result.specifiers.push(source);
      if (node.type === 'ImportDeclaration' && source === 'electron') {
        for (const specifier of (node['specifiers'] as Node[] | undefined) ?? []) {
          const imported = specifier['imported'];
          if (specifier.type === 'ImportSpecifier' && isNode(imported)) {
            result.electronNames.push(String(imported['name'] ?? imported['value']));
          }
        }
      }
    }
    const callee = node['callee'];
    const args = node['arguments'] as unknown[] | undefined;
    if (node.type === 'CallExpression' && isNode(callee) && callee.type === 'Identifier' && args?.length === 1) {
      const required = stringValue(args[0]);
      if (required !== undefined && requireNames.has(String(callee['name']))) result.required.push(required);
    }
  }
  return result;
}

function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return scriptsIn(file);
    return /\.[cm]?js$/.test(entry.name) ? [file] : [];
  });
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]) ?? specifier;
}

/** Reads every script under `outMain`. */
export function bundleImports(outMain: string): BundleImports {
  const specifiers = new Set<string>();
  const electronNames = new Set<string>();
  const electronRequiredBy = new Set<string>();
  for (const file of scriptsIn(outMain)) {
    const found = importsOf(file);
    for (const specifier of [...found.specifiers, ...found.required]) specifiers.add(specifier);
    for (const name of found.electronNames) electronNames.add(name);
    if (found.required.some((specifier) => packageOf(specifier) === 'electron')) {
      electronRequiredBy.add(path.relative(outMain, file));
    }
  }
  const bare = [...specifiers].filter((s) => !s.startsWith('.') && !s.startsWith('/'));
  const packages = bare.filter((s) => !BUILTIN.has(s) && !BUILTIN.has(packageOf(s))).map(packageOf);
  return {
    packages: [...new Set(packages)].sort(),
    electronNames: [...electronNames].sort(),
    electronRequiredBy: [...electronRequiredBy].sort(),
  };
}
