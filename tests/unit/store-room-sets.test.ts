// Room sets in the store (main/store/room-sets.ts): their own file (config.sets.json, created at the first save, a
// missing one meaning no sets), every bad field named in both languages with nothing written, unique names without
// regard to case or width, the limits, a deleted room kept as a visible gap, and the CSV import's plan.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownOperatorError } from '../../common/operator-error';
import { ROOM_SET_LIMITS } from '../../common/room-set';
import { CURRENT_SCHEMA_VERSION, type Room, type RoomSet } from '../../common/store-schema';
import type { StoreBackendFactory } from '../../main/store/backend';
import { StoreWriteError, type AppStore } from '../../main/store/app-store';
import { roomSetsDocument } from '../../main/store/defaults';
import {
  confBackend,
  expectFileUnchanged,
  failedField,
  filesIn,
  h323Room,
  memoryBackend,
  ok,
  open,
  sipRoom,
  tempDir,
  tencentRoom,
} from './store-helpers';

const setsPath = (dir: string): string => path.join(dir, 'config.sets.json');
const setsInFile = (dir: string): RoomSet[] =>
  (JSON.parse(readFileSync(setsPath(dir), 'utf8')) as { sets: RoomSet[] }).sets;

const RETRY = { retries: 3, backoffMs: [30_000, 120_000], rejoinOnDrop: true, rejoins: 1 };

function withRooms(dir = tempDir(), backend?: StoreBackendFactory): { dir: string; store: AppStore; rooms: Room[] } {
  const { store } = open(dir, backend ? { backend } : {});
  const rooms = [sipRoom, h323Room, tencentRoom].map((input) => ok(store.addRoom(input)));
  return { dir, store, rooms };
}

describe('room sets: create, edit, delete', () => {
  it('saves a set with its rooms in order, a default meeting and its own retry rules, and reads it back', () => {
    const { dir, store, rooms } = withRooms();
    expect(existsSync(setsPath(dir))).toBe(false);
    const set = ok(
      store.sets.createSet({
        name: '  Monday board meeting ',
        roomIds: [rooms[1]!.id, rooms[0]!.id],
        defaultMeeting: '806-146-667',
        retry: RETRY,
      }),
    );
    expect(set).toMatchObject({
      name: 'Monday board meeting',
      roomIds: [rooms[1]!.id, rooms[0]!.id],
      defaultMeeting: '806146667',
      retry: RETRY,
    });
    expect(setsInFile(dir)).toEqual([set]);
    expect(store.sets.getSet(set.id)).toEqual(set);
    expect(store.sets.findSetByName('MONDAY BOARD MEETING')).toEqual(set);

    const reopened = open(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.store.sets.listSets()).toEqual([set]);
  });

  it('edits only the fields given; an empty default meeting and a null retry remove them; an unchanged edit writes nothing', () => {
    const memory = memoryBackend();
    const { store, rooms } = withRooms(tempDir(), memory.factory);
    const set = ok(
      store.sets.createSet({
        name: 'Lobby',
        roomIds: [rooms[0]!.id],
        defaultMeeting: '7567173273889276131',
        retry: RETRY,
      }),
    );
    const renamed = ok(store.sets.updateSet(set.id, { name: 'Lobby screens', roomIds: [rooms[0]!.id, rooms[2]!.id] }));
    expect(renamed).toMatchObject({
      id: set.id,
      name: 'Lobby screens',
      defaultMeeting: '7567173273889276131',
      retry: RETRY,
    });
    expect(renamed.createdAt).toBe(set.createdAt);
    expect(renamed.updatedAt).not.toBe(set.updatedAt);

    const cleared = ok(store.sets.updateSet(set.id, { defaultMeeting: '', retry: null }));
    expect(cleared).not.toHaveProperty('defaultMeeting');
    expect(cleared).not.toHaveProperty('retry');

    const writes = memory.writes('config.sets');
    expect(ok(store.sets.updateSet(set.id, { name: 'Lobby screens' }))).toBe(cleared);
    expect(memory.writes('config.sets')).toBe(writes);
  });

  it('deletes a set and gives it back as it was', () => {
    const { dir, store, rooms } = withRooms();
    const set = ok(store.sets.createSet({ name: 'Overflow', roomIds: [rooms[0]!.id] }));
    expect(ok(store.sets.deleteSet(set.id))).toEqual(set);
    expect(store.sets.getSet(set.id)).toBeUndefined();
    expect(store.sets.findSetByName('overflow')).toBeUndefined();
    expect(setsInFile(dir)).toEqual([]);
    expect(failedField(store.sets.deleteSet(set.id))).toBe('id');
  });
});

