// The schedule runner on a fake clock: when it dials, when it must not, and what it reports. The dialer, the API and
// the store are stand-ins that record what they were asked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallView, DialResult } from '../../common/call-model';
import { DEFAULT_RETRY_POLICY } from '../../common/retry-policy';
import type { Schedule, ScheduleEvent, ScheduleTrigger } from '../../common/schedule';
import type { MeetingInfo, RealTimeParticipants } from '../../common/wemeet-types';
import type { DialRequest } from '../../main/calls/dialer';
import { HOST_CHECK_MS, ScheduleRunner, type ScheduleStore } from '../../main/calls/schedules';

const T0 = new Date('2026-11-30T09:00:00+08:00').getTime();
const MIN = 60_000;
const START = T0 / 1000 + 30 * 60; // 09:30
const END = START + 60 * 60; // 10:30
const MEETING_ID = '7567173273889276131';

class Fakes {
  meeting: MeetingInfo = {
    meetingId: MEETING_ID,
    meetingCode: '806146667',
    subject: 'Monday board meeting',
    startTime: START,
    endTime: END,
    status: 'MEETING_STATE_INIT',
    hostUserIds: ['host1'],
  } as unknown as MeetingInfo;
  hostJoinsAtMs = Infinity;
  readonly dials: DialRequest[] = [];
  readonly dialedAt: number[] = [];
  readonly followed: unknown[] = [];
  readonly events: ScheduleEvent[] = [];
  participantReads = 0;
  readonly saved = new Map<string, Schedule>();

  store: ScheduleStore = {
    listSchedules: () => [...this.saved.values()],
    saveSchedule: (s) => void this.saved.set(s.id, s),
    removeSchedule: (id) => void this.saved.delete(id),
  };

  runner(): ScheduleRunner {
    const runner = new ScheduleRunner({
      store: this.store,
      sets: { getSet: (id) => (id === 'set-1' ? { name: 'Board rooms', roomIds: ['r1', 'r2'] } : undefined) },
      dialer: {
        dial: async (request: DialRequest): Promise<DialResult> => {
          this.dials.push(request);
          this.dialedAt.push(Date.now());
          return {
            calls: [{ callId: 'c1', roomId: 'r1' } as CallView, { callId: 'c2', roomId: 'r2' } as CallView],
            skipped: [],
          };
        },
      },
      automation: { follow: (result, context) => void this.followed.push({ result, context }) },
      getClient: async () => ({
        getMeetingById: async () => this.meeting,
        realTimeParticipants: async (): Promise<RealTimeParticipants> => {
          this.participantReads += 1;
          return {
            meetingStatus: undefined,
            totalCount: 1,
            participants: [],
            hostPresent: Date.now() >= this.hostJoinsAtMs,
            complete: true,
          };
        },
      }),
      policy: () => DEFAULT_RETRY_POLICY,
      newId: () => 'sch-1',
    });
    runner.onEvent((event) => this.events.push(event));
    return runner;
  }
}

let f: Fakes;
let runner: ScheduleRunner;

