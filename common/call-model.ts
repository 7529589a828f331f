// The life of one room call as the app tracks it, and the ONE table from the API's answer status to that state.
// The API's own 0..6 status meanings live in call-status.ts; this adds what only the app knows: a call that is
// queued, being sent, failed before the room was reached, or whose outcome is unknown.
import { answerStatusInfo, type AnswerStatus } from './call-status';
import type { IpcError } from './ipc-error';
import type { Localized } from './locale';

export const CALL_STATES = [
  'queued',
  'calling',
  'ringing',
  'joined',
  'rejected',
  'no_answer',
  'cancelled',
  'left',
  'failed',
  'unknown',
] as const;
export type CallState = (typeof CALL_STATES)[number];

/** A ringing call can be cancelled; so can one still being sent (the cancel then waits for its invite_id). */
export const CANCELLABLE_CALL_STATES: ReadonlySet<CallState> = new Set(['queued', 'calling', 'ringing']);

/**
 * States after which the tracker stops polling and writes history: every state that is not still in progress.
 * `joined` is one: the operator's job for that room is done, and polling every joined room for as long as a meeting
 * lasts would be load with no one waiting for it. `left` is seen only when a poll finds the room already gone.
 */
export const FINAL_CALL_STATES: ReadonlySet<CallState> = new Set(
  CALL_STATES.filter((state) => !CANCELLABLE_CALL_STATES.has(state)),
);

export function isFinalCallState(state: CallState): boolean {
  return FINAL_CALL_STATES.has(state);
}

/** States a redial makes sense for: the call is over and the room is not in the meeting. */
export const REDIALABLE_CALL_STATES: ReadonlySet<CallState> = new Set(
  [...FINAL_CALL_STATES].filter((state) => state !== 'joined'),
);

/**
 * What "Redial failed" redials: calls the room did not take. Not `cancelled` (the operator stopped it: its own
 * outcome, redialed only when asked room by room), not `left` (it was in), not `unknown` (it may still be ringing).
 */
export const REDIAL_FAILED_STATES: ReadonlySet<CallState> = new Set(['rejected', 'no_answer', 'failed']);

/**
 * THE mapping from room-call-info `status` to the call state shown to the operator. `not_called` (1) right after
 * room-call means Tencent has not started ringing yet, so the call stays `calling`.
 */
const STATE_FOR_ANSWER: Readonly<Record<AnswerStatus, CallState>> = {
  0: 'no_answer',
  1: 'calling',
  2: 'joined',
  3: 'rejected',
  4: 'ringing',
  5: 'cancelled',
  6: 'left',
};

export function callStateForAnswer(status: AnswerStatus): CallState {
  return STATE_FOR_ANSWER[status];
}

export const CALL_STATE_LABELS: Readonly<Record<CallState, Localized>> = {
  queued: { 'zh-CN': '排队中', 'en-US': 'Queued' },
  calling: { 'zh-CN': '正在呼叫', 'en-US': 'Calling' },
  ringing: { 'zh-CN': '响铃中', 'en-US': 'Ringing' },
  joined: { 'zh-CN': '已入会', 'en-US': 'Joined' },
  rejected: { 'zh-CN': '已拒绝', 'en-US': 'Rejected' },
  no_answer: { 'zh-CN': '无应答', 'en-US': 'No answer' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
  left: { 'zh-CN': '已离会', 'en-US': 'Left' },
  failed: { 'zh-CN': '失败', 'en-US': 'Failed' },
  unknown: { 'zh-CN': '结果未知', 'en-US': 'Outcome unknown' },
};

/** What the API's status label says, for the operator's detail view. */
export function answerLabel(status: AnswerStatus): Localized {
  return answerStatusInfo(status).label;
}

/**
 * Who asked for a call: the operator (window or command line), or the automation, named so history and the window can
 * say "schedule: Monday board meeting" or "retry 1 of 2".
 */
export interface CallOrigin {
  readonly kind: 'operator' | 'cli' | 'set' | 'schedule' | 'retry' | 'rejoin' | 'link';
  /** The room set's or schedule's name. */
  readonly label?: string;
  /** For a retry or rejoin: which one (1-based) and of how many. */
  readonly attempt?: number;
  readonly of?: number;
}

/** One line for history and notices: "schedule: Monday board meeting", "retry 1/2 (set: Lobby)". */
export function describeOrigin(origin: CallOrigin): string {
  const label = origin.label ? `: ${origin.label}` : '';
  const count = origin.attempt === undefined ? '' : ` ${origin.attempt}/${origin.of ?? origin.attempt}`;
  return `${origin.kind}${count}${label}`;
}

/** A profile as a call remembers it: its id, and its display name at dial time ('' for the unnamed first one). */
export interface CallProfile {
  readonly id: string;
  readonly name: string;
}

/** One room call, as the main process reports it to the window (and as tests observe it). No secrets in here. */

export interface CallView {
  readonly callId: string;
  /** All calls started by one dial() share a batchId. */
  readonly batchId: string;
  readonly roomId: string;
  /** Copied at dial time. */
  readonly roomName: string;
  /** describeTarget() of what is dialed, e.g. "SIP room101@sip.example.com". */
  readonly target: string;
  readonly meetingId: string;
  readonly meetingCode?: string;
  readonly state: CallState;
  /** From room-call; absent until the invite is out (and forever for a call that failed before it). */
  readonly inviteId?: string;
  /** ISO times. */
  readonly queuedAt: string;
  readonly startedAt?: string;
  readonly updatedAt: string;
  readonly endedAt?: string;
  /** Tencent's last answer about this call: room-call-info's status and response time. */
  readonly answer?: { readonly status: AnswerStatus; readonly responseTime?: string };
  /** Not a failure, but worth saying: "already in the meeting — from another desk or by the host". */
  readonly note?: Localized;
  /** Who asked for it; absent for the operator's own dial from the window. */
  readonly origin?: CallOrigin;
  /** The profile whose credentials placed it (and poll and cancel it, whatever profile is active now). */
  readonly profile?: CallProfile;
  /** While it rings: when its status is read next (later when many calls share the request budget). */
  readonly nextCheckAt?: string;
  /** Why a call is failed or unknown (or why a cancel did not go through): what happened and the next step. */
  readonly error?: IpcError;
}

/** What the dialer does with a room whose last call into the meeting ended unknown (it may still be ringing). */
export type UnknownOutcomePolicy = 'ask' | 'skip' | 'ring';

/**
 * The dialer's answer to a dial: what it queued, what it left out and why, or what to ask the operator first.
 * `deleted`: a room of a room set that is no longer in the address book (the set keeps its place).
 */
export type SkipReason =
  'already_active' | 'already_joined' | 'unknown_outcome' | 'not_callable' | 'repeated' | 'deleted';

export interface SkippedRoom {
  readonly roomId: string;
  /** Empty for a deleted room: its name went with it. */
  readonly roomName: string;
  readonly reason: SkipReason;
  readonly message: Localized;
  /** The call that is ringing it, or that joined. */
  readonly callId?: string;
}

export type DialConfirmation =
  | { readonly kind: 'unknown_outcome'; readonly roomIds: readonly string[]; readonly roomNames: readonly string[] }
  | {
      readonly kind: 'large_batch';
      readonly count: number;
      readonly meeting: { readonly meetingId: string; readonly meetingCode?: string; readonly subject?: string };
    };

export interface DialResult {
  /** Calls queued by this request. */
  readonly calls: readonly CallView[];
  readonly skipped: readonly SkippedRoom[];
  /** When set, nothing was dialed: ask the operator, then send the request again with the answer. */
  readonly confirm?: DialConfirmation;
}
