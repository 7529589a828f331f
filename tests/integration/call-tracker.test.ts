// The call tracker against the real simulator over loopback, with a real AppStore. Real timers: the simulator's
// ring delays are short and the tracker polls every 50 ms (injected; the settings allow 1 s at least). Nothing here
// asserts how long anything took; tests wait for states.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import { NOT_CONFIGURED, OperatorFailure } from '../../common/operator-error';
import type { Log } from '../../main/log';
import {
  CANCEL_PATH,
  MEETINGS,
  ROOM_CALL_PATH,
  STATUS_PATH,
  startHarness,
  type Harness,
  type HarnessOptions,
} from './call-tracker-harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness({ pollIntervalMs: 50, ...options });
  harnesses.push(h);
  return h;
}

const sip = (address: string) => ({ kind: 'sip' as const, address });
const states = (h: Harness, callId: string) => h.updates.filter((u) => u.callId === callId).map((u) => u.state);
/** The state sequence without repeats (an update that only adds the invite_id repeats `calling`). */
const path = (h: Harness, callId: string) => states(h, callId).filter((s, i, all) => s !== all[i - 1]);
const bodyOf = (request: { rawBody: string }) => JSON.parse(request.rawBody) as Record<string, unknown>;

function recordingLog(): Log & { lines: { level: string; message: string; data?: unknown }[] } {
  const lines: { level: string; message: string; data?: unknown }[] = [];
  return {
    lines,
    info: (message, data) => lines.push({ level: 'info', message, data }),
    warn: (message, data) => lines.push({ level: 'warn', message, data }),
    error: (message, data) => lines.push({ level: 'error', message, data }),
  };
}

describe('one call from dial to its end', () => {
  it('joined: queued → calling → ringing → joined, history written, the room marked', async () => {
    const h = await harness();
    const room = h.addRoom(sip('room101@sip.example.com'));
    const [queued] = h.tracker.dial(MEETINGS.host, [room.id]);
    expect(queued).toMatchObject({ roomId: room.id, roomName: room.name, meetingId: MEETINGS.host.meetingId });
    expect(queued?.target).toBe('SIP room101@sip.example.com');

    const done = await h.until(queued!.callId, (c) => c.state === 'joined');
    expect(path(h, done.callId)).toEqual(['queued', 'calling', 'ringing', 'joined']);
    expect(done.inviteId).toBe(h.sim.invites()[0]?.inviteId);
    expect(done.startedAt).toBeDefined();
    expect(done.endedAt).toBeDefined();
    expect(done.error).toBeUndefined();

    const [record] = h.store.listHistory();
    expect(record).toMatchObject({
      meetingId: MEETINGS.host.meetingId,
      meetingCode: MEETINGS.host.meetingCode,
      subject: MEETINGS.host.subject,
      roomId: room.id,
      roomName: room.name,
      target: 'SIP room101@sip.example.com',
      outcome: 'joined',
      startedAt: done.startedAt,
      endedAt: done.endedAt,
    });
    expect(record?.errorCode).toBeUndefined();
    expect(h.store.getRoom(room.id)).toMatchObject({ lastOutcome: 'joined', lastDialedAt: done.startedAt });
  });

  it('snapshots are frozen and never change after they were pushed', async () => {
    const h = await harness();
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room102@sip.example.com')).id]);
    await h.until(call!.callId, (c) => c.state === 'joined');
    expect(Object.isFrozen(call)).toBe(true);
    expect(call?.state).toBe('calling'); // as it was when dial() returned
    expect(h.updates[0]?.state).toBe('queued');
    expect(h.updates.every((u) => Object.isFrozen(u))).toBe(true);
  });

  it('rejected (status 3), and a Tencent Rooms room by its ID', async () => {
    const h = await harness();
    const sipRoom = h.addRoom(sip('reject@sip.example.com'));
    const rooms = h.addRoom({ kind: 'rooms', meetingRoomId: '2489700131' }); // scripted: reject
    const calls = h.tracker.dial(MEETINGS.host, [sipRoom.id, rooms.id]);
    const done = await h.allFinal(calls.map((c) => c.callId));
    expect(done.map((c) => c.state)).toEqual(['rejected', 'rejected']);
    expect(done[1]?.target).toBe('Rooms 2489700131');
    expect(h.store.listHistory().map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
  });

  it('no answer reported by the API (status 0 after the ring window)', async () => {
    const h = await harness({ simulator: { ringWindowMs: 600 } });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('noanswer@sip.example.com')).id]);
    const done = await h.until(call!.callId, (c) => c.state === 'no_answer');
    expect(path(h, done.callId)).toEqual(['queued', 'calling', 'ringing', 'no_answer']);
    expect(h.store.getRoom(done.roomId)?.lastOutcome).toBe('no_answer');
  });

  it('a status check still out when the next interval comes is not doubled: one request per call at a time', async () => {
    // Answers take 150 ms, the tracker polls every 50 ms.
    const h = await harness({ simulator: { answerDelayMs: 1000, faults: { latencyMs: 150 } } });
    const rooms = [1, 2, 3].map((n) => h.addRoom(sip(`room15${n}@sip.example.com`)));
    const calls = h.tracker.dial(
      MEETINGS.host,
      rooms.map((r) => r.id),
    );
    const done = await h.allFinal(calls.map((c) => c.callId));
    expect(done.map((c) => c.state)).toEqual(['joined', 'joined', 'joined']);
    expect(h.maxStatusChecksInFlightPerTarget()).toBe(1);
    // Several checks per call did happen (the ringing lasted several answer times).
    expect(h.requestsTo(STATUS_PATH).length).toBeGreaterThan(2 * calls.length);
  });

  it('polling stops at a final state: no status request after joined', async () => {
    const h = await harness();
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room103@sip.example.com')).id]);
    await h.until(call!.callId, (c) => c.state === 'joined');
    await until(() => h.inFlight() === 0);
    const polls = h.requestsTo(STATUS_PATH).length;
    await pause(300); // six poll intervals
    expect(h.requestsTo(STATUS_PATH)).toHaveLength(polls);
  });
});

