// The dialer's automation after a call ended: bounded retries on no answer and 10004, and (when switched on) a
// bounded rejoin of a room that dropped out after joining (reference §8.6; policy in common/retry-policy.ts). Every
// waiting action is public — the window shows it with a countdown and a Cancel — and every ring it causes goes
// through the dialer, with its origin ("retry 1/2: Monday board meeting") recorded in history. Never: a retry of a
// rejected, cancelled or unknown call, of a configuration or permission error, or a rejoin after the operator or
// the app ended the call (a cancelled call never joined; Cancel all and Cancel drop what is waiting).
import { randomUUID } from 'node:crypto';
import { isFinalCallState, type CallOrigin, type CallView, type DialResult } from '../../common/call-model';
import { backoffFor, isRetryableOutcome, type PendingRedial, type RetryPolicy } from '../../common/retry-policy';
import { silentLog, type Log } from '../log';
import type { Dialer } from './dialer';
import type { DialMeeting } from './types';

/** How often a joined room is checked for a drop while rejoin is on. */
export const DROP_WATCH_MS = 30_000;
/** A dropped room is rung again this long after the drop was seen (a room rebooting gets a moment). */
export const REJOIN_DELAY_MS = 10_000;
/** Failed drop checks in a row after which the watch stops (the meeting ended, the API is gone). */
const MAX_WATCH_FAILURES = 5;

/** What the automation asked for: the meeting, the policy, and who asked (a set or a schedule). */
export interface AutomationContext {
  readonly meeting: DialMeeting;
  readonly policy: RetryPolicy;
  readonly origin: CallOrigin;
}

interface Followed {
  readonly roomId: string;
  readonly roomName: string;
  readonly context: AutomationContext;
  readonly retriesUsed: number;
  readonly rejoinsUsed: number;
}

interface Waiting {
  readonly view: PendingRedial;
  readonly followed: Followed;
  readonly timer: ReturnType<typeof setTimeout>;
}

export interface AutoRedialDeps {
  readonly dialer: Pick<Dialer, 'dial' | 'onUpdate' | 'roomStatus'>;
  /**
   * The id of the profile in use. A call placed by another profile (a set's dial that was still reading its meeting
   * when the operator switched) is not followed: its retry would ring with the new profile's credentials.
   */
  readonly currentProfileId?: () => string;
  readonly now?: () => number;
  readonly log?: Log;
  readonly newId?: () => string;
}

export class AutoRedial {
  private readonly now: () => number;
  private readonly log: Log;
  private readonly newId: () => string;
  private readonly followed = new Map<string, Followed>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly watches = new Map<string, { timer: ReturnType<typeof setTimeout>; failures: number }>();
  private readonly listeners = new Set<(pending: PendingRedial[]) => void>();
  private readonly stopUpdates: () => void;
  private closed = false;

  constructor(private readonly deps: AutoRedialDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? silentLog;
    this.newId = deps.newId ?? randomUUID;
    this.stopUpdates = deps.dialer.onUpdate((call) => this.onCall(call));
  }

  /** Follows the calls a set or schedule just started, so that their outcome may lead to a retry or rejoin. */
  follow(result: DialResult, context: AutomationContext): void {
    const current = this.deps.currentProfileId?.();
    for (const call of result.calls) {
      if (current !== undefined && call.profile !== undefined && call.profile.id !== current) {
        this.log.info('automation: not followed, placed by another profile', { callId: call.callId });
        continue;
      }
      this.track(call, { roomId: call.roomId, roomName: call.roomName, context, retriesUsed: 0, rejoinsUsed: 0 });
    }
  }

