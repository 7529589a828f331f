// GET /v1/meetings?meeting_code=… (or the user's meeting list without meeting_code) and GET /v1/meetings/{meeting_id}
// (reference §6).
import type { Handler, HandlerContext } from '../context';
import { SimError } from '../errors';
import type { SeedMeeting } from '../types';
import { instanceIdQuery, parseQuery, queryInt, queryOperator, type QuerySpec } from '../validate';

const WHO: QuerySpec = {
  userid: { required: false },
  operator_id: { required: false },
  operator_id_type: { required: false },
  instanceid: { required: true },
};
const BY_CODE_OR_LIST: QuerySpec = {
  ...WHO,
  meeting_code: { required: false },
  pos: { required: false },
  cursory: { required: false },
  is_show_all_sub_meetings: { required: false },
};

const users = (ids: readonly string[]) => ids.map((userid) => ({ userid }));

function meetingInfo(meeting: SeedMeeting, context: HandlerContext, withRole: boolean): Record<string, unknown> {
  const operator = context.credentials.operatorId;
  const started = meeting.status === 'MEETING_STATE_STARTED';
  const info: Record<string, unknown> = {
    subject: meeting.subject,
    meeting_id: meeting.meetingId,
    meeting_code: meeting.meetingCode,
    type: meeting.type,
    meeting_type: 0,
    start_time: String(meeting.startTime),
    end_time: String(meeting.endTime),
    status: meeting.status,
    hosts: users(meeting.hosts),
    current_hosts: started ? users(meeting.hosts) : [],
    current_co_hosts: started ? users(meeting.coHosts) : [],
    participants: users(meeting.participants),
    join_url: `https://meeting.tencent.com/dm/sim${meeting.meetingCode}`,
    need_password: false,
    location: '',
    time_zone: 'Asia/Shanghai',
    media_set_type: 0,
  };
  if (withRole) info['join_meeting_role'] = meeting.hosts.includes(operator) ? 'hoster' : 'invitee';
  return info;
}

export const meetingsQuery: Handler = (request, context) => {
  const params = parseQuery(request.rawQuery, BY_CODE_OR_LIST);
  queryOperator(params, context.credentials);
  instanceIdQuery(params);
  const code = params.get('meeting_code');
  if (code === undefined) {
    // The user's ongoing and upcoming meetings (list mode): at most 20 here, so a single page.
    queryInt(params, 'pos', { min: 0, max: 1_000_000 }, 0);
    queryInt(params, 'cursory', { min: 0, max: 1_000_000 }, 0);
    if (params.has('is_show_all_sub_meetings')) queryInt(params, 'is_show_all_sub_meetings', { min: 0, max: 1 });
    const operator = context.credentials.operatorId;
    const mine = context.meetings.filter(
      (m) =>
        m.status !== 'MEETING_STATE_ENDED' &&
        (m.hosts.includes(operator) || m.coHosts.includes(operator) || m.participants.includes(operator)),
    );
    return {
      meeting_number: mine.length,
      meeting_info_list: mine.map((m) => meetingInfo(m, context, true)),
      remaining: 0,
      next_pos: 0,
      next_cursory: 0,
    };
  }
  if (params.has('pos') || params.has('cursory') || params.has('is_show_all_sub_meetings')) {
    throw new SimError('invalidParam', 'pos / cursory / is_show_all_sub_meetings only apply without meeting_code');
  }
  if (!/^\d{9}$/.test(code)) throw new SimError('invalidParam', 'meeting_code must be 9 digits');
  const meeting = context.meetings.find((m) => m.meetingCode === code);
  if (!meeting) throw new SimError('meetingNotExist', `meeting_code ${code}`);
  return { meeting_number: 1, meeting_info_list: [meetingInfo(meeting, context, true)] };
};

export const meetingById: Handler = (request, context) => {
  const meetingId = request.params['meeting_id'] ?? '';
  const params = parseQuery(request.rawQuery, WHO);
  if (!/^[1-9]\d{0,19}$/.test(meetingId)) throw new SimError('invalidParam', 'meeting_id in the path must be digits');
  queryOperator(params, context.credentials);
  instanceIdQuery(params);
  const meeting = context.meetings.find((m) => m.meetingId === meetingId);
  if (!meeting) throw new SimError('meetingNotExist', `meeting_id ${meetingId}`);
  return { meeting_number: 1, meeting_info_list: [meetingInfo(meeting, context, false)] };
};
