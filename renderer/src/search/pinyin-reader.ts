// pinyin-pro and its dictionary (trimmed at build time by renderer/build/pinyin-dict.ts): the largest part of the
// window's code, so the window imports this file only after the first paint (stores/rooms.ts) and finds rooms by
// their written text until it is there.
import { pinyin } from 'pinyin-pro';
import type { PinyinReader } from './room-search';

export const readPinyin: PinyinReader = (run) =>
  pinyin(run, { toneType: 'none', type: 'array', v: true }).map((syllable) => syllable.toLowerCase());
