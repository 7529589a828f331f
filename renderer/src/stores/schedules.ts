// The schedules as main's runner reports them (status, next action, last note), and the operator's four actions on
// them: add (armed at once), arm, pause, remove. Main decides everything about when a schedule dials; the window
// reads the list again while it is on screen (main pushes no schedule events; reading it costs no Tencent request)
// and right after each action.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { RequestOf } from '../../../common/ipc-contract';
import type { IpcError } from '../../../common/ipc-error';
import type { ScheduleView } from '../../../common/schedule';
import { api, toIpcError, unwrap } from '../api';
import { nextArmed } from '../automation/countdown';
import { createPoller } from '../automation/polling';

export type ScheduleInput = RequestOf<'schedules:add'>;

export const useSchedulesStore = defineStore('schedules', () => {
  const schedules = shallowRef<readonly ScheduleView[]>([]);
  const loaded = ref(false);
  /** The last read that failed (the list shown is the one read before). */
  const problem = shallowRef<IpcError | null>(null);
  let seq = 0;

  /** The armed schedule that acts first: the header's "next schedule". */
  const next = computed(() => nextArmed(schedules.value));

  async function load(): Promise<void> {
    const mine = ++seq;
    try {
      const list = await unwrap(api().listSchedules());
      if (mine !== seq) return;
      schedules.value = list;
      problem.value = null;
    } catch (thrown) {
      if (mine === seq) problem.value = toIpcError(thrown);
    } finally {
      if (mine === seq) loaded.value = true;
    }
  }

  /** One schedule replaced by main's answer (the list is read again afterwards for everything else). */
  function put(view: ScheduleView): void {
    seq++; // a read that was already out predates this change
    const at = schedules.value.findIndex((s) => s.id === view.id);
    schedules.value = at === -1 ? [...schedules.value, view] : schedules.value.map((s, i) => (i === at ? view : s));
  }

  async function add(input: ScheduleInput): Promise<ScheduleView> {
    const view = await unwrap(api().addSchedule(input));
    put(view);
    void load();
    return view;
  }

  async function setArmed(id: string, armed: boolean): Promise<ScheduleView> {
    const view = await unwrap(api().armSchedule({ id, armed }));
    put(view);
    void load();
    return view;
  }

  async function remove(id: string): Promise<void> {
    await unwrap(api().removeSchedule({ id }));
    seq++;
    schedules.value = schedules.value.filter((s) => s.id !== id);
    void load();
  }

  const poller = createPoller(load);

  return {
    schedules,
    loaded,
    problem,
    next,
    load,
    add,
    setArmed,
    remove,
    /** Reads the list every `everyMs` while the caller watches; returns the stop. */
    follow: (everyMs: number) => poller.follow(everyMs),
  };
});
