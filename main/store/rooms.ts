// Address-book rules that need more than one field: building a room from checked input, applying a patch, and
// spotting two entries that would ring the same device (the "duplicates" operators complain about).
import { isDeepStrictEqual } from 'node:util';
import type { Localized } from '../../common/locale';
import { validateRoomInput, type RoomInput, type ValidRoomInput } from '../../common/room-input';
import { invalid, type Validated } from '../../common/validation';
import type { Room } from '../../common/store-schema';
import { dialValue } from '../../common/room-dial-key';
import type { RoomIndex } from './room-index';

/** The editable part of a stored room, in input form (what a patch is laid over). */
export function roomToInput(room: Room): RoomInput {
  const common = {
    name: room.name,
    location: room.location,
    group: room.group,
    tags: room.tags,
    notes: room.notes,
    favorite: room.favorite,
  };
  return room.kind === 'rooms'
    ? { ...common, kind: room.kind, meetingRoomId: room.meetingRoomId }
    : { ...common, kind: room.kind, address: room.address };
}

/** Refuses an entry that would ring the same device as an existing one, naming the existing one. */
export function checkNotDuplicate(index: RoomIndex, room: Room, exceptId: string | undefined): Validated<Room> {
  const existing = index.duplicateOf(room.kind, dialValue(room), exceptId);
  if (!existing) return { ok: true, value: room };
  const field = room.kind === 'rooms' ? 'meetingRoomId' : 'address';
  const message: Localized = {
    'zh-CN': `${field}：通讯录里已有使用同一${room.kind === 'rooms' ? '会议室 ID' : '地址'}的会议室“${existing.name}”`,
    'en-US': `${field}: "${existing.name}" in the address book already uses this ${room.kind === 'rooms' ? 'meeting room ID' : 'address'}`,
  };
  return invalid(field, message);
}

/** A new room from checked input. Typed-in rooms are callable; only a Tencent import can say otherwise. */
export function createRoom(input: ValidRoomInput, id: string, at: string): Room {
  return { ...input, tags: [...input.tags], id, callable: true, createdAt: at, updatedAt: at };
}

/**
 * `room` with the checked input applied. The Tencent "callable" flag is kept only while the room still points at
 * the same Tencent Rooms room; a new target has not been refused by anyone yet.
 */
export function applyRoomInput(room: Room, input: ValidRoomInput, at: string): Room {
  const sameTarget = room.kind === 'rooms' && input.kind === 'rooms' && room.meetingRoomId === input.meetingRoomId;
  const next: Room = {
    ...input,
    tags: [...input.tags],
    id: room.id,
    callable: sameTarget ? room.callable : true,
    createdAt: room.createdAt,
    updatedAt: at,
  };
  if (room.lastDialedAt !== undefined) next.lastDialedAt = room.lastDialedAt;
  if (room.lastOutcome !== undefined) next.lastOutcome = room.lastOutcome;
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The room's current fields with the patch laid over them, checked as a whole. Keys whose value is undefined mean
 * "leave as is". Switching kind needs the other kind's field in the same patch (the old one is then dropped).
 */
export function validateRoomPatch(room: Room, patch: unknown): Validated<ValidRoomInput> {
  if (!isPlainObject(patch)) {
    return invalid('patch', { 'zh-CN': 'patch：必须是要修改的字段', 'en-US': 'patch: must be the fields to change' });
  }
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return validateRoomInput({ ...roomToInput(room), ...defined });
}

/** Same editable content (the timestamps are left out on purpose: an unchanged save is not an edit). */
export function sameRoomContent(a: Room, b: Room): boolean {
  return isDeepStrictEqual(roomToInput(a), roomToInput(b)) && a.callable === b.callable;
}
