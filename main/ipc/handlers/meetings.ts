// meetings:lookup / meetings:recent. The operator types a 9-digit code or a meeting ID; either is looked up so the
// subject, time and hosts can be checked before dialing, and a found meeting goes to the top of the recent list.
import type { MeetingInfo } from '../../../common/wemeet-types';
import { parseMeetingNumber } from '../../../common/meeting-number';
import type { HandlerContext } from './context';
import { unwrap } from '../errors';
import type { HandlersFor } from '../types';

/** The recent list keeps at most this many characters of a subject (store-schema's recentMeetingSchema). */
const SUBJECT_MAX = 255;

function remember(ctx: HandlerContext, meeting: MeetingInfo): void {
  const subject = [...meeting.subject].slice(0, SUBJECT_MAX).join('');
  const saved = ctx.store.addRecentMeeting({ meetingId: meeting.meetingId, meetingCode: meeting.meetingCode, subject });
  // The lookup itself worked; a meeting the recent list cannot hold (no 9-digit code) just is not listed.
  if (!saved.ok) ctx.log.warn('meetings: not added to the recent list', { field: saved.error.field });
}

export function meetingHandlers(ctx: HandlerContext): HandlersFor<'meetings:lookup' | 'meetings:recent'> {
  return {
    'meetings:lookup': async ({ meeting }) => {
      const ref = unwrap(parseMeetingNumber(meeting, 'meeting'));
      const client = await ctx.clientFor();
      const info = await client.resolveMeeting(ref);
      remember(ctx, info);
      return info;
    },
    'meetings:recent': () => ctx.store.recentMeetings(),
  };
}