describe('batches', () => {
  it('never has more than maxConcurrentDials room-call requests out, and uses them all', async () => {
    const h = await harness({ maxConcurrentDials: 3, simulator: { faults: { latencyMs: 60 } } });
    const rooms = Array.from({ length: 10 }, (_, i) => h.addRoom(sip(`batch${i}@sip.example.com`)));
    const calls = h.tracker.dial(
      MEETINGS.host,
      rooms.map((r) => r.id),
    );
    expect(calls.filter((c) => c.state === 'calling')).toHaveLength(3);
    expect(calls.filter((c) => c.state === 'queued')).toHaveLength(7);
    const done = await h.allFinal(calls.map((c) => c.callId));
    expect(done.every((c) => c.state === 'joined')).toBe(true);
    expect(h.maxRoomCallsInFlight()).toBe(3);
    expect(h.requestsTo(ROOM_CALL_PATH)).toHaveLength(10);
  });

  it('an API failure mid-batch fails that call with the explanation; the others go on', async () => {
    const log = recordingLog();
    const h = await harness({ log });
    const a = h.addRoom(sip('room201@sip.example.com'));
    const offline = h.addRoom(sip('offline@sip.example.com'));
    const b = h.addRoom(sip('room202@sip.example.com'));
    const calls = h.tracker.dial(MEETINGS.host, [a.id, offline.id, b.id]);
    const done = await h.allFinal(calls.map((c) => c.callId));
    expect(done.map((c) => c.state)).toEqual(['joined', 'failed', 'joined']);
    const failed = done[1]!;
    expect(failed.inviteId).toBeUndefined();
    expect(failed.error).toMatchObject({ kind: 'api', code: 10004 });
    expect(failed.error?.message['en-US']).toContain('The room call failed');
    expect(failed.error?.hint['zh-CN']).not.toBe('');
    const record = h.store.listHistory({ roomId: offline.id })[0];
    expect(record).toMatchObject({ outcome: 'failed', errorCode: '10004' });
    expect(record?.errorMessage).toContain('The room call failed');
    expect(record?.errorMessage).toContain('会议室呼叫失败');
    // The operator reads our explanation; Tencent's own words go to the log for support.
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        message: 'calls: room-call failed',
        data: expect.objectContaining({ code: 10004, serverMessage: expect.stringContaining('offline') }),
      }),
    );
  });

  it('a SIP call without host rights fails with the host/co-host hint', async () => {
    const h = await harness();
    const [call] = h.tracker.dial(MEETINGS.participant, [h.addRoom(sip('room301@sip.example.com')).id]);
    const done = await h.until(call!.callId, (c) => c.state === 'failed');
    expect(done.error).toMatchObject({ kind: 'api', code: 9042 });
    expect(done.error?.hint['en-US']).toMatch(/co-host/);
  });

  it('unknown room ids refuse the whole dial before anything is queued or sent', async () => {
    const h = await harness();
    const room = h.addRoom(sip('room401@sip.example.com'));
    expect(() => h.tracker.dial(MEETINGS.host, [room.id, '00000000-0000-4000-8000-000000000000'])).toThrow(
      expect.objectContaining({ kind: 'not_found', field: 'roomIds' }),
    );
    expect(() => h.tracker.dial({ meetingId: '12ab' }, [room.id])).toThrow(
      expect.objectContaining({ kind: 'validation', field: 'meeting.meetingId' }),
    );
    expect(h.tracker.list()).toEqual([]);
    expect(h.updates).toEqual([]);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('a client that cannot be made (not configured) refuses the dial with its error, nothing queued', async () => {
    const notConfigured = Object.assign(new Error('not configured'), { kind: 'not_configured' });
    const h = await harness({
      getClient: () => {
        throw notConfigured;
      },
    });
    const room = h.addRoom(sip('room402@sip.example.com'));
    expect(() => h.tracker.dial(MEETINGS.host, [room.id])).toThrow(notConfigured);
    expect(h.tracker.list()).toEqual([]);
  });

  it('a client that fails to load (rejected promise) fails the calls with its error; nothing is sent', async () => {
    const h = await harness({ getClient: () => Promise.reject(new OperatorFailure(NOT_CONFIGURED)) });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room403@sip.example.com')).id]);
    const done = await h.until(call!.callId, (c) => c.state === 'failed');
    expect(done.error).toEqual(NOT_CONFIGURED);
    expect(h.sim.requests).toHaveLength(0);
    expect(done.startedAt).toBeUndefined();
    expect(h.store.listHistory()[0]).toMatchObject({ outcome: 'failed', errorCode: 'missing_credentials' });
    expect(h.store.getRoom(done.roomId)?.lastDialedAt).toBeUndefined();
  });
});

