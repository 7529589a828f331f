// Build time only (runs in Node inside electron-vite, never in the window): makes pinyin-pro's dictionaries fit
// the window's 300 kB gzip budget. pinyin-pro ships readings for ~21,000 characters (140 kB gzip); room names use
// common characters, so the window keeps the 6,763 of GB2312 (the national standard set of common Hanzi, taken
// from the GB18030 decoder, not typed by hand), stored compactly, and drops the four-character idiom list
// (成语 such as 四通八达), which never decides the reading of a room name, and the surname readings, which
// pinyin-pro only consults in its surname mode (not used here). Its code, word dictionaries and polyphone rules
// stay as they are. A character outside the set still matches literally.
import type { Plugin } from 'vite';

const DICT1_MODULE = /pinyin-pro\/dist\/esm\/data\/dict1\.mjs$/;
const IDIOM_MODULE = /pinyin-pro\/dist\/esm\/data\/dict4\.mjs$/;
const SURNAME_MODULE = /pinyin-pro\/dist\/esm\/data\/surname\.mjs$/;

/** GB2312's Hanzi: rows 0xB0-0xF7, cells 0xA1-0xFE, decoded (GB18030 is a superset), plus 〇 (ling). */
export function gb2312Hanzi(): Set<string> {
  const decoder = new TextDecoder('gb18030');
  const chars = new Set<string>(['〇']);
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      if (/^\p{Script=Han}$/u.test(char)) chars.add(char);
    }
  }
  return chars;
}

/** Entries of dict1's `const map = { reading: ['字', …], 'a b': ['字'] }`, one-line or multi-line arrays. */
const ENTRY = /^\s*(?:'([^'\n]+)'|([^\s:'[]+)):\s*\[([^\]]*)\]/gmu;
const CHAR = /'([^'\n]+)'/gu;

/** dict1.mjs rewritten as `{ reading: "字字字" }` with only the kept characters; same default export. */
export function compactDict1(source: string, keep: ReadonlySet<string>): string {
  const map: Record<string, string> = {};
  let entries = 0;
  for (const match of source.matchAll(ENTRY)) {
    entries++;
    const reading = match[1] ?? match[2] ?? '';
    const chars = [...(match[3] ?? '').matchAll(CHAR)].map((m) => m[1] ?? '').filter((c) => keep.has(c));
    if (chars.length > 0) map[reading] = (map[reading] ?? '') + chars.join('');
  }
  // A pinyin-pro release with another file layout must fail the build, not ship a window without pinyin.
  if (entries < 1000 || !source.includes('FastDictFactory')) {
    throw new Error(`pinyin-pro's dict1.mjs has an unexpected layout (${entries} entries): update renderer/build`);
  }
  return [
    "import { FastDictFactory } from '../common/utils.mjs';",
    `const map = ${JSON.stringify(map)};`,
    'const DICT1 = new FastDictFactory();',
    'for (const reading in map) for (const char of map[reading]) DICT1.set(char, reading);',
    'export { DICT1 as default };',
    '',
  ].join('\n');
}

/** dict4.mjs without its idioms: same exports, empty. */
export const EMPTY_IDIOMS = 'export const Pattern4 = [];\nconst DICT4 = {};\nexport { DICT4 as default };\n';

/** surname.mjs without its entries: same exports, empty (segmentit skips them unless surname mode is on). */
export const EMPTY_SURNAMES =
  'export const PatternSurname = [];\nconst Surnames = {};\nexport { Surnames as default };\n';

export function trimPinyinDictionaries(): Plugin {
  let keep: Set<string> | undefined;
  return {
    name: 'room-dialer:trim-pinyin-dictionaries',
    apply: 'build',
    transform(code, id) {
      if (DICT1_MODULE.test(id)) {
        keep ??= gb2312Hanzi();
        return { code: compactDict1(code, keep), map: null };
      }
      if (IDIOM_MODULE.test(id)) return { code: EMPTY_IDIOMS, map: null };
      if (SURNAME_MODULE.test(id)) return { code: EMPTY_SURNAMES, map: null };
      return null;
    },
  };
}
