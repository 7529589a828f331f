import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoomInput } from '../../common/room-input';
import type { Room } from '../../common/store-schema';
import { roomsDocument } from '../../main/store/defaults';
import {
  expectFileUnchanged,
  failedField,
  h323Room,
  lastDialPath,
  ok,
  open,
  roomsInFile,
  roomsPath,
  sipRoom,
  tempDir,
  tencentRoom,
} from './store-helpers';

function setup() {
  const dir = tempDir();
  const { store } = open(dir);
  return { dir, store };
}

describe('address book: adding rooms', () => {
  it('stores a room of each kind with an id, timestamps and callable set', () => {
    const { dir, store } = setup();
    const sip = ok(store.addRoom({ ...sipRoom, tags: ['vip'], favorite: true }));
    const h323 = ok(store.addRoom(h323Room));
    const rooms = ok(store.addRoom(tencentRoom));
    expect(sip).toMatchObject({ kind: 'sip', address: sipRoom.address, callable: true, favorite: true, tags: ['vip'] });
    expect(sip.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sip.createdAt).toBe('2026-11-22T10:00:00.000Z');
    expect(sip.updatedAt).toBe(sip.createdAt);
    expect(h323).toMatchObject({ kind: 'h323', address: '192.168.1.20' });
    expect(rooms).toMatchObject({ kind: 'rooms', meetingRoomId: '2489756789', callable: true });
    expect(store.listRooms()).toEqual([sip, h323, rooms]);
    expect(roomsInFile(dir)).toEqual([sip, h323, rooms]);
  });

  it('refuses bad input, naming the field, and leaves the file byte-identical', () => {
    const { dir, store } = setup();
    ok(store.addRoom(sipRoom));
    const bad: [unknown, string][] = [
      [{ ...sipRoom, name: '' }, 'name'],
      [{ ...sipRoom, kind: 'pstn' }, 'kind'],
      [{ ...sipRoom, address: 'not valid' }, 'address'],
      [{ ...tencentRoom, meetingRoomId: '号码' }, 'meetingRoomId'],
      [{ ...sipRoom, address: 'other@example.com', notes: 'x'.repeat(1001) }, 'notes'],
      [{ ...sipRoom, address: 'other@example.com', id: 'mine' }, 'id'],
    ];
    for (const [input, field] of bad) {
      expect(expectFileUnchanged(dir, () => failedField(store.addRoom(input as RoomInput)))).toBe(field);
    }
    expect(store.listRooms()).toHaveLength(1);
  });

  it('refuses a second entry for the same device, naming the one already there', () => {
    const { dir, store } = setup();
    ok(store.addRoom(sipRoom));
    ok(store.addRoom(tencentRoom));
    const sameSip = expectFileUnchanged(dir, () =>
      store.addRoom({ name: 'Copy', kind: 'sip', address: 'SIP:Room-A@Video.Example.com' }),
    );
    expect(failedField(sameSip)).toBe('address');
    if (!sameSip.ok) expect(sameSip.error.message['en-US']).toContain(sipRoom.name);
    expect(failedField(store.addRoom({ name: 'Copy', kind: 'rooms', meetingRoomId: '2489756789' }))).toBe(
      'meetingRoomId',
    );
    // The same address over the other protocol is a different call.
    ok(store.addRoom({ name: 'Same host, H.323', kind: 'h323', address: '192.168.1.20' }));
    ok(store.addRoom({ name: 'Same host, SIP', kind: 'sip', address: '192.168.1.20' }));
  });

  it('findDuplicateAddress matches the same kind and normalised address, except the given id', () => {
    const { store } = setup();
    const room = ok(store.addRoom(sipRoom));
    expect(store.findDuplicateAddress('sip', ' sip:ROOM-A@video.example.com ')?.id).toBe(room.id);
    expect(store.findDuplicateAddress('sip', 'room-b@video.example.com')).toBeUndefined();
    expect(store.findDuplicateAddress('h323', sipRoom.address)).toBeUndefined();
    expect(store.findDuplicateAddress('sip', sipRoom.address, room.id)).toBeUndefined();
  });
});

