// `call`, `cancel` and `status`: ringing a room, stopping it, reading its answer. room-call is sent once and never
// repeated here; a lost answer comes back from the client as UnknownOutcomeError (exit 4, "check the status").
import { answerStatusInfo } from '../../common/call-status';
import { CALL_STATE_LABELS, isFinalCallState, type CallView } from '../../common/call-model';
import type { Locale, Localized } from '../../common/locale';
import type { OperatorError } from '../../common/operator-error';
import { formatMeetingCode, type MeetingRef } from '../../common/meeting-number';
import { describeTarget, type RoomTarget } from '../../common/room-target';
import type { RoomAnswer } from '../../common/wemeet-types';
import type { WemeetClient } from '../api/client';
import { WemeetError, type ErrorPayload } from '../api/errors';
import { standaloneDialer } from '../services';
import { EXIT, type Reporter } from './output';

export async function meetingIdOf(client: WemeetClient, meeting: MeetingRef): Promise<string> {
  return meeting.kind === 'id' ? meeting.meetingId : (await client.getMeetingByCode(meeting.meetingCode)).meetingId;
}

function statusJson(answer: { status: number; state: string; responseTime: string | undefined }) {
  return { status: answer.status, state: answer.state, response_time: answer.responseTime ?? null };
}

export async function showStatus(
  client: WemeetClient,
  meetingId: string,
  target: RoomTarget,
  reporter: Reporter,
): Promise<number> {
  const answer = await client.roomCallInfo(meetingId, target);
  const label = answerStatusInfo(answer.status).label;
  reporter.result(
    statusJson(answer),
    `${answer.state}\t${label[reporter.locale]}\t${answer.responseTime ?? ''}`.trim(),
  );
  return EXIT.ok;
}

/**
 * cancel-room-call answers `{}` whether or not the room was still ringing, so the outcome is read back with one
 * status check instead of assumed: a room that had already joined says so. If that check fails, the cancel was
 * accepted but its effect is reported as unknown.
 */
export async function cancel(
  client: WemeetClient,
  meetingId: string,
  inviteId: string,
  target: RoomTarget,
  reporter: Reporter,
): Promise<number> {
  await client.cancelRoomCall(meetingId, inviteId, target);
  const base = { invite_id: inviteId, meeting_id: meetingId };
  const room = describeTarget(target);
  let answer: RoomAnswer;
  try {
    answer = await client.roomCallInfo(meetingId, target);
  } catch (error) {
    const why = error instanceof WemeetError ? error.toPayload(reporter.locale).message : String(error);
    reporter.warn({
      'zh-CN': `取消请求已被接受，但无法确认会议室状态：${why}；请用 room-dialer status 查看`,
      'en-US': `The cancel was accepted, but the room's state could not be checked: ${why}; check with room-dialer status`,
    });
    reporter.result(
      { cancelled: null, ...base, status: null, state: null, response_time: null },
      {
        'zh-CN': `已发送取消 ${room}，结果未知`,
        'en-US': `Cancel sent for ${room}; outcome unknown`,
      },
    );
    return EXIT.ok;
  }
  const label = answerStatusInfo(answer.status).label;
  const human: Localized =
    answer.state === 'cancelled'
      ? { 'zh-CN': `已取消呼叫 ${room}`, 'en-US': `Cancelled the call to ${room}` }
      : answer.state === 'joined' || answer.state === 'left'
        ? {
            'zh-CN': `${room} 已经应答入会，取消没有改变什么（状态：${label['zh-CN']}）`,
            'en-US': `${room} had already answered; the cancel changed nothing (state: ${label['en-US']})`,
          }
        : {
            'zh-CN': `已发送取消 ${room}；会议室当前状态：${label['zh-CN']}`,
            'en-US': `Cancel sent for ${room}; the room now reports: ${label['en-US']}`,
          };
  reporter.result({ cancelled: answer.state === 'cancelled', ...base, ...statusJson(answer) }, human);
  return EXIT.ok;
}

export interface WaitOptions {
  readonly wait: boolean;
  readonly intervalMs: number;
  readonly now: () => number;
}

