// What the tracker puts on a CallView when a call fails, ends unknown or cannot be cancelled, and the errors it
// throws at its callers. Everything is plain IpcError data in both languages: a CallView crosses to the window.
import type { IpcError } from '../../common/ipc-error';
import type { Localized } from '../../common/locale';
import { unknownRoomMessage } from '../../common/room-input';
import { isTransientApiError } from '../../common/api-errors';
import { knownOperatorError } from '../../common/operator-error';
import type { Log } from '../log';

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

const CHECK_STATUS_HINT = both(
  '再次呼叫前请先确认该会议室是否已入会或仍在响铃，以免重复呼叫',
  'Check whether the room joined or is still ringing before dialing it again, so that it is not called twice',
);

export const UNEXPECTED_CALL_ERROR: IpcError = {
  kind: 'internal',
  code: 'internal',
  message: both('呼叫时 Room Dialer 内部出错', 'Room Dialer hit an internal error during the call'),
  hint: CHECK_STATUS_HINT,
};

/**
 * The operator's error for whatever a client call (or the client getter) threw, by the one error model (API errors
 * explain themselves, with the host/co-host hint for SIP/H.323 calls since ApiError knows its target; "not
 * configured" arrives as an OperatorFailure). A bug gets a text that says to check the room before dialing again,
 * since the room may have been rung; its details go to the log.
 */
export function callErrorOf(error: unknown, log: Log): IpcError {
  const known = knownOperatorError(error);
  if (known) return known;
  log.error('calls: unexpected error', {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return UNEXPECTED_CALL_ERROR;
}

/** Status checks kept failing: what failed, and that the room's state is now unknown. */
export function statusLostError(lastError: unknown, log: Log): IpcError {
  const cause = callErrorOf(lastError, log);
  return {
    kind: cause.kind,
    code: cause.code,
    message: both(
      `无法查询会议室的应答状态：${cause.message['zh-CN']}`,
      `The room's answer status could not be read: ${cause.message['en-US']}`,
    ),
    hint: CHECK_STATUS_HINT,
  };
}

export const APP_CLOSED_ERROR: IpcError = {
  kind: 'unknown_outcome',
  code: 'app_closed',
  message: both(
    'Room Dialer 在呼叫进行中被关闭：会议室可能仍在响铃',
    'Room Dialer was closed while the call was in progress: the room may still be ringing',
  ),
  hint: CHECK_STATUS_HINT,
};

/**
 * Thrown by the tracker for bad requests (unknown room or call, a redial from the wrong state). Built like the API
 * errors (kind, code, field, explain()) so main/ipc/errors.ts turns it into an IpcError without importing this.
 */
export class CallTrackerError extends Error {
  constructor(
    readonly kind: 'not_found' | 'validation' | 'internal',
    readonly code: string,
    readonly field: string | undefined,
    private readonly text: { readonly message: Localized; readonly hint: Localized },
  ) {
    super(text.message['en-US']);
    this.name = 'CallTrackerError';
  }

  explain(): { readonly message: Localized; readonly hint: Localized } {
    return this.text;
  }
}

const shown = (id: string) => id.slice(0, 64);

/** `field` is what the caller gave: the dial's roomIds, or the callId of a redial whose room is gone. */
export function unknownRoomError(roomId: string, field: string): CallTrackerError {
  return new CallTrackerError('not_found', 'room_not_found', field, {
    message: unknownRoomMessage(field, roomId),
    hint: both('未呼叫任何会议室；请刷新会议室列表后重试', 'No room was called; refresh the room list and try again'),
  });
}

export function unknownCallError(callId: string): CallTrackerError {
  return new CallTrackerError('not_found', 'call_not_found', 'callId', {
    message: both(`callId：没有这个呼叫（${shown(callId)}）`, `callId: no such call (${shown(callId)})`),
    hint: both('请刷新呼叫列表', 'Refresh the list of calls'),
  });
}

export function badMeetingIdError(): CallTrackerError {
  return new CallTrackerError('validation', 'bad_input', 'meeting.meetingId', {
    message: both('meeting.meetingId：会议 ID 必须是 1 到 32 位数字', 'meeting.meetingId: must be 1 to 32 digits'),
    hint: both('未呼叫任何会议室；请重新选择会议', 'No room was called; choose the meeting again'),
  });
}

export function notRedialableError(callId: string, state: string): CallTrackerError {
  return new CallTrackerError('validation', 'not_redialable', 'callId', {
    message: both(
      `callId：这个呼叫（${shown(callId)}）处于“${state}”状态，不能重新呼叫`,
      `callId: the call ${shown(callId)} is ${state} and cannot be redialed`,
    ),
    hint: both(
      '只能重新呼叫已拒绝、无应答、已取消、已离会、失败或结果未知的呼叫',
      'Only a rejected, unanswered, cancelled, left, failed or unknown call can be redialed',
    ),
  });
}

export function shutDownError(): CallTrackerError {
  return new CallTrackerError('internal', 'shut_down', undefined, {
    message: both('Room Dialer 正在退出，不再发起呼叫', 'Room Dialer is closing and places no more calls'),
    hint: both('请重新启动 Room Dialer 后再呼叫', 'Start Room Dialer again to dial'),
  });
}

/** room-call answered status 5 (reference §8.2): Tencent failed the call at once. */
export const FAILED_AT_ONCE_ERROR: IpcError = {
  kind: 'api',
  code: 'failed_at_once',
  message: both(
    '腾讯会议立即报告呼叫失败：会议室可能离线、忙或不可呼叫（腾讯会议没有说明是哪一种）',
    'Tencent Meeting reported the call failed at once: Tencent does not say whether the room was busy, off or unreachable',
  ),
  hint: both(
    '请确认会议室设备已开机并已注册，然后重新呼叫',
    'Check that the room system is switched on and registered, then dial it again',
  ),
};

/** Shown on a call the cross-desk guard did not ring: another desk's call has the room ringing. */
export const RINGING_ELSEWHERE: Localized = both(
  '已有其他前台（或主持人）在呼叫这个会议室：本机没有再呼叫',
  'Already being called — from another desk or by the host; not rung from here',
);

/** Shown on a call the cross-desk guard did not ring: the room is in the meeting already. */
export const IN_MEETING_ELSEWHERE: Localized = both(
  '会议室已在会议中（由其他前台或主持人呼入）：本机没有再呼叫',
  'Already in the meeting — from another desk or by the host; not rung from here',
);

/**
 * The status read before ringing failed: nothing was rung, and the operator decides. Tencent's own definite refusal
 * (no permission, no such meeting) is what room-call would have answered too, so it is shown as it is.
 */
export function statusNotCheckedError(cause: IpcError): IpcError {
  if (cause.kind === 'api' && typeof cause.code === 'number' && !isTransientApiError(cause.code)) return cause;
  return {
    kind: cause.kind,
    code: cause.code,
    message: both(
      `没有呼叫：无法先确认其他前台是否正在呼叫这个会议室（${cause.message['zh-CN']}）`,
      `Not rung: could not first check whether another desk is calling this room (${cause.message['en-US']})`,
    ),
    hint: both(
      '没有发出任何呼叫；请确认会议室状态后再呼叫',
      'Nothing was rung; check the room and dial it again if it is not in the meeting',
    ),
  };
}
