// GET /v1/meetings/{meeting_id}/real-time-participants: who is in the meeting now (reference §8.4). People from the
// meeting book, plus rooms that answered a room-call: a SIP/H.323 device as instanceid 9 without userid, a Tencent
// Rooms room under its rooms_id.
import { createHash } from 'node:crypto';
import type { Handler, HandlerContext } from '../context';
import { SimError } from '../errors';
import type { SeedMeeting, UserRole } from '../types';
import { checkEnterpriseUser, parseQuery, queryInt, type QuerySpec } from '../validate';

const QUERY: QuerySpec = {
  operator_id: { required: true },
  operator_id_type: { required: true },
  page: { required: true },
  page_size: { required: true },
  sub_meeting_id: { required: false },
};

export const MAX_PARTICIPANTS_PAGE_SIZE = 50;
const ROOMS_INSTANCE_ID = 20;
const MRA_INSTANCE_ID = 9;

interface Row {
  readonly userid: string | undefined;
  /** Stable per person or device, for ms_open_id / open_id. */
  readonly identity: string;
  readonly name: string;
  readonly role: UserRole;
  readonly instanceId: number;
  readonly joinAtMs: number;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const opaque = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 24);

/** Enterprise admins (the configured operator), creator, hosts and co-hosts may ask; others get 9042. */
function checkAllowed(meeting: SeedMeeting, operatorId: string, context: HandlerContext): void {
  if (operatorId === context.credentials.operatorId) return;
  if (meeting.creator === operatorId || meeting.hosts.includes(operatorId) || meeting.coHosts.includes(operatorId)) {
    return;
  }
  throw new SimError('noPermission', 'real-time participants: only admins, the creator, hosts and co-hosts may ask');
}

function checkSubMeeting(meeting: SeedMeeting, subMeetingId: string | undefined): void {
  if (meeting.meetingType !== 1) {
    if (subMeetingId !== undefined) {
      throw new SimError('invalidParam', `sub_meeting_id given, but meeting ${meeting.meetingId} is not recurring`);
    }
    return;
  }
  if (subMeetingId === undefined) {
    throw new SimError(
      'invalidParam',
      `missing query parameter "sub_meeting_id" (meeting ${meeting.meetingId} is recurring)`,
    );
  }
  if (!meeting.subMeetings.some((s) => s.subMeetingId === subMeetingId)) {
    throw new SimError(
      'invalidParam',
      `sub_meeting_id ${subMeetingId} is not an occurrence of meeting ${meeting.meetingId}`,
    );
  }
}

function rowsAt(meeting: SeedMeeting, context: HandlerContext): Row[] {
  const people: Row[] = context.book.presentAt(meeting, context.nowMs).map((p) => ({
    userid: p.userid,
    identity: p.userid ?? `guest:${p.name}`,
    name: p.name,
    role: p.role,
    instanceId: p.instanceId,
    joinAtMs: p.joinAtMs,
  }));
  const rooms: Row[] = context.calls.joined(meeting.meetingId, context.nowMs).map(({ target, joinedAtMs }) => {
    if (target.kind === 'mra') {
      return {
        userid: undefined,
        identity: `mra:${target.protocol}:${target.dialString}`,
        name: target.dialString,
        role: 0,
        instanceId: MRA_INSTANCE_ID,
        joinAtMs: joinedAtMs,
      };
    }
    const room = context.roomsById.get(target.meetingRoomId);
    return {
      userid: room?.roomsId,
      identity: `rooms:${target.meetingRoomId}`,
      name: room?.name ?? target.meetingRoomId,
      role: 0,
      instanceId: ROOMS_INSTANCE_ID,
      joinAtMs: joinedAtMs,
    };
  });
  return [...people, ...rooms].sort((a, b) => a.joinAtMs - b.joinAtMs);
}

function participantJson(row: Row, meetingId: string, index: number): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (row.userid !== undefined) json['userid'] = row.userid;
  // Only enterprise users have an open_id; ms_open_id is per meeting and exists for everyone.
  if (row.userid !== undefined && row.instanceId !== ROOMS_INSTANCE_ID) json['open_id'] = `oSim${opaque(row.userid)}`;
  Object.assign(json, {
    ms_open_id: opaque(`${meetingId}|${row.identity}`),
    user_name: base64(row.name),
    user_role: row.role,
    instanceid: row.instanceId,
    join_time: String(Math.floor(row.joinAtMs / 1000)),
    join_type: 1,
    audio_state: index % 3 !== 0,
    video_state: row.instanceId === MRA_INSTANCE_ID || row.instanceId === ROOMS_INSTANCE_ID || index % 2 === 0,
    screen_shared_state: false,
  });
  return json;
}

export const realTimeParticipants: Handler = (request, context) => {
  const meetingId = request.params['meeting_id'] ?? '';
  const params = parseQuery(request.rawQuery, QUERY);
  if (!/^[1-9]\d{0,19}$/.test(meetingId)) throw new SimError('invalidParam', 'meeting_id in the path must be digits');
  if (params.get('operator_id_type') !== '1') throw new SimError('invalidParam', 'operator_id_type must be 1 (userid)');
  const page = queryInt(params, 'page', { min: 1, max: 1_000_000 });
  const pageSize = queryInt(params, 'page_size', { min: 1, max: MAX_PARTICIPANTS_PAGE_SIZE });
  const operatorId = checkEnterpriseUser(params.get('operator_id') ?? '', context.credentials, 'operator_id');
  const meeting = context.book.find(meetingId);
  if (!meeting) throw new SimError('meetingNotExist', `meeting_id ${meetingId}`);
  checkAllowed(meeting, operatorId, context);
  const subMeetingId = params.get('sub_meeting_id');
  checkSubMeeting(meeting, subMeetingId);

  // Only the current occurrence of a recurring meeting has anyone in it.
  const live = subMeetingId === undefined || subMeetingId === meeting.currentSubMeetingId;
  const rows = live ? rowsAt(meeting, context) : [];
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  return {
    meeting_id: meeting.meetingId,
    meeting_code: meeting.meetingCode,
    subject: base64(meeting.subject),
    schedule_start_time: String(meeting.startTime),
    schedule_end_time: String(meeting.endTime),
    status: context.book.statusAt(meeting, context.nowMs),
    current_page: page,
    current_size: slice.length,
    total_count: rows.length,
    total_page: Math.ceil(rows.length / pageSize),
    participants: slice.map((row, i) => participantJson(row, meeting.meetingId, (page - 1) * pageSize + i)),
  };
};
