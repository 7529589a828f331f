// The automation's retry and rejoin rules on a fake clock, against a stand-in dialer that records every dial and
// lets the test say how each call ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallState, CallView, DialResult } from '../../common/call-model';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../common/retry-policy';
import type { AnswerState } from '../../common/call-status';
import type { RoomAnswer } from '../../common/wemeet-types';
import { AutoRedial, DROP_WATCH_MS, REJOIN_DELAY_MS } from '../../main/calls/auto-redial';
import type { DialRequest } from '../../main/calls/dialer';

const MEETING = { meetingId: '7567173273889276131', subject: 'Monday board meeting' };
const ORIGIN = { kind: 'set', label: 'Monday board' } as const;

function view(callId: string, state: CallState, extra: Partial<CallView> = {}): CallView {
  return {
    callId,
    batchId: 'b',
    roomId: 'room-1',
    roomName: 'Board room',
    target: 'SIP board@sip.example.com',
    meetingId: MEETING.meetingId,
    state,
    queuedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...extra,
  };
}

class FakeDialer {
  readonly dials: DialRequest[] = [];
  status: AnswerState = 'joined';
  private listener: ((call: CallView) => void) | undefined;
  private n = 0;

  dial = async (request: DialRequest): Promise<DialResult> => {
    this.dials.push(request);
    this.n += 1;
    return { calls: [view(`call-${this.n}`, 'queued', { origin: request.origin })], skipped: [] };
  };
  onUpdate = (listener: (call: CallView) => void) => {
    this.listener = listener;
    return () => (this.listener = undefined);
  };
  roomStatus = async (): Promise<RoomAnswer> => ({ status: 2, state: this.status, responseTime: undefined });
  /** The call ends (as the tracker would push it). */
  end(callId: string, state: CallState, code?: number): void {
    const error = code === undefined ? {} : { error: { kind: 'api' as const, code, message: both, hint: both } };
    this.listener?.(view(callId, state, error));
  }
}
const both = { 'zh-CN': '失败', 'en-US': 'failed' };

let dialer: FakeDialer;
let auto: AutoRedial;

function start(policy: Partial<RetryPolicy> = {}): void {
  dialer = new FakeDialer();
  auto = new AutoRedial({
    dialer,
    newId: (() => {
      let i = 0;
      return () => `p${++i}`;
    })(),
  });
  auto.follow(
    { calls: [view('call-0', 'queued')], skipped: [] },
    { meeting: MEETING, policy: { ...DEFAULT_RETRY_POLICY, ...policy }, origin: ORIGIN },
  );
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T09:00:00+08:00') });
});
afterEach(() => {
  auto.shutdown();
  vi.useRealTimers();
});

describe('profiles', () => {
  it("never follows a call another profile placed (a switch came while its set's dial read the meeting)", async () => {
    dialer = new FakeDialer();
    let current = 'branch-b';
    auto = new AutoRedial({ dialer, currentProfileId: () => current });
    const policy = DEFAULT_RETRY_POLICY;
    auto.follow(
      { calls: [view('call-a', 'queued', { profile: { id: 'default', name: '' } })], skipped: [] },
      { meeting: MEETING, policy, origin: ORIGIN },
    );
    dialer.end('call-a', 'no_answer');
    expect(auto.pending()).toEqual([]);

    current = 'default';
    auto.follow(
      { calls: [view('call-b', 'queued', { profile: { id: 'default', name: '' } })], skipped: [] },
      { meeting: MEETING, policy, origin: ORIGIN },
    );
    dialer.end('call-b', 'no_answer');
    expect(auto.pending()).toEqual([expect.objectContaining({ kind: 'retry', attempt: 1 })]);
  });
});

