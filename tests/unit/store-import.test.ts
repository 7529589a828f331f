import { describe, expect, it } from 'vitest';
import type { MeetingRoomInfo } from '../../common/wemeet-types';
import { expectFileUnchanged, failedField, ok, open, roomsInFile, sipRoom, tempDir } from './store-helpers';

function info(id: string, extra: Partial<MeetingRoomInfo> = {}): MeetingRoomInfo {
  return {
    meetingRoomId: id,
    name: `Rooms ${id}`,
    location: '3F',
    roomStatus: 2,
    participantNumber: 8,
    isAllowCall: true,
    ...extra,
  };
}

const list = [info('1001'), info('1002', { isAllowCall: false }), info('1003', { name: '董事会议室', location: '' })];

describe('importing Tencent Rooms', () => {
  it('adds every room, callable only when is_allow_call allows it', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(ok(store.importTencentRooms(list))).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const rooms = store.listRooms();
    expect(rooms.map((r) => [r.kind, r.kind === 'rooms' && r.meetingRoomId, r.name, r.callable])).toEqual([
      ['rooms', '1001', 'Rooms 1001', true],
      ['rooms', '1002', 'Rooms 1002', false],
      ['rooms', '1003', '董事会议室', true],
    ]);
    expect(roomsInFile(dir)).toEqual(rooms);
  });

  it('importing the same list twice adds no duplicates and writes nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    ok(store.importTencentRooms(list));
    const summary = expectFileUnchanged(dir, () => ok(store.importTencentRooms(list)));
    expect(summary).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(store.listRooms()).toHaveLength(3);
  });

  it('refreshes name, location and callable, keeps what the operator added, and adds new rooms', () => {
    const { store } = open(tempDir());
    ok(store.importTencentRooms(list));
    const first = store.listRooms()[0]!;
    const edited = ok(store.updateRoom(first.id, { group: 'HQ', tags: ['vip'], favorite: true, notes: 'ask for Li' }));
    const summary = ok(
      store.importTencentRooms([
        info('1001', { name: 'Rooms 1001 (new)', location: '4F', isAllowCall: false }),
        info('1002', { isAllowCall: false }),
        info('1004'),
      ]),
    );
    expect(summary).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(store.getRoom(first.id)).toEqual({
      ...edited,
      name: 'Rooms 1001 (new)',
      location: '4F',
      callable: false,
      updatedAt: expect.any(String),
    });
    // 1003 was not in this list: it stays.
    expect(store.listRooms()).toHaveLength(4);
  });

  it('matches by meetingRoomId only: a SIP room is never merged with a Rooms room', () => {
    const { store } = open(tempDir());
    ok(store.addRoom(sipRoom));
    ok(store.importTencentRooms([info('1001', { name: sipRoom.name })]));
    expect(store.listRooms()).toHaveLength(2);
  });

  it('counts a room listed twice once, and fits long or empty names', () => {
    const { store } = open(tempDir());
    const summary = ok(
      store.importTencentRooms([
        info('1001'),
        info('1001', { name: 'later' }),
        info('1005', { name: '  ', location: 'L'.repeat(150) }),
      ]),
    );
    expect(summary).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(store.listRooms().map((r) => r.name)).toEqual(['later', '1005']);
    expect(store.listRooms()[1]!.location).toHaveLength(100);
  });

  it('refuses the whole list when one entry is malformed, naming it, and changes nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    ok(store.importTencentRooms([info('1001')]));
    const bad = [info('1002'), info('10-03')];
    expect(expectFileUnchanged(dir, () => failedField(store.importTencentRooms(bad)))).toBe('rooms[1].meetingRoomId');
    const noFlag = [info('1002'), { ...info('1004'), isAllowCall: 'yes' } as unknown as MeetingRoomInfo];
    expect(expectFileUnchanged(dir, () => failedField(store.importTencentRooms(noFlag)))).toBe('rooms[1].isAllowCall');
    expect(store.listRooms()).toHaveLength(1);
  });
});
