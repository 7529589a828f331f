import { describe, expect, it } from 'vitest';
import { RoomSearchIndex, pinyinKeys, queryTerms } from '../../renderer/src/search/room-search';
import { makeRoom } from './fixtures';

function search(rooms: ReturnType<typeof makeRoom>[], query: string): string[] {
  const index = new RoomSearchIndex();
  index.addPinyin(index.sync(rooms));
  return index.filter(rooms, query).map((room) => room.name);
}

describe('pinyinKeys', () => {
  it('gives full pinyin and initials for Chinese, keeps other text lower-cased without spaces', () => {
    expect(pinyinKeys('会议室')).toEqual({ full: 'huiyishi', initials: 'hys' });
    expect(pinyinKeys('3楼 Room')).toEqual({ full: '3louroom', initials: '3lroom' });
  });

  it('reads polyphones in context and writes ü as v', () => {
    expect(pinyinKeys('重庆银行').full).toBe('chongqingyinhang');
    expect(pinyinKeys('绿园').full).toBe('lvyuan');
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
    // name "北京大会议室" ends in "shi", location starts with "zong": no "shizong".
    expect(search(rooms, 'shizong')).toEqual([]);
  });

  it('accepts full-width letters from a Chinese input method and keeps everything for an empty query', () => {
    expect(queryTerms('ｂｊ  Ｒoom')).toEqual(['bj', 'room']);
    expect(search(rooms, '   ')).toHaveLength(3);
  });

  it('matches the plain text before the pinyin is computed, and the pinyin once it is', () => {
    const index = new RoomSearchIndex();
    const pending = index.sync(rooms);
    expect(pending).toHaveLength(2); // Board Room has no Chinese
    expect(index.filter(rooms, '北京').map((r) => r.name)).toEqual(['北京大会议室']);
    expect(index.filter(rooms, 'beijing')).toEqual([]);
    index.addPinyin(pending);
    expect(index.filter(rooms, 'beijing').map((r) => r.name)).toEqual(['北京大会议室']);
  });

  it('keeps the pinyin of unchanged rooms and recomputes an edited one', () => {
    const index = new RoomSearchIndex();
    index.addPinyin(index.sync(rooms));
    const renamed = { ...rooms[1]!, name: '广州培训室' };
    const next = [rooms[0]!, renamed, rooms[2]!];
    expect(index.sync(next)).toEqual([renamed.id]);
    index.addPinyin([renamed.id]);
    expect(index.filter(next, 'guangzhou').map((r) => r.name)).toEqual(['广州培训室']);
    expect(index.filter(next, 'shanghaipeixun')).toEqual([]);
  });

  it('forgets deleted rooms', () => {
    const index = new RoomSearchIndex();
    index.sync(rooms);
    expect(index.sync([rooms[0]!])).toEqual([rooms[0]!.id]);
    expect(index.filter(rooms, 'room').map((r) => r.name)).toEqual([]);
  });
});

describe('RoomSearchIndex while typing', () => {
  const rooms = [makeRoom({ name: '北京大会议室' }), makeRoom({ name: '北京培训室' }), makeRoom({ name: 'Beta lab' })];

  it('gives the same answers when a query grows, shrinks or changes', () => {
    const index = new RoomSearchIndex();
    index.addPinyin(index.sync(rooms));
    const names = (query: string) => index.filter(rooms, query).map((r) => r.name);
    expect(names('b')).toEqual(['北京大会议室', '北京培训室', 'Beta lab']);
    expect(names('be')).toEqual(['北京大会议室', '北京培训室', 'Beta lab']);
    expect(names('bei')).toEqual(['北京大会议室', '北京培训室']);
    expect(names('bei px')).toEqual(['北京培训室']);
    expect(names('bei')).toEqual(['北京大会议室', '北京培训室']);
    expect(names('bet')).toEqual(['Beta lab']);
    expect(names('')).toEqual(['北京大会议室', '北京培训室', 'Beta lab']);
  });

  it('searches everything again after the rooms or their pinyin changed', () => {
    const index = new RoomSearchIndex();
    index.sync(rooms);
    expect(index.filter(rooms, 'bei').map((r) => r.name)).toEqual([]);
    index.addPinyin(rooms.map((r) => r.id));
    expect(index.filter(rooms, 'beij').map((r) => r.name)).toEqual(['北京大会议室', '北京培训室']);
    const more = [...rooms, makeRoom({ name: '北京分部' })];
    index.addPinyin(index.sync(more));
    expect(index.filter(more, 'beiji').map((r) => r.name)).toEqual(['北京大会议室', '北京培训室', '北京分部']);
  });
});