describe('retries', () => {
  it('retries no answer after 1 min, then 3 min, then stops; each visible with its time, recorded as a retry', async () => {
    start();
    dialer.end('call-0', 'no_answer');
    expect(auto.pending()).toEqual([
      expect.objectContaining({ kind: 'retry', attempt: 1, of: 2, roomId: 'room-1', label: 'Monday board' }),
    ]);
    expect(auto.pending()[0]?.dueAt).toBe(new Date(Date.now() + 60_000).toISOString());
    await vi.advanceTimersByTimeAsync(59_999);
    expect(dialer.dials).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(dialer.dials).toHaveLength(1);
    expect(dialer.dials[0]).toMatchObject({
      rooms: [{ roomId: 'room-1' }],
      unknownOutcome: 'skip',
      origin: { kind: 'retry', attempt: 1, of: 2, label: 'Monday board' },
    });

    dialer.end('call-1', 'failed', 10004);
    expect(auto.pending()[0]).toMatchObject({ attempt: 2, of: 2 });
    await vi.advanceTimersByTimeAsync(180_000);
    expect(dialer.dials).toHaveLength(2);

    dialer.end('call-2', 'no_answer');
    expect(auto.pending()).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(dialer.dials).toHaveLength(2);
  });

  it.each<[CallState, number | undefined]>([
    ['rejected', undefined],
    ['cancelled', undefined],
    ['unknown', undefined],
    ['failed', 9042],
    ['failed', 190004],
    ['failed', undefined],
  ])('never retries %s (code %s)', async (state, code) => {
    start();
    dialer.end('call-0', state, code);
    expect(auto.pending()).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(dialer.dials).toEqual([]);
  });

  it('a waiting retry can be cancelled, and then nothing rings', async () => {
    start();
    dialer.end('call-0', 'no_answer');
    const [waiting] = auto.pending();
    expect(auto.cancel(waiting!.id)).toBe(true);
    expect(auto.pending()).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(dialer.dials).toEqual([]);
  });

  it("the operator's Cancel all for the meeting drops what waits for it", async () => {
    start();
    dialer.end('call-0', 'no_answer');
    auto.cancelMeeting(MEETING.meetingId);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(dialer.dials).toEqual([]);
  });
});

describe('rejoin after a drop', () => {
  it('is off by default: a joined room is not watched', async () => {
    start();
    dialer.end('call-0', 'joined');
    dialer.status = 'left';
    await vi.advanceTimersByTimeAsync(10 * DROP_WATCH_MS);
    expect(dialer.dials).toEqual([]);
  });

  it('when on, rings a dropped room again at most twice', async () => {
    start({ rejoinOnDrop: true, rejoins: 2 });
    for (let round = 1; round <= 3; round += 1) {
      dialer.end(`call-${round - 1}`, 'joined');
      dialer.status = 'joined';
      await vi.advanceTimersByTimeAsync(DROP_WATCH_MS);
      dialer.status = 'left';
      await vi.advanceTimersByTimeAsync(DROP_WATCH_MS);
      if (round <= 2) {
        expect(auto.pending()).toEqual([expect.objectContaining({ kind: 'rejoin', attempt: round, of: 2 })]);
        await vi.advanceTimersByTimeAsync(REJOIN_DELAY_MS);
        expect(dialer.dials).toHaveLength(round);
        expect(dialer.dials[round - 1]?.origin).toMatchObject({ kind: 'rejoin', attempt: round });
      }
    }
    // The third drop: the policy's two rejoins are used up.
    await vi.advanceTimersByTimeAsync(10 * DROP_WATCH_MS);
    expect(dialer.dials).toHaveLength(2);
    expect(auto.pending()).toEqual([]);
  });

  it('never rejoins a call the operator cancelled', async () => {
    start({ rejoinOnDrop: true });
    dialer.end('call-0', 'cancelled');
    dialer.status = 'left';
    await vi.advanceTimersByTimeAsync(10 * DROP_WATCH_MS);
    expect(dialer.dials).toEqual([]);
  });

  it('a waiting rejoin can be cancelled, and the room is not watched any more', async () => {
    start({ rejoinOnDrop: true });
    dialer.end('call-0', 'joined');
    dialer.status = 'left';
    await vi.advanceTimersByTimeAsync(DROP_WATCH_MS);
    const [waiting] = auto.pending();
    auto.cancel(waiting!.id);
    await vi.advanceTimersByTimeAsync(10 * DROP_WATCH_MS);
    expect(dialer.dials).toEqual([]);
  });
});
