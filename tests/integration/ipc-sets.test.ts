// sets:* through the real handlers, the real dialer, call tracker (polling fast) and automation, against the
// simulator: a set rings each of its rooms once, with its origin in history; a deleted room is skipped with the
// reason and the rest still rings; a large set asks for the count first; the default meeting is looked up when no
// meeting is given; the set's own retry rules drive the automation. Waits are on broadcast updates, never on time.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

const MEETING = { meetingId: '7567173273889276131', meetingCode: '806146667', subject: 'Weekly sync' };
const ROOM_CALL = '/v1/meeting-rooms/room-call';
const final = (callId: string) => (call: CallView) =>
  call.callId === callId && !['queued', 'calling', 'ringing'].includes(call.state);

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

/** room-call requests the simulator got, by dial string: each is one ring. */
function roomCalls(): number {
  return h.sim.requests.filter((request) => request.method === 'PUT' && request.path === ROOM_CALL).length;
}

async function addRooms(addresses: readonly string[]): Promise<Room[]> {
  const rooms: Room[] = [];
  for (const [i, address] of addresses.entries()) {
    rooms.push(await h.ok('rooms:add', { name: `Room ${i + 1}`, kind: 'sip', address }));
  }
  return rooms;
}

/** History once it holds `count` calls (the tracker writes each call as it ends). */
async function historyOf(count: number) {
  for (;;) {
    const page = await h.ok('history:list', {});
    if (page.records.length >= count) return page.records;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sets:dial', () => {
  it('rings each room of the set once, into the meeting on screen, recorded in history as "set: <name>"', async () => {
    h = await startIpcHarness();
    const rooms = await addRooms(['room101@sip.example.com', 'room102@sip.example.com', 'room103@sip.example.com']);
    const set = await h.ok('sets:create', { name: 'Monday board meeting', roomIds: rooms.map((r) => r.id) });

    const result = await h.ok('sets:dial', { setId: set.id, meeting: MEETING });
    expect(result.confirm).toBeUndefined();
    expect(result.skipped).toEqual([]);
    expect(result.calls.map((c) => c.roomId)).toEqual(rooms.map((r) => r.id));
    expect(result.calls.every((c) => c.origin?.kind === 'set' && c.origin.label === 'Monday board meeting')).toBe(true);
    for (const call of result.calls) expect((await h.nextUpdate(final(call.callId))).state).toBe('joined');
    expect(roomCalls()).toBe(3);

    const history = await historyOf(3);
    expect(history).toHaveLength(3);
    expect(history.map((r) => r.origin)).toEqual(Array(3).fill('set: Monday board meeting'));
    expect(new Set(history.map((r) => r.roomId))).toEqual(new Set(rooms.map((r) => r.id)));
  });

  it('skips a room deleted from the address book with the reason, and still rings the rest', async () => {
    h = await startIpcHarness();
    const rooms = await addRooms(['room101@sip.example.com', 'room102@sip.example.com']);
    const set = await h.ok('sets:create', { name: 'Lobby', roomIds: rooms.map((r) => r.id) });
    await h.ok('rooms:delete', { id: rooms[0]!.id });
    expect((await h.ok('sets:list', {}))[0]!.roomIds).toEqual(rooms.map((r) => r.id));

    const result = await h.ok('sets:dial', { setId: set.id, meeting: MEETING });
    expect(result.calls.map((c) => c.roomId)).toEqual([rooms[1]!.id]);
    expect(result.skipped).toEqual([
      {
        roomId: rooms[0]!.id,
        roomName: '',
        reason: 'deleted',
        message: {
          'zh-CN': '列表中有一个会议室已从通讯录删除，已跳过',
          'en-US': 'A room of this list was deleted from the address book; skipped',
        },
      },
    ]);
    await h.nextUpdate(final(result.calls[0]!.callId));
    expect(roomCalls()).toBe(1);
  });

  it('asks to confirm a set larger than the batch threshold, ringing nothing until the count is confirmed', async () => {
    h = await startIpcHarness();
    await h.ok('settings:update', { batchConfirmAbove: 2 });
    const rooms = await addRooms(['room101@sip.example.com', 'room102@sip.example.com', 'room103@sip.example.com']);
    const set = await h.ok('sets:create', { name: 'All hands', roomIds: rooms.map((r) => r.id) });

    const asked = await h.ok('sets:dial', { setId: set.id, meeting: MEETING });
    expect(asked.calls).toEqual([]);
    expect(asked.confirm).toEqual({ kind: 'large_batch', count: 3, meeting: MEETING });
    expect(roomCalls()).toBe(0);
    expect(await h.ok('automation:pending', {})).toEqual([]);

    const rung = await h.ok('sets:dial', { setId: set.id, meeting: MEETING, confirmedCount: 3 });
    expect(rung.calls).toHaveLength(3);
    for (const call of rung.calls) await h.nextUpdate(final(call.callId));
    expect(roomCalls()).toBe(3);
  });

  it('without a meeting, looks the default meeting up and dials into it; with neither, names the meeting', async () => {
    h = await startIpcHarness();
    const [room] = await addRooms(['room101@sip.example.com']);
    const plain = await h.ok('sets:create', { name: 'No default', roomIds: [room!.id] });
    const requests = h.sim.requests.length;
    expectFieldError(await h.fail('sets:dial', { setId: plain.id }), 'meeting');
    expect(h.sim.requests).toHaveLength(requests);

    const withDefault = await h.ok('sets:create', {
      name: 'Weekly',
      roomIds: [room!.id],
      defaultMeeting: '806-146-667',
    });
    const result = await h.ok('sets:dial', { setId: withDefault.id });
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]).toMatchObject({ meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode });
    await h.nextUpdate(final(result.calls[0]!.callId));
  });

  it("follows the calls with the set's own retry rules: a failed room waits for its retry, labelled with the set", async () => {
    h = await startIpcHarness();
    const [offline] = await addRooms(['offline@sip.example.com']);
    const set = await h.ok('sets:create', {
      name: 'Annex',
      roomIds: [offline!.id],
      retry: { retries: 1, backoffMs: [600_000], rejoinOnDrop: false, rejoins: 0 },
    });
    const started = Date.now();
    const [call] = (await h.ok('sets:dial', { setId: set.id, meeting: MEETING })).calls;
    expect((await h.nextUpdate(final(call!.callId))).state).toBe('failed');
    const [pending] = await h.ok('automation:pending', {});
    expect(pending).toMatchObject({ kind: 'retry', roomId: offline!.id, attempt: 1, of: 1, label: 'Annex' });
    // 10 minutes, the set's own wait; settings.retry would have said 1 minute.
    expect(Date.parse(pending!.dueAt) - started).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses an unknown set as not found, ringing nothing', async () => {
    h = await startIpcHarness();
    const error = await h.fail('sets:dial', { setId: 'no-such-set', meeting: MEETING });
    expect(error).toMatchObject({ kind: 'not_found', field: 'setId' });
    expect(roomCalls()).toBe(0);
  });
});

