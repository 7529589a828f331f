// Runtime checks of what the API sends back, turned into the app's own types (common/wemeet-types.ts).
// Unknown extra fields are allowed (Tencent adds fields over time); missing or mistyped ones we rely on are not.
import { z } from 'zod';
import { answerStatusInfo, isAnswerStatus } from '../../common/call-status';
import type {
  MeetingInfo,
  MeetingParticipant,
  MeetingRoomInfo,
  RoomAnswer,
  RoomCallResult,
  RoomMeeting,
  UserMeeting,
} from '../../common/wemeet-types';
import { capText, OUTSIDE_TEXT_MAX } from '../../common/text-cap';
import { InvalidResponseError } from './errors';

// Strings from the server are bounded like any input from outside: an id or a code longer than any real one makes
// the answer invalid (cutting it would make it another id); a text shown to the operator is cut with "…".
const id = (max = 128) => z.string().max(max);
const shownText = z.string().transform((text) => capText(text, OUTSIDE_TEXT_MAX));

// `status` (§8.2) is read leniently: the call has been placed once invite_id is there, whatever status says.
const roomCallSchema = z.object({ invite_id: id().min(1), status: z.unknown().optional() });

const roomCallInfoSchema = z.object({
  status: z.number().int().refine(isAnswerStatus, 'status is not one of 0..6'),
  response_time: id(64).optional(),
});

const userRefSchema = z.object({ userid: id() });
const meetingSchema = z.object({
  meeting_id: id(64).regex(/^\d+$/, 'meeting_id is not a string of digits'),
  meeting_code: id(64),
  subject: shownText,
  start_time: id(64).optional(),
  end_time: id(64).optional(),
  status: id(64),
  hosts: z.array(userRefSchema).optional(),
  current_hosts: z.array(userRefSchema).optional(),
  current_co_hosts: z.array(userRefSchema).optional(),
});
const meetingsSchema = z.object({
  meeting_number: z.number().int().optional(),
  meeting_info_list: z.array(meetingSchema),
});

const meetingRoomSchema = z.object({
  meeting_room_id: id().min(1),
  meeting_room_name: shownText,
  meeting_room_location: shownText.optional(),
  meeting_room_status: z.number().int().optional(),
  participant_number: z.number().int().optional(),
  is_allow_call: z.boolean().optional(),
});
const meetingRoomsPageSchema = z.object({
  current_page: z.number().int(),
  total_page: z.number().int(),
  total_count: z.number().int().optional(),
  meeting_room_list: z.array(meetingRoomSchema).nullish(),
});

function parse<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
  throw new InvalidResponseError(200, `${what} — ${where}`, false);
}

export function readRoomCall(json: unknown): Pick<RoomCallResult, 'inviteId' | 'status'> {
  const data = parse(roomCallSchema, json, 'room-call');
  // 2 inviting, 5 failed at once; anything else (or nothing) is treated as inviting.
  const status = data.status === 2 || data.status === 5 ? data.status : undefined;
  return status === undefined ? { inviteId: data.invite_id } : { inviteId: data.invite_id, status };
}

export function readRoomAnswer(json: unknown): RoomAnswer {
  const data = parse(roomCallInfoSchema, json, 'room-call-info');
  const status = data.status as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  return { status, state: answerStatusInfo(status).state, responseTime: data.response_time };
}

function unixSecondsOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,12}$/.test(text)) return undefined;
  return Number(text);
}

function toMeetingInfo(m: z.infer<typeof meetingSchema>): MeetingInfo {
  return {
    meetingId: m.meeting_id,
    meetingCode: m.meeting_code,
    subject: m.subject,
    startTime: unixSecondsOrUndefined(m.start_time),
    endTime: unixSecondsOrUndefined(m.end_time),
    status: m.status,
    hostUserIds: [...(m.hosts ?? []), ...(m.current_hosts ?? [])]
      .map((u) => u.userid)
      .filter((id, i, all) => all.indexOf(id) === i),
    coHostUserIds: (m.current_co_hosts ?? []).map((u) => u.userid),
  };
}

/** The meetings found; an empty list means no such meeting. */
export function readMeetings(json: unknown): MeetingInfo[] {
  return parse(meetingsSchema, json, 'meetings').meeting_info_list.map(toMeetingInfo);
}

export interface MeetingRoomsPage {
  readonly currentPage: number;
  readonly totalPage: number;
  readonly rooms: MeetingRoomInfo[];
}

export function readMeetingRoomsPage(json: unknown): MeetingRoomsPage {
  const page = parse(meetingRoomsPageSchema, json, 'meeting-rooms');
  return {
    currentPage: page.current_page,
    totalPage: page.total_page,
    rooms: (page.meeting_room_list ?? []).map((r) => ({
      meetingRoomId: r.meeting_room_id,
      name: r.meeting_room_name,
      location: r.meeting_room_location ?? '',
      roomStatus: r.meeting_room_status,
      participantNumber: r.participant_number,
      // Absent means the API did not say no.
      isAllowCall: r.is_allow_call ?? true,
    })),
  };
}

// ---------------------------------------------------------------- a user's meeting list (§8.3)