describe('address book: editing, deleting, restoring', () => {
  it('updates the given fields, keeps the rest, and bumps updatedAt', () => {
    const { dir, store } = setup();
    const room = ok(store.addRoom({ ...sipRoom, tags: ['vip'] }));
    const updated = ok(store.updateRoom(room.id, { location: '6F', notes: undefined }));
    expect(updated).toMatchObject({ ...room, location: '6F', updatedAt: '2026-11-22T10:00:01.000Z' });
    expect(roomsInFile(dir)).toEqual([updated]);
  });

  it('can switch a room to another kind when the new dial field comes with it', () => {
    const { store } = setup();
    const room = ok(store.addRoom(sipRoom));
    const switched = ok(store.updateRoom(room.id, { kind: 'rooms', meetingRoomId: '123' }));
    expect(switched).toMatchObject({ kind: 'rooms', meetingRoomId: '123', callable: true });
    expect(switched).not.toHaveProperty('address');
  });

  it('writes nothing for an edit that changes nothing', () => {
    const { dir, store } = setup();
    const room = ok(store.addRoom(sipRoom));
    expect(expectFileUnchanged(dir, () => ok(store.updateRoom(room.id, { name: ` ${sipRoom.name} ` })))).toEqual(room);
  });

  it('refuses a bad edit, an unknown id, or a duplicate, and changes nothing', () => {
    const { dir, store } = setup();
    const room = ok(store.addRoom(sipRoom));
    const other = ok(store.addRoom({ name: 'B', kind: 'sip', address: 'b@example.com' }));
    const cases: [() => ReturnType<typeof store.updateRoom>, string][] = [
      [() => store.updateRoom(room.id, { name: '' }), 'name'],
      [() => store.updateRoom(room.id, { kind: 'rooms' }), 'meetingRoomId'],
      [() => store.updateRoom(room.id, { tags: ['x'.repeat(31)] }), 'tags[0]'],
      [() => store.updateRoom(room.id, { createdAt: 'now' } as Partial<RoomInput>), 'createdAt'],
      [() => store.updateRoom('no-such-id', { name: 'x' }), 'id'],
      [() => store.updateRoom(other.id, { address: sipRoom.address }), 'address'],
    ];
    for (const [run, field] of cases) expect(expectFileUnchanged(dir, () => failedField(run()))).toBe(field);
    expect(store.listRooms()).toEqual([room, other]);
  });

  it('deletes a room and returns it for undo; restoring puts it back unchanged', () => {
    const { dir, store } = setup();
    const a = ok(store.addRoom(sipRoom));
    const b = ok(store.addRoom(h323Room));
    const deleted = ok(store.deleteRoom(a.id));
    expect(deleted).toEqual(a);
    expect(store.listRooms()).toEqual([b]);
    expect(roomsInFile(dir)).toEqual([b]);
    expect(ok(store.restoreRoom(deleted))).toEqual(a);
    expect(roomsInFile(dir)).toEqual([b, a]);
  });

  it('refuses to delete an unknown id, or to restore a room that is there, malformed, or now a duplicate', () => {
    const { dir, store } = setup();
    const a = ok(store.addRoom(sipRoom));
    expect(expectFileUnchanged(dir, () => failedField(store.deleteRoom('nope')))).toBe('id');
    expect(expectFileUnchanged(dir, () => failedField(store.restoreRoom(a)))).toBe('id');
    expect(expectFileUnchanged(dir, () => failedField(store.restoreRoom({ ...a, id: 'x' } as Room)))).toBe('id');
    expect(expectFileUnchanged(dir, () => failedField(store.restoreRoom({ ...a, name: '' })))).toBe('name');
    const deleted = ok(store.deleteRoom(a.id));
    ok(store.addRoom({ ...sipRoom, name: 'Re-added' }));
    expect(expectFileUnchanged(dir, () => failedField(store.restoreRoom(deleted)))).toBe('address');
  });

  it('returns frozen rooms, so a caller cannot change the store behind its back', () => {
    const { store } = setup();
    const room = ok(store.addRoom(sipRoom));
    expect(() => {
      (room as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(Object.isFrozen(store.listRooms())).toBe(true);
  });
});

describe('address book: markDialed', () => {
  it('records the last dial without counting it as an edit, ignoring an older result', () => {
    const { dir, store } = setup();
    const room = ok(store.addRoom(sipRoom));
    const roomsFile = readFileSync(roomsPath(dir));
    const dialed = ok(store.markDialed(room.id, 'joined', '2026-11-22T11:00:00.000Z'));
    expect(dialed).toMatchObject({
      lastDialedAt: '2026-11-22T11:00:00.000Z',
      lastOutcome: 'joined',
      updatedAt: room.updatedAt,
    });
    expect(store.getRoom(room.id)).toEqual(dialed);
    // A finished call does not rewrite the address book; the dial is in the small log and survives a restart.
    expect(readFileSync(roomsPath(dir)).equals(roomsFile)).toBe(true);
    expect(open(dir).store.getRoom(room.id)).toEqual(dialed);
    expect(
      expectFileUnchanged(dir, () => ok(store.markDialed(room.id, 'no_answer', '2026-11-22T10:59:00.000Z'))),
    ).toEqual(dialed);
  });

  it('writes the latest dials into the address book file with the next room change, and empties the log', () => {
    const { dir, store } = setup();
    const room = ok(store.addRoom(sipRoom));
    const dialed = ok(store.markDialed(room.id, 'rejected', '2026-11-22T11:00:00.000Z'));
    expect(existsSync(lastDialPath(dir))).toBe(true);
    ok(store.addRoom(h323Room));
    expect(roomsInFile(dir)[0]).toEqual(dialed);
    expect(existsSync(lastDialPath(dir))).toBe(false);
    expect(open(dir).store.getRoom(room.id)).toEqual(dialed);
  });

  it('refuses an unknown room, an empty outcome or a time that is not UTC ISO, changing nothing', () => {
    const { dir, store } = setup();
    const room = ok(store.addRoom(sipRoom));
    expect(
      expectFileUnchanged(dir, () => failedField(store.markDialed('nope', 'joined', '2026-11-22T11:00:00.000Z'))),
    ).toBe('roomId');
    expect(
      expectFileUnchanged(dir, () => failedField(store.markDialed(room.id, ' ', '2026-11-22T11:00:00.000Z'))),
    ).toBe('outcome');
    expect(expectFileUnchanged(dir, () => failedField(store.markDialed(room.id, 'joined', 'yesterday')))).toBe('at');
  });
});

describe('address book: lookups by id and by device stay right after every change', () => {
  const other = { ...sipRoom, name: 'Other', address: 'other@video.example.com' };

  it('follows edits, deletes and restores: an address freed is free, one taken is refused', () => {
    const { store } = setup();
    const room = ok(store.addRoom(sipRoom));
    const moved = ok(store.updateRoom(room.id, { address: 'moved@video.example.com' }));
    expect(store.getRoom(room.id)).toBe(moved);
    expect(store.findDuplicateAddress('sip', 'SIP:Moved@video.example.com')).toBe(moved);
    expect(store.findDuplicateAddress('sip', sipRoom.address)).toBeUndefined();
    const reused = ok(store.addRoom(sipRoom));
    expect(failedField(store.addRoom({ ...other, address: 'moved@video.example.com' }))).toBe('address');

    const deleted = ok(store.deleteRoom(moved.id));
    expect(store.getRoom(moved.id)).toBeUndefined();
    expect(store.findDuplicateAddress('sip', 'moved@video.example.com')).toBeUndefined();
    ok(store.restoreRoom(deleted));
    expect(store.getRoom(moved.id)).toEqual(moved);
    expect(store.findDuplicateAddress('sip', 'moved@video.example.com', reused.id)?.id).toBe(moved.id);
    expect(store.findDuplicateAddress('sip', 'moved@video.example.com', moved.id)).toBeUndefined();
  });

  it('follows a Tencent import and a reopen', () => {
    const { dir, store } = setup();
    const summary = ok(
      store.importTencentRooms([
        {
          meetingRoomId: '1001',
          name: 'Rooms 1001',
          location: '',
          roomStatus: 1,
          participantNumber: 0,
          isAllowCall: true,
        },
      ]),
    );
    expect(summary.added).toBe(1);
    const imported = store.listRooms()[0]!;
    expect(store.getRoom(imported.id)).toBe(imported);
    expect(failedField(store.addRoom({ ...tencentRoom, meetingRoomId: '1001' }))).toBe('meetingRoomId');
    const reopened = open(dir).store;
    expect(reopened.getRoom(imported.id)).toEqual(imported);
    expect(reopened.findDuplicateAddress('rooms', '1001')?.id).toBe(imported.id);
  });

  it('keeps guarding a device that an older file listed twice until both entries are gone', () => {
    const { dir, store } = setup();
    const a = ok(store.addRoom(sipRoom));
    const twin: Room = { ...a, id: '5a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', name: 'Twin' };
    writeFileSync(roomsPath(dir), JSON.stringify(roomsDocument([a, twin])));
    const reopened = open(dir).store;
    ok(reopened.deleteRoom(a.id));
    expect(reopened.findDuplicateAddress('sip', sipRoom.address)?.id).toBe(twin.id);
    ok(reopened.deleteRoom(twin.id));
    expect(reopened.findDuplicateAddress('sip', sipRoom.address)).toBeUndefined();
  });
});