describe('sets:create, update, delete, import through IPC', () => {
  it('names the field of a bad set in both languages and changes nothing', async () => {
    h = await startIpcHarness();
    const [room] = await addRooms(['room101@sip.example.com']);
    await h.ok('sets:create', { name: 'Board', roomIds: [room!.id] });
    const before = h.snapshot();
    expectFieldError(await h.fail('sets:create', { name: 'BOARD', roomIds: [room!.id] }), 'name');
    expectFieldError(await h.fail('sets:create', { name: 'X', roomIds: [] }), 'roomIds');
    expectFieldError(
      await h.fail('sets:create', {
        name: 'X',
        roomIds: [room!.id],
        retry: { retries: 9, backoffMs: [60_000], rejoinOnDrop: false, rejoins: 0 },
      }),
      'retry.retries',
    );
    expectFieldError(
      await h.fail('sets:create', { name: 'X', roomIds: [room!.id], defaultMeeting: '1234' }),
      'defaultMeeting',
    );
    expect(h.snapshot()).toBe(before);
  });

  it('updates and deletes; an unknown id is not found', async () => {
    h = await startIpcHarness();
    const [room] = await addRooms(['room101@sip.example.com']);
    const set = await h.ok('sets:create', { name: 'Board', roomIds: [room!.id], defaultMeeting: '806146667' });
    const updated = await h.ok('sets:update', { id: set.id, patch: { name: 'Board room', defaultMeeting: '' } });
    expect(updated).toMatchObject({ id: set.id, name: 'Board room' });
    expect(updated.defaultMeeting).toBeUndefined();
    expect(await h.ok('sets:delete', { id: set.id })).toEqual(updated);
    expect(await h.ok('sets:list', {})).toEqual([]);
    expect(await h.fail('sets:update', { id: set.id, patch: { name: 'x' } })).toMatchObject({
      kind: 'not_found',
      field: 'id',
    });
  });

  it('previews an import without changing anything, then applies it, reporting the unknown room on its row', async () => {
    h = await startIpcHarness();
    const rooms = await addRooms(['room101@sip.example.com', 'room102@sip.example.com']);
    const rows = [
      { row: 2, set: 'Board', room: 'room 1' },
      { row: 3, set: 'Board', room: 'room102@sip.example.com' },
      { row: 5, set: 'Board', room: 'Cupboard' },
    ];
    const before = h.snapshot();
    const preview = await h.ok('sets:import', { rows, apply: false });
    expect(preview.applied).toBe(false);
    expect(preview.sets).toEqual([{ name: 'Board', action: 'create', rooms: 2 }]);
    expect(preview.problems.map((p) => [p.row, p.field])).toEqual([[5, 'room']]);
    expect(h.snapshot()).toBe(before);

    const applied = await h.ok('sets:import', { rows, apply: true });
    expect(applied.applied).toBe(true);
    const [set] = await h.ok('sets:list', {});
    expect(set!.roomIds).toEqual(rooms.map((r) => r.id));
  });
});
