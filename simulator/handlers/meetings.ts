// GET /v1/meetings?meeting_code=… (or the user's meeting list without meeting_code) and GET /v1/meetings/{meeting_id}
// (reference §6, §8.3).
import type { Handler, HandlerContext } from '../context';
import { SimError } from '../errors';
import type { SeedMeeting } from '../types';
import { instanceIdQuery, parseQuery, queryDecimal, queryInt, queryOperator, type QuerySpec } from '../validate';

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
const LIST_ONLY = ['pos', 'cursory', 'is_show_all_sub_meetings'] as const;

const users = (ids: readonly string[]) => ids.map((userid) => ({ userid }));

/** creator / hoster / invitee, as join_meeting_role says; undefined when the user has no part in the meeting. */
function roleOf(meeting: SeedMeeting, userid: string): 'creator' | 'hoster' | 'invitee' | undefined {
  if (meeting.creator === userid) return 'creator';
  if (meeting.hosts.includes(userid) || meeting.coHosts.includes(userid)) return 'hoster';
  if (meeting.participants.includes(userid)) return 'invitee';
  return undefined;
}

interface InfoOptions {
  /** Whose join_meeting_role to show (code lookups and lists); none for lookups by id. */
  readonly roleFor?: string;
  /** List mode with is_show_all_sub_meetings=1: every occurrence of a recurring meeting. */
  readonly allSubMeetings?: boolean;
}

function meetingInfo(meeting: SeedMeeting, context: HandlerContext, options: InfoOptions): Record<string, unknown> {
  const status = context.book.statusAt(meeting, context.nowMs);
  const started = status === 'MEETING_STATE_STARTED';
  const info: Record<string, unknown> = {
    subject: meeting.subject,
    meeting_id: meeting.meetingId,
    meeting_code: meeting.meetingCode,
    type: meeting.type,
    meeting_type: meeting.meetingType,
    start_time: String(meeting.startTime),
    end_time: String(meeting.endTime),
    status,
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
  if (meeting.meetingType === 1) {
    const current = meeting.subMeetings.findIndex((s) => s.subMeetingId === meeting.currentSubMeetingId);
    const shown = options.allSubMeetings ? meeting.subMeetings : meeting.subMeetings.slice(current, current + 1);
    Object.assign(info, {
      current_sub_meeting_id: meeting.currentSubMeetingId,
      has_more_sub_meeting: 0,
      remain_sub_meetings: meeting.subMeetings.length - current - 1,
      recurring_rule: { recurring_type: 0, until_type: 1, until_count: meeting.subMeetings.length },
      sub_meetings: shown.map((s) => ({
        sub_meeting_id: s.subMeetingId,
        status: 0,
        start_time: String(s.startTime),
        end_time: String(s.endTime),
      })),
    });
  }
  if (options.roleFor !== undefined) info['join_meeting_role'] = roleOf(meeting, options.roleFor) ?? 'invitee';
  return info;
}

function listMeetings(params: Map<string, string>, userid: string, context: HandlerContext): unknown {
  const pos = queryDecimal(params, 'pos', 12, 0);
  const cursory = queryDecimal(params, 'cursory', 15, 0);
  const allSubMeetings = queryInt(params, 'is_show_all_sub_meetings', { min: 0, max: 1 }, 0) === 1;
  // In progress or not yet started, where the user is creator, host, co-host or invitee.
  const listed = context.meetings.filter((m) => {
    const status = context.book.statusAt(m, context.nowMs);
    const live = status === 'MEETING_STATE_INIT' || status === 'MEETING_STATE_STARTED';
    return live && roleOf(m, userid) !== undefined;
  });
  const page = context.listCursors.page(listed, userid, pos, cursory, context.serverNowMs);
  return {
    meeting_number: page.meetings.length,
    meeting_info_list: page.meetings.map((m) => meetingInfo(m, context, { roleFor: userid, allSubMeetings })),
    remaining: page.remaining,
    next_pos: page.nextPos,
    next_cursory: page.nextCursory,
  };
}

export const meetingsQuery: Handler = (request, context) => {
  const params = parseQuery(request.rawQuery, BY_CODE_OR_LIST);
  const userid = queryOperator(params, context.credentials);
  instanceIdQuery(params);
  const code = params.get('meeting_code');
  if (code === undefined) return listMeetings(params, userid, context);
  const listOnly = LIST_ONLY.find((name) => params.has(name));
  if (listOnly) throw new SimError('invalidParam', `query parameter "${listOnly}" only applies without meeting_code`);
  if (!/^\d{9}$/.test(code)) throw new SimError('invalidParam', 'meeting_code must be 9 digits');
  const meeting = context.meetings.find((m) => m.meetingCode === code);
  if (!meeting) throw new SimError('meetingNotExist', `meeting_code ${code}`);
  return { meeting_number: 1, meeting_info_list: [meetingInfo(meeting, context, { roleFor: userid })] };
};

export const meetingById: Handler = (request, context) => {
  const meetingId = request.params['meeting_id'] ?? '';
  const params = parseQuery(request.rawQuery, WHO);
  if (!/^[1-9]\d{0,19}$/.test(meetingId)) throw new SimError('invalidParam', 'meeting_id in the path must be digits');
  queryOperator(params, context.credentials);
  instanceIdQuery(params);
  const meeting = context.book.find(meetingId);
  if (!meeting) throw new SimError('meetingNotExist', `meeting_id ${meetingId}`);
  return { meeting_number: 1, meeting_info_list: [meetingInfo(meeting, context, {})] };
};
