// Live call states, fed by the main process's pushed updates (onCallUpdate) and by the answers to dial/cancel.
// Guards against double dialing: a room with a dial request in flight, or a call queued, calling or ringing, is
// not dialed again from this window (main refuses it too).
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { CANCELLABLE_CALL_STATES, type CallState, type CallView } from '../../../common/call-model';
import { api, unwrap } from '../api';
import { isNewer, latestCallPerRoom, summariseCalls, type CallProgress } from '../calls/progress';
import type { MeetingRef } from './meeting';

/** The contract's cap on one dial request. */
const MAX_BATCH = 500;

/**
 * What "Redial failed" redials. Not `unknown`: such a room may still be ringing, and a second call could ring it
 * twice; the operator dials it on its own after checking.
 */
const BULK_REDIAL_STATES: ReadonlySet<CallState> = new Set(['rejected', 'no_answer', 'cancelled', 'left', 'failed']);

export const useCallsStore = defineStore('calls', () => {
  const calls = shallowRef<ReadonlyMap<string, CallView>>(new Map());
  /** Rooms whose dial request has not been answered yet. */
  const pending = shallowRef<ReadonlySet<string>>(new Set());
  let unsubscribe: (() => void) | undefined;

  const latestByRoom = computed(() => latestCallPerRoom(calls.value.values()));

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

  /** Dials the rooms that are not already being called; resolves with the calls main started (or found). */
  async function dial(meeting: MeetingRef, roomIds: readonly string[]): Promise<CallView[]> {
    const ids = [...new Set(roomIds)].filter((id) => !isActive(id));
    if (ids.length === 0) return [];
    setPending(ids, true);
    const started: CallView[] = [];
    try {
      for (let at = 0; at < ids.length; at += MAX_BATCH) {
        const views = await unwrap(api().dial({ meeting, roomIds: ids.slice(at, at + MAX_BATCH) }));
        applyAll(views);
        started.push(...views);
      }
      return started;
    } finally {
      setPending(ids, false);
    }
  }

  async function cancel(callId: string): Promise<void> {
    apply(await unwrap(api().cancelCall({ callId })));
  }

  async function cancelAll(): Promise<void> {
    applyAll(await unwrap(api().cancelAllCalls()));
  }

  /** Latest calls of a meeting (all meetings when undefined). */
  function callsOf(meetingId: string | undefined): CallView[] {
    const all = [...latestByRoom.value.values()];
    return meetingId === undefined ? all : all.filter((call) => call.meetingId === meetingId);
  }

  function progress(meetingId: string | undefined): CallProgress {
    return summariseCalls(callsOf(meetingId));
  }

  function redialable(meetingId: string | undefined): string[] {
    return callsOf(meetingId)
      .filter((call) => BULK_REDIAL_STATES.has(call.state))
      .map((call) => call.roomId);
  }

  function redialFailed(meeting: MeetingRef): Promise<CallView[]> {
    return dial(meeting, redialable(meeting.meetingId));
  }

  const anyActive = computed(() => [...latestByRoom.value.values()].some((c) => CANCELLABLE_CALL_STATES.has(c.state)));

  return {
    calls,
    pending,
    latestByRoom,
    anyActive,
    apply,
    applyAll,
    start,
    stop,
    isActive,
    dial,
    cancel,
    cancelAll,
    progress,
    redialable,
    redialFailed,
  };
});
