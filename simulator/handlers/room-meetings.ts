// GET /v1/meeting-rooms/{operator_id}/meetings: a Tencent Rooms room's bookings (reference §8.3, last bullet).
// The operator here is a room, not a user: operator_id_type 3 (rooms_id) or 5 (meeting_room_id), as is the target.
// Times are integers here (unlike /v1/meetings); at most 20 a page; the range at most 90 days.
import type { Handler, HandlerContext } from '../context';
import { SimError } from '../errors';
import type { SeedRoom } from '../types';
import { instanceIdQuery, parseQuery, queryDecimal, queryInt, type QuerySpec } from '../validate';

const QUERY: QuerySpec = {
  operator_id_type: { required: true },
  instanceid: { required: true },
  target_rooms_id: { required: true },
  target_rooms_id_type: { required: true },
  start_time: { required: false },
  end_time: { required: false },
  page: { required: false },
  page_size: { required: false },
};

export const MAX_ROOM_MEETINGS_PAGE_SIZE = 20;
const MAX_RANGE_S = 90 * 24 * 60 * 60;
const DAY_S = 24 * 60 * 60;
const BEIJING_OFFSET_S = 8 * 60 * 60;

/** A room by rooms_id (type 3) or meeting_room_id (type 5); unknown → 20201. */
function roomBy(id: string, type: string | undefined, field: string, context: HandlerContext): SeedRoom {
  if (type !== '3' && type !== '5') {
    throw new SimError('invalidParam', `${field}_type must be 3 (rooms_id) or 5 (meeting_room_id)`);
  }
  if (!/^\d{1,32}$/.test(id)) throw new SimError('invalidParam', `${field} must be a string of digits`);
  const room = type === '5' ? context.roomsById.get(id) : context.rooms.find((candidate) => candidate.roomsId === id);
  if (!room) throw new SimError('roomQueryFailed', `no room ${id} (${field}, type ${type}) in this enterprise`);
  return room;
}

export const roomMeetings: Handler = (request, context) => {
  const params = parseQuery(request.rawQuery, QUERY);
  instanceIdQuery(params);
  roomBy(request.params['operator_id'] ?? '', params.get('operator_id_type'), 'operator_id', context);
  const target = roomBy(
    params.get('target_rooms_id') ?? '',
    params.get('target_rooms_id_type'),
    'target_rooms_id',
    context,
  );
  const page = queryInt(params, 'page', { min: 1, max: 1_000_000 }, 1);
  const pageSize = queryInt(
    params,
    'page_size',
    { min: 1, max: MAX_ROOM_MEETINGS_PAGE_SIZE },
    MAX_ROOM_MEETINGS_PAGE_SIZE,
  );
  // Without a range: the current Beijing day.
  const nowS = Math.floor(context.serverNowMs / 1000);
  const todayS = nowS - ((nowS + BEIJING_OFFSET_S) % DAY_S);
  const startTime = queryDecimal(params, 'start_time', 12, todayS);
  const endTime = queryDecimal(params, 'end_time', 12, startTime + DAY_S);
  if (endTime < startTime) throw new SimError('invalidParam', 'end_time is before start_time');
  if (endTime - startTime > MAX_RANGE_S)
    throw new SimError('invalidParam', 'start_time to end_time is more than 90 days');

  const booked = context.meetings
    .filter((m) => m.bookedRooms.includes(target.meetingRoomId) && m.startTime >= startTime && m.startTime <= endTime)
    .sort((a, b) => a.startTime - b.startTime);
  const slice = booked.slice((page - 1) * pageSize, page * pageSize);
  return {
    current_page: page,
    current_size: slice.length,
    total_count: booked.length,
    total_page: Math.ceil(booked.length / pageSize),
    meeting_info_list: slice.map((m) => ({
      meeting_id: m.meetingId,
      meeting_code: m.meetingCode,
      subject: m.subject,
      meeting_type: m.meetingType,
      start_time: m.startTime,
      end_time: m.endTime,
      status: context.book.statusAt(m, context.nowMs),
    })),
  };
};
