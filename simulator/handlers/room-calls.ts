// PUT /v1/meeting-rooms/room-call, PUT /v1/meeting-rooms/cancel-room-call, POST /v1/meeting-rooms/room-call-info
// (reference §2–§4).
import type { Handler, HandlerContext, RequestData } from '../context';
import { SimError } from '../errors';
import { dialScript, type DialScript } from '../seed';
import { beijingTime } from '../time';
import type { CallTarget, SeedMeeting } from '../types';
import {
  checkFields,
  checkOperator,
  parseJsonObject,
  parseQuery,
  readInstanceId,
  readMeetingId,
  readNonEmpty,
  readTarget,
  type BodySpec,
} from '../validate';

const TARGET_FIELDS: BodySpec = {
  operator_id: { type: 'string', required: true },
  operator_id_type: { type: 'integer', required: true },
  meeting_id: { type: 'string', required: true },
  meeting_room_id: { type: 'string', required: false },
  mra_address: { type: 'object', required: false },
};

const ROOM_CALL: BodySpec = TARGET_FIELDS;
const CANCEL_ROOM_CALL: BodySpec = {
  ...TARGET_FIELDS,
  invite_id: { type: 'string', required: true },
  instance_id: { type: 'integer', required: true },
};
const ROOM_CALL_INFO: BodySpec = { ...TARGET_FIELDS, instance_id: { type: 'integer', required: true } };

interface Parsed {
  readonly meeting: SeedMeeting;
  readonly target: CallTarget;
  readonly body: Record<string, unknown>;
}

/** Shared checks, in order: no query, shape, values, operator, meeting, permission. */
function parse(request: RequestData, spec: BodySpec, context: HandlerContext, requireLive: boolean): Parsed {
  // These endpoints take everything in the body; a query parameter is as unknown as an unknown field.
  parseQuery(request.rawQuery, {});
  const body = parseJsonObject(request.body);
  checkFields(body, spec);
  if (body['operator_id_type'] !== 1) throw new SimError('invalidParam', 'operator_id_type must be 1 (userid)');
  const meetingId = readMeetingId(body);
  const target = readTarget(body);
  if (Object.hasOwn(spec, 'instance_id')) readInstanceId(body);
  if (Object.hasOwn(spec, 'invite_id')) readNonEmpty(body, 'invite_id');
  checkOperator(body, context.credentials);

  const meeting = context.book.find(meetingId);
  if (!meeting) throw new SimError('meetingNotExist', `meeting_id ${meetingId}`);
  const status = context.book.statusAt(meeting, context.nowMs);
  if (requireLive && status === 'MEETING_STATE_ENDED') {
    throw new SimError('meetingNotExist', `meeting ${meetingId} has ended`);
  }
  if (requireLive && status === 'MEETING_STATE_CANCELLED') {
    throw new SimError('meetingNotExist', `meeting ${meetingId} was cancelled`);
  }
  if (target.kind === 'mra') {
    const operator = context.credentials.operatorId;
    if (!meeting.hosts.includes(operator) && !meeting.coHosts.includes(operator)) {
      throw new SimError(
        'noPermission',
        'calling by mra_address (SIP/H.323) needs the operator to be host or co-host of the meeting',
      );
    }
  }
  return { meeting, target, body };
}

const UNREACHABLE_REASON: Record<number, string> = {
  0: 'the room is not activated (未激活)',
  1: 'the room is not bound (未绑定)',
  4: 'the room is offline (离线)',
  5: 'the room is not logged in (未登录)',
};

interface PlacedScript {
  readonly outcome: Exclude<DialScript['outcome'], 'unreachable'>;
  readonly leaveAfterMs?: number | undefined;
}

function calleeScript(target: CallTarget, context: HandlerContext): PlacedScript {
  if (target.kind === 'mra') {
    const script = dialScript(target.dialString);
    if (script.outcome === 'unreachable') throw new SimError('roomCallFailed', `${target.dialString} is offline`);
    return { outcome: script.outcome, leaveAfterMs: script.leaveAfterMs };
  }
  const room = context.roomsById.get(target.meetingRoomId);
  if (!room) throw new SimError('roomCallFailed', `no meeting room ${target.meetingRoomId} in this enterprise`);
  if (room.outcome === 'unreachable') {
    const reason = room.isAllowCall
      ? UNREACHABLE_REASON[room.status]
      : 'the room does not allow calls (is_allow_call false)';
    throw new SimError('roomCallFailed', reason ?? 'the room cannot be called');
  }
  return { outcome: room.outcome };
}

export const roomCall: Handler = (request, context) => {
  const { meeting, target } = parse(request, ROOM_CALL, context, true);
  const script = calleeScript(target, context);
  const invite = context.calls.place(meeting.meetingId, target, script, context.nowMs);
  if (!context.roomCallAnswersStatus) return { invite_id: invite.inviteId };
  // §8.2: 2 inviting; 5 the call failed at once (then room-call-info says 0).
  return { invite_id: invite.inviteId, status: invite.outcome === 'fail' ? 5 : 2 };
};

export const cancelRoomCall: Handler = (request, context) => {
  const { meeting, target, body } = parse(request, CANCEL_ROOM_CALL, context, false);
  const inviteId = body['invite_id'] as string;
  const result = context.calls.cancel(meeting.meetingId, target, inviteId, context.nowMs);
  if (result === 'unknown') {
    throw new SimError('invalidParam', `invite_id ${JSON.stringify(inviteId)} is not the current call to this room`);
  }
  return {};
};

export const roomCallInfo: Handler = (request, context) => {
  const { meeting, target } = parse(request, ROOM_CALL_INFO, context, false);
  if (target.kind === 'rooms' && !context.roomsById.has(target.meetingRoomId)) {
    throw new SimError('callStatusFailed', `no meeting room ${target.meetingRoomId} in this enterprise`);
  }
  const answer = context.calls.status(meeting.meetingId, target, context.nowMs);
  const offset = context.serverNowMs - context.nowMs;
  return {
    status: answer.status,
    response_time: beijingTime((answer.atMs ?? context.nowMs) + offset),
  };
};