  pending(meetingId?: string): PendingRedial[] {
    return [...this.waiting.values()]
      .map((w) => w.view)
      .filter((view) => meetingId === undefined || view.meetingId === meetingId)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Drops one waiting action; false when there was none (already rung, or cancelled). */
  cancel(id: string): boolean {
    const waiting = this.waiting.get(id);
    if (!waiting) return false;
    clearTimeout(waiting.timer);
    this.waiting.delete(id);
    this.log.info('automation: cancelled', { id, kind: waiting.view.kind });
    this.changed();
    return true;
  }

  /** The operator's Cancel all: nothing of this meeting is rung again by the automation. */
  cancelMeeting(meetingId: string): void {
    for (const [id, waiting] of [...this.waiting]) {
      if (waiting.view.meetingId === meetingId) {
        clearTimeout(waiting.timer);
        this.waiting.delete(id);
      }
    }
    for (const [callId, followed] of [...this.followed]) {
      if (followed.context.meeting.meetingId === meetingId) this.unfollow(callId);
    }
    this.changed();
  }

  onChange(listener: (pending: PendingRedial[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A profile switch: every retry and rejoin followed or waiting belongs to the old profile's account, so all are
   * dropped (its calls still ringing finish on their own; nothing rings them again with the new credentials).
   * Returns how many were waiting.
   */
  dropAll(): number {
    const dropped = this.waiting.size;
    for (const waiting of this.waiting.values()) clearTimeout(waiting.timer);
    for (const watch of this.watches.values()) clearTimeout(watch.timer);
    this.waiting.clear();
    this.watches.clear();
    this.followed.clear();
    if (dropped > 0) this.log.info('automation: dropped on profile switch', { dropped });
    this.changed();
    return dropped;
  }

  shutdown(): void {
    this.closed = true;
    this.stopUpdates();
    for (const waiting of this.waiting.values()) clearTimeout(waiting.timer);
    for (const watch of this.watches.values()) clearTimeout(watch.timer);
    this.waiting.clear();
    this.watches.clear();
    this.followed.clear();
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────────────────

  private track(call: CallView, followed: Followed): void {
    this.followed.set(call.callId, followed);
    if (isFinalCallState(call.state)) this.onCall(call);
  }

  private unfollow(callId: string): void {
    this.followed.delete(callId);
    const watch = this.watches.get(callId);
    if (watch) clearTimeout(watch.timer);
    this.watches.delete(callId);
  }

  private onCall(call: CallView): void {
    const followed = this.followed.get(call.callId);
    if (!followed || this.closed || !isFinalCallState(call.state)) return;
    const { policy } = followed.context;
    if (call.state === 'joined') {
      if (policy.rejoinOnDrop && followed.rejoinsUsed < policy.rejoins) this.watch(call.callId, followed);
      else this.unfollow(call.callId);
      return;
    }
    this.unfollow(call.callId);
    if (isRetryableOutcome(call) && followed.retriesUsed < policy.retries) {
      const attempt = followed.retriesUsed + 1;
      this.schedule('retry', followed, attempt, policy.retries, backoffFor(policy, attempt));
    }
  }

  /** Checks a joined room now and then; when it is seen to have left, its rejoin waits REJOIN_DELAY_MS. */
  private watch(callId: string, followed: Followed): void {
    const { meetingId } = followed.context.meeting;
    const check = (failures: number) => {
      const timer = setTimeout(() => {
        this.deps.dialer.roomStatus(meetingId, followed.roomId).then(
          (answer) => {
            if (!this.followed.has(callId)) return;
            if (answer.state === 'joined') return check(0);
            this.unfollow(callId);
            if (answer.state !== 'left') return;
            const attempt = followed.rejoinsUsed + 1;
            this.schedule('rejoin', followed, attempt, followed.context.policy.rejoins, REJOIN_DELAY_MS);
          },
          () => {
            if (!this.followed.has(callId)) return;
            if (failures + 1 >= MAX_WATCH_FAILURES) this.unfollow(callId);
            else check(failures + 1);
          },
        );
      }, DROP_WATCH_MS);
      this.watches.set(callId, { timer, failures });
    };
    check(0);
  }

  private schedule(
    kind: PendingRedial['kind'],
    followed: Followed,
    attempt: number,
    of: number,
    delayMs: number,
  ): void {
    const id = this.newId();
    const { context } = followed;
    const view: PendingRedial = Object.freeze({
      id,
      kind,
      roomId: followed.roomId,
      roomName: followed.roomName,
      meetingId: context.meeting.meetingId,
      dueAt: new Date(this.now() + delayMs).toISOString(),
      attempt,
      of,
      ...(context.origin.label ? { label: context.origin.label } : {}),
    });
    const timer = setTimeout(() => void this.ring(id), delayMs);
    this.waiting.set(id, { view, followed, timer });
    this.log.info('automation: redial waiting', { id, kind, attempt, of, delayMs });
    this.changed();
  }

  private async ring(id: string): Promise<void> {
    const waiting = this.waiting.get(id);
    if (!waiting || this.closed) return;
    this.waiting.delete(id);
    this.changed();
    const { followed, view } = waiting;
    const origin: CallOrigin = {
      kind: view.kind,
      attempt: view.attempt,
      of: view.of,
      ...(view.label ? { label: view.label } : {}),
    };
    try {
      // Unknown outcomes are never rung by the automation; a room that is in the meeting (or ringing) is skipped.
      const result = await this.deps.dialer.dial({
        meeting: followed.context.meeting,
        rooms: [{ roomId: followed.roomId }],
        unknownOutcome: 'skip',
        origin,
      });
      const next: Followed = {
        ...followed,
        retriesUsed: view.kind === 'retry' ? view.attempt : followed.retriesUsed,
        rejoinsUsed: view.kind === 'rejoin' ? view.attempt : followed.rejoinsUsed,
      };
      for (const call of result.calls) this.track(call, next);
    } catch (error) {
      // The meeting ended, the room was deleted, the credentials went: nothing more to do for this room.
      this.log.warn('automation: redial refused', {
        id,
        kind: view.kind,
        name: error instanceof Error ? error.name : typeof error,
      });
    }
  }

  private changed(): void {
    if (this.listeners.size === 0) return;
    const pending = this.pending();
    for (const listener of this.listeners) listener(pending);
  }
}