describe('room sets: bad input names the field and changes nothing', () => {
  it.each<[string, (rooms: Room[]) => unknown, string]>([
    ['a blank name', (r) => ({ name: '  ', roomIds: [r[0]!.id] }), 'name'],
    ['a name over 100 characters', (r) => ({ name: '会'.repeat(101), roomIds: [r[0]!.id] }), 'name'],
    ['a name with a line break', (r) => ({ name: 'a\nb', roomIds: [r[0]!.id] }), 'name'],
    ['no rooms', () => ({ name: 'Empty', roomIds: [] }), 'roomIds'],
    ['rooms that are not a list', (r) => ({ name: 'X', roomIds: r[0]!.id }), 'roomIds'],
    [
      'a room not in the address book',
      (r) => ({ name: 'X', roomIds: [r[0]!.id, '9f0c0c4e-0000-4000-8000-000000000000'] }),
      'roomIds[1]',
    ],
    ['a room listed twice', (r) => ({ name: 'X', roomIds: [r[0]!.id, r[1]!.id, r[0]!.id] }), 'roomIds[2]'],
    [
      'a default meeting of 8 digits',
      (r) => ({ name: 'X', roomIds: [r[0]!.id], defaultMeeting: '12345678' }),
      'defaultMeeting',
    ],
    [
      'a default meeting with letters',
      (r) => ({ name: 'X', roomIds: [r[0]!.id], defaultMeeting: 'abc' }),
      'defaultMeeting',
    ],
    ['too many retries', (r) => ({ name: 'X', roomIds: [r[0]!.id], retry: { ...RETRY, retries: 6 } }), 'retry.retries'],
    [
      'a wait under 10 s',
      (r) => ({ name: 'X', roomIds: [r[0]!.id], retry: { ...RETRY, backoffMs: [5000] } }),
      'retry.backoffMs[0]',
    ],
    [
      'rejoin that is not yes or no',
      (r) => ({ name: 'X', roomIds: [r[0]!.id], retry: { ...RETRY, rejoinOnDrop: 'yes' } }),
      'retry.rejoinOnDrop',
    ],
    ['an unknown field', (r) => ({ name: 'X', roomIds: [r[0]!.id], colour: 'red' }), 'colour'],
    ['not an object', () => 'Board', 'set'],
  ])('refuses %s', (_label, make, field) => {
    const { dir, store, rooms } = withRooms();
    ok(store.sets.createSet({ name: 'Existing', roomIds: [rooms[0]!.id] }));
    const before = store.sets.listSets();
    expect(expectFileUnchanged(dir, () => failedField(store.sets.createSet(make(rooms))))).toBe(field);
    expect(store.sets.listSets()).toBe(before);
  });

  it('refuses a name another set has, whatever its case or width, on create and on rename', () => {
    const { dir, store, rooms } = withRooms();
    ok(store.sets.createSet({ name: 'Board', roomIds: [rooms[0]!.id] }));
    const other = ok(store.sets.createSet({ name: 'Lobby', roomIds: [rooms[1]!.id] }));
    for (const name of ['board', ' BOARD ', 'ｂｏａｒｄ']) {
      const result = expectFileUnchanged(dir, () => store.sets.createSet({ name, roomIds: [rooms[2]!.id] }));
      expect(failedField(result)).toBe('name');
      if (!result.ok) expect(result.error.message['en-US']).toContain('"Board"');
    }
    expect(failedField(store.sets.updateSet(other.id, { name: 'BOARD' }))).toBe('name');
    // Its own name in another case is a rename, not a clash.
    expect(ok(store.sets.updateSet(other.id, { name: 'LOBBY' })).name).toBe('LOBBY');
  });

  it('holds at most 200 rooms per set and 500 sets', () => {
    const memory = memoryBackend();
    const { store } = open(tempDir(), { backend: memory.factory });
    const ids = store.batch(() =>
      Array.from(
        { length: ROOM_SET_LIMITS.rooms + 1 },
        (_, i) => ok(store.addRoom({ name: `Room ${i}`, kind: 'sip', address: `room${i}@sip.example.com` })).id,
      ),
    );
    expect(failedField(store.sets.createSet({ name: 'Too big', roomIds: ids }))).toBe('roomIds');
    ok(store.sets.createSet({ name: 'Full', roomIds: ids.slice(0, ROOM_SET_LIMITS.rooms) }));
    for (let i = 1; i < ROOM_SET_LIMITS.sets; i += 1)
      ok(store.sets.createSet({ name: `Set ${i}`, roomIds: [ids[0]!] }));
    expect(store.sets.listSets()).toHaveLength(ROOM_SET_LIMITS.sets);
    const writes = memory.writes('config.sets');
    const refused = store.sets.createSet({ name: 'One more', roomIds: [ids[0]!] });
    expect(failedField(refused)).toBe('sets');
    if (!refused.ok) expect(refused.error.message['zh-CN']).toContain('500');
    expect(memory.writes('config.sets')).toBe(writes);
  });
});

