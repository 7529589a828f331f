import { describe, expect, it } from 'vitest';
import type { Room } from '../../common/store-schema';
import { readPinyin } from '../../renderer/src/search/pinyin-reader';
import {
  RoomSearchIndex,
  SearchSession,
  charMask,
  pinyinKeys,
  queryTerms,
} from '../../renderer/src/search/room-search';
import { makeRoom } from './fixtures';

/** An index over `rooms` with its pinyin computed, and one search box over it. */
function searchOver(rooms: readonly Room[]): { index: RoomSearchIndex; session: SearchSession } {
  const index = new RoomSearchIndex();
  index.addPinyin(index.sync(rooms), readPinyin);
  return { index, session: new SearchSession(index) };
}

function search(rooms: Room[], query: string): string[] {
  return searchOver(rooms)
    .session.filter(rooms, query)
    .map((room) => room.name);
}

describe('pinyinKeys', () => {
  it('gives full pinyin and initials for Chinese, keeps other text lower-cased without spaces', () => {
    expect(pinyinKeys('会议室', readPinyin)).toEqual({ full: 'huiyishi', initials: 'hys' });
    expect(pinyinKeys('3楼 Room', readPinyin)).toEqual({ full: '3louroom', initials: '3lroom' });
  });

  it('reads polyphones in context and writes ü as v', () => {
    expect(pinyinKeys('重庆银行', readPinyin).full).toBe('chongqingyinhang');
    expect(pinyinKeys('绿园', readPinyin).full).toBe('lvyuan');
  });
});

describe('charMask', () => {
  it('has one bit per Latin letter, one for digits, and a few shared by everything else', () => {
    expect(charMask('a')).toBe(1);
    expect(charMask('z')).toBe(1 << 25);
    expect(charMask('0123456789')).toBe(1 << 26);
    expect(charMask('abc') & charMask('cab')).toBe(charMask('abc'));
    expect(charMask('京') & ~((1 << 27) - 1)).toBe(charMask('京')); // outside the letters and digits
  });
});

describe('RoomSearchIndex', () => {
  const rooms = [
    makeRoom({ name: '北京大会议室', location: '总部 3 楼', address: '10.0.0.5', kind: 'h323', tags: ['视频'] }),
    makeRoom({ name: '上海培训室', location: 'Shanghai office', address: 'train@sip.example.com', group: '华东' }),
    makeRoom({ name: 'Board Room', kind: 'rooms', meetingRoomId: 'ABC123', tags: ['VIP'] }),
  ];

  it('finds by name, location, address, Rooms ID, group and tag', () => {
    expect(search(rooms, '培训')).toEqual(['上海培训室']);
    expect(search(rooms, 'shanghai OFFICE')).toEqual(['上海培训室']);
    expect(search(rooms, '10.0.0')).toEqual(['北京大会议室']);
    expect(search(rooms, 'abc1')).toEqual(['Board Room']);
    expect(search(rooms, '华东')).toEqual(['上海培训室']);
    expect(search(rooms, 'vip')).toEqual(['Board Room']);
  });

  it('finds Chinese names by full pinyin and by initials, also in location and tags', () => {
    expect(search(rooms, 'beijing')).toEqual(['北京大会议室']);
    expect(search(rooms, 'bjdhys')).toEqual(['北京大会议室']);
    expect(search(rooms, 'zongbu')).toEqual(['北京大会议室']);
    expect(search(rooms, 'shipin')).toEqual(['北京大会议室']);
    expect(search(rooms, 'huiyi')).toEqual(['北京大会议室']);
  });

  it('needs every term, and never matches across two fields', () => {
    expect(search(rooms, 'beijing 10.0')).toEqual(['北京大会议室']);
    expect(search(rooms, 'beijing train')).toEqual([]);
    // name "北京大会议室" ends in "shi", location starts with "zong": no "shizong", in pinyin or initials.
    expect(search(rooms, 'shizong')).toEqual([]);
    expect(search(rooms, 'hysz')).toEqual([]);
    // the name's initials are not run into its full pinyin either
    expect(search(rooms, 'hysbei')).toEqual([]);
  });

  it('accepts full-width letters from a Chinese input method and keeps everything for an empty query', () => {
    expect(queryTerms('ｂｊ  Ｒoom')).toEqual(['bj', 'room']);
    expect(search(rooms, 'ｂｏａｒｄ')).toEqual(['Board Room']);
    expect(search(rooms, '   ')).toHaveLength(3);
  });

  it('finds rooms whose fields were typed full-width', () => {
    const wide = makeRoom({ name: 'Ｒｏｏｍ　Ａ', address: 'a@sip.example.com' });
    expect(search([wide], 'room a')).toEqual(['Ｒｏｏｍ　Ａ']);
  });

  it('matches the plain text before the pinyin is computed, and the pinyin once it is', () => {
    const index = new RoomSearchIndex();
    const session = new SearchSession(index);
    const pending = index.sync(rooms);
    expect(pending).toHaveLength(2); // Board Room has no Chinese
    expect(session.filter(rooms, '北京').map((r) => r.name)).toEqual(['北京大会议室']);
    expect(session.filter(rooms, 'beijing')).toEqual([]);
    index.addPinyin(pending, readPinyin);
    expect(session.filter(rooms, 'beijing').map((r) => r.name)).toEqual(['北京大会议室']);
  });

  it('keeps the pinyin of unchanged rooms and recomputes an edited one', () => {
    const { index, session } = searchOver(rooms);
    const renamed = { ...rooms[1]!, name: '广州培训室' };
    const next = [rooms[0]!, renamed, rooms[2]!];
    expect(index.sync(next)).toEqual([renamed.id]);
    index.addPinyin([renamed.id], readPinyin);
    expect(session.filter(next, 'guangzhou').map((r) => r.name)).toEqual(['广州培训室']);
    expect(session.filter(next, 'shanghaipeixun')).toEqual([]);
  });

  it('forgets deleted rooms, also in a list searched before', () => {
    const { index, session } = searchOver(rooms);
    expect(session.filter(rooms, 'room').map((r) => r.name)).toEqual(['Board Room']);
    expect(index.sync([rooms[0]!])).toEqual([]);
    expect(session.filter(rooms, 'room').map((r) => r.name)).toEqual([]);
  });

  it('searches any order of the rooms and keeps that order', () => {
    const { session } = searchOver(rooms);
    const reversed = [...rooms].reverse();
    expect(session.filter(reversed, 's').map((r) => r.name)).toEqual(['上海培训室', '北京大会议室']);
    expect(session.filter(rooms, 's').map((r) => r.name)).toEqual(['北京大会议室', '上海培训室']);
  });

  it('finds nothing in a room it was never given', () => {
    const { session } = searchOver(rooms);
    const stranger = makeRoom({ name: 'Board Room 2' });
    expect(session.filter([...rooms, stranger], 'board').map((r) => r.name)).toEqual(['Board Room']);
  });
});

