// The schedule runner: dials a room set into a meeting by itself, when the host joins (the default), at the start
// time, or N minutes before it, through the dialer like any dial (so every dial rule holds: a room already in the
// meeting is not rung, an ended meeting is refused) and then the automation's retry/rejoin policy. Guards:
//   - never into a cancelled or ended meeting, and never after the occurrence's end: a schedule whose time passed
//     while the PC slept or the app was closed is reported as missed, not dialed late past the end;
//   - host presence is read from hostWatchMinutes before the start, every HOST_CHECK_MS, as 'poll' requests of the
//     request budget (3 schedules waiting for their hosts use 6 of the 240 a minute);
//   - one dial per occurrence, remembered in the saved schedule, so a restart never dials an occurrence twice;
//   - every action is an event for a desktop notification, and every call carries the origin "schedule: <name>".
// The timer is the global one (fake timers drive it in tests); the clock is injected.
import { randomUUID } from 'node:crypto';
import type { CallOrigin } from '../../common/call-model';
import type { Localized } from '../../common/locale';
import { meetingClosedReason } from '../../common/meeting-state';
import type { RetryPolicy } from '../../common/retry-policy';
import type { Schedule, ScheduleEvent, ScheduleStatus, ScheduleView } from '../../common/schedule';
import type { MeetingInfo, RealTimeParticipants } from '../../common/wemeet-types';
import { silentLog, type Log } from '../log';
import type { AutoRedial } from './auto-redial';
import type { Dialer } from './dialer';

/** How often the host's presence is read while a schedule waits for the host. */
export const HOST_CHECK_MS = 30_000;
/** A read that failed is tried again after this long (until the occurrence ends). */
const RETRY_READ_MS = 60_000;
/** Timers are capped (setTimeout overflows past ~24.8 days) and the plan is simply made again. */
const MAX_TIMER_MS = 60 * 60_000;

export interface ScheduleStore {
  listSchedules(): readonly Schedule[];
  /** Throws an explainable error (the folder is read-only, say) when it cannot be saved. */
  saveSchedule(schedule: Schedule): void;
  removeSchedule(id: string): void;
}

export interface ScheduleSets {
  /** The set's name, its rooms still in the address book (a deleted room is a gap, not a failure), its policy. */
  getSet(
    id: string,
  ): { readonly name: string; readonly roomIds: readonly string[]; readonly retry?: RetryPolicy } | undefined;
}

export interface ScheduleClient {
  getMeetingById(meetingId: string): Promise<MeetingInfo>;
  realTimeParticipants(
    meetingId: string,
    options?: { readonly subMeetingId?: string; readonly priority?: 'poll' },
  ): Promise<RealTimeParticipants>;
}

export interface ScheduleRunnerDeps {
  /** The schedules of the profile in use (useStore swaps it on a profile switch). */
  readonly store: ScheduleStore;
  readonly sets: ScheduleSets;
  readonly dialer: Pick<Dialer, 'dial'>;
  readonly automation: Pick<AutoRedial, 'follow'>;
  readonly getClient: () => Promise<ScheduleClient>;
  /** settings.retry, for sets without their own. */
  readonly policy: () => RetryPolicy;
  readonly now?: () => number;
  readonly log?: Log;
  readonly newId?: () => string;
}

interface Runtime {
  status: ScheduleStatus;
  nextActionAtMs?: number;
  occurrence?: { startTime: number; endTime: number; subMeetingId?: string };
  note?: Localized;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped on every re-plan: a read that comes back for an older plan is dropped. */
  generation: number;
}

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

