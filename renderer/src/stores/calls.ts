// Live call states of the meeting on screen, fed by the main process's pushed updates (onCallUpdate) and by the
// answers to dial/cancel. Every dial rule is the dialer's in main: this store sends the operator's request, and when
// the dialer answers with something to confirm (a large batch, rooms whose outcome is unknown) it asks through
// `ask` and sends the request again with the answer. It never decides on its own what may be rung.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import {
  CANCELLABLE_CALL_STATES,
  REDIAL_FAILED_STATES,
  type CallView,
  type DialConfirmation,
  type DialResult,
  type SkippedRoom,
  type UnknownOutcomePolicy,
} from '../../../common/call-model';
import type { RequestOf } from '../../../common/ipc-contract';
import { api, unwrap } from '../api';
import { isNewer, latestCallPerRoom, summariseCalls, type CallProgress } from '../calls/progress';
import type { MeetingRef } from './meeting';

/** The operator's answer to a confirmation: for unknown outcomes 'ring' or 'skip'; for a large batch 'ring'. */
export type ConfirmAnswer = 'ring' | 'skip' | 'stop';
export type AskOperator = (confirmation: DialConfirmation) => Promise<ConfirmAnswer>;

export interface DialOutcome {
  readonly calls: readonly CallView[];
  readonly skipped: readonly SkippedRoom[];
  /** The operator said no to a confirmation: nothing was rung. */
  readonly stopped: boolean;
}

/** Where a dial came from when it was not the operator's own pick on the board (a confirmed link). */
export type DialOrigin = NonNullable<RequestOf<'calls:dial'>['origin']>;

/** Each confirmation is asked at most once per dial; a third answer would be a loop. */
const MAX_ROUNDS = 3;

export const useCallsStore = defineStore('calls', () => {
  const calls = shallowRef<ReadonlyMap<string, CallView>>(new Map());
  /** The meeting on screen: rows, counts and "Redial failed" are about its calls only. */
  const meetingId = shallowRef<string | undefined>(undefined);
  /** Rooms whose dial request has not been answered yet: their buttons wait (main guards the rule itself). */
  const pending = shallowRef<ReadonlySet<string>>(new Set());
  let unsubscribe: (() => void) | undefined;

  const latestByRoom = computed(() => {
    const id = meetingId.value;
    if (id === undefined) return new Map<string, CallView>();
    return latestCallPerRoom([...calls.value.values()].filter((call) => call.meetingId === id));
  });

  function apply(call: CallView): void {
    if (!isNewer(calls.value.get(call.callId), call)) return;
    calls.value = new Map(calls.value).set(call.callId, call);
  }

  function applyAll(list: readonly CallView[]): void {
    const next = new Map(calls.value);
    let changed = false;
    for (const call of list) {
      if (!isNewer(next.get(call.callId), call)) continue;
      next.set(call.callId, call);
      changed = true;
    }
    if (changed) calls.value = next;
  }

  /** Subscribes once, then reads the calls main already tracks (a reloaded window picks its calls up again). */
  async function start(): Promise<void> {
    if (!unsubscribe) unsubscribe = api().onCallUpdate(apply);
    applyAll(await unwrap(api().listCalls()));
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = undefined;
  }

  function showMeeting(id: string | undefined): void {
    meetingId.value = id;
  }

  function isActive(roomId: string): boolean {
    if (pending.value.has(roomId)) return true;
    const call = latestByRoom.value.get(roomId);
    return call !== undefined && CANCELLABLE_CALL_STATES.has(call.state);
  }

  function setPending(ids: readonly string[], on: boolean): void {
    const next = new Set(pending.value);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    pending.value = next;
  }

  /**
   * Sends one request (dial, redial or redial-failed), asks the operator what the dialer wants confirmed, and sends
   * it again with the answer.
   */
  async function withConfirmations(
    send: (answers: { unknownOutcome?: UnknownOutcomePolicy; confirmedCount?: number }) => Promise<DialResult>,
    ask: AskOperator,
  ): Promise<DialOutcome> {
    const answers: { unknownOutcome?: UnknownOutcomePolicy; confirmedCount?: number } = {};
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const result = await send(answers);
      applyAll(result.calls);
      if (!result.confirm) return { calls: result.calls, skipped: result.skipped, stopped: false };
      const answer = await ask(result.confirm);
      if (answer === 'stop') return { calls: [], skipped: result.skipped, stopped: true };
      if (result.confirm.kind === 'unknown_outcome') answers.unknownOutcome = answer;
      else answers.confirmedCount = result.confirm.count;
    }
    return { calls: [], skipped: [], stopped: true };
  }

  async function dial(
    meeting: MeetingRef,
    roomIds: readonly string[],
    ask: AskOperator,
    origin?: DialOrigin,
  ): Promise<DialOutcome> {
    const ids = [...new Set(roomIds)];
    if (ids.length === 0) return { calls: [], skipped: [], stopped: false };
    setPending(ids, true);
    try {
      const from = origin ? { origin } : {};
      return await withConfirmations(
        (answers) => unwrap(api().dial({ meeting, roomIds: ids, ...answers, ...from })),
        ask,
      );
    } finally {
      setPending(ids, false);
    }
  }

  /**
   * A room set (sets:dial): the set's rooms wait like a batch dial's while main rings them into `meeting`, or into
   * the set's default meeting when it is left out.
   */
  async function dialSet(
    setId: string,
    meeting: MeetingRef | undefined,
    roomIds: readonly string[],
    ask: AskOperator,
    fromLink = false,
  ): Promise<DialOutcome> {
    setPending(roomIds, true);
    try {
      return await withConfirmations(
        (answers) =>
          unwrap(
            api().dialSet({ setId, ...(meeting ? { meeting } : {}), ...answers, ...(fromLink ? { fromLink } : {}) }),
          ),
        ask,
      );
    } finally {
      setPending(roomIds, false);
    }
  }

  function redialFailed(meeting: MeetingRef, ask: AskOperator): Promise<DialOutcome> {
    return withConfirmations(
      ({ confirmedCount }) =>
        unwrap(api().redialFailed({ meeting, ...(confirmedCount === undefined ? {} : { confirmedCount }) })),
      ask,
    );
  }

  async function cancel(callId: string): Promise<void> {
    apply(await unwrap(api().cancelCall({ callId })));
  }

  /** Every call of the meeting on screen that is still queued, calling or ringing. */
  async function cancelAll(): Promise<void> {
    const id = meetingId.value;
    applyAll(await unwrap(api().cancelAllCalls(id === undefined ? {} : { meetingId: id })));
  }

  const progress = computed<CallProgress>(() => summariseCalls(latestByRoom.value.values()));
  /** Exactly what "Redial failed" rings again (the dialer picks the same rooms). */
  const failedCount = computed(
    () => [...latestByRoom.value.values()].filter((call) => REDIAL_FAILED_STATES.has(call.state)).length,
  );
  const anyActive = computed(() => [...latestByRoom.value.values()].some((c) => CANCELLABLE_CALL_STATES.has(c.state)));

  return {
    calls,
    meetingId,
    pending,
    latestByRoom,
    anyActive,
    progress,
    failedCount,
    apply,
    applyAll,
    start,
    stop,
    showMeeting,
    isActive,
    dial,
    dialSet,
    cancel,
    cancelAll,
    redialFailed,
  };
});
