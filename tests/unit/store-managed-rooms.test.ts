// Rooms from IT's shared address book in the desk's store (main/store/managed-rooms.ts through AppStore): merged by
// device, read-only at the desk but for the star, kept on disk with managed: true, and the desk's own rooms refused
// while IT allows none.
import { describe, expect, it } from 'vitest';
import type { ManagedRoomInput } from '../../main/store/managed-rooms';
import { expectInvalid, expectValid } from '../helpers/validated';
import { open, roomsInFile, tempDir } from './store-helpers';

const entry = (name: string, address: string, extra: Partial<ManagedRoomInput> = {}): ManagedRoomInput =>
  ({
    name,
    kind: 'sip',
    address,
    location: '',
    group: 'IT',
    tags: [],
    notes: '',
    favorite: false,
    ...extra,
  }) as ManagedRoomInput;

describe('shared address book rooms in the store', () => {
  it('adds, keeps, updates and removes IT rooms by device, keeping ids and the desk star', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const first = store.syncManagedRooms([entry('Board room', 'board@10.0.0.1'), entry('Lab', 'lab@10.0.0.2')]);
    expect(first).toEqual({ added: 2, updated: 0, adopted: 0, removed: 0, unchanged: 0 });
    const board = store.listRooms().find((room) => room.name === 'Board room');
    expect(board).toMatchObject({ managed: true, group: 'IT' });
    expect(roomsInFile(dir).every((room) => room.managed === true)).toBe(true);

    // The star is the desk's own, and survives a refresh.
    expect(store.updateRoom(board!.id, { favorite: true })).toMatchObject({ ok: true, value: { favorite: true } });
    const again = store.syncManagedRooms([
      entry('Board room 3F', 'sip:BOARD@10.0.0.1:5060'),
      entry('Lab', 'lab@10.0.0.2'),
    ]);
    expect(again).toEqual({ added: 0, updated: 1, adopted: 0, removed: 0, unchanged: 1 });
    expect(store.getRoom(board!.id)).toMatchObject({ name: 'Board room 3F', favorite: true, managed: true });

    const last = store.syncManagedRooms([entry('Lab', 'lab@10.0.0.2')]);
    expect(last).toMatchObject({ removed: 1, unchanged: 1 });
    expect(store.getRoom(board!.id)).toBeUndefined();
  });

  it("takes over the desk's own room for the same device, keeping its id", () => {
    const { store } = open(tempDir());
    const own = expectValid(store.addRoom({ name: 'my lab', kind: 'sip', address: 'lab@10.0.0.2', favorite: true }));
    expect(store.syncManagedRooms([entry('Lab', 'lab@10.0.0.2')])).toMatchObject({ adopted: 1, added: 0 });
    expect(store.getRoom(own.id)).toMatchObject({ name: 'Lab', managed: true, favorite: true });
    expect(store.listRooms()).toHaveLength(1);
  });

  it('refuses edits and deletes of IT rooms naming why, in both languages, and changes nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.syncManagedRooms([entry('Lab', 'lab@10.0.0.2')]);
    const lab = store.listRooms()[0]!;
    const before = JSON.stringify(roomsInFile(dir));

    expectInvalid(
      store.updateRoom(lab.id, { name: 'renamed' }),
      'room',
      /IT department's shared address book and cannot be changed here/,
      /IT 部门的共享通讯录，不能在这里修改/,
    );
    expectInvalid(store.deleteRoom(lab.id), 'room', /cannot be deleted here/, /不能在这里删除/);
    // The same value sent back (a form saving every field) is not a change.
    expect(store.updateRoom(lab.id, { name: 'Lab', group: 'IT' })).toMatchObject({ ok: true });
    // A restored "IT room" from the window would be a forgery.
    const forged = { ...lab, id: '6f1c4d8e-2b7a-4c1e-9f3a-1d2e3f4a5b6c', address: 'x@10.0.0.9' };
    expectInvalid(store.restoreRoom(forged), 'room');
    expect(JSON.stringify(roomsInFile(dir))).toBe(before);
  });

  it("refuses the desk's own rooms while IT allows none, and frees IT's rooms when the book is withdrawn", () => {
    const { store } = open(tempDir());
    store.syncManagedRooms([entry('Lab', 'lab@10.0.0.2')]);
    store.setManagedRoomPolicy({ allowLocalRooms: false });
    const mine = { name: 'mine', kind: 'sip', address: 'me@10.0.0.3' } as const;
    expectInvalid(store.addRoom(mine), 'room', /cannot be added at this desk/, /IT 部门统一管理/);
    expectInvalid(store.importTencentRooms([]), 'room');

    store.setManagedRoomPolicy({ allowLocalRooms: true });
    expectValid(store.addRoom(mine));
    expect(store.releaseManagedRooms()).toBe(1);
    expect(store.listRooms().some((room) => room.managed)).toBe(false);
    expect(store.deleteRoom(store.listRooms()[0]!.id).ok).toBe(true);
  });

  it('leaves IT rooms alone in a Tencent Rooms import', () => {
    const { store } = open(tempDir());
    const rooms: ManagedRoomInput = {
      name: 'IT name',
      kind: 'rooms',
      meetingRoomId: 'R100',
      location: '',
      group: '',
      tags: [],
      notes: '',
      favorite: false,
    };
    store.syncManagedRooms([rooms]);
    const summary = store.importTencentRooms([
      {
        meetingRoomId: 'R100',
        name: 'Tencent name',
        location: '',
        isAllowCall: true,
        roomStatus: 2,
        participantNumber: 0,
      },
    ]);
    expect(summary).toMatchObject({ ok: true, value: { unchanged: 1, updated: 0 } });
    expect(store.listRooms()[0]).toMatchObject({ name: 'IT name', managed: true });
  });
});
