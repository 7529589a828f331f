// What the automation does next, as a countdown the operator reads: pure arithmetic on ISO times and the clock, so
// the components only tick `now` and the tests drive it with fake timers. Main owns every decision (when a schedule
// dials, when a retry rings); these functions only say how far away that is and which sentence describes it.
import type { ScheduleView } from '../../../common/schedule';

/** Whole seconds from `nowMs` until `atIso`, never below 0; undefined without a readable time. */
export function secondsLeft(atIso: string | undefined, nowMs: number): number | undefined {
  if (atIso === undefined) return undefined;
  const at = Date.parse(atIso);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** 42 → "0:42", 125 → "2:05", 3725 → "1:02:05": for the short waits of retries, where seconds matter. */
export function clockCountdown(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "in 42 s", "in 12 min", "in 2 h 5 min" as a message key and its values (i18n automation.in.*). */
export type RelativeIn =
  | { readonly key: 'now' }
  | { readonly key: 'seconds'; readonly n: number }
  | { readonly key: 'minutes'; readonly n: number }
  | { readonly key: 'hours'; readonly h: number; readonly m: number };

export function relativeIn(seconds: number): RelativeIn {
  if (seconds <= 0) return { key: 'now' };
  if (seconds < 60) return { key: 'seconds', n: Math.ceil(seconds) };
  // Rounded up: "in 12 min" until 11 minutes are left, never "in 0 min".
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return { key: 'minutes', n: minutes };
  return { key: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** Which sentence describes a schedule's next action (i18n automation.schedules.nextAction.*). */
export type NextAction =
  /** Watching for the host: the next read of the participants. */
  | { readonly kind: 'watching'; readonly seconds: number }
  /** Host trigger, watch not begun yet: when the watching starts. */
  | { readonly kind: 'watchFrom'; readonly atIso: string; readonly seconds: number }
  /** Time trigger: when it dials. */
  | { readonly kind: 'at'; readonly atIso: string; readonly seconds: number }
  /** Done with this occurrence; a recurring meeting is looked at again then. */
  | { readonly kind: 'recheck'; readonly atIso: string }
  /** The meeting could not be read: main tries again then. */
  | { readonly kind: 'retry'; readonly atIso: string; readonly seconds: number }
  | { readonly kind: 'none' };

export function nextAction(schedule: ScheduleView, nowMs: number): NextAction {
  const atIso = schedule.nextActionAt;
  const seconds = secondsLeft(atIso, nowMs);
  // While a read of the participants is out, main has no next time yet: the check is happening now.
  if (schedule.status === 'watching_host' && seconds === undefined) return { kind: 'watching', seconds: 0 };
  if (atIso === undefined || seconds === undefined) return { kind: 'none' };
  switch (schedule.status) {
    case 'watching_host':
      return { kind: 'watching', seconds };
    case 'waiting':
      return schedule.trigger.kind === 'host_joins'
        ? { kind: 'watchFrom', atIso, seconds }
        : { kind: 'at', atIso, seconds };
    case 'error':
      return { kind: 'retry', atIso, seconds };
    case 'dialed':
    case 'missed':
      return { kind: 'recheck', atIso };
    default:
      return { kind: 'none' };
  }
}

/** The armed schedule that acts first (the header shows it), or undefined when nothing armed has a next action. */
export function nextArmed(schedules: readonly ScheduleView[]): ScheduleView | undefined {
  let first: ScheduleView | undefined;
  let firstAt = Infinity;
  for (const schedule of schedules) {
    if (!schedule.armed || (schedule.status !== 'waiting' && schedule.status !== 'watching_host')) continue;
    // Watching with no next time: a read of the participants is out now, which is as soon as it gets.
    const at =
      schedule.nextActionAt === undefined
        ? schedule.status === 'watching_host'
          ? 0
          : NaN
        : Date.parse(schedule.nextActionAt);
    if (Number.isFinite(at) && at < firstAt) {
      first = schedule;
      firstAt = at;
    }
  }
  return first;
}