describe('the duplicate-dial guard', () => {
  it('a double click rings the room once and returns the same call', async () => {
    const h = await harness();
    const room = h.addRoom(sip('room501@sip.example.com'));
    const [first] = h.tracker.dial(MEETINGS.host, [room.id]);
    const [second] = h.tracker.dial(MEETINGS.host, [room.id]);
    expect(second?.callId).toBe(first?.callId);
    const [inOneBatch, again] = h.tracker.dial(MEETINGS.host, [room.id, room.id]);
    expect(inOneBatch?.callId).toBe(first?.callId);
    expect(again?.callId).toBe(first?.callId);
    await h.until(first!.callId, (c) => c.state === 'joined');
    expect(h.requestsTo(ROOM_CALL_PATH)).toHaveLength(1);
    expect(h.tracker.list()).toHaveLength(1);
  });

  it('holds across batches while the room rings, and lets a new call through once it ended', async () => {
    const h = await harness();
    const [a, b, c] = [1, 2, 3].map((n) => h.addRoom(sip(`room60${n}@sip.example.com`)));
    const first = h.tracker.dial(MEETINGS.host, [a!.id, b!.id]);
    await h.until(first[1]!.callId, (call) => call.state === 'ringing');
    const second = h.tracker.dial(MEETINGS.host, [b!.id, c!.id]);
    expect(second[0]?.callId).toBe(first[1]?.callId);
    expect(second[1]?.batchId).not.toBe(first[0]?.batchId);
    await h.allFinal([...first, ...second].map((call) => call.callId));
    expect(h.requestsTo(ROOM_CALL_PATH)).toHaveLength(3);

    // Into another meeting the same room is a different call.
    const other = h.tracker.dial({ meetingId: '7567173273889276131' }, [b!.id]);
    expect(other[0]?.callId).not.toBe(first[1]?.callId);
    // Joined is final: dialing again places a new call.
    const [later] = h.tracker.dial(MEETINGS.host, [b!.id]);
    expect(later?.callId).not.toBe(first[1]?.callId);
    await h.allFinal([other[0]!.callId, later!.callId]);
  });

  it('list() shows the newest batch first', async () => {
    const h = await harness();
    const [a, b] = [1, 2].map((n) => h.addRoom(sip(`room70${n}@sip.example.com`)));
    const [first] = h.tracker.dial(MEETINGS.host, [a!.id]);
    const [second] = h.tracker.dial(MEETINGS.host, [b!.id]);
    expect(h.tracker.list().map((c) => c.callId)).toEqual([second?.callId, first?.callId]);
    await h.allFinal([first!.callId, second!.callId]);
  });
});

