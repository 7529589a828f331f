// "Today's meetings": the operator's (and configured other hosts') meetings in progress or starting today, with
// whether the host is in now (reference §8.3–§8.4). Tencent's list has no date filter: "today" is the local day.
import type { OperatorError } from './operator-error';

export interface TodayMeeting {
  readonly meetingId: string;
  readonly meetingCode: string;
  readonly subject: string;
  /** Unix seconds. */
  readonly startTime: number;
  readonly endTime: number;
  /** MEETING_STATE_*. */
  readonly status: string;
  readonly hostUserIds: readonly string[];
  /** Whose list it came from: the operator's userid or one of the other hosts. */
  readonly listedFor: readonly string[];
  readonly recurring: boolean;
  /** True or false when read now; undefined when not read (not started yet, or not allowed to read it). */
  readonly hostPresent?: boolean;
}

export interface TodayMeetings {
  readonly meetings: readonly TodayMeeting[];
  /** ISO time of the read (lists are cached briefly to stay inside the request budget). */
  readonly readAt: string;
  /** A host whose list could not be read, and why; the others are still shown. */
  readonly problems: readonly { readonly userid: string; readonly error: OperatorError }[];
}

/** Whether [start, end] overlaps the local day of `nowMs`. */
export function isOnLocalDay(startTime: number, endTime: number, nowMs: number): boolean {
  const dayStart = new Date(nowMs);
  dayStart.setHours(0, 0, 0, 0);
  const dayEnd = new Date(dayStart);
  dayEnd.setDate(dayEnd.getDate() + 1);
  return startTime * 1000 < dayEnd.getTime() && endTime * 1000 >= dayStart.getTime();
}
