// The "recent meetings" list the meeting picker offers: most recent first, one entry per meeting, at most 20.
import { valid, type Validated } from '../../common/validation';
import { fieldErrorFromZod } from './field-error';
import { RECENT_MEETINGS_LIMIT, recentMeetingSchema, type RecentMeeting } from '../../common/store-schema';

/** usedAt defaults to now. */
export type RecentMeetingInput = Omit<RecentMeeting, 'usedAt'> & { readonly usedAt?: string };

export function validateRecentMeeting(input: unknown, now: string): Validated<RecentMeeting> {
  const withTime =
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    (input as { usedAt?: unknown }).usedAt === undefined
      ? { ...input, usedAt: now }
      : input;
  const parsed = recentMeetingSchema.safeParse(withTime);
  return parsed.success ? valid(parsed.data) : { ok: false, error: fieldErrorFromZod(parsed.error, 'meeting') };
}

/**
 * The list with `meeting` in front. An older entry with the same meetingId, or the same 9-digit code (codes are
 * reused once a meeting has ended, and the operator picks by code), is replaced rather than listed twice.
 */
export function pushRecentMeeting(list: readonly RecentMeeting[], meeting: RecentMeeting): RecentMeeting[] {
  const others = list.filter((m) => m.meetingId !== meeting.meetingId && m.meetingCode !== meeting.meetingCode);
  return [meeting, ...others].slice(0, RECENT_MEETINGS_LIMIT);
}