describe('a room deleted from the address book', () => {
  it('leaves a gap the set keeps: shown, allowed to stay in an edit, filled again by undo', () => {
    const { dir, store, rooms } = withRooms();
    const set = ok(store.sets.createSet({ name: 'Board', roomIds: rooms.map((r) => r.id) }));
    const deleted = ok(store.deleteRoom(rooms[1]!.id));

    const kept = store.sets.getSet(set.id)!;
    expect(kept.roomIds).toEqual(set.roomIds);
    expect(store.sets.missingRoomIds(kept)).toEqual([rooms[1]!.id]);
    expect(open(dir).store.sets.getSet(set.id)?.roomIds).toEqual(set.roomIds);

    // Renaming keeps the gap; a deleted room cannot be added to another set.
    expect(ok(store.sets.updateSet(set.id, { name: 'Board (Mon)' })).roomIds).toEqual(set.roomIds);
    expect(failedField(store.sets.createSet({ name: 'Other', roomIds: [rooms[1]!.id] }))).toBe('roomIds[0]');

    ok(store.restoreRoom(deleted));
    expect(store.sets.missingRoomIds(store.sets.getSet(set.id)!)).toEqual([]);
  });
});

describe('the sets file', () => {
  it('is not created until the first set is saved: a store without it has no sets and no notice', () => {
    const dir = tempDir();
    const { store, notices } = open(dir);
    ok(store.addRoom(sipRoom));
    expect(notices).toEqual([]);
    expect(store.sets.listSets()).toEqual([]);
    expect(filesIn(dir)).toEqual(['config.json', 'config.rooms.json']);
  });

  it('is read with a byte-order mark, and one that fails its schema is moved aside, byte for byte, with a notice', () => {
    const dir = tempDir();
    const { store, rooms } = withRooms(dir);
    const set = ok(store.sets.createSet({ name: 'Board', roomIds: [rooms[0]!.id] }));
    writeFileSync(setsPath(dir), `\uFEFF${readFileSync(setsPath(dir), 'utf8')}`);
    expect(open(dir).store.sets.listSets()).toEqual([set]);

    const bad = JSON.stringify(roomSetsDocument([{ ...set, roomIds: ['not-a-uuid'] }]));
    writeFileSync(setsPath(dir), bad);
    const reopened = open(dir);
    expect(reopened.store.sets.listSets()).toEqual([]);
    const notice = reopened.notices[0]!;
    expect(notice).toMatchObject({ kind: 'moved-aside', file: 'sets', reason: 'invalid' });
    expect(notice.message['en-US']).toContain('room sets file');
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(bad);
    expect(existsSync(setsPath(dir))).toBe(false);
    // The address book is untouched, and the next save starts a new file.
    expect(reopened.store.listRooms()).toHaveLength(3);
    ok(reopened.store.sets.createSet({ name: 'Again', roomIds: [rooms[0]!.id] }));
    expect(setsInFile(dir).map((s) => s.name)).toEqual(['Again']);
  });

  it('from a newer version is kept aside, never overwritten', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, sets: [], future: true });
    writeFileSync(setsPath(dir), newer);
    const { notices } = open(dir);
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', file: 'sets', reason: 'newer-version' });
    expect(readFileSync(notices[0]!.backupPath, 'utf8')).toBe(newer);
  });

  it('refuses a save the folder does not allow, naming the folder, and keeps the sets as they were', () => {
    const dir = tempDir();
    const refusing: StoreBackendFactory = (options) => {
      if (options.configName === 'config.sets') {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }
      return confBackend(options);
    };
    const { store, rooms } = withRooms(dir, refusing);
    const error = expectFileUnchanged(dir, () => {
      try {
        store.sets.createSet({ name: 'Board', roomIds: [rooms[0]!.id] });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    });
    expect(error).toBeInstanceOf(StoreWriteError);
    expect(knownOperatorError(error)).toMatchObject({ kind: 'storage', path: dir });
    expect(store.sets.listSets()).toEqual([]);
  });

  it('in a folder the store cannot use at start: a set is refused like every other save', () => {
    const dir = tempDir();
    const { rooms } = withRooms(dir);
    mkdirSync(setsPath(dir));
    const { store, notices } = open(dir);
    expect(notices.map((n) => n.kind)).toEqual(['not-saving']);
    expect(notices[0]!.message['en-US']).toContain(`${setsPath(dir)} is a folder`);
    const error = expectFileUnchanged(dir, () => {
      try {
        store.sets.createSet({ name: 'Board', roomIds: [rooms[0]!.id] });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    });
    expect(knownOperatorError(error)).toMatchObject({ kind: 'storage', code: 'store_not_saving' });
    expect(store.sets.listSets()).toEqual([]);
  });
});

