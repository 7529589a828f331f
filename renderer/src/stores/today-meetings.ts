// Today's meetings as main reads them (the operator's and the other hosts' lists, with whether the host is in).
// Main caches the lists and spends the request budget; the window asks at most once a minute on its own and when
// the operator presses Refresh (fresh: main still answers from a cache younger than 5 s).
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { IpcError } from '../../../common/ipc-error';
import type { TodayMeetings } from '../../../common/today-meetings';
import { api, toIpcError, unwrap } from '../api';

/** A panel on screen reads on its own at most this often (the operator's Refresh comes on top). */
export const TODAY_REFRESH_MS = 60_000;

export const useTodayMeetingsStore = defineStore('todayMeetings', () => {
  const today = shallowRef<TodayMeetings | null>(null);
  const loading = ref(false);
  /** Why the last read failed; the meetings read before stay shown. */
  const problem = shallowRef<IpcError | null>(null);
  let seq = 0;

  async function refresh(fresh = false): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const value = await unwrap(api().todaysMeetings(fresh ? { fresh: true } : {}));
      if (mine !== seq) return;
      today.value = value;
      problem.value = null;
    } catch (thrown) {
      if (mine === seq) problem.value = toIpcError(thrown);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  return { today, loading, problem, refresh };
});
