// The meetings' live state, derived lazily from the clock like call state (no timers): who is in each meeting
// (the seeded people, scripted host joins and leaves, rooms that answered a room-call) and the meeting's status.
//   INIT → STARTED once anyone has been in it (a person or a room); ENDED from endMeeting() on; the seeded
//   CANCELLED / ENDED meetings stay so. A meeting does not go back to INIT when it empties.
import type { CallBook } from './calls';
import { SEED_USERS } from './seed-meetings';
import type { MeetingState, SeedMeeting, UserRole } from './types';

export interface Presence {
  /** undefined for guests from outside the enterprise. */
  readonly userid: string | undefined;
  readonly name: string;
  readonly role: UserRole;
  readonly instanceId: number;
  readonly joinAtMs: number;
  leaveAtMs: number | undefined;
}

const HOST_ROLES: ReadonlySet<UserRole> = new Set([2, 3, 5, 6, 7]);

export class MeetingBook {
  private readonly byId: ReadonlyMap<string, SeedMeeting>;
  private readonly people = new Map<string, Presence[]>();
  private readonly endedAtMs = new Map<string, number>();

  constructor(
    readonly meetings: readonly SeedMeeting[],
    private readonly calls: CallBook,
  ) {
    this.byId = new Map(meetings.map((m) => [m.meetingId, m]));
    for (const m of meetings) {
      this.people.set(
        m.meetingId,
        m.present.map((p) => ({ ...p, joinAtMs: p.joinTime * 1000, leaveAtMs: undefined })),
      );
    }
  }

  find(meetingId: string): SeedMeeting | undefined {
    return this.byId.get(meetingId);
  }

  /** A host (or co-host) of the meeting joins at atMs; role 2/3 (host) or 6/7 (co-host), 3/7 when also creator. */
  hostJoins(meetingId: string, atMs: number, userid?: string): void {
    const meeting = this.require(meetingId);
    const who = userid ?? meeting.hosts[0];
    const isHost = who !== undefined && meeting.hosts.includes(who);
    if (who === undefined || (!isHost && !meeting.coHosts.includes(who))) {
      throw new Error(`scriptHostJoin: ${String(who)} is neither host nor co-host of meeting ${meetingId}`);
    }
    const status = this.statusAt(meeting, atMs);
    if (status === 'MEETING_STATE_ENDED' || status === 'MEETING_STATE_CANCELLED') {
      throw new Error(`scriptHostJoin: meeting ${meetingId} is ${status} then`);
    }
    if (this.presentAt(meeting, atMs).some((p) => p.userid === who)) {
      throw new Error(`scriptHostJoin: ${who} is already in meeting ${meetingId} then`);
    }
    const creator = meeting.creator === who;
    const role: UserRole = isHost ? (creator ? 3 : 2) : creator ? 7 : 6;
    this.peopleOf(meetingId).push({
      userid: who,
      name: SEED_USERS[who] ?? who,
      role,
      instanceId: 1,
      joinAtMs: atMs,
      leaveAtMs: undefined,
    });
  }

  /** The host (`userid`, or every host and co-host) in the meeting at atMs leaves then. */
  hostLeaves(meetingId: string, atMs: number, userid?: string): void {
    const meeting = this.require(meetingId);
    const leaving = this.presentAt(meeting, atMs).filter((p) =>
      userid === undefined ? HOST_ROLES.has(p.role) : p.userid === userid,
    );
    if (leaving.length === 0) {
      throw new Error(`scriptHostLeave: no ${userid ?? 'host'} in meeting ${meetingId} then`);
    }
    for (const p of leaving) p.leaveAtMs = atMs;
  }

  /** The meeting ends at atMs: everyone leaves, calls into it are cut, and it is ENDED from then. */
  end(meetingId: string, atMs: number): void {
    this.require(meetingId);
    this.endedAtMs.set(meetingId, Math.min(this.endedAtMs.get(meetingId) ?? atMs, atMs));
    this.calls.cutMeeting(meetingId, atMs);
  }

  statusAt(meeting: SeedMeeting, nowMs: number): MeetingState {
    const ended = this.endedAtMs.get(meeting.meetingId);
    if (ended !== undefined && nowMs >= ended) return 'MEETING_STATE_ENDED';
    if (meeting.status !== 'MEETING_STATE_INIT') return meeting.status;
    const someoneCame =
      this.peopleOf(meeting.meetingId).some((p) => p.joinAtMs <= nowMs) ||
      this.calls.everJoined(meeting.meetingId, nowMs);
    return someoneCame ? 'MEETING_STATE_STARTED' : 'MEETING_STATE_INIT';
  }

  /** The people (not rooms) in the meeting at nowMs, in the order they joined. */
  presentAt(meeting: SeedMeeting, nowMs: number): Presence[] {
    const ended = this.endedAtMs.get(meeting.meetingId);
    if (ended !== undefined && nowMs >= ended) return [];
    return this.peopleOf(meeting.meetingId)
      .filter((p) => p.joinAtMs <= nowMs && (p.leaveAtMs === undefined || nowMs < p.leaveAtMs))
      .sort((a, b) => a.joinAtMs - b.joinAtMs);
  }

  private peopleOf(meetingId: string): Presence[] {
    let list = this.people.get(meetingId);
    if (!list) {
      list = [];
      this.people.set(meetingId, list);
    }
    return list;
  }

  private require(meetingId: string): SeedMeeting {
    const meeting = this.byId.get(meetingId);
    if (!meeting) throw new Error(`no seeded meeting ${meetingId}`);
    return meeting;
  }
}
