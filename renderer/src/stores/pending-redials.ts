// The retries and rejoins main's automation is waiting to ring (main/calls/auto-redial.ts), so the operator always
// sees what will ring by itself, and when, and can stop each one. Read every second while any is waiting, every two
// while a call is under way (a call that ends unanswered may leave a retry), once when a call changes, and not at
// all when neither: an idle window asks nothing. Only while something on screen shows them (follow()).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { CANCELLABLE_CALL_STATES } from '../../../common/call-model';
import type { IpcError } from '../../../common/ipc-error';
import type { PendingRedial } from '../../../common/retry-policy';
import { api, toIpcError, unwrap } from '../api';
import { useCallsStore } from './calls';

export const PENDING_POLL_MS = 1000;
export const ACTIVE_CALL_POLL_MS = 2000;

export const usePendingRedialsStore = defineStore('pendingRedials', () => {
  const calls = useCallsStore();
  /** Every meeting's, soonest first (main's order); a panel shows one meeting's or all. */
  const pending = shallowRef<readonly PendingRedial[]>([]);
  const problem = shallowRef<IpcError | null>(null);
  const watchers = ref(0);
  let seq = 0;
  let reading = false;
  let readAgain = false;

  const anyCallActive = computed(() => {
    for (const call of calls.calls.values()) if (CANCELLABLE_CALL_STATES.has(call.state)) return true;
    return false;
  });

  async function load(): Promise<void> {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    const mine = ++seq;
    try {
      const list = await unwrap(api().pendingRedials());
      if (mine === seq) {
        pending.value = list;
        problem.value = null;
      }
    } catch (thrown) {
      if (mine === seq) problem.value = toIpcError(thrown);
    } finally {
      reading = false;
      if (readAgain) {
        readAgain = false;
        void load();
      }
    }
  }

  /** Drops one waiting redial. Gone already (it rang, or was cancelled elsewhere): the list loses it and main's
   * answer is thrown for the window to say. */
  async function cancel(id: string): Promise<void> {
    try {
      await unwrap(api().cancelRedial({ id }));
    } finally {
      seq++;
      pending.value = pending.value.filter((p) => p.id !== id);
      void load();
    }
  }

  function forMeeting(meetingId: string | undefined): readonly PendingRedial[] {
    return meetingId === undefined ? pending.value : pending.value.filter((p) => p.meetingId === meetingId);
  }

  const pace = computed(() => {
    if (watchers.value === 0) return undefined;
    if (pending.value.length > 0) return PENDING_POLL_MS;
    return anyCallActive.value ? ACTIVE_CALL_POLL_MS : undefined;
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  watch(pace, (every) => {
    clearInterval(timer);
    timer = every === undefined ? undefined : setInterval(() => void load(), every);
  });
  // A call that changed may have been followed by a retry (unanswered) or a rejoin (dropped): read once.
  watch(
    () => calls.calls,
    () => {
      if (watchers.value > 0) void load();
    },
  );

  /** Shows the list: reads it now and keeps it current while watched; returns the stop. */
  function follow(): () => void {
    watchers.value++;
    void load();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      watchers.value--;
    };
  }

  return { pending, problem, anyCallActive, pace, load, cancel, forMeeting, follow };
});
