// The ONE table from room-call-info status to call state, and the state sets the tracker and the window rely on.
import { describe, expect, it } from 'vitest';
import {
  CALL_STATE_LABELS,
  CALL_STATES,
  CANCELLABLE_CALL_STATES,
  FINAL_CALL_STATES,
  REDIALABLE_CALL_STATES,
  answerLabel,
  callStateForAnswer,
  isFinalCallState,
  type CallState,
} from '../../common/call-model';
import { answerStatusInfo, isAnswerStatus, type AnswerStatus } from '../../common/call-status';

describe('callStateForAnswer', () => {
  it.each<[AnswerStatus, CallState]>([
    [0, 'no_answer'],
    [1, 'calling'],
    [2, 'joined'],
    [3, 'rejected'],
    [4, 'ringing'],
    [5, 'cancelled'],
    [6, 'left'],
  ])('status %i is %s', (status, state) => {
    expect(callStateForAnswer(status)).toBe(state);
  });

  it('covers exactly the API statuses 0..6', () => {
    expect([-1, 0, 1, 2, 3, 4, 5, 6, 7, 1.5].filter(isAnswerStatus)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('agrees with the API table on which answers end the ringing', () => {
    for (const status of [0, 1, 2, 3, 4, 5, 6] as const) {
      const settled = answerStatusInfo(status).settled;
      expect(isFinalCallState(callStateForAnswer(status)), `status ${status}`).toBe(settled);
    }
  });
});

describe('state sets', () => {
  it('final states: everything after the ringing, including joined (polling stops there)', () => {
    expect([...FINAL_CALL_STATES].sort()).toEqual(
      ['cancelled', 'failed', 'joined', 'left', 'no_answer', 'rejected', 'unknown'].sort(),
    );
    expect(CALL_STATES.filter((s) => !isFinalCallState(s))).toEqual(['queued', 'calling', 'ringing']);
  });

  it('cancellable states are exactly the unfinished ones', () => {
    expect([...CANCELLABLE_CALL_STATES]).toEqual(CALL_STATES.filter((s) => !isFinalCallState(s)));
  });

  it('redialable states are the final ones where the room is neither in the meeting nor ringing', () => {
    expect([...REDIALABLE_CALL_STATES].sort()).toEqual(
      ['cancelled', 'failed', 'left', 'no_answer', 'rejected', 'unknown'].sort(),
    );
    for (const state of REDIALABLE_CALL_STATES) expect(isFinalCallState(state)).toBe(true);
    expect(REDIALABLE_CALL_STATES.has('joined')).toBe(false);
  });

  it('every state has a label in both languages, and every answer status too', () => {
    for (const state of CALL_STATES) {
      expect(CALL_STATE_LABELS[state]['zh-CN']).not.toBe('');
      expect(CALL_STATE_LABELS[state]['en-US']).not.toBe('');
    }
    for (const status of [0, 1, 2, 3, 4, 5, 6] as const) expect(answerLabel(status)['en-US']).not.toBe('');
  });
});
