// Build time only (runs in Node inside electron-vite, never in the window): makes pinyin-pro's dictionaries fit
// the window's 300 kB gzip budget. pinyin-pro ships readings for ~21,000 characters (140 kB gzip); room names use
// common characters, so the window keeps the 6,763 of GB2312 (the national standard set of common Hanzi, taken
// from the GB18030 decoder, not typed by hand), stored compactly (~16 kB gzip), and drops the four-character idiom list
// (成语 such as 四通八达), which never decides the reading of a room name, and the surname readings, which
// pinyin-pro only consults in its surname mode (not used here). Its code, word dictionaries and polyphone rules
// stay as they are. A character outside the set still matches literally.
import type { Plugin } from 'vite';

const DICT1_MODULE = /pinyin-pro\/dist\/esm\/data\/dict1\.mjs$/;
const IDIOM_MODULE = /pinyin-pro\/dist\/esm\/data\/dict4\.mjs$/;
const SURNAME_MODULE = /pinyin-pro\/dist\/esm\/data\/surname\.mjs$/;

/** GB2312's Hanzi area: rows 0xB0-0xF7, cells 0xA1-0xFE, 94 × 72 two-byte codes in the standard's order. */
const FIRST_ROW = 0xb0;
const LAST_ROW = 0xf7;
const FIRST_CELL = 0xa1;
const CELLS = 94;

/** Every code of the area as a character (GB18030 is a superset; the five unassigned codes become private-use). */
export function gb2312Area(): string[] {
  const bytes: number[] = [];
  for (let row = FIRST_ROW; row <= LAST_ROW; row++) {
    for (let cell = 0; cell < CELLS; cell++) bytes.push(row, FIRST_CELL + cell);
  }
  return [...new TextDecoder('gb18030').decode(new Uint8Array(bytes))];
}

/** GB2312's 6,763 Hanzi plus 〇 (ling), which pinyin-pro also reads. */
export function gb2312Hanzi(): Set<string> {
  return new Set(['〇', ...gb2312Area().filter((char) => /^\p{Script=Han}$/u.test(char))]);
}

/** Entries of dict1's `const map = { reading: ['字', …], 'a b': ['字'] }`, one-line or multi-line arrays. */
const ENTRY = /^\s*(?:'([^'\n]+)'|([^\s:'[]+)):\s*\[([^\]]*)\]/gmu;
const CHAR = /'([^'\n]+)'/gu;

/**
 * dict1.mjs rewritten to hold the readings of the GB2312 area only, with the same default export. The window
 * decodes the area itself (TextDecoder), so no character is stored: only the reading of each position, as steps
 * through a sorted table of readings. GB2312's first level is in pinyin order, so most steps are tiny.
 */
export function compactDict1(source: string): string {
  const area = gb2312Area();
  const position = new Map(area.map((char, index) => [char, index]));
  const readingAt: (string | undefined)[] = area.map(() => undefined);
  let entries = 0;
  /** 〇 is outside the area (it is a symbol there), but it is how 2〇26 is written. */
  let zero: string | undefined;
  for (const match of source.matchAll(ENTRY)) {
    entries++;
    const reading = match[1] ?? match[2] ?? '';
    for (const char of (match[3] ?? '').matchAll(CHAR)) {
      if (char[1] === '〇') zero = reading;
      const at = position.get(char[1] ?? '');
      if (at !== undefined) readingAt[at] = reading;
    }
  }
  // A pinyin-pro release with another file layout must fail the build, not ship a window without pinyin.
  if (entries < 1000 || !source.includes('FastDictFactory')) {
    throw new Error(`pinyin-pro's dict1.mjs has an unexpected layout (${entries} entries): update renderer/build`);
  }
  const readings = [...new Set(readingAt.filter((r): r is string => r !== undefined))].sort();
  const number = new Map(readings.map((reading, index) => [reading, index + 1]));
  let previous = 0;
  const steps = readingAt.map((reading) => {
    const current = reading === undefined ? 0 : (number.get(reading) ?? 0);
    const step = current - previous;
    previous = current;
    return step.toString(36);
  });
  return [
    "import { FastDictFactory } from '../common/utils.mjs';",
    `const readings = ${JSON.stringify(readings.join(','))}.split(',');`,
    `const steps = ${JSON.stringify(steps.join(','))}.split(',');`,
    'const bytes = new Uint8Array(steps.length * 2);',
    `for (let i = 0; i < steps.length; i++) { bytes[2 * i] = ${FIRST_ROW} + Math.floor(i / ${CELLS}); bytes[2 * i + 1] = ${FIRST_CELL} + (i % ${CELLS}); }`,
    "const chars = [...new TextDecoder('gb18030').decode(bytes)];",
    'const DICT1 = new FastDictFactory();',
    ...(zero ? [`DICT1.set('〇', ${JSON.stringify(zero)});`] : []),
    'let reading = 0;',
    'for (let i = 0; i < steps.length; i++) { reading += parseInt(steps[i], 36); if (reading > 0) DICT1.set(chars[i], readings[reading - 1]); }',
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
  return {
    name: 'room-dialer:trim-pinyin-dictionaries',
    apply: 'build',
    transform(code, id) {
      if (DICT1_MODULE.test(id)) {
        return { code: compactDict1(code), map: null };
      }
      if (IDIOM_MODULE.test(id)) return { code: EMPTY_IDIOMS, map: null };
      if (SURNAME_MODULE.test(id)) return { code: EMPTY_SURNAMES, map: null };
      return null;
    },
  };
}
