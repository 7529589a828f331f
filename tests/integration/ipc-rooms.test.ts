// rooms:* through the real handlers: the address book in a conf file in a temp dir, the Tencent Rooms import
// against the simulator's 320 rooms.
import { afterEach, describe, expect, it } from 'vitest';
import type { Room } from '../../common/store-schema';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

const SIP = { name: '大会议室 A', kind: 'sip', address: 'room-a@video.example.com' } as const;
const H323 = { name: 'Board room', kind: 'h323', address: '192.0.2.10' } as const;

describe('rooms:add, rooms:list, rooms:update', () => {
  it('adds a room, lists it and writes it to the file', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', { ...SIP, tags: ['5F'], favorite: true });
    expect(room).toMatchObject({ ...SIP, tags: ['5F'], favorite: true, callable: true, location: '' });
    expect(await h.ok('rooms:list', {})).toEqual([room]);
    expect(h.stored().rooms).toEqual([room]);
  });

  it('updates the fields given and keeps the others', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', { ...SIP, notes: 'ask for Li' });
    const updated = await h.ok('rooms:update', { id: room.id, patch: { name: 'Room A', location: '5F' } });
    expect(updated).toMatchObject({ id: room.id, name: 'Room A', location: '5F', notes: 'ask for Li' });
    expect(h.stored().rooms).toEqual([updated]);
  });

  it.each([
    ['a bad SIP address', { ...SIP, address: 'not an address' }, 'address'],
    ['a blank name', { ...SIP, name: '   ' }, 'name'],
    ['a Rooms room without its ID', { name: 'R', kind: 'rooms' }, 'meetingRoomId'],
    ['a name over 100 characters', { ...SIP, name: '会'.repeat(101) }, 'name'],
  ])('rooms:add refuses %s naming the field and writes nothing', async (_label, input, field) => {
    h = await startIpcHarness();
    await h.ok('rooms:add', H323);
    const before = h.snapshot();
    expectFieldError(await h.fail('rooms:add', input), field);
    expect(h.snapshot()).toBe(before);
  });

  it('refuses a second room for the same device, naming the one that has it', async () => {
    h = await startIpcHarness();
    await h.ok('rooms:add', SIP);
    const before = h.snapshot();
    const error = await h.fail('rooms:add', { ...SIP, name: 'Copy', address: 'SIP:Room-A@video.example.com' });
    expectFieldError(error, 'address');
    expect(error.message['en-US']).toContain('大会议室 A');
    expect(h.snapshot()).toBe(before);
  });

  it('rooms:update refuses a bad patch and an unknown id, changing nothing', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', SIP);
    const before = h.snapshot();
    expectFieldError(await h.fail('rooms:update', { id: room.id, patch: { address: 'x y' } }), 'address');
    expectFieldError(await h.fail('rooms:update', { id: 'no-such-room', patch: { name: 'B' } }), 'id', 'not_found');
    expect(h.snapshot()).toBe(before);
  });
});

describe('rooms:delete and rooms:restore', () => {
  it('deletes a room and puts it back exactly as it was', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', SIP);
    const deleted = await h.ok('rooms:delete', { id: room.id });
    expect(deleted).toEqual(room);
    expect(h.stored().rooms).toEqual([]);
    expect(await h.ok('rooms:restore', { room: deleted as unknown as Record<string, unknown> })).toEqual(room);
    expect(h.stored().rooms).toEqual([room]);
  });

  it('an unknown id is not_found and changes nothing', async () => {
    h = await startIpcHarness();
    await h.ok('rooms:add', SIP);
    const before = h.snapshot();
    expectFieldError(await h.fail('rooms:delete', { id: 'gone' }), 'id', 'not_found');
    expect(h.snapshot()).toBe(before);
  });

  it('refuses to restore a room that is still there, or one that is not a room', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', SIP);
    const before = h.snapshot();
    expectFieldError(await h.fail('rooms:restore', { room }), 'id');
    expectFieldError(await h.fail('rooms:restore', { room: { ...room, id: 'not-a-uuid' } }), 'id');
    expectFieldError(await h.fail('rooms:restore', { room: { ...room, extra: 1 } }), 'extra');
    expect(h.snapshot()).toBe(before);
  });
});

describe('rooms:import', () => {
  it('takes each row on its own: good rows go in, bad rows say why', async () => {
    h = await startIpcHarness();
    const results = await h.ok('rooms:import', {
      rows: [
        { room: SIP },
        { room: { ...SIP, name: 'Bad', address: 'bad address' } },
        { room: H323 },
        { room: { ...SIP, name: 'Same device' } },
        { room: { name: 'Rooms 5F', kind: 'rooms', meetingRoomId: '2489756789' } },
      ],
    });
    expect(results.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expectFieldError(results[1]?.error ?? fail(), 'address');
    const duplicate = results[3]?.error ?? fail();
    expectFieldError(duplicate, 'address');
    expect(duplicate.message['zh-CN']).toContain('大会议室 A');
    expect(h.stored().rooms.map((r) => r.name)).toEqual(['大会议室 A', 'Board room', 'Rooms 5F']);
  });

  it('overwrites an existing room only for a row that names it', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', { ...SIP, notes: 'kept' });
    const [result] = await h.ok('rooms:import', {
      rows: [{ room: { ...SIP, name: 'Renamed', location: '3F' }, overwriteId: room.id }],
    });
    expect(result).toMatchObject({ index: 0, ok: true, room: { id: room.id, name: 'Renamed', location: '3F' } });
    expect(h.stored().rooms).toEqual([result?.room]);
    expect(h.stored().rooms[0]?.notes).toBe('kept');
  });

  it('a row naming a room that is gone fails on its own field; the other rows still go in', async () => {
    h = await startIpcHarness();
    const results = await h.ok('rooms:import', {
      rows: [{ room: SIP, overwriteId: 'deleted-meanwhile' }, { room: H323 }],
    });
    expect(results[0]?.ok).toBe(false);
    expectFieldError(results[0]?.error ?? fail(), 'overwriteId', 'not_found');
    expect(results[1]?.ok).toBe(true);
    expect(h.stored().rooms.map((r: Room) => r.name)).toEqual(['Board room']);
  });

  it('an empty import changes nothing', async () => {
    h = await startIpcHarness();
    const before = h.snapshot();
    expect(await h.ok('rooms:import', { rows: [] })).toEqual([]);
    expect(h.snapshot()).toBe(before);
  });
});

describe('rooms:import-tencent', () => {
  it('merges every page of the account rooms; a second import adds nothing', async () => {
    h = await startIpcHarness();
    const first = await h.ok('rooms:import-tencent', {});
    const total = h.sim.rooms.length;
    const notCallable = h.sim.rooms.filter((room) => !room.isAllowCall).length;
    expect(first).toEqual({ added: total, updated: 0, unchanged: 0, notCallable });
    expect(h.stored().rooms).toHaveLength(total);
    expect(h.stored().rooms.filter((room) => !room.callable)).toHaveLength(notCallable);
    const again = await h.ok('rooms:import-tencent', {});
    expect(again).toEqual({ added: 0, updated: 0, unchanged: total, notCallable });
  });

  it('an API failure changes nothing and explains itself', async () => {
    h = await startIpcHarness();
    h.sim.injectFault({ kind: 'rate_limit', path: '/v1/meeting-rooms', count: 10 });
    const before = h.snapshot();
    const error = await h.fail('rooms:import-tencent', {});
    expect(error).toMatchObject({ kind: 'api', code: 190310 });
    expect(h.snapshot()).toBe(before);
  });
});

function fail(): never {
  throw new Error('expected a value');
}
