// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import { useCallsStore } from '../../renderer/src/stores/calls';
import { makeCall, makeRoom, MEETING } from './fixtures';
import { installFakeApi, ok, type FakeApi } from './helpers/fake-api';

const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };
const [a, b, c, d, e] = ['A', 'B', 'C', 'D', 'E'].map((name) => makeRoom({ name })) as [Room, Room, Room, Room, Room];

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = installFakeApi();
});

const at = (seconds: number) => `2026-11-22T02:00:${String(seconds).padStart(2, '0')}.000Z`;

describe('calls store: updates', () => {
  it('applies pushed updates after start, and reads the calls main already had', async () => {
    fake.listCalls.mockReturnValue(ok([makeCall(a, 'ringing')]));
    const calls = useCallsStore();
    await calls.start();
    expect(calls.latestByRoom.get(a.id)?.state).toBe('ringing');
    fake.push(makeCall(a, 'joined', { updatedAt: at(5) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('joined');
    calls.stop();
    fake.push(makeCall(a, 'left', { updatedAt: at(9) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('joined');
  });

  it('ignores an update older than the one shown, and repeats', () => {
    const calls = useCallsStore();
    calls.apply(makeCall(a, 'joined', { updatedAt: at(5) }));
    calls.apply(makeCall(a, 'ringing', { updatedAt: at(3) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('joined');
    const before = calls.calls;
    calls.apply(makeCall(a, 'joined', { updatedAt: at(5) }));
    expect(calls.calls).toBe(before); // nothing re-renders for a repeat
  });

  it('never takes a finished call back to ringing on an update with the same time', () => {
    const calls = useCallsStore();
    calls.apply(makeCall(a, 'rejected', { updatedAt: at(5) }));
    calls.apply(makeCall(a, 'ringing', { updatedAt: at(5) }));
    expect(calls.latestByRoom.get(a.id)?.state).toBe('rejected');
  });

  it('shows the newest call of a redialed room', () => {
    const calls = useCallsStore();
    calls.apply(makeCall(a, 'rejected', { callId: 'old', queuedAt: at(1) }));
    calls.apply(makeCall(a, 'ringing', { callId: 'new', queuedAt: at(7) }));
    calls.apply(makeCall(a, 'rejected', { callId: 'old', queuedAt: at(1), updatedAt: at(8) }));
    expect(calls.latestByRoom.get(a.id)?.callId).toBe('new');
  });
});

describe('calls store: dialing', () => {
  it('dials only rooms without an active call, and a room only once while its request is out', async () => {
    const calls = useCallsStore();
    calls.apply(makeCall(a, 'ringing'));
    let answer!: (value: unknown) => void;
    fake.dial.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const first = calls.dial(meetingRef, [a.id, b.id, b.id]);
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [b.id] });
    expect(calls.isActive(b.id)).toBe(true);
    // A second click while the first request is out sends nothing.
    expect(await calls.dial(meetingRef, [b.id])).toEqual([]);
    expect(fake.dial).toHaveBeenCalledTimes(1);
    answer({ ok: true, value: [makeCall(b, 'calling')] });
    expect((await first).map((call) => call.roomId)).toEqual([b.id]);
    expect(calls.latestByRoom.get(b.id)?.state).toBe('calling');
    expect(calls.pending.size).toBe(0);
  });

  it('lets a room be dialed again once its request failed', async () => {
    const calls = useCallsStore();
    fake.dial.mockReturnValueOnce(Promise.resolve({ ok: false, error: { kind: 'network' } }));
    await expect(calls.dial(meetingRef, [a.id])).rejects.toThrow();
    expect(calls.isActive(a.id)).toBe(false);
  });

  it('cancels one call and all calls with what main answers', async () => {
    const calls = useCallsStore();
    calls.apply(makeCall(a, 'ringing'));
    calls.apply(makeCall(b, 'ringing'));
    fake.cancelCall.mockReturnValue(ok(makeCall(a, 'cancelled', { updatedAt: at(4) })));
    await calls.cancel(`call-${a.id}`);
    expect(fake.cancelCall).toHaveBeenCalledWith({ callId: `call-${a.id}` });
    fake.cancelAllCalls.mockReturnValue(ok([makeCall(b, 'cancelled', { updatedAt: at(4) })]));
    await calls.cancelAll();
    expect(calls.anyActive).toBe(false);
  });

  it('redials failed rooms of the meeting, but not joined or unknown ones', async () => {
    const calls = useCallsStore();
    const list: CallView[] = [
      makeCall(a, 'rejected'),
      makeCall(b, 'no_answer'),
      makeCall(c, 'joined'),
      makeCall(d, 'unknown'),
      makeCall(e, 'failed', { meetingId: '999999999999' }),
    ];
    calls.applyAll(list);
    fake.dial.mockReturnValue(ok([]));
    await calls.redialFailed(meetingRef);
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [a.id, b.id] });
  });
});

describe('calls store: progress', () => {
  it('counts joined, failed and ringing rooms of the meeting, a redialed room once', () => {
    const calls = useCallsStore();
    calls.applyAll([
      makeCall(a, 'joined'),
      makeCall(b, 'ringing'),
      makeCall(c, 'rejected', { callId: 'c-old', queuedAt: at(1) }),
      makeCall(c, 'calling', { callId: 'c-new', queuedAt: at(2) }),
      makeCall(d, 'unknown'),
      makeCall(e, 'joined', { meetingId: '999999999999' }),
    ]);
    expect(calls.progress(MEETING.meetingId)).toEqual({ total: 4, joined: 1, ringing: 2, failed: 1, ended: 0 });
    expect(calls.progress(undefined).total).toBe(5);
  });
});
