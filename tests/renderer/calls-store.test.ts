// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallView, DialConfirmation, DialResult, SkippedRoom } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import { useCallsStore, type AskOperator, type ConfirmAnswer } from '../../renderer/src/stores/calls';
import { makeCall, makeRoom, MEETING, nextId } from './fixtures';
import { fail, installFakeApi, ipcError, NOTHING_DIALED, ok, type FakeApi } from './helpers/fake-api';

const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };
const OTHER_MEETING = '1234567890123456789';
const [a, b, c, d, e, f] = ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => makeRoom({ name })) as [
  Room,
  Room,
  Room,
  Room,
  Room,
  Room,
];

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = installFakeApi();
});

const at = (seconds: number) => `2026-11-22T02:00:${String(seconds).padStart(2, '0')}.000Z`;
const answer = (result: Partial<DialResult>) => ok<DialResult>({ ...NOTHING_DIALED, ...result });
const largeBatch = (count: number): DialConfirmation => ({ kind: 'large_batch', count, meeting: meetingRef });
const unknownOutcome = (...rooms: Room[]): DialConfirmation => ({
  kind: 'unknown_outcome',
  roomIds: rooms.map((room) => room.id),
  roomNames: rooms.map((room) => room.name),
});
/** The operator, answering each question in turn; throws when asked more than expected. */
function operator(...answers: ConfirmAnswer[]) {
  return vi.fn<AskOperator>(async () => {
    const next = answers.shift();
    if (!next) throw new Error('asked more questions than the test expected');
    return next;
  });
}
const neverAsked = () => operator();

/** A store showing the meeting the tests dial into. */
function store() {
  const calls = useCallsStore();
  calls.showMeeting(MEETING.meetingId);
  return calls;
}