describe('cancel', () => {
  it('cancels a ringing call with its invite_id and instance_id', async () => {
    const h = await harness({ simulator: { answerDelayMs: 30_000 } });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room801@sip.example.com')).id]);
    const ringing = await h.until(call!.callId, (c) => c.state === 'ringing');
    const cancelled = await h.tracker.cancel(call!.callId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.error).toBeUndefined();
    const [request] = h.requestsTo(CANCEL_PATH);
    expect(bodyOf(request!)).toMatchObject({
      meeting_id: MEETINGS.host.meetingId,
      invite_id: ringing.inviteId,
      instance_id: 1,
      mra_address: { protocol: 1, dial_string: 'room801@sip.example.com' },
    });
    expect(request?.status).toBe(200);
    expect(h.store.listHistory()[0]?.outcome).toBe('cancelled');
    // Cancelling again changes nothing and sends nothing.
    expect((await h.tracker.cancel(call!.callId)).state).toBe('cancelled');
    expect(h.requestsTo(CANCEL_PATH)).toHaveLength(1);
  });

  it('a cancel while room-call is still out waits for the invite, then cancels it', async () => {
    const h = await harness({ simulator: { answerDelayMs: 30_000, faults: { latencyMs: 150 } } });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room802@sip.example.com')).id]);
    expect(call?.state).toBe('calling');
    // Out, not merely queued behind its client (a cancel before that sends nothing: call-tracker-guard.test.ts).
    await until(() => h.requestsTo(ROOM_CALL_PATH).length === 1);
    const cancelled = await h.tracker.cancel(call!.callId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.inviteId).toBeDefined();
    const [request] = h.requestsTo(CANCEL_PATH);
    expect(bodyOf(request!)['invite_id']).toBe(cancelled.inviteId);
    expect(h.sim.invites()[0]?.inviteId).toBe(cancelled.inviteId);
  });

  it('a queued call is cancelled without any request; cancelAll stops the rest', async () => {
    const h = await harness({
      maxConcurrentDials: 1,
      simulator: { answerDelayMs: 30_000, faults: { latencyMs: 100 } },
    });
    const rooms = [1, 2, 3].map((n) => h.addRoom(sip(`room81${n}@sip.example.com`)));
    const calls = h.tracker.dial(
      MEETINGS.host,
      rooms.map((r) => r.id),
    );
    expect(calls.map((c) => c.state)).toEqual(['calling', 'queued', 'queued']);
    expect((await h.tracker.cancel(calls[2]!.callId)).state).toBe('cancelled');
    const all = await h.tracker.cancelAll();
    expect(all.map((c) => c.state)).toEqual(['cancelled', 'cancelled']);
    expect(h.requestsTo(ROOM_CALL_PATH)).toHaveLength(1);
    expect(h.requestsTo(CANCEL_PATH)).toHaveLength(1);
    // Never-sent calls are in history but did not dial their room.
    expect(h.store.listHistory()).toHaveLength(3);
    expect(h.store.getRoom(rooms[2]!.id)?.lastDialedAt).toBeUndefined();
    expect(h.store.getRoom(rooms[0]!.id)?.lastOutcome).toBe('cancelled');
  });

  it('a failed cancel is shown on the call, which keeps its state and goes on', async () => {
    const h = await harness({ retries: 0, simulator: { answerDelayMs: 800 } });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room803@sip.example.com')).id]);
    await h.until(call!.callId, (c) => c.state === 'ringing');
    h.sim.injectFault({ kind: 'server_error', path: CANCEL_PATH });
    const after = await h.tracker.cancel(call!.callId);
    expect(after.state).toBe('ringing');
    expect(after.error).toMatchObject({ kind: 'api', code: 10002 });
    const joined = await h.until(call!.callId, (c) => c.state === 'joined');
    expect(h.store.listHistory()[0]).toMatchObject({ outcome: 'joined' });
    expect(h.store.listHistory()[0]?.errorCode).toBeUndefined();
    expect(joined.error?.code).toBe(10002);
  });

  it('unknown call ids are refused', async () => {
    const h = await harness();
    await expect(h.tracker.cancel('nope')).rejects.toMatchObject({ kind: 'not_found', field: 'callId' });
    expect(() => h.tracker.redial('nope')).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});

describe('redial', () => {
  it('places a new call for the same room and meeting, only from a redialable state', async () => {
    const h = await harness();
    const rejecting = h.addRoom(sip('reject@sip.example.com'));
    const answering = h.addRoom(sip('room901@sip.example.com'));
    const [first, ok] = h.tracker.dial(MEETINGS.host, [rejecting.id, answering.id]);
    await h.allFinal([first!.callId, ok!.callId]);
    expect(() => h.tracker.redial(ok!.callId)).toThrow(
      expect.objectContaining({ kind: 'validation', code: 'not_redialable' }),
    );

    const again = h.tracker.redial(first!.callId);
    expect(again.callId).not.toBe(first?.callId);
    expect(again).toMatchObject({ roomId: rejecting.id, meetingId: MEETINGS.host.meetingId });
    expect((await h.until(again.callId, (c) => c.state === 'rejected')).inviteId).not.toBe(first?.inviteId);
    expect(h.requestsTo(ROOM_CALL_PATH)).toHaveLength(3);
    expect(h.store.listHistory({ roomId: rejecting.id })).toHaveLength(2);
  });

  it('refuses when the room was deleted meanwhile', async () => {
    const h = await harness();
    const room = h.addRoom(sip('reject@sip.example.com'));
    const [call] = h.tracker.dial(MEETINGS.host, [room.id]);
    await h.until(call!.callId, (c) => c.state === 'rejected');
    h.store.deleteRoom(room.id);
    expect(() => h.tracker.redial(call!.callId)).toThrow(
      expect.objectContaining({ kind: 'not_found', field: 'callId' }),
    );
  });
});

describe('lost answers and failing status checks', () => {
  it('a time-out after sending room-call makes the call unknown, and room-call is never repeated', async () => {
    const h = await harness({ timeoutMs: 300 });
    h.sim.injectFault({ kind: 'hang', path: ROOM_CALL_PATH });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room1001@sip.example.com')).id]);
    const done = await h.until(call!.callId, (c) => c.state === 'unknown');
    expect(done.error).toMatchObject({ kind: 'unknown_outcome', code: 'unknown_outcome' });
    expect(done.error?.hint['en-US']).toMatch(/status/);
    expect(h.requestsTo(ROOM_CALL_PATH)).toHaveLength(1);
    // The simulator did process it: the room may well be ringing, which is why it is not "failed".
    expect(h.sim.invites()).toHaveLength(1);
    expect(h.store.listHistory()[0]).toMatchObject({ outcome: 'unknown', errorCode: 'unknown_outcome' });
  });

  it('a failed status check is not fatal: polling goes on', async () => {
    const log = recordingLog();
    const h = await harness({ retries: 0, log, simulator: { answerDelayMs: 400 } });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room1002@sip.example.com')).id]);
    await h.until(call!.callId, (c) => c.inviteId !== undefined);
    h.sim.injectFault({ kind: 'server_error', path: STATUS_PATH, count: 2 });
    const done = await h.until(call!.callId, (c) => c.state === 'joined');
    expect(done.error).toBeUndefined();
    expect(log.lines.filter((l) => l.message === 'calls: status check failed')).toHaveLength(2);
  });

  it('after five failed status checks in a row the call is unknown, with the error', async () => {
    const h = await harness({ retries: 0, simulator: { answerDelayMs: 30_000 } });
    const [call] = h.tracker.dial(MEETINGS.host, [h.addRoom(sip('room1003@sip.example.com')).id]);
    await h.until(call!.callId, (c) => c.inviteId !== undefined);
    h.sim.injectFault({ kind: 'server_error', path: STATUS_PATH, count: 1000 });
    const done = await h.until(call!.callId, (c) => c.state === 'unknown');
    expect(done.error).toMatchObject({ kind: 'api', code: 10002 });
    expect(done.error?.message['en-US']).toMatch(/could not be read/);
    expect(h.requestsTo(STATUS_PATH)).toHaveLength(5);
  });
});

describe('history and the address book', () => {
  it('a room deleted while it rings does not stop the call; history keeps the record', async () => {
    const log = recordingLog();
    const h = await harness({ log, simulator: { answerDelayMs: 300 } });
    const room = h.addRoom(sip('room1101@sip.example.com'));
    const [call] = h.tracker.dial(MEETINGS.host, [room.id]);
    await h.until(call!.callId, (c) => c.state === 'ringing');
    h.store.deleteRoom(room.id);
    await h.until(call!.callId, (c) => c.state === 'joined');
    expect(h.store.listHistory()[0]).toMatchObject({ roomId: room.id, roomName: room.name, outcome: 'joined' });
    expect(log.lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('shutdown records calls still in flight as unknown and queued ones as cancelled, then goes quiet', async () => {
    const h = await harness({ simulator: { answerDelayMs: 30_000 } });
    const [ringingRoom, sendingRoom, queuedRoom] = [1, 2, 3].map((n) => h.addRoom(sip(`room120${n}@sip.example.com`)));
    const [ringing] = h.tracker.dial(MEETINGS.host, [ringingRoom!.id]);
    await h.until(ringing!.callId, (c) => c.state === 'ringing');
    // One room-call out (slowed down), one waiting behind it.
    h.store.updateSettings({ maxConcurrentDials: 1 });
    h.sim.setFaults({ latencyMs: 200 });
    const [sending, queued] = h.tracker.dial(MEETINGS.host, [sendingRoom!.id, queuedRoom!.id]);
    expect([sending?.state, queued?.state]).toEqual(['calling', 'queued']);
    await until(() => h.requestsTo(ROOM_CALL_PATH).length === 2);
    h.tracker.shutdown();

    const views = new Map<string, CallView>(h.tracker.list().map((c) => [c.callId, c]));
    expect(views.get(ringing!.callId)).toMatchObject({ state: 'unknown', error: { code: 'app_closed' } });
    expect(views.get(sending!.callId)).toMatchObject({ state: 'unknown', error: { code: 'app_closed' } });
    expect(views.get(queued!.callId)?.state).toBe('cancelled');
    for (const room of [ringingRoom!, sendingRoom!]) {
      expect(h.store.listHistory({ roomId: room.id })[0]).toMatchObject({
        outcome: 'unknown',
        errorCode: 'app_closed',
      });
    }
    expect(h.store.listHistory({ roomId: queuedRoom!.id })[0]?.outcome).toBe('cancelled');

    await until(() => h.inFlight() === 0);
    const requests = h.sim.requests.length;
    await pause(300);
    expect(h.sim.requests).toHaveLength(requests);
    expect(() => h.tracker.dial(MEETINGS.host, [ringingRoom!.id])).toThrow(
      expect.objectContaining({ code: 'shut_down' }),
    );
  });
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await pause(5);
}