/** The first column of every --wait line: the app's state word; the text: the app's label, or the call's note. */
function stateLine(call: CallView): Localized {
  const label = CALL_STATE_LABELS[call.state];
  const note = call.note;
  return {
    'zh-CN': `${call.state}\t${note ? note['zh-CN'] : label['zh-CN']}`,
    'en-US': `${call.state}\t${note ? note['en-US'] : label['en-US']}`,
  };
}

/** Exit code for a call that ended with an error: only here do errors become exit codes. */
export function exitCodeOf(error: OperatorError): number {
  switch (error.kind) {
    case 'validation':
      return EXIT.badInput;
    case 'api':
    case 'clock_skew':
      return EXIT.api;
    case 'not_configured':
    case 'keychain':
      return EXIT.credentials;
    default:
      return EXIT.network;
  }
}

/**
 * Rings the room once, through the same dialer, call engine, status poller and state words as the app (so the
 * cross-desk guard holds here too: a room another desk has ringing or in the meeting is not rung again). With
 * --wait, prints each state change until the call is over: exit 0 when the room joined, EXIT.notJoined when it
 * ended any other way (rejected, no answer, cancelled, left); a failed call exits with its error's code.
 */
export async function call(
  client: WemeetClient,
  ref: MeetingRef,
  target: RoomTarget,
  reporter: Reporter,
  options: WaitOptions,
): Promise<number> {
  const found = ref.kind === 'code' ? await client.getMeetingByCode(ref.meetingCode) : undefined;
  const meetingId = found?.meetingId ?? (ref.kind === 'id' ? ref.meetingId : '');
  const into = found ? `${found.subject} (${formatMeetingCode(found.meetingCode)})` : meetingId;
  // The app's own dialer, call engine and status poller (services.ts), without the app's store.
  const dialer = standaloneDialer(client, { pollIntervalMs: options.intervalMs, now: options.now });
  const room = describeTarget(target);
  let announced = false;
  let lastState: string | undefined;
  const settled = new Promise<CallView>((resolve) => {
    dialer.onUpdate((view) => {
      if (!announced && view.inviteId !== undefined) {
        announced = true;
        lastState = 'calling';
        // The first column is the state, as on every --wait line; the text says what was done.
        reporter.progress({
          'zh-CN': `calling\t正在呼叫 ${room} 加入 ${into}（invite ${view.inviteId}）`,
          'en-US': `calling\tinviting ${room} into ${into} (invite ${view.inviteId})`,
        });
      }
      const shown = view.state !== 'queued' && view.state !== 'calling';
      if (options.wait && shown && view.state !== lastState) {
        lastState = view.state;
        reporter.progress(stateLine(view));
      }
      if (isFinalCallState(view.state) || (!options.wait && (view.inviteId !== undefined || view.note))) {
        resolve(view);
      }
    });
  });
  try {
    const meeting = { meetingId, ...(found ? { meetingCode: found.meetingCode, subject: found.subject } : {}) };
    await dialer.dial({ meeting, rooms: [{ roomId: '', roomName: room, target }], origin: { kind: 'cli' } });
    const view = await settled;
    if (view.error && (view.state === 'failed' || view.state === 'unknown')) {
      reporter.error({
        ...payloadOf(view.error, reporter.locale),
        ...(view.inviteId ? { invite_id: view.inviteId } : {}),
      });
      return exitCodeOf(view.error);
    }
    const base = { invite_id: view.inviteId ?? null, meeting_id: meetingId };
    if (!options.wait) {
      if (!announced) reporter.progress(stateLine(view));
      if (reporter.json) reporter.result(base, '');
      return EXIT.ok;
    }
    if (reporter.json) {
      reporter.result(
        {
          ...base,
          status: view.answer?.status ?? null,
          state: view.state,
          response_time: view.answer?.responseTime ?? null,
        },
        '',
      );
    }
    return view.state === 'joined' ? EXIT.ok : EXIT.notJoined;
  } finally {
    // Without --wait the tool leaves the room ringing; nothing is written anywhere.
    dialer.shutdown();
  }
}

function payloadOf(error: OperatorError, locale: Locale): ErrorPayload {
  return {
    kind: error.kind,
    code: error.code,
    message: error.message[locale],
    hint: error.hint[locale],
    ...(error.field ? { field: error.field } : {}),
  };
}
