// meetings:*, calls:* and history:list through the real handlers, with the real call tracker (polling fast)
// against the simulator. Waits are on the tracker's broadcast updates, never on time.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import { expectFieldError, startIpcHarness, type HarnessOptions, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

const MEETING = { meetingId: '7567173273889276131', meetingCode: '806146667', subject: 'Weekly sync' };
const finished = (callId: string) => (call: CallView) =>
  call.callId === callId && !['queued', 'calling', 'ringing'].includes(call.state);

async function withRooms(options: HarnessOptions = {}): Promise<{ joins: Room; rejects: Room }> {
  h = await startIpcHarness(options);
  const joins = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
  const rejects = await h.ok('rooms:add', { name: 'Rejecting', kind: 'sip', address: 'reject@sip.example.com' });
  return { joins, rejects };
}

describe('meetings:lookup and meetings:recent', () => {
  it('looks up a dashed code, answers the meeting and puts it at the top of the recent list', async () => {
    h = await startIpcHarness();
    const info = await h.ok('meetings:lookup', { meeting: '806-146-667' });
    expect(info).toMatchObject({ meetingId: MEETING.meetingId, meetingCode: '806146667' });
    expect(typeof info.meetingId).toBe('string');
    const recent = await h.ok('meetings:recent', {});
    expect(recent).toEqual([
      { meetingId: MEETING.meetingId, meetingCode: '806146667', subject: info.subject, usedAt: expect.any(String) },
    ]);
    expect(h.stored().recentMeetings).toEqual(recent);
  });

  it('looks up a meeting ID above 2^64 without losing a digit', async () => {
    h = await startIpcHarness();
    const info = await h.ok('meetings:lookup', { meeting: '19876543210987654321' });
    expect(info).toMatchObject({ meetingId: '19876543210987654321', meetingCode: '555000111' });
  });

  it('refuses a malformed number naming the field, before anything is sent', async () => {
    h = await startIpcHarness();
    const before = h.snapshot();
    expectFieldError(await h.fail('meetings:lookup', { meeting: '12345' }), 'meeting');
    expectFieldError(await h.fail('meetings:lookup', { meeting: 'abc-def-ghi' }), 'meeting');
    expect(h.sim.requests).toHaveLength(0);
    expect(h.snapshot()).toBe(before);
  });

  it('an unknown meeting is an explained API error and is not remembered', async () => {
    h = await startIpcHarness();
    const before = h.snapshot();
    const error = await h.fail('meetings:lookup', { meeting: '111 111 111' });
    expect(error).toMatchObject({ kind: 'api', code: 9003 });
    expect(error.hint['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(h.snapshot()).toBe(before);
  });
});

describe('calls:dial and calls:list', () => {
  it('dials the rooms; each call ends in the state the simulator scripts, and history records it', async () => {
    const { joins, rejects } = await withRooms();
    const { calls } = await h.ok('calls:dial', { meeting: MEETING, roomIds: [joins.id, rejects.id] });
    expect(calls.map((c) => [c.roomId, c.meetingId])).toEqual([
      [joins.id, MEETING.meetingId],
      [rejects.id, MEETING.meetingId],
    ]);
    const [a, b] = calls as [CallView, CallView];
    expect((await h.nextUpdate(finished(a.callId))).state).toBe('joined');
    expect((await h.nextUpdate(finished(b.callId))).state).toBe('rejected');
    const listed = await h.ok('calls:list', {});
    expect(listed.map((c) => c.state).sort()).toEqual(['joined', 'rejected']);
    const history = (await h.ok('history:list', {})).records;
    expect(history.map((r) => [r.roomName, r.outcome]).sort()).toEqual([
      ['Rejecting', 'rejected'],
      ['Room 101', 'joined'],
    ]);
    expect((await h.ok('history:list', { roomId: joins.id })).records).toHaveLength(1);
    expect((await h.ok('history:list', { outcome: 'joined', limit: 5 })).records).toHaveLength(1);
    expect((await h.ok('history:list', { until: '2000-01-01T00:00:00.000Z' })).records).toEqual([]);
  });

  it('refuses an unknown room id naming its place in the list; nothing rings', async () => {
    const { joins } = await withRooms();
    const before = h.snapshot();
    const error = await h.fail('calls:dial', { meeting: MEETING, roomIds: [joins.id, 'no-such-room'] });
    expectFieldError(error, 'roomIds[1]', 'not_found');
    expect(await h.ok('calls:list', {})).toEqual([]);
    expect(h.sim.invites()).toHaveLength(0);
    expect(h.snapshot()).toBe(before);
  });

  it('skips a room Tencent does not allow to be called, saying why, and rings the others', async () => {
    h = await startIpcHarness();
    await h.ok('rooms:import-tencent', {});
    const rooms = await h.ok('rooms:list', {});
    const blocked = rooms.find((room) => !room.callable) ?? fail();
    const open = rooms.find((room) => room.callable) ?? fail();
    const result = await h.ok('calls:dial', { meeting: MEETING, roomIds: [open.id, blocked.id] });
    expect(result.calls.map((c) => c.roomId)).toEqual([open.id]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ roomId: blocked.id, reason: 'not_callable', message: expect.any(Object) }),
    ]);
    expect(result.skipped[0]?.message['zh-CN']).toMatch(/\p{Script=Han}/u);
    const [call] = result.calls;
    await h.nextUpdate(finished(call?.callId ?? fail()));
    expect(h.sim.invites()).toHaveLength(1);
  });

  it('without credentials says not configured once and queues nothing', async () => {
    const { joins } = await withRooms({ credentials: false });
    expect(await h.fail('calls:dial', { meeting: MEETING, roomIds: [joins.id] })).toMatchObject({
      kind: 'not_configured',
    });
    expect(await h.ok('calls:list', {})).toEqual([]);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('pushes every state change through broadcast', async () => {
    const { joins } = await withRooms();
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [joins.id] })).calls;
    await h.nextUpdate(finished(call?.callId ?? fail()));
    const states = h.broadcasts.filter((c) => c.callId === call?.callId).map((c) => c.state);
    expect(states[0]).toBe('queued');
    expect(states.at(-1)).toBe('joined');
  });
});

