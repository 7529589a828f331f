// The numbers an operator watches while a batch dials: how many rooms are in, still ringing, or need attention.
// Counted over the latest call of each room in the meeting on screen, so a redialed room counts once. "failed" is
// exactly what "Redial failed" would ring again (common/call-model.ts); cancelled and unknown are their own.
import { isFinalCallState, REDIAL_FAILED_STATES, type CallState, type CallView } from '../../../common/call-model';

export interface CallProgress {
  readonly total: number;
  readonly joined: number;
  /** queued, calling or ringing: the batch is still dialing while this is above 0. */
  readonly ringing: number;
  /** rejected, no answer or failed: what "Redial failed" rings again. */
  readonly failed: number;
  /** The room may still be ringing: check before dialing again. */
  readonly unknown: number;
  /** Stopped by the operator. */
  readonly cancelled: number;
  /** Left after joining. */
  readonly left: number;
}

type Bucket = keyof Omit<CallProgress, 'total'>;

function bucketOf(state: CallState): Bucket {
  if (REDIAL_FAILED_STATES.has(state)) return 'failed';
  switch (state) {
    case 'joined':
    case 'unknown':
    case 'cancelled':
    case 'left':
      return state;
    default:
      return 'ringing';
  }
}

export function summariseCalls(calls: Iterable<CallView>): CallProgress {
  const counts = { total: 0, joined: 0, ringing: 0, failed: 0, unknown: 0, cancelled: 0, left: 0 };
  for (const call of calls) {
    counts.total++;
    counts[bucketOf(call.state)]++;
  }
  return counts;
}

/** The newest call of each room (by queue time; the call id breaks ties so the answer is stable). */
export function latestCallPerRoom(calls: Iterable<CallView>): Map<string, CallView> {
  const latest = new Map<string, CallView>();
  for (const call of calls) {
    const seen = latest.get(call.roomId);
    if (!seen || seen.queuedAt < call.queuedAt || (seen.queuedAt === call.queuedAt && seen.callId < call.callId)) {
      latest.set(call.roomId, call);
    }
  }
  return latest;
}

/**
 * True when `next` is news about the call `current` shows: a later update (ISO times compare as text), or at the
 * same time a change that does not take a finished call back to an unfinished state. Repeats are not news, so a
 * pushed update and the same call in a dial answer do not both re-render.
 */
export function isNewer(current: CallView | undefined, next: CallView): boolean {
  if (!current) return true;
  if (next.updatedAt !== current.updatedAt) return next.updatedAt > current.updatedAt;
  if (isFinalCallState(current.state) && !isFinalCallState(next.state)) return false;
  return (
    next.state !== current.state ||
    next.inviteId !== current.inviteId ||
    next.error?.code !== current.error?.code ||
    next.nextCheckAt !== current.nextCheckAt
  );
}
