// `call`, `cancel` and `status`: ringing a room, stopping it, reading its answer. room-call is sent once and never
// repeated here; a lost answer comes back from the client as UnknownOutcomeError (exit 4, "check the status").
import { answerStatusInfo } from '../../common/call-status';
import type { Localized } from '../../common/locale';
import { formatMeetingCode, type MeetingRef } from '../../common/meeting-number';
import { describeTarget, type RoomTarget } from '../../common/room-target';
import type { RoomAnswer } from '../../common/wemeet-types';
import type { WemeetClient } from '../api/client';
import { WemeetError } from '../api/errors';
import { EXIT, type Reporter } from './output';

/** Tencent gives up ringing after 60 s (status 0); stop waiting a little after that. */
const WAIT_LIMIT_MS = 75_000;

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
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/**
 * Rings the room once. With --wait, prints each state change until the ringing is over: exit 0 when the room
 * joined, EXIT.notJoined when it ended any other way (rejected, no answer, cancelled, left), so a script can tell
 * the two apart.
 */
export async function call(
  client: WemeetClient,
  ref: MeetingRef,
  target: RoomTarget,
  reporter: Reporter,
  options: WaitOptions,
): Promise<number> {
  const meeting = ref.kind === 'code' ? await client.getMeetingByCode(ref.meetingCode) : undefined;
  const meetingId = meeting?.meetingId ?? (ref.kind === 'id' ? ref.meetingId : '');
  const into = meeting ? `${meeting.subject} (${formatMeetingCode(meeting.meetingCode)})` : meetingId;
  const { inviteId } = await client.roomCall(meetingId, target);
  const called = { invite_id: inviteId, meeting_id: meetingId };
  // The first column is the state, as on every --wait line; the text says what was done.
  reporter.progress({
    'zh-CN': `calling\t正在呼叫 ${describeTarget(target)} 加入 ${into}（invite ${inviteId}）`,
    'en-US': `calling\tinviting ${describeTarget(target)} into ${into} (invite ${inviteId})`,
  });
  if (!options.wait) {
    if (reporter.json) reporter.result(called, '');
    return EXIT.ok;
  }

  const deadline = options.now() + WAIT_LIMIT_MS;
  let last: string | undefined;
  for (;;) {
    const answer = await client.roomCallInfo(meetingId, target);
    const info = answerStatusInfo(answer.status);
    if (answer.state !== last) {
      reporter.progress({
        'zh-CN': `${answer.state}\t${info.label['zh-CN']}`,
        'en-US': `${answer.state}\t${info.label['en-US']}`,
      });
      last = answer.state;
    }
    if (info.settled) {
      if (reporter.json) reporter.result({ ...called, ...statusJson(answer) }, '');
      return answer.state === 'joined' ? EXIT.ok : EXIT.notJoined;
    }
    if (options.now() >= deadline) {
      reporter.error({
        kind: 'timeout',
        code: 'wait_limit',
        invite_id: inviteId,
        message:
          reporter.locale === 'zh-CN'
            ? `${WAIT_LIMIT_MS / 1000} 秒后会议室仍未应答（最后状态：${answer.state}）`
            : `The room had not answered after ${WAIT_LIMIT_MS / 1000} s (last state: ${answer.state})`,
        hint:
          reporter.locale === 'zh-CN'
            ? `用 room-dialer status 查看状态，或用 room-dialer cancel --invite ${inviteId} 取消`
            : `Check with room-dialer status, or stop it with room-dialer cancel --invite ${inviteId}`,
      });
      return EXIT.network;
    }
    await options.sleep(options.intervalMs);
  }
}