const userMeetingSchema = meetingSchema.extend({
  meeting_type: z.number().int().optional(),
  current_sub_meeting_id: id(64).optional(),
  join_meeting_role: id(32).optional(),
});
const meetingListPageSchema = z.object({
  // 20 a page per the reference; a server sending far more is not the API.
  meeting_info_list: z.array(userMeetingSchema).max(200).nullish(),
  remaining: z.number().int().min(0).optional(),
  next_pos: z.number().int().min(0).optional(),
  next_cursory: z.number().int().optional(),
});

export interface MeetingListPage {
  readonly meetings: UserMeeting[];
  /** Meetings after this page; 0 on the last one. */
  readonly remaining: number;
  /** What to send back as pos / cursory for the next page; undefined when the API left them out. */
  readonly nextPos: number | undefined;
  readonly nextCursory: number | undefined;
}

export function readMeetingListPage(json: unknown): MeetingListPage {
  const page = parse(meetingListPageSchema, json, 'meeting list');
  return {
    meetings: (page.meeting_info_list ?? []).map((m) => ({
      ...toMeetingInfo(m),
      meetingType: m.meeting_type,
      currentSubMeetingId: m.current_sub_meeting_id,
      joinMeetingRole: m.join_meeting_role,
    })),
    remaining: page.remaining ?? 0,
    nextPos: page.next_pos,
    nextCursory: page.next_cursory,
  };
}

// ---------------------------------------------------------------- real-time participants (§8.4)

/** user_role values that make someone the meeting's host (§8.4); a co-host (6, 7) is not. */
const HOST_ROLES: ReadonlySet<number> = new Set([2, 3, 5]);
/** The Go SDK types instanceid / join_time both as numbers and as strings in different models: accept either. */
const integerOrDigits = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);
/** A name of OUTSIDE_TEXT_MAX UTF-16 units is at most 3 bytes each in UTF-8, 4/3 of that in base64 (a multiple of 4). */
const BASE64_NAME_MAX = 4 * OUTSIDE_TEXT_MAX;

const participantSchema = z.object({
  userid: id().optional(),
  open_id: id().optional(),
  ms_open_id: id().optional(),
  user_name: z.string().optional(),
  user_role: z.number().int().optional(),
  instanceid: integerOrDigits.optional(),
  join_time: integerOrDigits.optional(),
  audio_state: z.boolean().optional(),
  video_state: z.boolean().optional(),
});
const participantsPageSchema = z.object({
  status: id(64).optional(),
  total_count: z.number().int().min(0),
  total_page: z.number().int().min(0),
  // page_size is at most 50; a server sending far more is not the API.
  participants: z.array(participantSchema).max(500).nullish(),
});

export interface ParticipantsPage {
  readonly meetingStatus: string | undefined;
  readonly totalCount: number;
  readonly totalPage: number;
  readonly participants: MeetingParticipant[];
}

/** base64 → UTF-8, bounded before decoding and after. */
function decodeName(base64: string | undefined): string {
  if (base64 === undefined) return '';
  const bounded = base64.length > BASE64_NAME_MAX ? base64.slice(0, BASE64_NAME_MAX) : base64;
  return capText(Buffer.from(bounded, 'base64').toString('utf8'), OUTSIDE_TEXT_MAX);
}

export function readParticipantsPage(json: unknown): ParticipantsPage {
  const page = parse(participantsPageSchema, json, 'real-time participants');
  return {
    meetingStatus: page.status,
    totalCount: page.total_count,
    totalPage: page.total_page,
    participants: (page.participants ?? []).map((p) => ({
      userid: p.userid,
      openId: p.open_id,
      msOpenId: p.ms_open_id,
      userName: decodeName(p.user_name),
      userRole: p.user_role,
      instanceId: p.instanceid,
      joinTime: p.join_time,
      audioState: p.audio_state,
      videoState: p.video_state,
      isHost: p.user_role !== undefined && HOST_ROLES.has(p.user_role),
    })),
  };
}

// ---------------------------------------------------------------- a Rooms room's meetings (§8.3)

const roomMeetingSchema = z.object({
  meeting_id: id(64).regex(/^\d+$/, 'meeting_id is not a string of digits'),
  meeting_code: id(64),
  subject: shownText,
  meeting_type: z.number().int().optional(),
  // Integers on this API (strings on /v1/meetings).
  start_time: z.number().int().min(0).optional(),
  end_time: z.number().int().min(0).optional(),
  status: id(64).optional(),
});
const roomMeetingsPageSchema = z.object({
  total_page: z.number().int().min(0),
  // page_size is at most 20; a server sending far more is not the API.
  meeting_info_list: z.array(roomMeetingSchema).max(200).nullish(),
});

export interface RoomMeetingsPage {
  readonly totalPage: number;
  readonly meetings: RoomMeeting[];
}

export function readRoomMeetingsPage(json: unknown): RoomMeetingsPage {
  const page = parse(roomMeetingsPageSchema, json, 'room meetings');
  return {
    totalPage: page.total_page,
    meetings: (page.meeting_info_list ?? []).map((m) => ({
      meetingId: m.meeting_id,
      meetingCode: m.meeting_code,
      subject: m.subject,
      meetingType: m.meeting_type,
      startTime: m.start_time,
      endTime: m.end_time,
      status: m.status,
    })),
  };
}
