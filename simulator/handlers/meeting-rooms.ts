// GET /v1/meeting-rooms: the enterprise's Rooms, paged (reference §5).
import type { Handler } from '../context';
import { SimError } from '../errors';
import { checkUser, parseQuery, queryInt, type QuerySpec } from '../validate';

const LIST: QuerySpec = {
  operator_id: { required: true },
  operator_id_type: { required: true },
  page: { required: false },
  page_size: { required: false },
  meeting_room_name: { required: false },
};

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

export const meetingRoomsList: Handler = (request, context) => {
  const params = parseQuery(request.rawQuery, LIST);
  if (params.get('operator_id_type') !== '1') throw new SimError('invalidParam', 'operator_id_type must be 1 (userid)');
  const page = queryInt(params, 'page', { min: 1, max: 1_000_000 }, 1);
  const pageSize = queryInt(params, 'page_size', { min: 1, max: MAX_PAGE_SIZE }, DEFAULT_PAGE_SIZE);
  checkUser(params.get('operator_id') ?? '', context.credentials, 'operator_id');

  // Case-insensitive substring match; an empty filter matches everything.
  const filter = (params.get('meeting_room_name') ?? '').toLowerCase();
  const matching = filter ? context.rooms.filter((room) => room.name.toLowerCase().includes(filter)) : context.rooms;
  const slice = matching.slice((page - 1) * pageSize, page * pageSize);
  return {
    current_page: page,
    current_size: slice.length,
    total_count: matching.length,
    total_page: Math.ceil(matching.length / pageSize),
    meeting_room_list: slice.map((room) => ({
      meeting_room_id: room.meetingRoomId,
      meeting_room_name: room.name,
      meeting_room_location: room.location,
      meeting_room_status: room.status,
      account_type: room.accountType,
      account_new_type: room.accountNewType,
      active_code: room.activeCode,
      participant_number: room.participantNumber,
      scheduled_status: room.scheduledStatus,
      is_allow_call: room.isAllowCall,
    })),
  };
};
