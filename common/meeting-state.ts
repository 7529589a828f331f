// Which meetings rooms may be dialed into, by Tencent's MEETING_STATE_* (reference §6.4). The dialer in main refuses
// by this; the window uses the same answer to show the meeting as closed before anyone clicks.
import type { Localized } from './locale';

/** Meetings no room can join any more. MEETING_STATE_NULL (past its end, empty) can still be entered. */
const CLOSED_STATES: Readonly<Record<string, Localized>> = {
  MEETING_STATE_CANCELLED: { 'zh-CN': '会议已取消', 'en-US': 'the meeting was cancelled' },
  MEETING_STATE_ENDED: { 'zh-CN': '会议已结束并删除', 'en-US': 'the meeting has ended and was deleted' },
  MEETING_STATE_RECYCLED: { 'zh-CN': '会议号已被回收', 'en-US': 'the meeting code was recycled' },
};

/** Why no room can be dialed into a meeting in this state, or undefined when it is open. */
export function meetingClosedReason(status: string): Localized | undefined {
  return CLOSED_STATES[status];
}

// The same words as the window's (renderer i18n meeting.states), for the CLI, which has no i18n files.
const STATE_LABELS: Readonly<Record<string, Localized>> = {
  MEETING_STATE_INVALID: { 'zh-CN': '非法或未知', 'en-US': 'Invalid or unknown' },
  MEETING_STATE_INIT: { 'zh-CN': '待开始', 'en-US': 'Not started' },
  MEETING_STATE_CANCELLED: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
  MEETING_STATE_STARTED: { 'zh-CN': '会议中', 'en-US': 'In progress' },
  MEETING_STATE_ENDED: { 'zh-CN': '已删除', 'en-US': 'Deleted' },
  MEETING_STATE_NULL: { 'zh-CN': '无状态（已过结束时间）', 'en-US': 'No state (past its end time)' },
  MEETING_STATE_RECYCLED: { 'zh-CN': '会议号已回收', 'en-US': 'Code recycled' },
};

/** A MEETING_STATE_* value in words; a value Tencent adds later is shown as it came (capped). */
export function meetingStateLabel(status: string): Localized {
  const shown = status.slice(0, 60);
  return STATE_LABELS[status] ?? { 'zh-CN': shown, 'en-US': shown };
}