function arm(trigger: ScheduleTrigger = { kind: 'host_joins' }, recurring = false): void {
  runner = f.runner();
  runner.add({
    name: 'Monday board meeting',
    setId: 'set-1',
    meeting: { meetingId: MEETING_ID, meetingCode: '806146667' },
    recurring,
    trigger,
    hostWatchMinutes: 10,
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  f = new Fakes();
});
afterEach(() => {
  runner.shutdown();
  vi.useRealTimers();
});

describe('when the host joins (the default)', () => {
  it('waits, watches from 10 min before the start, and dials the set when the host joins late', async () => {
    f.hostJoinsAtMs = START * 1000 + 7 * MIN;
    arm();
    await vi.advanceTimersByTimeAsync(0);
    expect(runner.list()[0]).toMatchObject({
      status: 'waiting',
      nextActionAt: new Date((START - 600) * 1000).toISOString(),
    });
    await vi.advanceTimersByTimeAsync(20 * MIN - 1);
    expect(f.participantReads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runner.list()[0]?.status).toBe('watching_host');
    await vi.advanceTimersByTimeAsync(16 * MIN);
    expect(f.dials).toHaveLength(0);
    // 09:36 now; the host joins at 09:37: one check after that at the latest, it dials.
    await vi.advanceTimersByTimeAsync(MIN + HOST_CHECK_MS + 1_000);
    expect(f.dials).toHaveLength(1);
    expect(f.dials[0]).toMatchObject({
      meeting: { meetingId: MEETING_ID },
      rooms: [{ roomId: 'r1' }, { roomId: 'r2' }],
      unknownOutcome: 'skip',
      confirmedCount: 2,
      origin: { kind: 'schedule', label: 'Monday board meeting' },
    });
    // Dialed at the join, not later than one check after it.
    expect(f.dialedAt[0]! - f.hostJoinsAtMs).toBeGreaterThanOrEqual(0);
    expect(f.dialedAt[0]! - f.hostJoinsAtMs).toBeLessThanOrEqual(HOST_CHECK_MS);
    expect(f.followed).toEqual([
      expect.objectContaining({ context: expect.objectContaining({ policy: DEFAULT_RETRY_POLICY }) }),
    ]);
    expect(runner.list()[0]?.status).toBe('dialed');
    expect(f.events.map((e) => e.kind)).toEqual(['dialed']);
    // Checks stop once it has dialed: nothing more is read or rung for this occurrence.
    const reads = f.participantReads;
    await vi.advanceTimersByTimeAsync(2 * 60 * MIN);
    expect(f.participantReads).toBe(reads);
    expect(f.dials).toHaveLength(1);
  });

  it('the host never joins: nothing is dialed, and it is reported at the end', async () => {
    arm();
    await vi.advanceTimersByTimeAsync(3 * 60 * MIN);
    expect(f.dials).toEqual([]);
    expect(runner.list()[0]?.status).toBe('missed');
    expect(f.events.map((e) => e.kind)).toEqual(['host_never_joined']);
    expect(f.events[0]?.body['en-US']).toMatch(/host never joined/);
    expect(f.events[0]?.body['zh-CN']).toMatch(/主持人/);
  });

  it('host checks stay few: one read every 30 s while watching', async () => {
    arm();
    await vi.advanceTimersByTimeAsync(30 * MIN);
    // Watching from 09:20 to 09:30: 10 minutes at one read per 30 s.
    expect(f.participantReads).toBeGreaterThanOrEqual(19);
    expect(f.participantReads).toBeLessThanOrEqual(21);
  });
});

describe('guards', () => {
  it('a cancelled meeting is never dialed, and says so', async () => {
    f.meeting = { ...f.meeting, status: 'MEETING_STATE_CANCELLED' };
    f.hostJoinsAtMs = 0;
    arm({ kind: 'at_start' });
    await vi.advanceTimersByTimeAsync(3 * 60 * MIN);
    expect(f.dials).toEqual([]);
    expect(runner.list()[0]?.status).toBe('meeting_closed');
    expect(f.events.map((e) => e.kind)).toEqual(['meeting_closed']);
  });

  it('the PC slept past the end: reported as missed, not dialed late', async () => {
    arm({ kind: 'at_start' });
    await vi.advanceTimersByTimeAsync(0);
    expect(runner.list()[0]?.status).toBe('waiting');
    // The PC sleeps from 09:00 to 11:00: the timers fire late, all at once.
    vi.setSystemTime(T0 + 120 * MIN);
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(f.dials).toEqual([]);
    expect(runner.list()[0]?.status).toBe('missed');
    expect(f.events.map((e) => e.kind)).toEqual(['missed']);
  });

  it('the app was closed through the meeting: at the next start the occurrence is reported, not dialed', async () => {
    f.saved.set('sch-1', {
      id: 'sch-1',
      name: 'Monday board meeting',
      setId: 'set-1',
      meeting: { meetingId: MEETING_ID },
      recurring: false,
      trigger: { kind: 'at_start' },
      hostWatchMinutes: 10,
      armed: true,
    });
    vi.setSystemTime((END + 60) * 1000);
    runner = f.runner();
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(f.dials).toEqual([]);
    expect(f.events.map((e) => e.kind)).toEqual(['missed']);
    expect(f.saved.get('sch-1')?.lastOccurrence).toBe(START);
  });

  it('a dialed occurrence is not dialed again after a restart', async () => {
    arm({ kind: 'at_start' });
    await vi.advanceTimersByTimeAsync(31 * MIN);
    expect(f.dials).toHaveLength(1);
    runner.shutdown();
    runner = f.runner();
    runner.start();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(f.dials).toHaveLength(1);
  });
});

describe('other triggers, pausing and removing', () => {
  it('N minutes before the start dials then', async () => {
    arm({ kind: 'before_start', minutes: 5 });
    await vi.advanceTimersByTimeAsync(25 * MIN - 1);
    expect(f.dials).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.dials).toHaveLength(1);
  });

  it('a paused schedule dials nothing; armed again, it dials at its time; removed, nothing more', async () => {
    arm({ kind: 'at_start' });
    runner.setArmed('sch-1', false);
    expect(runner.armedCount()).toBe(0);
    expect(runner.list()[0]?.status).toBe('paused');
    await vi.advanceTimersByTimeAsync(31 * MIN);
    expect(f.dials).toEqual([]);
    runner.setArmed('sch-1', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.dials).toHaveLength(1);
    expect(runner.remove('sch-1')).toBe(true);
    expect(runner.list()).toEqual([]);
  });

  it('the header shows the next armed schedule', async () => {
    arm({ kind: 'at_start' });
    await vi.advanceTimersByTimeAsync(0);
    expect(runner.nextArmed()).toMatchObject({
      name: 'Monday board meeting',
      nextActionAt: new Date(START * 1000).toISOString(),
    });
  });
});