describe('calls:cancel, calls:cancel-all, calls:redial', () => {
  it('cancels a ringing call', async () => {
    const { joins } = await withRooms({ simulator: { answerDelayMs: 600_000 } });
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [joins.id] })).calls;
    const callId = call?.callId ?? fail();
    await h.nextUpdate((c) => c.callId === callId && c.state === 'ringing');
    expect(await h.ok('calls:cancel', { callId })).toMatchObject({ callId, state: 'cancelled' });
  });

  it('cancels every call still ringing', async () => {
    const { joins, rejects } = await withRooms({ simulator: { answerDelayMs: 600_000 } });
    const { calls } = await h.ok('calls:dial', { meeting: MEETING, roomIds: [joins.id, rejects.id] });
    for (const call of calls) await h.nextUpdate((c) => c.callId === call.callId && c.state === 'ringing');
    const cancelled = await h.ok('calls:cancel-all', {});
    expect(cancelled.map((c) => c.state)).toEqual(['cancelled', 'cancelled']);
  });

  it('redials a rejected call as a new call for the same room', async () => {
    const { rejects } = await withRooms();
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [rejects.id] })).calls;
    const callId = call?.callId ?? fail();
    await h.nextUpdate(finished(callId));
    const [again] = (await h.ok('calls:redial', { callId })).calls;
    expect(again).toMatchObject({ roomId: rejects.id, meetingId: MEETING.meetingId });
    expect(again?.callId).not.toBe(callId);
  });

  it('redial refuses a room deleted since the first call, and rings nothing', async () => {
    const { rejects } = await withRooms();
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [rejects.id] })).calls;
    const callId = call?.callId ?? fail();
    await h.nextUpdate(finished(callId));
    await h.ok('rooms:delete', { id: rejects.id });
    const roomCalls = () => h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    const before = roomCalls();
    expectFieldError(await h.fail('calls:redial', { callId }), 'callId', 'not_found');
    expect(roomCalls()).toBe(before);
  });

  it('redial refuses a Rooms room that Tencent has since marked not callable, and rings nothing', async () => {
    h = await startIpcHarness();
    const info = {
      meetingRoomId: '2489700131',
      name: 'Rooms reject',
      location: '',
      roomStatus: 2,
      participantNumber: 8,
    };
    h.store.importTencentRooms([{ ...info, isAllowCall: true }]);
    const room = h.store.listRooms().find((r) => r.kind === 'rooms') ?? fail();
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [room.id] })).calls;
    const callId = call?.callId ?? fail();
    await h.nextUpdate(finished(callId));
    h.store.importTencentRooms([{ ...info, isAllowCall: false }]);
    const roomCalls = () => h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    const before = roomCalls();
    const result = await h.ok('calls:redial', { callId });
    expect(result.calls).toEqual([]);
    expect(result.skipped).toEqual([expect.objectContaining({ roomId: room.id, reason: 'not_callable' })]);
    expect(roomCalls()).toBe(before);
  });

  it('an unknown call id is not_found naming callId', async () => {
    h = await startIpcHarness();
    expectFieldError(await h.fail('calls:cancel', { callId: 'nope' }), 'callId', 'not_found');
    expectFieldError(await h.fail('calls:redial', { callId: 'nope' }), 'callId', 'not_found');
  });

  it('a room still in the meeting is not rung again by a redial, and says why', async () => {
    const { joins } = await withRooms();
    const [call] = (await h.ok('calls:dial', { meeting: MEETING, roomIds: [joins.id] })).calls;
    const callId = call?.callId ?? fail();
    await h.nextUpdate(finished(callId));
    const roomCalls = () => h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    const before = roomCalls();
    const result = await h.ok('calls:redial', { callId });
    expect(result.calls).toEqual([]);
    expect(result.skipped).toEqual([expect.objectContaining({ roomId: joins.id, reason: 'already_joined' })]);
    expect(roomCalls()).toBe(before);
  });
});

describe('history:list', () => {
  it.each(['since', 'until'])('refuses a %s that is not a time, naming it', async (field) => {
    h = await startIpcHarness();
    expectFieldError(await h.fail('history:list', { [field]: 'yesterday' }), field);
  });
});

describe('shell:open-external', () => {
  it('opens an https link to a Tencent help page', async () => {
    h = await startIpcHarness();
    const url = 'https://cloud.tencent.com/document/product/1095/43551';
    expect(await h.ok('shell:open-external', { url })).toBeNull();
    expect(h.opened).toEqual([url]);
  });

  it.each([
    'http://meeting.tencent.com/support',
    'https://evil.example.com/',
    'https://meeting.tencent.com.evil.example.com/',
    'https://meeting.tencent.com@evil.example.com/',
    'https://user:pw@meeting.tencent.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s naming url, and opens nothing', async (url) => {
    h = await startIpcHarness();
    expectFieldError(await h.fail('shell:open-external', { url }), 'url');
    expect(h.opened).toEqual([]);
  });

  it('without an opener from the shell it is an internal error, not a silent success', async () => {
    h = await startIpcHarness({ services: { openExternal: undefined } });
    const error = await h.fail('shell:open-external', { url: 'https://meeting.tencent.com/support' });
    expect(error.kind).toBe('internal');
  });
});

function fail(): never {
  throw new Error('expected a value');
}
