// Native notifications for calls that need the operator's eye: a room joined, declined, did not answer, failed, or
// ended in an unknown state. Shown only on the transition into that state, and only while the window is not in
// front (when it is, the operator already sees the live state in the list).
import type { CallState, CallView } from '../../common/call-model';
import type { Locale } from '../../common/locale';

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

const NOTIFIED_STATES = ['joined', 'rejected', 'no_answer', 'failed', 'unknown'] as const;
type NotifiedState = (typeof NOTIFIED_STATES)[number];

const TITLES: Readonly<Record<NotifiedState, Record<Locale, string>>> = {
  joined: { 'zh-CN': '会议室已入会', 'en-US': 'Room joined' },
  rejected: { 'zh-CN': '会议室拒绝了呼叫', 'en-US': 'Room declined the call' },
  no_answer: { 'zh-CN': '会议室无应答', 'en-US': 'Room did not answer' },
  failed: { 'zh-CN': '呼叫失败', 'en-US': 'Call failed' },
  unknown: { 'zh-CN': '呼叫结果未知', 'en-US': 'Call outcome unknown' },
};

/** What to do next, when the call carries no error explaining it. */
const NEXT_STEP: Readonly<Record<NotifiedState, Record<Locale, string>>> = {
  joined: { 'zh-CN': '', 'en-US': '' },
  rejected: { 'zh-CN': '可在呼叫列表中重新呼叫。', 'en-US': 'You can redial it from the call list.' },
  no_answer: { 'zh-CN': '可在呼叫列表中重新呼叫。', 'en-US': 'You can redial it from the call list.' },
  failed: { 'zh-CN': '原因见呼叫列表。', 'en-US': 'See the call list for why.' },
  unknown: {
    'zh-CN': '请在腾讯会议中查看该会议室是否已入会，再决定是否重新呼叫。',
    'en-US': 'Check in Tencent Meeting whether the room is in the meeting before redialing.',
  },
};

const MAX_BODY_LENGTH = 240;

function isNotified(state: CallState): state is NotifiedState {
  return (NOTIFIED_STATES as readonly CallState[]).includes(state);
}

/** "123-456-789" for a meeting code, else the meeting_id. */
function meetingLabel(call: CallView): string {
  const code = call.meetingCode;
  return code && /^\d{9}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : call.meetingId;
}

/** The notification for `call` having just changed from `previous`, or null when this change is not one to show. */
export function callNotification(
  call: CallView,
  previous: CallState | undefined,
  locale: Locale,
): NotificationText | null {
  const state = call.state;
  if (!isNotified(state) || previous === state) return null;
  const zh = locale === 'zh-CN';
  const meeting = meetingLabel(call);
  const headline = zh ? `${call.roomName} · 会议 ${meeting}` : `${call.roomName} · meeting ${meeting}`;
  const detail = call.error ? call.error.message[locale] : NEXT_STEP[state][locale];
  const body = detail ? `${headline}\n${detail}` : headline;
  return {
    title: TITLES[state][locale],
    body: body.length > MAX_BODY_LENGTH ? `${body.slice(0, MAX_BODY_LENGTH - 1)}…` : body,
  };
}

export interface CallNotifierOptions {
  readonly show: (notification: NotificationText) => void;
  /** The language the operator reads now (settings may change while calls run). */
  readonly locale: () => Locale;
  readonly isWindowFocused: () => boolean;
}

/** A tracker onUpdate listener that remembers each call's last state and shows what callNotification decides. */
export function createCallNotifier(options: CallNotifierOptions): (call: CallView) => void {
  const lastState = new Map<string, CallState>();
  return (call) => {
    const previous = lastState.get(call.callId);
    lastState.set(call.callId, call.state);
    if (options.isWindowFocused()) return;
    const notification = callNotification(call, previous, options.locale());
    if (notification) options.show(notification);
  };
}
