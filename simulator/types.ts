// Types shared by the simulator's modules. server.ts re-exports the public ones.

export interface SimulatorCredentials {
  readonly appId: string;
  /** Empty string = the enterprise has no SdkId (older apps); then none may be sent. */
  readonly sdkId: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly operatorId: string;
}

export interface FaultOptions {
  /** Delay before every answer (also before a drop). */
  latencyMs?: number;
  /** Share of requests answered with a service error: half 500/10002 (server_error), half 502 HTML (gateway_error). */
  serverErrorRate?: number;
  /** Share of requests processed and then answered 200 with truncated JSON. */
  malformedRate?: number;
  /** Share of requests processed and then dropped (socket destroyed, no answer). */
  dropRate?: number;
  /** Share of requests refused unprocessed with 190310. */
  rateLimitRate?: number;
  /** The server clock runs this far ahead of clock() (negative: behind). Affects the timestamp window and Date. */
  clockOffsetMs?: number;
}

export type FaultKind = 'server_error' | 'gateway_error' | 'malformed' | 'drop' | 'hang' | 'rate_limit';

export type MraProtocolNumber = 1 | 2;

export type CallTarget =
  | { readonly kind: 'rooms'; readonly meetingRoomId: string }
  | { readonly kind: 'mra'; readonly protocol: MraProtocolNumber; readonly dialString: string };

/**
 * What a callee does when called. 'unreachable' makes room-call itself fail with 10004; 'fail' gets an invite_id
 * with room-call `status` 5 (failed at once, §8.2) and room-call-info 0.
 */
export type CallOutcome = 'answer' | 'reject' | 'noanswer' | 'leave' | 'fail' | 'unreachable';

export type MeetingState =
  'MEETING_STATE_INIT' | 'MEETING_STATE_STARTED' | 'MEETING_STATE_ENDED' | 'MEETING_STATE_CANCELLED';

/** §8.4: 0 member, 1 creator, 2 host, 3 creator+host, 4 guest, 5 guest+host, 6 co-host, 7 creator+co-host. */
export type UserRole = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Someone in a meeting when the simulator starts (the meeting's real-time participants). */
export interface SeedParticipant {
  /** Enterprise userid; undefined for guests from outside the enterprise. */
  readonly userid: string | undefined;
  /** Display name (the API sends it base64-encoded). */
  readonly name: string;
  readonly role: UserRole;
  /** §6.3 device type. */
  readonly instanceId: number;
  /** Unix seconds. */
  readonly joinTime: number;
}

/** One occurrence of a recurring meeting. */
export interface SeedSubMeeting {
  /** Decimal string (Tencent uses the occurrence's start time). */
  readonly subMeetingId: string;
  readonly startTime: number;
  readonly endTime: number;
}

export interface SeedMeeting {
  /** 19–20 digit decimal string; never a number. */
  readonly meetingId: string;
  /** 9 digits. */
  readonly meetingCode: string;
  readonly subject: string;
  /** Unix seconds, relative to clock() when the simulator started. */
  readonly startTime: number;
  readonly endTime: number;
  readonly status: MeetingState;
  /** 0 scheduled, 1 quick meeting. */
  readonly type: 0 | 1;
  /** 0 one-off, 1 recurring. */
  readonly meetingType: 0 | 1;
  /** The userid that scheduled it. */
  readonly creator: string;
  readonly hosts: readonly string[];
  readonly coHosts: readonly string[];
  /** Invitees (userids). */
  readonly participants: readonly string[];
  /** Who is in the meeting when the simulator starts. */
  readonly present: readonly SeedParticipant[];
  /** Recurring meetings: every occurrence, in order; the current one is `currentSubMeetingId`. */
  readonly subMeetings: readonly SeedSubMeeting[];
  readonly currentSubMeetingId: string | undefined;
  /** Tencent Rooms booked for it (meeting_room_id): what GET /v1/meeting-rooms/{operator_id}/meetings lists. */
  readonly bookedRooms: readonly string[];
  /** Short English note for tests and the console banner, e.g. "operator is only a participant". */
  readonly note: string;
}

export interface SeedRoom {
  /** Numeric string. */
  readonly meetingRoomId: string;
  /** The room's Tencent Rooms account ID (another numeric string): how it appears among a meeting's participants. */
  readonly roomsId: string;
  readonly name: string;
  readonly location: string;
  /** 0 未激活, 1 未绑定, 2 空闲, 3 使用中, 4 离线, 5 未登录. */
  readonly status: 0 | 1 | 2 | 3 | 4 | 5;
  readonly isAllowCall: boolean;
  readonly participantNumber: number;
  readonly accountType: 0 | 1 | 2;
  readonly accountNewType: 0 | 1;
  readonly activeCode: string;
  readonly scheduledStatus: 0 | 1;
  /** What happens when this room is called (derived from status / is_allow_call, or scripted by name). */
  readonly outcome: CallOutcome;
}

export interface InviteRecord {
  readonly inviteId: string;
  readonly meetingId: string;
  readonly target: CallTarget;
  readonly outcome: Exclude<CallOutcome, 'unreachable'>;
  /** How long a 'leave' callee stays in the meeting (the dial string's drop<seconds>, or leaveAfterMs). */
  readonly leaveAfterMs: number;
  /** clock() when room-call was processed. */
  readonly createdAtMs: number;
  /** clock() when cancel-room-call hit it while ringing. */
  readonly cancelledAtMs: number | undefined;
  /** A later room-call for the same meeting+target replaced this invite (a redial). */
  readonly replaced: boolean;
  /** clock() when the call was cut (dropRoom, or the meeting ended): joined → 6, ringing → 0. */
  readonly cutAtMs: number | undefined;
}

export interface RecordedRequest {
  readonly receivedAtMs: number;
  readonly method: string;
  /** Path with the raw query, exactly as on the request line. */
  readonly path: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** The fault applied to this request, if any. */
  readonly fault: FaultKind | undefined;
  /** HTTP status sent on the wire; undefined while pending, and for drop / hang. */
  readonly status: number | undefined;
  /** error_info.error_code sent on the wire, if the answer was an API error. */
  readonly errorCode: number | undefined;
  /** What processing produced, when a fault (malformed, drop, hang, gateway_error) hid it from the client. */
  readonly processed: { readonly status: number; readonly errorCode: number | undefined } | undefined;
}