export class ScheduleRunner {
  private readonly now: () => number;
  private readonly log: Log;
  private readonly newId: () => string;
  private readonly runtime = new Map<string, Runtime>();
  private readonly changeListeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: ScheduleEvent) => void>();
  private closed = false;

  private store: ScheduleStore;

  constructor(private readonly deps: ScheduleRunnerDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? silentLog;
    this.newId = deps.newId ?? randomUUID;
    this.store = deps.store;
  }

  /**
   * A profile switch: the old profile's schedules stop (their timers cleared, reads in flight dropped: they stay
   * armed in their file and are planned again when that profile is back, a missed one reported, never dialed late)
   * and the new profile's are planned.
   */
  useStore(store: ScheduleStore): void {
    for (const id of this.runtime.keys()) this.clear(id);
    this.runtime.clear();
    this.store = store;
    this.start();
    this.changed();
  }

  /** Plans every saved schedule (at start, and after the PC wakes: plans are made against the clock). */
  start(): void {
    for (const schedule of this.store.listSchedules()) this.plan(schedule.id);
  }

  list(): ScheduleView[] {
    return this.store.listSchedules().map((schedule) => this.view(schedule));
  }

  armedCount(): number {
    return this.store.listSchedules().filter((s) => s.armed).length;
  }

  /** The armed schedule whose next action comes first: the window's header shows it. */
  nextArmed(): ScheduleView | undefined {
    return this.list()
      .filter((s) => s.armed && s.nextActionAt !== undefined)
      .sort((a, b) => (a.nextActionAt ?? '').localeCompare(b.nextActionAt ?? ''))[0];
  }

  add(input: Omit<Schedule, 'id' | 'armed' | 'lastOccurrence'>): ScheduleView {
    const schedule: Schedule = { ...input, id: this.newId(), armed: true };
    this.store.saveSchedule(schedule);
    this.plan(schedule.id);
    return this.view(schedule);
  }

  /** Arming and pausing are one action each; an armed schedule is planned at once. */
  setArmed(id: string, armed: boolean): ScheduleView | undefined {
    const schedule = this.find(id);
    if (!schedule) return undefined;
    const next = { ...schedule, armed };
    this.store.saveSchedule(next);
    this.plan(id);
    return this.view(next);
  }

  pauseAll(): void {
    for (const schedule of this.store.listSchedules()) {
      if (schedule.armed) this.setArmed(schedule.id, false);
    }
  }

  remove(id: string): boolean {
    if (!this.find(id)) return false;
    this.store.removeSchedule(id);
    this.clear(id);
    this.runtime.delete(id);
    this.changed();
    return true;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onEvent(listener: (event: ScheduleEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  shutdown(): void {
    this.closed = true;
    for (const id of this.runtime.keys()) this.clear(id);
  }

  // ── planning ───────────────────────────────────────────────────────────────────────────────────────────────

  private find(id: string): Schedule | undefined {
    return this.store.listSchedules().find((s) => s.id === id);
  }

  private state(id: string): Runtime {
    let state = this.runtime.get(id);
    if (!state) {
      state = { status: 'waiting', generation: 0 };
      this.runtime.set(id, state);
    }
    return state;
  }

  private clear(id: string): void {
    const state = this.runtime.get(id);
    if (state?.timer !== undefined) clearTimeout(state.timer);
    if (state) {
      state.timer = undefined;
      state.generation += 1;
    }
  }

  /** Decides what the schedule does next, from the clock and the meeting as Tencent has it now. */
  private plan(id: string): void {
    if (this.closed) return;
    this.clear(id);
    const schedule = this.find(id);
    const state = this.state(id);
    if (!schedule) return;
    if (!schedule.armed) {
      this.set(state, 'paused', undefined);
      return;
    }
    const generation = state.generation;
    void this.resolveOccurrence(schedule).then(
      (meeting) => {
        if (state.generation !== generation || this.closed) return;
        this.decide(schedule, state, meeting);
      },
      (error: unknown) => {
        if (state.generation !== generation || this.closed) return;
        this.log.warn('schedules: meeting lookup failed', { id, name: error instanceof Error ? error.name : '' });
        state.note = both('无法查询会议，稍后重试', 'The meeting could not be read; trying again shortly');
        this.wake(schedule.id, state, 'error', this.now() + RETRY_READ_MS);
      },
    );
  }

  private async resolveOccurrence(schedule: Schedule): Promise<MeetingInfo> {
    const client = await this.deps.getClient();
    return client.getMeetingById(schedule.meeting.meetingId);
  }

  private decide(schedule: Schedule, state: Runtime, meeting: MeetingInfo): void {
    const closed = meetingClosedReason(meeting.status);
    if (closed) {
      if (state.status !== 'meeting_closed') {
        state.note = both(`不会呼叫：${closed['zh-CN']}`, `Nothing will be dialed: ${closed['en-US']}`);
        this.emit(schedule, 'meeting_closed', state.note);
      }
      this.set(state, 'meeting_closed', undefined);
      return;
    }
    const { startTime, endTime } = meeting;
    if (startTime === undefined || endTime === undefined) {
      state.note = both('会议没有开始和结束时间，无法按计划呼叫', 'The meeting has no start and end time to plan by');
      this.set(state, 'error', undefined);
      return;
    }
    state.occurrence = { startTime, endTime };
    const nowMs = this.now();
    const startMs = startTime * 1000;
    const endMs = endTime * 1000;

    if (schedule.lastOccurrence === startTime) {
      // This occurrence was dialed or reported already. A recurring meeting shows its next one after this ends.
      this.set(state, state.status === 'missed' ? 'missed' : 'dialed', undefined);
      if (schedule.recurring) this.wake(schedule.id, state, state.status, Math.max(endMs, nowMs) + RETRY_READ_MS);
      return;
    }
    if (nowMs >= endMs) {
      const hostNeverCame = schedule.trigger.kind === 'host_joins' && state.status === 'watching_host';
      const note = hostNeverCame
        ? both(
            '主持人始终没有入会，会议已结束：没有呼叫',
            'The host never joined and the meeting has ended: nothing was dialed',
          )
        : both(
            '会议已在计划时间之后结束（电脑休眠或应用未运行）：没有呼叫',
            'The meeting ended before its time came (the PC slept or the app was not running): nothing was dialed',
          );
      this.finishOccurrence(schedule, state, 'missed', note, hostNeverCame ? 'host_never_joined' : 'missed');
      return;
    }

    const trigger = schedule.trigger;
    if (trigger.kind !== 'host_joins') {
      const at = trigger.kind === 'at_start' ? startMs : startMs - trigger.minutes * 60_000;
      if (nowMs < at) this.wake(schedule.id, state, 'waiting', at);
      else void this.dial(schedule, state);
      return;
    }
    const watchFrom = startMs - schedule.hostWatchMinutes * 60_000;
    if (nowMs < watchFrom) {
      this.wake(schedule.id, state, 'waiting', watchFrom);
      return;
    }
    void this.checkHost(schedule, state, meeting);
  }

  /** One read of who is in the meeting; the host's presence dials, anything else checks again later. */
  private async checkHost(schedule: Schedule, state: Runtime, meeting: MeetingInfo): Promise<void> {
    this.set(state, 'watching_host', undefined);
    const generation = state.generation;
    let present = false;
    try {
      const client = await this.deps.getClient();
      const subMeetingId =
        'currentSubMeetingId' in meeting ? (meeting.currentSubMeetingId as string | undefined) : undefined;
      const participants = await client.realTimeParticipants(meeting.meetingId, {
        ...(subMeetingId ? { subMeetingId } : {}),
        priority: 'poll',
      });
      present = participants.hostPresent;
    } catch (error) {
      this.log.info('schedules: host check failed', {
        id: schedule.id,
        name: error instanceof Error ? error.name : '',
      });
    }
    if (state.generation !== generation || this.closed) return;
    if (present) {
      await this.dial(schedule, state);
      return;
    }
    const endMs = (state.occurrence?.endTime ?? 0) * 1000;
    // The next check, or the end of the occurrence if that comes first (then it is reported).
    this.wake(schedule.id, state, 'watching_host', Math.min(this.now() + HOST_CHECK_MS, endMs));
  }

  private async dial(schedule: Schedule, state: Runtime): Promise<void> {
    const occurrence = state.occurrence;
    if (!occurrence) return;
    const set = this.deps.sets.getSet(schedule.setId);
    if (!set) {
      this.finishOccurrence(
        schedule,
        state,
        'error',
        both('这个计划的会议室组已被删除：没有呼叫', "This schedule's room set was deleted: nothing was dialed"),
        'failed',
      );
      return;
    }
    const origin: CallOrigin = { kind: 'schedule', label: schedule.name };
    this.set(state, 'dialed', undefined);
    try {
      const result = await this.deps.dialer.dial({
        meeting: schedule.meeting,
        rooms: set.roomIds.map((roomId) => ({ roomId })),
        // Arming the schedule was the operator's yes to this set; an unknown outcome is never rung by automation.
        confirmedCount: set.roomIds.length,
        unknownOutcome: 'skip',
        origin,
      });
      this.deps.automation.follow(result, {
        meeting: schedule.meeting,
        policy: set.retry ?? this.deps.policy(),
        origin,
      });
      const skipped = result.skipped.length;
      const note = both(
        `已呼叫 ${result.calls.length} 个会议室${skipped ? `，${skipped} 个未呼叫（已在会中或正在呼叫等）` : ''}`,
        `Dialed ${result.calls.length} room${result.calls.length === 1 ? '' : 's'}${skipped ? `; ${skipped} not rung (already in or ringing, or the like)` : ''}`,
      );
      this.finishOccurrence(schedule, state, 'dialed', note, 'dialed');
    } catch (error) {
      const explained =
        error instanceof Error && 'explain' in error && typeof (error as { explain?: unknown }).explain === 'function'
          ? (error as unknown as { explain(): { message: Localized } }).explain().message
          : both('呼叫失败', 'The dial failed');
      this.finishOccurrence(schedule, state, 'error', explained, 'failed');
    }
  }

  /** Remembers that this occurrence was handled (a restart never repeats it), tells the listeners, plans the next. */
  private finishOccurrence(
    schedule: Schedule,
    state: Runtime,
    status: ScheduleStatus,
    note: Localized,
    event: ScheduleEvent['kind'],
  ): void {
    state.note = note;
    const startTime = state.occurrence?.startTime;
    const current = this.find(schedule.id) ?? schedule;
    if (startTime !== undefined) {
      try {
        this.store.saveSchedule({ ...current, lastOccurrence: startTime });
      } catch (error) {
        this.log.error('schedules: could not save the handled occurrence', { id: schedule.id });
        void error;
      }
    }
    this.set(state, status, undefined);
    this.emit(schedule, event, note);
    if (schedule.recurring && state.occurrence) {
      this.wake(schedule.id, state, status, Math.max(state.occurrence.endTime * 1000, this.now()) + RETRY_READ_MS);
    }
  }

  /** Sets the status and plans again at `atMs` (capped, so a far time is re-planned hourly). */
  private wake(id: string, state: Runtime, status: ScheduleStatus, atMs: number): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    const delay = Math.max(0, Math.min(atMs - this.now(), MAX_TIMER_MS));
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.plan(id);
    }, delay);
    this.set(state, status, atMs);
  }

  private set(state: Runtime, status: ScheduleStatus, nextActionAtMs: number | undefined): void {
    state.status = status;
    state.nextActionAtMs = nextActionAtMs;
    this.changed();
  }

  private view(schedule: Schedule): ScheduleView {
    const state = this.runtime.get(schedule.id);
    return {
      ...schedule,
      status: schedule.armed ? (state?.status ?? 'waiting') : 'paused',
      ...(state?.nextActionAtMs === undefined || !schedule.armed
        ? {}
        : { nextActionAt: new Date(state.nextActionAtMs).toISOString() }),
      ...(state?.occurrence
        ? { occurrence: { startTime: state.occurrence.startTime, endTime: state.occurrence.endTime } }
        : {}),
      ...(state?.note ? { note: state.note } : {}),
    };
  }

  private emit(schedule: Schedule, kind: ScheduleEvent['kind'], body: Localized): void {
    const event: ScheduleEvent = {
      scheduleId: schedule.id,
      kind,
      title: both(`计划：${schedule.name}`, `Schedule: ${schedule.name}`),
      body,
    };
    this.log.info('schedules: ' + kind, { id: schedule.id });
    for (const listener of this.eventListeners) listener(event);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
