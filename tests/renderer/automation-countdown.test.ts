// The countdowns the automation panels show are computed from main's ISO times and the clock; which sentence a
// schedule's next action gets depends on its status and trigger; the header shows the armed schedule acting first.
import { describe, expect, it } from 'vitest';
import {
  clockCountdown,
  nextAction,
  nextArmed,
  relativeIn,
  secondsLeft,
} from '../../renderer/src/automation/countdown';
import { at, NOW, schedule } from './automation-fixtures';

describe('secondsLeft', () => {
  it('counts whole seconds up to the time, never below zero, nothing for a missing or unreadable time', () => {
    expect(secondsLeft(at(0, 42), NOW)).toBe(42);
    expect(secondsLeft(new Date(NOW + 41_200).toISOString(), NOW)).toBe(42);
    expect(secondsLeft(at(-1), NOW)).toBe(0);
    expect(secondsLeft(undefined, NOW)).toBeUndefined();
    expect(secondsLeft('soon', NOW)).toBeUndefined();
  });
});

describe('clockCountdown', () => {
  it('reads as minutes:seconds, with hours when needed', () => {
    expect(clockCountdown(42)).toBe('0:42');
    expect(clockCountdown(125)).toBe('2:05');
    expect(clockCountdown(3725)).toBe('1:02:05');
    expect(clockCountdown(-3)).toBe('0:00');
  });
});

describe('relativeIn', () => {
  it('says seconds under a minute, minutes rounded up under an hour, then hours and minutes', () => {
    expect(relativeIn(0)).toEqual({ key: 'now' });
    expect(relativeIn(20)).toEqual({ key: 'seconds', n: 20 });
    expect(relativeIn(60)).toEqual({ key: 'minutes', n: 1 });
    expect(relativeIn(11 * 60 + 1)).toEqual({ key: 'minutes', n: 12 });
    expect(relativeIn(125 * 60)).toEqual({ key: 'hours', h: 2, m: 5 });
  });
});

describe('nextAction', () => {
  it('is the next host check while watching, the watch start while waiting for the host, the dial time otherwise', () => {
    expect(nextAction(schedule({ status: 'watching_host', nextActionAt: at(0, 20) }), NOW)).toEqual({
      kind: 'watching',
      seconds: 20,
    });
    expect(nextAction(schedule({ status: 'waiting', nextActionAt: at(2) }), NOW)).toEqual({
      kind: 'watchFrom',
      atIso: at(2),
      seconds: 120,
    });
    expect(
      nextAction(schedule({ status: 'waiting', trigger: { kind: 'at_start' }, nextActionAt: at(12) }), NOW),
    ).toEqual({ kind: 'at', atIso: at(12), seconds: 720 });
  });

  it('is a check now while a read of the participants is out (main has no next time then)', () => {
    expect(nextAction(schedule({ status: 'watching_host' }), NOW)).toEqual({ kind: 'watching', seconds: 0 });
  });

  it('is a retry after a failed read, a re-check after a handled occurrence, and nothing when paused or closed', () => {
    expect(nextAction(schedule({ status: 'error', nextActionAt: at(1) }), NOW).kind).toBe('retry');
    expect(nextAction(schedule({ status: 'dialed', nextActionAt: at(60) }), NOW).kind).toBe('recheck');
    expect(nextAction(schedule({ status: 'paused', armed: false }), NOW).kind).toBe('none');
    expect(nextAction(schedule({ status: 'meeting_closed' }), NOW).kind).toBe('none');
  });
});

describe('nextArmed', () => {
  it('is the armed, still waiting schedule that acts first', () => {
    const later = schedule({ id: 'a', name: 'Later', nextActionAt: at(30) });
    const sooner = schedule({ id: 'b', name: 'Sooner', status: 'watching_host', nextActionAt: at(0, 20) });
    const paused = schedule({ id: 'c', name: 'Paused', armed: false, status: 'paused', nextActionAt: at(0, 5) });
    const done = schedule({ id: 'd', name: 'Done', status: 'dialed', nextActionAt: at(0, 1) });
    expect(nextArmed([later, paused, sooner, done])?.name).toBe('Sooner');
    expect(nextArmed([paused, done])).toBeUndefined();
    // A host check under way (no next time yet) is the soonest of all; a waiting one without a time is none.
    const checking = schedule({ id: 'e', name: 'Checking', status: 'watching_host' });
    expect(nextArmed([sooner, checking])?.name).toBe('Checking');
    expect(nextArmed([schedule({ id: 'f', name: 'No time' })])).toBeUndefined();
    expect(nextArmed([])).toBeUndefined();
  });
});
