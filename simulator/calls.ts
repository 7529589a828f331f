// Room-call invites and their answer status, derived lazily from the clock (no timers):
//   never called → 1; ringing → 4 until answerDelayMs; then the scripted outcome:
//   answer → 2; reject → 3; noanswer → 4 until ringWindowMs, then 0; leave → 2, then 6 after the invite's
//   leaveAfterMs; fail → 0 at once (room-call itself answered status 5).
//   Cancelled while ringing → 5. Any ringing that reaches ringWindowMs ends as 0.
//   A cut (dropRoom, or the meeting ending) at t: joined at t → 6, ringing at t → 0; other states stay.
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

type Invite = { -readonly [K in keyof InviteRecord]: InviteRecord[K] };

export function targetKey(target: CallTarget): string {
  return target.kind === 'rooms' ? `rooms:${target.meetingRoomId}` : `mra:${target.protocol}:${target.dialString}`;
}

export class CallBook {
  private readonly current = new Map<string, Invite>();
  private readonly history: Invite[] = [];

  constructor(private readonly timing: CallTiming) {}

  /** A new invite; it replaces any earlier one for the same meeting and target (a redial). */
  place(
    meetingId: string,
    target: CallTarget,
    script: { outcome: InviteRecord['outcome']; leaveAfterMs?: number | undefined },
    nowMs: number,
  ): InviteRecord {
    const key = `${meetingId}|${targetKey(target)}`;
    const previous = this.current.get(key);
    if (previous) previous.replaced = true;
    const invite: Invite = {
      inviteId: randomUUID(),
      meetingId,
      target,
      outcome: script.outcome,
      leaveAfterMs: script.leaveAfterMs ?? this.timing.leaveAfterMs,
      createdAtMs: nowMs,
      cancelledAtMs: undefined,
      replaced: false,
      cutAtMs: undefined,
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

  /** The room leaves the meeting at `atMs` (status 6 from then). Throws unless it is in the meeting (2) then. */
  drop(meetingId: string, target: CallTarget, atMs: number): void {
    const invite = this.current.get(`${meetingId}|${targetKey(target)}`);
    if (!invite) throw new Error(`dropRoom: ${targetKey(target)} was never called into meeting ${meetingId}`);
    const at = this.statusOf(invite, atMs).status;
    if (at !== 2) throw new Error(`dropRoom: ${targetKey(target)} is not in meeting ${meetingId} then (status ${at})`);
    invite.cutAtMs = atMs;
  }

  /** Every call into the meeting is cut at `atMs` (the meeting ended). */
  cutMeeting(meetingId: string, atMs: number): void {
    for (const invite of this.current.values()) {
      if (invite.meetingId === meetingId) invite.cutAtMs = Math.min(invite.cutAtMs ?? atMs, atMs);
    }
  }

  /** The callees in the meeting (status 2) at nowMs, with when they joined. */
  joined(meetingId: string, nowMs: number): { target: CallTarget; joinedAtMs: number }[] {
    const result: { target: CallTarget; joinedAtMs: number }[] = [];
    for (const invite of this.current.values()) {
      if (invite.meetingId !== meetingId) continue;
      const snapshot = this.statusOf(invite, nowMs);
      if (snapshot.status === 2) result.push({ target: invite.target, joinedAtMs: snapshot.atMs ?? nowMs });
    }
    return result;
  }

  /** Whether any callee has been in the meeting by nowMs (in it, or left after joining). */
  everJoined(meetingId: string, nowMs: number): boolean {
    return this.history.some((invite) => {
      if (invite.meetingId !== meetingId) return false;
      const status = this.statusOf(invite, nowMs).status;
      return status === 2 || status === 6;
    });
  }

  records(): readonly InviteRecord[] {
    return this.history.map((invite) => Object.freeze({ ...invite }));
  }

  private statusOf(invite: Invite, nowMs: number): AnswerSnapshot {
    const cut = invite.cutAtMs;
    if (cut === undefined || nowMs < cut) return this.scripted(invite, nowMs);
    const atCut = this.scripted(invite, cut);
    if (atCut.status === 2) return { status: 6, atMs: cut };
    if (atCut.status === 4) return { status: 0, atMs: cut };
    return this.scripted(invite, nowMs);
  }

  private scripted(invite: Invite, nowMs: number): AnswerSnapshot {
    const { answerDelayMs, ringWindowMs } = this.timing;
    const start = invite.createdAtMs;
    if (invite.cancelledAtMs !== undefined && nowMs >= invite.cancelledAtMs) {
      return { status: 5, atMs: invite.cancelledAtMs };
    }
    if (invite.outcome === 'fail') return { status: 0, atMs: start };
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
        return elapsed < answerDelayMs + invite.leaveAfterMs
          ? { status: 2, atMs: answeredAt }
          : { status: 6, atMs: answeredAt + invite.leaveAfterMs };
      case 'answer':
        return { status: 2, atMs: answeredAt };
      case 'noanswer': // handled by ringsOut above; kept for exhaustiveness
        return { status: 0, atMs: start + ringWindowMs };
    }
  }
}
