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