describe('room sets: CSV import plan', () => {
  function importing() {
    const memory = memoryBackend();
    const { store, rooms } = withRooms(tempDir(), memory.factory);
    return { store, rooms, writes: () => memory.writes('config.sets') };
  }

  it('finds rooms by name (any case), address or Rooms ID, reports unknown rows with their row number, and previews without writing', () => {
    const { store, rooms, writes } = importing();
    const rows = [
      { row: 2, set: 'Monday board', room: '大会议室 a' },
      { row: 3, set: 'Monday board', room: 'sip:ROOM-A@video.example.com' }, // the same room again, by address
      { row: 4, set: 'monday BOARD', room: '192.168.1.20' },
      { row: 6, set: 'Monday board', room: 'Broom cupboard' },
      { row: 7, set: 'Lobby', room: '2489756789' },
      { row: 8, set: '', room: 'Board room' },
    ];
    const before = writes();
    const preview = store.sets.importSets(rows, false);
    expect(writes()).toBe(before);
    expect(store.sets.listSets()).toEqual([]);
    expect(preview).toEqual({
      applied: false,
      sets: [
        { name: 'Monday board', action: 'create', rooms: 2 },
        { name: 'Lobby', action: 'create', rooms: 1 },
      ],
      problems: [
        expect.objectContaining({ row: 3, field: 'room' }),
        expect.objectContaining({ row: 6, field: 'room' }),
        expect.objectContaining({ row: 8, field: 'set' }),
      ],
    });
    expect(preview.problems[1]!.message['en-US']).toBe(
      'no room in the address book has the name, address or Rooms ID "Broom cupboard"',
    );
    expect(preview.problems[1]!.message['zh-CN']).toContain('Broom cupboard');

    const applied = store.sets.importSets(rows, true);
    expect(applied.applied).toBe(true);
    expect(writes()).toBe(before + 1);
    const board = store.sets.findSetByName('monday board')!;
    expect(board.roomIds).toEqual([rooms[0]!.id, rooms[1]!.id]);
    expect(store.sets.findSetByName('Lobby')!.roomIds).toEqual([rooms[2]!.id]);
  });

  it('replaces the rooms of a set of the same name, keeping its default meeting and retry rules', () => {
    const { store, rooms } = importing();
    const set = ok(
      store.sets.createSet({ name: 'Board', roomIds: [rooms[0]!.id], defaultMeeting: '806146667', retry: RETRY }),
    );
    const report = store.sets.importSets([{ row: 2, set: 'BOARD', room: 'Board room' }], true);
    expect(report.sets).toEqual([{ name: 'Board', action: 'replace', rooms: 1 }]);
    expect(store.sets.getSet(set.id)).toMatchObject({
      name: 'Board',
      roomIds: [rooms[1]!.id],
      defaultMeeting: '806146667',
      retry: RETRY,
    });
  });

  it('asks for the address when a name is ambiguous, and tries an exported address column first', () => {
    const { store, rooms } = importing();
    const twin = ok(store.addRoom({ name: 'Board room', kind: 'sip', address: 'twin@sip.example.com' }));
    const report = store.sets.importSets(
      [
        { row: 2, set: 'A', room: 'Board room' },
        // Renamed since the export: the address still finds it.
        { row: 3, set: 'A', room: 'Old name', address: 'twin@sip.example.com' },
      ],
      true,
    );
    expect(report.problems).toEqual([expect.objectContaining({ row: 2, field: 'room' })]);
    expect(report.problems[0]!.message['en-US']).toContain('2 rooms in the address book are named "Board room"');
    expect(store.sets.findSetByName('A')!.roomIds).toEqual([twin.id]);
    expect(rooms).toHaveLength(3);
  });

  it('makes no set whose rows all fail', () => {
    const { store } = importing();
    const report = store.sets.importSets([{ row: 2, set: 'Ghost', room: 'nowhere' }], true);
    expect(report.sets).toEqual([]);
    expect(store.sets.listSets()).toEqual([]);
  });
});
