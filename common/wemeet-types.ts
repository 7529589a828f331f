// What the app knows about meetings and rooms, in its own camelCase shape (the wire format stays in main/api).
import type { AnswerStatus, AnswerState } from './call-status';

export interface MeetingInfo {
  /** The long ID used by room-call. Always a string: 20-digit IDs overflow JS numbers. */
  readonly meetingId: string;
  /** The 9-digit code people type. */
  readonly meetingCode: string;
  readonly subject: string;
  /** Unix seconds; undefined when the API left it out or sent something unreadable. */
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  /** Tencent's MEETING_STATE_* value, e.g. MEETING_STATE_STARTED. */
  readonly status: string;
  readonly hostUserIds: readonly string[];
  readonly coHostUserIds: readonly string[];
}

export interface MeetingRoomInfo {
  readonly meetingRoomId: string;
  readonly name: string;
  readonly location: string;
  /** 0 not activated, 1 not bound, 2 idle, 3 in use, 4 offline, 5 not logged in. */
  readonly roomStatus: number | undefined;
  readonly participantNumber: number | undefined;
  /** False when the room must not be offered for dialing. */
  readonly isAllowCall: boolean;
}

export interface RoomCallResult {
  readonly inviteId: string;
  readonly meetingId: string;
  /**
   * What room-call itself said (reference §8.2): 2 inviting, 5 the call failed at once (report it without polling).
   * Undefined when the API left it out (the older service), which means inviting.
   */
  readonly status?: 2 | 5;
}

/** A meeting in a user's list (reference §8.3): what a lookup gives, plus what the list adds. */
export interface UserMeeting extends MeetingInfo {
  /** 0 one-off, 1 recurring; undefined when absent. */
  readonly meetingType: number | undefined;
  /** Recurring meetings: the occurrence in progress or next; real-time participants need it. */
  readonly currentSubMeetingId: string | undefined;
  /** The user's part in it: creator, hoster or invitee. */
  readonly joinMeetingRole: string | undefined;
}

export interface UserMeetingList {
  /** In progress or not yet started, each once, in the API's order (by start time). No date filter. */
  readonly meetings: readonly UserMeeting[];
  /** False when the client stopped paging before the API said there was no more (page bound, or no progress). */
  readonly complete: boolean;
}

/** Someone (or some room) in a meeting now (reference §8.4). */
export interface MeetingParticipant {
  /** Enterprise userid; for a Tencent Rooms room its rooms_id; undefined for SIP/H.323 devices and outside guests. */
  readonly userid: string | undefined;
  readonly openId: string | undefined;
  /** Valid in this meeting only. */
  readonly msOpenId: string | undefined;
  /** Decoded from the API's base64; for a SIP/H.323 device usually its address. */
  readonly userName: string;
  /** 0 member, 1 creator, 2 host, 3 creator+host, 4 guest, 5 guest+host, 6 co-host, 7 creator+co-host. */
  readonly userRole: number | undefined;
  /** §6.3 device type: 9 is a SIP/H.323 device, 20–22 Tencent Rooms. */
  readonly instanceId: number | undefined;
  /** Unix seconds. */
  readonly joinTime: number | undefined;
  readonly audioState: boolean | undefined;
  readonly videoState: boolean | undefined;
  /** userRole 2, 3 or 5. */
  readonly isHost: boolean;
}

export interface RealTimeParticipants {
  /** Tencent's MEETING_STATE_* at the time of the call; undefined when absent. */
  readonly meetingStatus: string | undefined;
  /** As the API counted them; may differ from participants.length when people join or leave between pages. */
  readonly totalCount: number;
  readonly participants: readonly MeetingParticipant[];
  /** Some participant is host (role 2, 3 or 5). A co-host alone is not. */
  readonly hostPresent: boolean;
  /** False when the client stopped paging before the last page (page bound). */
  readonly complete: boolean;
}

export interface RoomAnswer {
  readonly status: AnswerStatus;
  readonly state: AnswerState;
  /** As the API sent it ("YYYY/MM/DD HH:MM:SS", server local time); undefined if absent. */
  readonly responseTime: string | undefined;
}

/** A meeting a Tencent Rooms room is booked for (reference §8.3, a room's own meetings). */
export interface RoomMeeting {
  readonly meetingId: string;
  readonly meetingCode: string;
  readonly subject: string;
  /** 0 one-off, 1 recurring, …; undefined when absent. */
  readonly meetingType: number | undefined;
  /** Unix seconds (integers on this API). */
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  /** Tencent's MEETING_STATE_* value; undefined when absent. */
  readonly status: string | undefined;
}

export interface RoomMeetingList {
  readonly meetings: readonly RoomMeeting[];
  /** False when the client stopped before the last page (page bound). */
  readonly complete: boolean;
}
