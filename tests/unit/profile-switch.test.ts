// ProfileSwitch with stand-ins for the store, dialer, automation and schedules: when a switch is a question, what the
// question counts, and what a confirmed switch stops.
import { describe, expect, it } from 'vitest';
import type { CallState, CallView } from '../../common/call-model';
import { ProfileSwitch } from '../../main/calls/profile-switch';
import type { ScheduleStore } from '../../main/calls/schedules';

function call(id: string, state: CallState, profile: string): CallView {
  const at = '2026-11-30T01:00:00.000Z';
  return {
    callId: id,
    batchId: 'b',
    roomId: `room-${id}`,
    roomName: id,
    target: 'SIP x@sip.example.com',
    meetingId: '7567173273889276131',
    state,
    queuedAt: at,
    updatedAt: at,
    profile: { id: profile, name: profile },
  };
}

function desk(calls: CallView[], armed = 0, pending = 0) {
  let active = 'a';
  const events: string[] = [];
  const emptySchedules: ScheduleStore = { listSchedules: () => [], saveSchedule: () => {}, removeSchedule: () => {} };
  const switcher = new ProfileSwitch({
    store: {
      profiles: {
        active: () => ({ id: active, name: active }),
        activate: (id: string) => {
          active = id;
          return { ok: true, value: { profile: { id, name: id }, notices: [] } };
        },
      },
    },
    dialer: { list: () => calls },
    automation: {
      pending: () => Array.from({ length: pending }, () => ({}) as never),
      dropAll: () => {
        events.push('retries dropped');
        return pending;
      },
    },
    schedules: {
      armedCount: () => armed,
      useStore: () => {
        events.push('schedules swapped');
      },
    },
    today: { forget: () => events.push('today forgotten') },
    openSchedules: (id) => {
      events.push(`schedules of ${id} opened`);
      return emptySchedules;
    },
  });
  return { switcher, events, active: () => active };
}

describe('switching profiles', () => {
  it('asks while calls of this profile ring, counting only those; confirmed, it stops what would act later', () => {
    const { switcher, events, active } = desk(
      [call('1', 'ringing', 'a'), call('2', 'joined', 'a'), call('3', 'ringing', 'c')],
      1,
      2,
    );
    expect(switcher.switchTo('b', false)).toEqual({
      ok: true,
      value: {
        kind: 'ask',
        question: { from: 'a', to: 'b', activeCalls: 1, pendingRetries: 2, armedSchedules: 1 },
      },
    });
    expect(active()).toBe('a');
    expect(events).toEqual([]);

    expect(switcher.switchTo('b', true)).toMatchObject({ ok: true, value: { kind: 'switched' } });
    expect(active()).toBe('b');
    expect(events).toEqual(['retries dropped', 'schedules of b opened', 'schedules swapped', 'today forgotten']);
  });

  it('does not ask about calls of a profile left earlier: they were asked about then and keep their credentials', () => {
    const { switcher, active } = desk([call('1', 'ringing', 'c'), call('2', 'calling', 'c')]);
    expect(switcher.switchTo('b', false)).toMatchObject({ ok: true, value: { kind: 'switched' } });
    expect(active()).toBe('b');
  });

  it('switching to the profile in use changes nothing and stops nothing', () => {
    const { switcher, events } = desk([call('1', 'ringing', 'a')], 1, 1);
    expect(switcher.switchTo('a', false)).toMatchObject({ ok: true, value: { kind: 'switched' } });
    expect(events).toEqual([]);
  });
});
