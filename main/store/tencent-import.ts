// Merging the account's Tencent Rooms list (GET meeting-rooms) into the address book. Rooms are matched by
// meetingRoomId, so importing again refreshes entries instead of duplicating them. Tencent owns the name, location
// and whether the room may be called; the operator owns group, tags, notes and favorite, which are kept.
// Rooms that disappeared from Tencent's list are left alone: deleting address-book entries is the operator's call.
import { MEETING_ROOM_ID_PATTERN } from '../../common/room-input';
import { codePointLength, ROOM_LIMITS } from '../../common/room-limits';
import { invalid, valid, type Validated } from '../../common/validation';
import type { MeetingRoomInfo } from '../../common/wemeet-types';
import type { Room, TencentRoom } from '../../common/store-schema';

export interface ImportSummary {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]+/g;

/** Tencent's free text made to fit our limits: one line, trimmed, cut at `max` characters (never refused). */
function fitText(text: string, max: number): string {
  const line = text.replace(CONTROL_CHARS, ' ').trim();
  return codePointLength(line) <= max ? line : [...line].slice(0, max).join('').trimEnd();
}

interface TencentFields {
  readonly meetingRoomId: string;
  readonly name: string;
  readonly location: string;
  readonly callable: boolean;
}

/**
 * Every entry checked before anything is merged, so one bad entry changes nothing. Only the ID can make an entry
 * bad: it is what gets dialed. Over-long names and locations are shortened, an empty name becomes the ID.
 */
function checkList(list: unknown): Validated<TencentFields[]> {
  if (!Array.isArray(list)) {
    return invalid('rooms', { 'zh-CN': 'rooms：必须是会议室列表', 'en-US': 'rooms: must be a list of rooms' });
  }
  const byId = new Map<string, TencentFields>();
  for (const [index, entry] of list.entries()) {
    const at = `rooms[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      return invalid(at, { 'zh-CN': `${at}：不是会议室信息`, 'en-US': `${at}: is not a room` });
    }
    const info = entry as Partial<Record<keyof MeetingRoomInfo, unknown>>;
    const id = info.meetingRoomId;
    if (typeof id !== 'string' || !MEETING_ROOM_ID_PATTERN.test(id)) {
      return invalid(`${at}.meetingRoomId`, {
        'zh-CN': `${at}.meetingRoomId：缺失或格式不对（只能是字母和数字，最多 ${ROOM_LIMITS.meetingRoomId} 个）`,
        'en-US': `${at}.meetingRoomId: missing or malformed (letters and digits, at most ${ROOM_LIMITS.meetingRoomId})`,
      });
    }
    if (typeof info.isAllowCall !== 'boolean') {
      return invalid(`${at}.isAllowCall`, {
        'zh-CN': `${at}.isAllowCall：必须是 是/否`,
        'en-US': `${at}.isAllowCall: must be true or false`,
      });
    }
    const name = typeof info.name === 'string' ? fitText(info.name, ROOM_LIMITS.name) : '';
    const location = typeof info.location === 'string' ? fitText(info.location, ROOM_LIMITS.location) : '';
    // A room listed twice (pages shifting while they were fetched) counts once; the later entry wins.
    byId.set(id, { meetingRoomId: id, name: name === '' ? id : name, location, callable: info.isAllowCall });
  }
  return valid([...byId.values()]);
}

export function mergeTencentRooms(
  rooms: readonly Room[],
  list: unknown,
  at: string,
  newId: () => string,
): Validated<{ rooms: Room[]; summary: ImportSummary }> {
  const checked = checkList(list);
  if (!checked.ok) return checked;
  const next = [...rooms];
  const indexById = new Map<string, number>();
  next.forEach((room, index) => {
    if (room.kind === 'rooms') indexById.set(room.meetingRoomId, index);
  });
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const fields of checked.value) {
    const index = indexById.get(fields.meetingRoomId);
    const existing = index === undefined ? undefined : (next[index] as TencentRoom);
    // IT's shared book owns its rooms' names and locations (managed-rooms.ts).
    if (existing?.managed) {
      unchanged++;
      continue;
    }
    if (existing === undefined) {
      next.push({
        id: newId(),
        kind: 'rooms',
        ...fields,
        group: '',
        tags: [],
        notes: '',
        favorite: false,
        createdAt: at,
        updatedAt: at,
      });
      indexById.set(fields.meetingRoomId, next.length - 1);
      added++;
    } else if (
      existing.name === fields.name &&
      existing.location === fields.location &&
      existing.callable === fields.callable
    ) {
      unchanged++;
    } else {
      next[index as number] = { ...existing, ...fields, updatedAt: at };
      updated++;
    }
  }
  return valid({ rooms: next, summary: { added, updated, unchanged } });
}
