// Today's meetings for the board: the operator's list and each configured other host's (GET /v1/meetings with
// paging, reference §8.3), merged, cut to the local day, and for meetings in progress whether the host is in now
// (real-time participants, §8.4). Reads are 'normal' (lists) and 'poll' (presence) requests of the budget; an
// answer is reused for CACHE_MS so that refreshing the window cannot spend the budget.
import { knownOperatorError, INTERNAL } from '../../common/operator-error';
import { isOnLocalDay, type TodayMeeting, type TodayMeetings } from '../../common/today-meetings';
import type { RealTimeParticipants, UserMeetingList } from '../../common/wemeet-types';
import { silentLog, type Log } from '../log';

export const CACHE_MS = 30_000;
/** Presence is read for at most this many meetings in progress per refresh. */
const MAX_PRESENCE_READS = 20;

export interface TodayClient {
  listUserMeetings(userid?: string): Promise<UserMeetingList>;
  realTimeParticipants(
    meetingId: string,
    options?: { readonly subMeetingId?: string; readonly priority?: 'poll' },
  ): Promise<RealTimeParticipants>;
}

export interface TodayMeetingsDeps {
  readonly getClient: () => Promise<TodayClient>;
  /** The operator's userid, then the other hosts' (settings.otherHosts). */
  readonly userIds: () => Promise<readonly string[]>;
  readonly now?: () => number;
  readonly log?: Log;
}

export class TodayMeetingsReader {
  private readonly now: () => number;
  private readonly log: Log;
  private cached: { readonly at: number; readonly key: string; readonly value: Promise<TodayMeetings> } | undefined;

  constructor(private readonly deps: TodayMeetingsDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? silentLog;
  }

  /** A profile switch: the next read is the new account's meetings, even when its operator has the same userid. */
  forget(): void {
    this.cached = undefined;
  }

  /** `fresh` skips the cache (the operator pressed Refresh), never more often than every 5 s. */
  async read(fresh = false): Promise<TodayMeetings> {
    const userIds = await this.deps.userIds();
    const key = userIds.join('\n');
    const age = this.cached ? this.now() - this.cached.at : Infinity;
    if (this.cached && this.cached.key === key && age < (fresh ? 5_000 : CACHE_MS)) return this.cached.value;
    const value = this.load(userIds);
    this.cached = { at: this.now(), key, value };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = undefined;
    });
    return value;
  }

  private async load(userIds: readonly string[]): Promise<TodayMeetings> {
    const client = await this.deps.getClient();
    const nowMs = this.now();
    const byId = new Map<string, { meeting: TodayMeeting; subMeetingId: string | undefined }>();
    const problems: { userid: string; error: ReturnType<typeof errorOf> }[] = [];
    for (const userid of userIds) {
      let list: UserMeetingList;
      try {
        list = await client.listUserMeetings(userid);
      } catch (error) {
        problems.push({ userid, error: errorOf(error) });
        continue;
      }
      for (const m of list.meetings) {
        if (m.startTime === undefined || m.endTime === undefined) continue;
        if (!isOnLocalDay(m.startTime, m.endTime, nowMs)) continue;
        const seen = byId.get(m.meetingId);
        if (seen) {
          byId.set(m.meetingId, {
            ...seen,
            meeting: { ...seen.meeting, listedFor: [...seen.meeting.listedFor, userid] },
          });
          continue;
        }
        byId.set(m.meetingId, {
          subMeetingId: m.currentSubMeetingId,
          meeting: {
            meetingId: m.meetingId,
            meetingCode: m.meetingCode,
            subject: m.subject,
            startTime: m.startTime,
            endTime: m.endTime,
            status: m.status,
            hostUserIds: m.hostUserIds,
            listedFor: [userid],
            recurring: m.meetingType === 1,
          },
        });
      }
    }
    const entries = [...byId.values()].sort((a, b) => a.meeting.startTime - b.meeting.startTime);
    let reads = 0;
    const meetings: TodayMeeting[] = [];
    for (const { meeting, subMeetingId } of entries) {
      // Nobody is in a meeting that has not started; reading it would only spend the budget.
      if (meeting.status !== 'MEETING_STATE_STARTED' || reads >= MAX_PRESENCE_READS) {
        meetings.push(meeting);
        continue;
      }
      reads += 1;
      try {
        const participants = await client.realTimeParticipants(meeting.meetingId, {
          ...(subMeetingId ? { subMeetingId } : {}),
          priority: 'poll',
        });
        meetings.push({ ...meeting, hostPresent: participants.hostPresent });
      } catch (error) {
        // Not allowed to read it (only admins, creator, hosts and co-hosts may), or a passing failure.
        this.log.info('today: presence not read', { name: error instanceof Error ? error.name : typeof error });
        meetings.push(meeting);
      }
    }
    return { meetings, readAt: new Date(nowMs).toISOString(), problems };
  }
}

function errorOf(error: unknown) {
  return knownOperatorError(error) ?? INTERNAL;
}
