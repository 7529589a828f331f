// When the app may ring a room again on its own (reference §8.6), and how often: bounded attempts with backoff on
// no answer and on 10004, never on a refusal, a cancel, an unknown outcome or a configuration/permission error;
// rejoin after a drop only when switched on, bounded too. The dialer's automation (main/calls/auto-redial.ts)
// applies it; the window shows and edits it; a room set may override it.
import type { CallView } from './call-model';

export interface RetryPolicy {
  /** Extra attempts after the first call, on no answer (status 0) or 10004. */
  readonly retries: number;
  /** Wait before each retry; the last value repeats. */
  readonly backoffMs: readonly number[];
  /** Ring a room again when it dropped out (status 6 after joining). Off by default. */
  readonly rejoinOnDrop: boolean;
  readonly rejoins: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  retries: 2,
  backoffMs: Object.freeze([60_000, 180_000]),
  rejoinOnDrop: false,
  rejoins: 2,
});

export const RETRY_LIMITS = {
  retries: { min: 0, max: 5 },
  backoffMs: { min: 10_000, max: 30 * 60_000 },
  rejoins: { min: 0, max: 5 },
} as const;

/** Tencent's "room call failed": offline, busy or not callable, it does not say which. */
const ROOM_CALL_FAILED = 10004;

/** Whether this finished call may be retried by policy: no answer, or Tencent's 10004. Nothing else. */
export function isRetryableOutcome(call: Pick<CallView, 'state' | 'error'>): boolean {
  if (call.state === 'no_answer') return true;
  return call.state === 'failed' && call.error?.code === ROOM_CALL_FAILED;
}

export function backoffFor(policy: RetryPolicy, retryNumber: number): number {
  const { backoffMs } = policy;
  return backoffMs[Math.min(retryNumber - 1, backoffMs.length - 1)] ?? RETRY_LIMITS.backoffMs.min;
}

/** An automatic redial waiting for its time: shown with a countdown and a Cancel. */
export interface PendingRedial {
  readonly id: string;
  readonly kind: 'retry' | 'rejoin';
  readonly roomId: string;
  readonly roomName: string;
  readonly meetingId: string;
  /** ISO time it rings. */
  readonly dueAt: string;
  /** Which retry (or rejoin) this is, of how many the policy allows. */
  readonly attempt: number;
  readonly of: number;
  /** The room set or schedule that asked for the first call. */
  readonly label?: string;
}
