// The message files reach @intlify/unplugin-vue-i18n as plain data (renderer/build/messages-as-data.ts): the value
// handed over must be exactly what the window's code imports, and anything that is not plain data must stop the
// build rather than ship a window with missing texts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import enUS from '../../renderer/src/i18n/en-US';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { evaluateMessages, messagesAsData } from '../../renderer/build/messages-as-data';

const file = (name: string) => fileURLToPath(new URL(`../../renderer/src/i18n/${name}`, import.meta.url));

describe('messagesAsData', () => {
  it('evaluates each message file to the very value the window imports', async () => {
    for (const [name, value] of [
      ['zh-CN.ts', zhCN],
      ['en-US.ts', enUS],
    ] as const) {
      expect(await evaluateMessages(readFileSync(file(name), 'utf8'), name)).toEqual(value);
    }
  });

  it('turns a message file into `export default {…}` and leaves every other module alone', async () => {
    const path = file('en-US.ts');
    const plugin = messagesAsData([path]);
    const transform = plugin.transform as (code: string, id: string) => Promise<{ code: string } | null>;
    const out = await transform(readFileSync(path, 'utf8'), path);
    expect(out?.code.startsWith('export default {"app":{')).toBe(true);
    expect(JSON.parse(out!.code.replace(/^export default /, '').replace(/;\n$/, ''))).toEqual(enUS);
    expect(await transform('export default {}', file('index.ts'))).toBeNull();
  });

  it('stops the build on a message file that imports at run time or holds more than texts', async () => {
    await expect(evaluateMessages("import x from './x';\nexport default { a: x };", 'bad.ts')).rejects.toThrow(
      /plain data/,
    );
    await expect(evaluateMessages('export default { a: { b: 1 } };', 'bad.ts')).rejects.toThrow(
      /bad\.ts: the default export\.a\.b must be an object of texts/,
    );
    await expect(evaluateMessages('export const a = 1;', 'bad.ts')).rejects.toThrow(/must be an object of texts/);
  });

  it('lets a type-only import through (en-US.ts takes its shape from zh-CN.ts)', async () => {
    const source = "import type { S } from './s';\nconst m = { a: 'A' } satisfies S;\nexport default m;";
    expect(await evaluateMessages(source, 'ok.ts')).toEqual({ a: 'A' });
  });
});