describe('calls store: updates', () => {
  it('applies pushed updates after start, and reads the calls main already had', async () => {
    fake.listCalls.mockReturnValue(ok([makeCall(a, 'ringing')]));
    const calls = store();
    await calls.start();
    expect(calls.latestByRoom.get(a.id)?.state).toBe('ringing');
    fake.push(makeCall(a, 'joined', { updatedAt: at(5) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('joined');
    calls.stop();
    fake.push(makeCall(a, 'left', { updatedAt: at(9) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('joined');
  });

  it('ignores an update older than the one shown, and repeats', () => {
    const calls = store();
    calls.apply(makeCall(a, 'joined', { updatedAt: at(5) }));
    calls.apply(makeCall(a, 'ringing', { updatedAt: at(3) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('joined');
    const before = calls.calls;
    calls.apply(makeCall(a, 'joined', { updatedAt: at(5) }));
    expect(calls.calls).toBe(before); // nothing re-renders for a repeat
  });

  it('never takes a finished call back to ringing on an update with the same time', () => {
    const calls = store();
    calls.apply(makeCall(a, 'rejected', { updatedAt: at(5) }));
    calls.apply(makeCall(a, 'ringing', { updatedAt: at(5) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('rejected');
  });

  it('shows the newest call of a redialed room', () => {
    const calls = store();
    calls.apply(makeCall(a, 'rejected', { callId: 'old', queuedAt: at(1) }));
    calls.apply(makeCall(a, 'ringing', { callId: 'new', queuedAt: at(7) }));
    calls.apply(makeCall(a, 'rejected', { callId: 'old', queuedAt: at(1), updatedAt: at(8) }));
    expect(calls.latestByRoom.get(a.id)?.callId).toBe('new');
  });

  it('shows only the calls of the meeting on screen, and none before a meeting is shown', () => {
    const calls = useCallsStore();
    calls.applyAll([makeCall(a, 'ringing'), makeCall(b, 'joined', { callId: 'b-other', meetingId: OTHER_MEETING })]);
    expect(calls.latestByRoom.size).toBe(0);
    calls.showMeeting(MEETING.meetingId);
    expect([...calls.latestByRoom.keys()]).toEqual([a.id]);
    expect(calls.isActive(a.id)).toBe(true);
    calls.showMeeting(OTHER_MEETING);
    expect([...calls.latestByRoom.keys()]).toEqual([b.id]);
    expect(calls.isActive(a.id)).toBe(false);
  });
});

describe('calls store: dialing', () => {
  it('sends one request for the whole batch, however many rooms, each room once', async () => {
    const calls = store();
    const ids = Array.from({ length: 1200 }, () => nextId());
    fake.dial.mockReturnValue(answer({}));
    await calls.dial(meetingRef, [...ids, ids[0] as string, ids[1] as string], neverAsked());
    expect(fake.dial).toHaveBeenCalledTimes(1);
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: ids });
  });

  it('shows what the dialer queued and hands back what it skipped', async () => {
    const calls = store();
    const skipped: SkippedRoom = {
      roomId: b.id,
      roomName: b.name,
      reason: 'already_active',
      message: { 'zh-CN': 'B 已在呼叫中', 'en-US': 'B is already being called' },
    };
    fake.dial.mockReturnValue(answer({ calls: [makeCall(a, 'queued')], skipped: [skipped] }));
    const outcome = await calls.dial(meetingRef, [a.id, b.id], neverAsked());
    expect(outcome).toEqual({ calls: [makeCall(a, 'queued')], skipped: [skipped], stopped: false });
    expect(calls.latestByRoom.get(a.id)?.state).toBe('queued');
    expect(calls.latestByRoom.has(b.id)).toBe(false);
  });

  it('marks the rooms active while the request is out, and frees them after the answer or a failure', async () => {
    const calls = store();
    let reply!: (value: unknown) => void;
    fake.dial.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    const first = calls.dial(meetingRef, [a.id, b.id], neverAsked());
    expect(calls.isActive(a.id) && calls.isActive(b.id)).toBe(true);
    expect(calls.isActive(c.id)).toBe(false);
    reply({ ok: true, value: { calls: [makeCall(a, 'calling')], skipped: [] } });
    await first;
    expect(calls.pending.size).toBe(0);
    expect(calls.isActive(a.id)).toBe(true); // its call is under way
    expect(calls.isActive(b.id)).toBe(false);

    fake.dial.mockReturnValueOnce(fail(ipcError('network', 'No connection')));
    await expect(calls.dial(meetingRef, [c.id], neverAsked())).rejects.toThrow();
    expect(calls.isActive(c.id)).toBe(false);
  });

  it('asks to confirm a large batch with its count and meeting, and sends the confirmed count on yes', async () => {
    const calls = store();
    const ids = Array.from({ length: 60 }, () => nextId());
    fake.dial
      .mockReturnValueOnce(answer({ confirm: largeBatch(60) }))
      .mockReturnValueOnce(answer({ calls: [makeCall(a, 'queued')] }));
    const ask = operator('ring');
    const outcome = await calls.dial(meetingRef, ids, ask);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith(largeBatch(60));
    expect(fake.dial.mock.calls).toEqual([
      [{ meeting: meetingRef, roomIds: ids }],
      [{ meeting: meetingRef, roomIds: ids, confirmedCount: 60 }],
    ]);
    expect(outcome.stopped).toBe(false);
    expect(outcome.calls.map((call) => call.roomId)).toEqual([a.id]);
  });

  it('sends nothing more when the operator says no to a large batch', async () => {
    const calls = store();
    const ids = Array.from({ length: 60 }, () => nextId());
    fake.dial.mockReturnValueOnce(answer({ confirm: largeBatch(60) }));
    const outcome = await calls.dial(meetingRef, ids, operator('stop'));
    expect(fake.dial).toHaveBeenCalledTimes(1);
    expect(outcome).toEqual({ calls: [], skipped: [], stopped: true });
    expect(calls.pending.size).toBe(0);
  });

  it.each(['ring', 'skip'] as const)(
    'asks about rooms whose last outcome is unknown and sends the answer %s',
    async (choice) => {
      const calls = store();
      fake.dial
        .mockReturnValueOnce(answer({ confirm: unknownOutcome(a, b) }))
        .mockReturnValueOnce(answer({ calls: [makeCall(c, 'queued')] }));
      const ask = operator(choice);
      await calls.dial(meetingRef, [a.id, b.id, c.id], ask);
      expect(ask).toHaveBeenCalledWith(unknownOutcome(a, b));
      expect(fake.dial.mock.calls).toEqual([
        [{ meeting: meetingRef, roomIds: [a.id, b.id, c.id] }],
        [{ meeting: meetingRef, roomIds: [a.id, b.id, c.id], unknownOutcome: choice }],
      ]);
    },
  );

  it('sends nothing more when the operator stops at an unknown outcome, and keeps what the dialer skipped', async () => {
    const calls = store();
    const skipped: SkippedRoom = {
      roomId: b.id,
      roomName: b.name,
      reason: 'already_joined',
      message: { 'zh-CN': 'B 已在会议中', 'en-US': 'B is already in the meeting' },
    };
    fake.dial.mockReturnValueOnce(answer({ skipped: [skipped], confirm: unknownOutcome(a) }));
    const outcome = await calls.dial(meetingRef, [a.id, b.id], operator('stop'));
    expect(fake.dial).toHaveBeenCalledTimes(1);
    expect(outcome).toEqual({ calls: [], skipped: [skipped], stopped: true });
  });

  it('carries the first answer into the second question: unknown outcomes, then the batch size', async () => {
    const calls = store();
    const ids = [a.id, ...Array.from({ length: 59 }, () => nextId())];
    fake.dial
      .mockReturnValueOnce(answer({ confirm: unknownOutcome(a) }))
      .mockReturnValueOnce(answer({ confirm: largeBatch(59) }))
      .mockReturnValueOnce(answer({ calls: [makeCall(b, 'queued')] }));
    const ask = operator('skip', 'ring');
    const outcome = await calls.dial(meetingRef, ids, ask);
    expect(fake.dial).toHaveBeenCalledTimes(3);
    expect(fake.dial).toHaveBeenLastCalledWith({
      meeting: meetingRef,
      roomIds: ids,
      unknownOutcome: 'skip',
      confirmedCount: 59,
    });
    expect(outcome.stopped).toBe(false);
  });

  it('gives up, ringing nothing, when the dialer keeps asking after every answer', async () => {
    const calls = store();
    fake.dial.mockReturnValue(answer({ confirm: largeBatch(60) }));
    const outcome = await calls.dial(
      meetingRef,
      [a.id],
      vi.fn<AskOperator>(async () => 'ring'),
    );
    expect(fake.dial.mock.calls.length).toBeGreaterThanOrEqual(2); // the answer was sent
    expect(fake.dial.mock.calls.length).toBeLessThanOrEqual(3); // and the asking stopped
    expect(outcome).toEqual({ calls: [], skipped: [], stopped: true });
    expect(calls.pending.size).toBe(0);
  });

  it('redials the failed rooms by asking the dialer for the meeting, confirming a large batch', async () => {
    const calls = store();
    fake.redialFailed
      .mockReturnValueOnce(answer({ confirm: largeBatch(75) }))
      .mockReturnValueOnce(answer({ calls: [makeCall(a, 'queued', { callId: 'again' })] }));
    const outcome = await calls.redialFailed(meetingRef, operator('ring'));
    expect(fake.redialFailed.mock.calls).toEqual([
      [{ meeting: meetingRef }],
      [{ meeting: meetingRef, confirmedCount: 75 }],
    ]);
    expect(fake.dial).not.toHaveBeenCalled();
    expect(outcome.calls.map((call) => call.callId)).toEqual(['again']);

    fake.redialFailed.mockReturnValueOnce(answer({ confirm: largeBatch(75) }));
    expect((await calls.redialFailed(meetingRef, operator('stop'))).stopped).toBe(true);
    expect(fake.redialFailed).toHaveBeenCalledTimes(3);
  });

  it('cancels one call, and all calls of the meeting on screen, with what main answers', async () => {
    const calls = store();
    calls.apply(makeCall(a, 'ringing'));
    calls.apply(makeCall(b, 'ringing'));
    calls.apply(makeCall(c, 'ringing', { meetingId: OTHER_MEETING }));
    fake.cancelCall.mockReturnValue(ok(makeCall(a, 'cancelled', { updatedAt: at(4) })));
    await calls.cancel(`call-${a.id}`);
    expect(fake.cancelCall).toHaveBeenCalledWith({ callId: `call-${a.id}` });
    expect(calls.latestByRoom.get(a.id)?.state).toBe('cancelled');
    fake.cancelAllCalls.mockReturnValue(ok([makeCall(b, 'cancelled', { updatedAt: at(4) })]));
    await calls.cancelAll();
    expect(fake.cancelAllCalls).toHaveBeenCalledWith({ meetingId: MEETING.meetingId });
    expect(calls.anyActive).toBe(false);
  });
});

describe('calls store: progress of the meeting on screen', () => {
  const everyOutcome = (): CallView[] => [
    makeCall(a, 'joined'),
    makeCall(b, 'ringing'),
    makeCall(c, 'rejected', { callId: 'c-old', queuedAt: at(1) }),
    makeCall(c, 'calling', { callId: 'c-new', queuedAt: at(2) }),
    makeCall(d, 'unknown'),
    makeCall(e, 'cancelled'),
    makeCall(f, 'no_answer'),
  ];

  it('counts each room once by its latest call, cancelled and unknown apart from failed', () => {
    const calls = store();
    calls.applyAll([
      ...everyOutcome(),
      makeCall(a, 'failed', { callId: 'a-other', meetingId: OTHER_MEETING }),
      makeCall(b, 'rejected', { callId: 'b-other', meetingId: OTHER_MEETING }),
    ]);
    expect(calls.progress).toEqual({ total: 6, joined: 1, ringing: 2, failed: 1, unknown: 1, cancelled: 1, left: 0 });
    calls.showMeeting(OTHER_MEETING);
    expect(calls.progress).toEqual({ total: 2, joined: 0, ringing: 0, failed: 2, unknown: 0, cancelled: 0, left: 0 });
    calls.showMeeting(undefined);
    expect(calls.progress.total).toBe(0);
  });

  it('counts for "Redial failed" exactly the rejected, unanswered and failed rooms of the meeting', () => {
    const calls = store();
    calls.applyAll([
      makeCall(a, 'rejected'),
      makeCall(b, 'no_answer'),
      makeCall(c, 'failed'),
      makeCall(d, 'unknown'),
      makeCall(e, 'cancelled'),
      makeCall(f, 'left'),
      makeCall(a, 'failed', { callId: 'a-other', meetingId: OTHER_MEETING }),
    ]);
    expect(calls.failedCount).toBe(3);
    calls.apply(makeCall(c, 'ringing', { callId: 'c-again', queuedAt: at(9) }));
    expect(calls.failedCount).toBe(2);
    calls.showMeeting(OTHER_MEETING);
    expect(calls.failedCount).toBe(1);
  });
});
