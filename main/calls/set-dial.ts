// Dialing a room set with one action: every room of the set through the dialer (so every dial rule applies, once),
// recorded as "set: <name>" in history, then followed by the automation with the set's own retry/rejoin rules (or
// settings.retry). A room deleted from the address book since it was put in the set is skipped with the reason;
// it never fails the rest of the set. With no meeting given, the set's default meeting is looked up first, the way
// the meeting field looks one up; with neither, nothing rings and the error names the meeting.
import type { CallOrigin, DialResult, UnknownOutcomePolicy } from '../../common/call-model';
import type { Localized } from '../../common/locale';
import { parseMeetingNumber, type MeetingRef } from '../../common/meeting-number';
import { OperatorFailure } from '../../common/operator-error';
import type { RetryPolicy } from '../../common/retry-policy';
import type { AutoRedial } from './auto-redial';
import type { Dialer } from './dialer';
import type { DialMeeting } from './types';

/** What dialing reads of a set (main/store/room-sets.ts's RoomSet fits). */
export interface DialableSet {
  readonly name: string;
  readonly roomIds: readonly string[];
  readonly defaultMeeting?: string;
  readonly retry?: RetryPolicy;
}

export interface SetDialDeps {
  readonly sets: { getSet(id: string): DialableSet | undefined };
  readonly dialer: Pick<Dialer, 'dial'>;
  readonly automation: Pick<AutoRedial, 'follow'>;
  /** settings.retry, for a set without rules of its own; read at every dial. */
  readonly policy: () => RetryPolicy;
  /** Looks a meeting up by code or ID (the meetings:lookup path): its ID, code and subject. */
  readonly findMeeting: (ref: MeetingRef) => Promise<DialMeeting>;
}

export interface SetDialRequest {
  readonly setId: string;
  /** The meeting on screen; left out, the set's default meeting. */
  readonly meeting?: DialMeeting;
  readonly unknownOutcome?: UnknownOutcomePolicy;
  readonly confirmedCount?: number;
  /** A link named the set (the operator confirmed it): history says "link: <set>", retries follow the set's rules. */
  readonly fromLink?: boolean;
}

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

function noSuchSet(field: string): OperatorFailure {
  return new OperatorFailure({
    kind: 'not_found',
    code: 'not_found',
    field,
    message: both(`${field}：没有这个会议室组，可能已被删除`, `${field}: no such room set; it may have been deleted`),
    hint: both(
      '没有呼叫任何会议室；请刷新会议室组列表后重试',
      'No room was called; reload the room sets and try again',
    ),
  });
}

const noMeeting = (): OperatorFailure =>
  new OperatorFailure({
    kind: 'validation',
    code: 'bad_input',
    field: 'meeting',
    message: both(
      'meeting：当前没有查到的会议，这个会议室组也没有默认会议',
      'meeting: no meeting is looked up and this set has no default meeting',
    ),
    hint: both(
      '没有呼叫任何会议室；请先查找会议，或为会议室组设置默认会议',
      'No room was called; look up a meeting first, or give the set a default meeting',
    ),
  });

async function meetingFor(set: DialableSet, request: SetDialRequest, deps: SetDialDeps): Promise<DialMeeting> {
  if (request.meeting) return request.meeting;
  if (set.defaultMeeting === undefined) throw noMeeting();
  const ref = parseMeetingNumber(set.defaultMeeting, 'defaultMeeting');
  // The store only keeps digits that parse; a hand-edited file is refused when it opens.
  if (!ref.ok) throw noMeeting();
  return deps.findMeeting(ref.value);
}

export async function dialSet(deps: SetDialDeps, request: SetDialRequest): Promise<DialResult> {
  const set = deps.sets.getSet(request.setId);
  if (!set) throw noSuchSet('setId');
  const meeting = await meetingFor(set, request, deps);
  const origin: CallOrigin = { kind: request.fromLink ? 'link' : 'set', label: set.name };
  const result = await deps.dialer.dial({
    meeting,
    rooms: set.roomIds.map((roomId) => ({ roomId })),
    listField: 'roomIds',
    deletedRooms: 'skip',
    origin,
    ...(request.unknownOutcome ? { unknownOutcome: request.unknownOutcome } : {}),
    ...(request.confirmedCount === undefined ? {} : { confirmedCount: request.confirmedCount }),
  });
  // A question for the operator means nothing rang: the automation follows the answer's dial, not this one.
  if (!result.confirm) deps.automation.follow(result, { meeting, policy: set.retry ?? deps.policy(), origin });
  return result;
}
