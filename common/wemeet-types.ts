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
}

export interface RoomAnswer {
  readonly status: AnswerStatus;
  readonly state: AnswerState;
  /** As the API sent it ("YYYY/MM/DD HH:MM:SS", server local time); undefined if absent. */
  readonly responseTime: string | undefined;
}
