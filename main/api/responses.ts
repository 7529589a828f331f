// Runtime checks of what the API sends back, turned into the app's own types (common/wemeet-types.ts).
// Unknown extra fields are allowed (Tencent adds fields over time); missing or mistyped ones we rely on are not.
import { z } from 'zod';
import { answerStatusInfo, isAnswerStatus } from '../../common/call-status';
import type { MeetingInfo, MeetingRoomInfo, RoomAnswer } from '../../common/wemeet-types';
import { capText, OUTSIDE_TEXT_MAX } from '../../common/text-cap';
import { InvalidResponseError } from './errors';

// Strings from the server are bounded like any input from outside: an id or a code longer than any real one makes
// the answer invalid (cutting it would make it another id); a text shown to the operator is cut with "…".
const id = (max = 128) => z.string().max(max);
const shownText = z.string().transform((text) => capText(text, OUTSIDE_TEXT_MAX));

const roomCallSchema = z.object({ invite_id: id().min(1) });

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

export function readInviteId(json: unknown): string {
  return parse(roomCallSchema, json, 'room-call').invite_id;
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

/** The meetings found; an empty list means no such meeting. */
export function readMeetings(json: unknown): MeetingInfo[] {
  return parse(meetingsSchema, json, 'meetings').meeting_info_list.map((m) => ({
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
  }));
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
