// The window's trimmed pinyin-pro (renderer/build/pinyin-dict.ts) must read room names exactly as the full library
// does. The trim is applied to a copy of pinyin-pro's ESM files, which is then imported and compared.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pinyin as fullPinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compactDict1,
  EMPTY_IDIOMS,
  EMPTY_SURNAMES,
  gb2312Hanzi,
  trimPinyinDictionaries,
} from '../../renderer/build/pinyin-dict';

const require = createRequire(import.meta.url);
const esm = join(dirname(require.resolve('pinyin-pro/package.json')), 'dist', 'esm');
let copy: string;
let trimmedPinyin: typeof fullPinyin;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'pinyin-trim-'));
  cpSync(esm, copy, { recursive: true });
  const data = join(copy, 'data');
  writeFileSync(join(data, 'dict1.mjs'), compactDict1(readFileSync(join(data, 'dict1.mjs'), 'utf8')));
  writeFileSync(join(data, 'dict4.mjs'), EMPTY_IDIOMS);
  writeFileSync(join(data, 'surname.mjs'), EMPTY_SURNAMES);
  ({ pinyin: trimmedPinyin } = (await import(pathToFileURL(join(copy, 'index.mjs')).href)) as {
    pinyin: typeof fullPinyin;
  });
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const ROOM_NAMES = [
  '北京大会议室',
  '重庆银行行政部',
  '董事长办公室',
  '长沙分行 3 楼培训厅',
  '绿园多功能厅',
  '上海研发中心·A 座',
  '广州塔会客厅',
  '深圳湾一号楼',
  '乐山大佛接待室',
  '单县和曾家岩会议中心',
];

describe('trimmed pinyin dictionaries', () => {
  it('keep the 6,763 GB2312 Hanzi and 〇', () => {
    const chars = gb2312Hanzi();
    expect(chars.size).toBe(6764);
    expect(chars.has('会')).toBe(true);
    expect(chars.has('堃')).toBe(false); // GBK only
  });

  it('read room names exactly as the full pinyin-pro does', () => {
    for (const name of ROOM_NAMES) {
      const options = { toneType: 'none', type: 'array', v: true } as const;
      expect(trimmedPinyin(name, options), name).toEqual(fullPinyin(name, options));
    }
  });

  it('give every GB2312 character (and 〇) the reading the full dictionary gives', () => {
    const text = [...gb2312Hanzi()].join('');
    expect(trimmedPinyin('二〇二六', { toneType: 'none' })).toBe('er ling er liu');
    const options = { toneType: 'none', type: 'array' } as const;
    expect(trimmedPinyin(text, options)).toEqual(fullPinyin(text, options));
  });

  it('leave a character outside the set as it is (it still matches literally)', () => {
    expect(trimmedPinyin('堃', { toneType: 'none', type: 'array' })).toEqual(['堃']);
  });

  it('only touches pinyin-pro data modules', () => {
    const plugin = trimPinyinDictionaries();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(transform('x', '/app/node_modules/pinyin-pro/dist/esm/data/dict2.mjs')).toBeNull();
    expect(transform('x', '/app/renderer/src/main.ts')).toBeNull();
    expect(() => transform('const map = {};', '/app/node_modules/pinyin-pro/dist/esm/data/dict1.mjs')).toThrow(
      /unexpected layout/,
    );
  });
});