describe('SearchSession while typing', () => {
  const rooms = [makeRoom({ name: '北京大会议室' }), makeRoom({ name: '北京培训室' }), makeRoom({ name: 'Beta lab' })];

  it('gives the same answers when a query grows, shrinks or changes', () => {
    const { session } = searchOver(rooms);
    const names = (query: string) => session.filter(rooms, query).map((r) => r.name);
    expect(names('b')).toEqual(['北京大会议室', '北京培训室', 'Beta lab']);
    expect(names('be')).toEqual(['北京大会议室', '北京培训室', 'Beta lab']);
    expect(names('bei')).toEqual(['北京大会议室', '北京培训室']);
    expect(names('bei px')).toEqual(['北京培训室']);
    expect(names('bei')).toEqual(['北京大会议室', '北京培训室']);
    expect(names('bet')).toEqual(['Beta lab']);
    expect(names('')).toEqual(['北京大会议室', '北京培训室', 'Beta lab']);
  });

  it('hands back the very same array while a keystroke leaves the result as it was', () => {
    const { session } = searchOver(rooms);
    expect(session.filter(rooms, '')).toBe(rooms);
    const b = session.filter(rooms, 'b');
    expect(session.filter(rooms, 'be')).toBe(b); // narrowed, same three rooms
    const bei = session.filter(rooms, 'bei');
    expect(bei).not.toBe(b);
    expect(session.filter(rooms, 'beij')).toBe(bei);
    expect(session.filter(rooms, 'bei')).toBe(bei); // erased a letter: searched again, same rooms
    expect(session.filter(rooms, 'bj')).toEqual(bei);
  });

  it('gives back what each query found when the operator erases back to it', () => {
    const { session } = searchOver(rooms);
    const b = session.filter(rooms, 'b');
    const bei = session.filter(rooms, 'bei');
    session.filter(rooms, 'bei p');
    expect(session.filter(rooms, 'bei px').map((r) => r.name)).toEqual(['北京培训室']);
    expect(session.filter(rooms, 'bei ')).toBe(bei);
    expect(session.filter(rooms, 'b')).toBe(b);
    expect(session.filter(rooms, 'bet').map((r) => r.name)).toEqual(['Beta lab']);
    expect(session.filter(rooms, '')).toBe(rooms);
    expect(session.filter(rooms, 'b')).toEqual(b); // the whole list was shown in between: searched anew
  });

  it('finds a single letter by its mask alone, and any other character by reading the text', () => {
    const { session } = searchOver(rooms);
    expect(session.filter(rooms, 'j').map((r) => r.name)).toEqual(['北京大会议室', '北京培训室']);
    expect(session.filter(rooms, 'q')).toEqual([]);
    expect(session.filter(rooms, '京').map((r) => r.name)).toEqual(['北京大会议室', '北京培训室']);
    expect(session.filter(rooms, '東')).toEqual([]);
  });

  it('keeps each search box to its own last result', () => {
    const { index, session: board } = searchOver(rooms);
    const book = new SearchSession(index);
    const bei = board.filter(rooms, 'bei');
    expect(book.filter(rooms, 'lab').map((r) => r.name)).toEqual(['Beta lab']);
    expect(board.filter(rooms, 'beij')).toBe(bei);
  });

  it('searches everything again after the rooms or their pinyin changed', () => {
    const index = new RoomSearchIndex();
    const session = new SearchSession(index);
    index.sync(rooms);
    expect(session.filter(rooms, 'bei').map((r) => r.name)).toEqual([]);
    index.addPinyin(
      rooms.map((r) => r.id),
      readPinyin,
    );
    expect(session.filter(rooms, 'beij').map((r) => r.name)).toEqual(['北京大会议室', '北京培训室']);
    const more = [...rooms, makeRoom({ name: '北京分部' })];
    index.addPinyin(index.sync(more), readPinyin);
    expect(session.filter(more, 'beiji').map((r) => r.name)).toEqual(['北京大会议室', '北京培训室', '北京分部']);
  });
});
