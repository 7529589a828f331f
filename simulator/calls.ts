// Room-call invites and their answer status, derived lazily from the clock (no timers):
//   never called → 1; ringing → 4 until answerDelayMs; then the scripted outcome:
//   answer → 2; reject → 3; noanswer → 4 until ringWindowMs, then 0; leave → 2, then 6 after leaveAfterMs.
//   Cancelled while ringing → 5. Any ringing that reaches ringWindowMs ends as 0.
import { randomUUID } from 'node:crypto';
import type { CallTarget, InviteRecord } from './types';

export interface CallTiming {
  readonly answerDelayMs: number;
  readonly ringWindowMs: number;
  readonly leaveAfterMs: number;
}

export type AnswerStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface AnswerSnapshot {
  readonly status: AnswerStatus;
  /** clock() of the last change ("最近一次应答时间"); undefined when never called. */
  readonly atMs: number | undefined;
}

interface Invite {
  inviteId: string;
  meetingId: string;
  target: CallTarget;
  outcome: InviteRecord['outcome'];
  createdAtMs: number;
  cancelledAtMs: number | undefined;
  replaced: boolean;
}

export function targetKey(target: CallTarget): string {
  return target.kind === 'rooms' ? `rooms:${target.meetingRoomId}` : `mra:${target.protocol}:${target.dialString}`;
}

export class CallBook {
  private readonly current = new Map<string, Invite>();
  private readonly history: Invite[] = [];

  constructor(private readonly timing: CallTiming) {}

  /** A new invite; it replaces any earlier one for the same meeting and target (a redial). */
  place(meetingId: string, target: CallTarget, outcome: InviteRecord['outcome'], nowMs: number): Invite {
    const key = `${meetingId}|${targetKey(target)}`;
    const previous = this.current.get(key);
    if (previous) previous.replaced = true;
    const invite: Invite = {
      inviteId: randomUUID(),
      meetingId,
      target,
      outcome,
      createdAtMs: nowMs,
      cancelledAtMs: undefined,
      replaced: false,
    };
    this.current.set(key, invite);
    this.history.push(invite);
    return invite;
  }

  status(meetingId: string, target: CallTarget, nowMs: number): AnswerSnapshot {
    const invite = this.current.get(`${meetingId}|${targetKey(target)}`);
    return invite ? this.statusOf(invite, nowMs) : { status: 1, atMs: undefined };
  }

  /**
   * cancel-room-call: 'cancelled' while ringing; 'unchanged' once the ringing is over;
   * 'unknown' when invite_id is not the current invite for this meeting and target.
   */
  cancel(
    meetingId: string,
    target: CallTarget,
    inviteId: string,
    nowMs: number,
  ): 'cancelled' | 'unchanged' | 'unknown' {
    const invite = this.current.get(`${meetingId}|${targetKey(target)}`);
    if (!invite || invite.inviteId !== inviteId) return 'unknown';
    if (this.statusOf(invite, nowMs).status !== 4) return 'unchanged';
    invite.cancelledAtMs = nowMs;
    return 'cancelled';
  }

  records(): readonly InviteRecord[] {
    return this.history.map((invite) => Object.freeze({ ...invite }));
  }

  private statusOf(invite: Invite, nowMs: number): AnswerSnapshot {
    const { answerDelayMs, ringWindowMs, leaveAfterMs } = this.timing;
    const start = invite.createdAtMs;
    if (invite.cancelledAtMs !== undefined) return { status: 5, atMs: invite.cancelledAtMs };
    const elapsed = nowMs - start;
    const ringsOut = invite.outcome === 'noanswer' || answerDelayMs >= ringWindowMs;
    if (ringsOut)
      return elapsed < ringWindowMs ? { status: 4, atMs: start } : { status: 0, atMs: start + ringWindowMs };
    if (elapsed < answerDelayMs) return { status: 4, atMs: start };
    const answeredAt = start + answerDelayMs;
    switch (invite.outcome) {
      case 'reject':
        return { status: 3, atMs: answeredAt };
      case 'leave':
        return elapsed < answerDelayMs + leaveAfterMs
          ? { status: 2, atMs: answeredAt }
          : { status: 6, atMs: answeredAt + leaveAfterMs };
      case 'answer':
        return { status: 2, atMs: answeredAt };
      case 'noanswer': // handled by ringsOut above; kept for exhaustiveness
        return { status: 0, atMs: start + ringWindowMs };
    }
  }
}
