// The live roster's rules, apart from its looks: which order the calls of the meeting are shown in (problems first),
// how long a call has been ringing or rang, when its status is read next, and the plain cause and next step of each
// state. Tencent gives no cause for "no answer" or error 10004: the roster says exactly that instead of guessing.
import type { CallState, CallView } from '../../../common/call-model';
import { STATE_STYLE } from './state-style';

const byName = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Problems first (failed, unknown, rejected, no answer, left), then ringing, calling, queued, cancelled, joined. */
export function rosterOrder(calls: Iterable<CallView>): CallView[] {
  return [...calls].sort(
    (a, b) =>
      STATE_STYLE[a.state].rank - STATE_STYLE[b.state].rank ||
      byName.compare(a.roomName, b.roomName) ||
      (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0),
  );
}

/** Milliseconds from the call going out (or being queued) to its end, or to `now` while it runs. */
export function elapsedMs(call: CallView, now: number): number {
  const from = Date.parse(call.startedAt ?? call.queuedAt);
  const to = call.endedAt ? Date.parse(call.endedAt) : now;
  return Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, to - from) : 0;
}

/** 0:07, 1:02, 61:00: minutes and seconds, as a ring time reads. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Whole seconds until the status of a ringing call is read again; undefined when no check is planned. */
export function secondsToNextCheck(call: CallView, now: number): number | undefined {
  if (call.state !== 'ringing' && call.state !== 'calling') return undefined;
  if (!call.nextCheckAt) return undefined;
  const at = Date.parse(call.nextCheckAt);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
}

/** Tencent's error for a room call that failed without saying why (offline, busy or not callable). */
const CAUSELESS_CODES: ReadonlySet<number | string> = new Set([10004]);

/** Message keys (board.next.*, board.cause.*) or texts from main, for the component to put in words. */
export type Wording =
  { readonly key: string } | { readonly text: { readonly 'zh-CN': string; readonly 'en-US': string } };

export interface CallExplanation {
  /** What happened, when it is a problem. */
  readonly cause?: Wording;
  /** What the operator does next. */
  readonly next: Wording;
}

const key = (name: string): Wording => ({ key: name });

const NEXT_KEYS: Readonly<Record<CallState, string>> = {
  queued: 'board.next.queued',
  calling: 'board.next.calling',
  ringing: 'board.next.ringing',
  joined: 'board.next.joined',
  rejected: 'board.next.rejected',
  no_answer: 'board.next.noAnswer',
  cancelled: 'board.next.cancelled',
  left: 'board.next.left',
  failed: 'board.next.failed',
  unknown: 'board.next.unknown',
};

/** The cause and next step of a call, from main's error when it has one. */
export function explainCall(call: CallView): CallExplanation {
  const error = call.error;
  const next = error ? { text: error.hint } : key(NEXT_KEYS[call.state]);
  switch (call.state) {
    case 'no_answer':
      return { cause: key('board.tencentNoCause'), next: key(NEXT_KEYS.no_answer) };
    case 'failed':
      if (error && CAUSELESS_CODES.has(error.code)) return { cause: key('board.tencentNoCause'), next };
      return { cause: error ? { text: error.message } : key('board.cause.failed'), next };
    case 'rejected':
      return { cause: error ? { text: error.message } : key('board.cause.rejected'), next };
    case 'unknown':
      return { cause: error ? { text: error.message } : key('board.cause.unknown'), next };
    case 'left':
      return { cause: key('board.cause.left'), next };
    default:
      if (error) return { cause: { text: error.message }, next };
      // Not a failure, but worth saying (main's note): e.g. already in the meeting, from another desk or the host.
      return call.note ? { cause: { text: call.note }, next } : { next };
  }
}
