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

/** What a callee does when called. 'unreachable' rooms make room-call itself fail with 10004. */
export type CallOutcome = 'answer' | 'reject' | 'noanswer' | 'leave' | 'unreachable';

export type MeetingState = 'MEETING_STATE_INIT' | 'MEETING_STATE_STARTED' | 'MEETING_STATE_ENDED';

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
  readonly hosts: readonly string[];
  readonly coHosts: readonly string[];
  readonly participants: readonly string[];
  /** Short English note for tests and the console banner, e.g. "operator is only a participant". */
  readonly note: string;
}

export interface SeedRoom {
  /** Numeric string. */
  readonly meetingRoomId: string;
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
  /** clock() when room-call was processed. */
  readonly createdAtMs: number;
  /** clock() when cancel-room-call hit it while ringing. */
  readonly cancelledAtMs: number | undefined;
  /** A later room-call for the same meeting+target replaced this invite (a redial). */
  readonly replaced: boolean;
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
