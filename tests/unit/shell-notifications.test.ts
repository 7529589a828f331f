// Which call changes become a native notification, and what it says.
import { describe, expect, it } from 'vitest';
import { CALL_STATES, type CallState, type CallView } from '../../common/call-model';
import type { Locale } from '../../common/locale';
import { callNotification, createCallNotifier, type NotificationText } from '../../main/shell/call-notifications';

function call(state: CallState, extra: Partial<CallView> = {}): CallView {
  return {
    callId: 'c1',
    batchId: 'b1',
    roomId: 'r1',
    roomName: '3F 大会议室',
    target: 'SIP room101@sip.example.com',
    meetingId: '7567173273889276131',
    meetingCode: '123456789',
    state,
    queuedAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:05.000Z',
    ...extra,
  };
}

describe('callNotification', () => {
  it('notifies only on a change into joined, rejected, no_answer, failed or unknown', () => {
    const notified = CALL_STATES.filter((state) => callNotification(call(state), 'ringing', 'en-US') !== null);
    expect(notified).toEqual(['joined', 'rejected', 'no_answer', 'failed', 'unknown']);
    for (const state of notified) expect(callNotification(call(state), state, 'en-US'), state).toBeNull();
    expect(callNotification(call('joined'), undefined, 'en-US')).not.toBeNull();
  });

  it('names the room and the meeting code, in the chosen language', () => {
    expect(callNotification(call('joined'), 'ringing', 'zh-CN')).toEqual({
      title: '会议室已入会',
      body: '3F 大会议室 · 会议 123-456-789',
    });
    expect(callNotification(call('joined'), 'ringing', 'en-US')).toEqual({
      title: 'Room joined',
      body: '3F 大会议室 · meeting 123-456-789',
    });
    expect(callNotification(call('no_answer', { meetingCode: undefined }), 'ringing', 'en-US')).toEqual({
      title: 'Room did not answer',
      body: '3F 大会议室 · meeting 7567173273889276131\nYou can redial it from the call list.',
    });
  });

  it("says why a call failed, from the call's own error, and what to do when the outcome is unknown", () => {
    const error = {
      kind: 'api' as const,
      code: 9003,
      message: { 'zh-CN': '操作者不是主持人或联席主持人', 'en-US': 'The operator is not host or co-host' },
      hint: { 'zh-CN': '请先设为主持人', 'en-US': 'Make the operator host first' },
    };
    expect(callNotification(call('failed', { error }), 'calling', 'zh-CN')).toEqual({
      title: '呼叫失败',
      body: '3F 大会议室 · 会议 123-456-789\n操作者不是主持人或联席主持人',
    });
    expect(callNotification(call('unknown'), 'calling', 'en-US')?.body).toContain(
      'Check in Tencent Meeting whether the room is in the meeting',
    );
  });

  it('keeps the body short', () => {
    const long = callNotification(call('rejected', { roomName: 'R'.repeat(500) }), 'ringing', 'en-US');
    expect(long?.body.length).toBe(240);
    expect(long?.body.endsWith('…')).toBe(true);
  });
});

describe('createCallNotifier', () => {
  function notifier(focused = false, locale: Locale = 'en-US') {
    const shown: NotificationText[] = [];
    const state = { focused, locale };
    const listener = createCallNotifier({
      show: (n) => shown.push(n),
      locale: () => state.locale,
      isWindowFocused: () => state.focused,
    });
    return { listener, shown, state };
  }

  it('shows each outcome once, following the updates of each call', () => {
    const { listener, shown } = notifier();
    for (const state of ['queued', 'calling', 'ringing', 'joined', 'joined'] as const) listener(call(state));
    listener(call('calling', { callId: 'c2' }));
    listener(call('failed', { callId: 'c2' }));
    expect(shown.map((n) => n.title)).toEqual(['Room joined', 'Call failed']);
  });

  it('stays quiet while the window is in front, and follows a language change', () => {
    const { listener, shown, state } = notifier(true);
    listener(call('ringing'));
    listener(call('rejected'));
    expect(shown).toEqual([]);
    state.focused = false;
    state.locale = 'zh-CN';
    listener(call('ringing', { callId: 'c3' }));
    listener(call('no_answer', { callId: 'c3' }));
    expect(shown.map((n) => n.title)).toEqual(['会议室无应答']);
  });
});
