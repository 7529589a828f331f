// Rooms from IT's shared address book (main/managed/shared-book-*.ts) in the desk's address book: stored like any
// room but marked `managed: true`, read-only at the desk (only the favourite star is the desk's own), refreshed by
// merging each new copy of the book. A room is recognised by the device it rings (common/room-dial-key.ts): a
// managed room keeps its id, favourite and last dial across refreshes, and a desk's own room for the same device
// is taken over by IT's entry (keeping its id, so history and room sets still point at it). A managed room that
// left the book is removed; when IT stops sharing a book altogether, its rooms stay as the desk's own.
import { isDeepStrictEqual } from 'node:util';
import type { ValidRoomInput } from '../../common/room-input';
import type { Room } from '../../common/store-schema';
import { invalid, valid, type Validated } from '../../common/validation';
import { roomDialKey } from './room-index';
import { roomToInput } from './rooms';

/** A room of the shared book, checked (common/room-input.ts). Its `favorite` is ignored: stars are per desk. */
export type ManagedRoomInput = ValidRoomInput;

export interface ManagedSyncSummary {
  readonly added: number;
  readonly updated: number;
  /** The desk's own rooms for a device now in IT's book: they became IT's. */
  readonly adopted: number;
  readonly removed: number;
  readonly unchanged: number;
}

/** The desk-side rules that apply while IT shares a book. */
export interface ManagedRoomPolicy {
  /** May the operator add rooms of their own (typed, imported, restored)? */
  readonly allowLocalRooms: boolean;
}

export const UNMANAGED_POLICY: ManagedRoomPolicy = Object.freeze({ allowLocalRooms: true });

/** IT's part of a room: what the book says, in the form the store keeps. */
function bookFields(entry: ManagedRoomInput): Omit<ValidRoomInput, 'favorite'> {
  const { favorite: _favorite, ...fields } = entry;
  return { ...fields, tags: [...fields.tags] };
}

function sameBookContent(room: Room, entry: ManagedRoomInput): boolean {
  const { favorite: _favorite, ...stored } = roomToInput(room);
  return isDeepStrictEqual({ ...stored, tags: [...(stored.tags ?? [])] }, bookFields(entry));
}

function managedRoom(entry: ManagedRoomInput, base: Room | undefined, id: string, at: string): Room {
  const sameTarget = base?.kind === 'rooms' && entry.kind === 'rooms' && base.meetingRoomId === entry.meetingRoomId;
  const room: Room = {
    ...bookFields(entry),
    id,
    favorite: base?.favorite ?? false,
    callable: sameTarget ? base.callable : true,
    createdAt: base?.createdAt ?? at,
    updatedAt: at,
    managed: true,
  } as Room;
  if (base?.lastDialedAt !== undefined) room.lastDialedAt = base.lastDialedAt;
  if (base?.lastOutcome !== undefined) room.lastOutcome = base.lastOutcome;
  return room;
}

/**
 * The address book with `entries` (the whole shared book, no two for the same device) merged in, and what changed.
 * The desk's rooms keep their order; rooms new to it are appended in the book's order.
 */
export function mergeManagedRooms(
  rooms: readonly Room[],
  entries: readonly ManagedRoomInput[],
  at: string,
  newId: () => string,
): { rooms: Room[]; summary: ManagedSyncSummary } {
  const wanted = new Map<string, ManagedRoomInput>();
  for (const entry of entries) wanted.set(roomDialKey(managedRoom(entry, undefined, '', at)), entry);
  let added = 0;
  let updated = 0;
  let adopted = 0;
  let removed = 0;
  let unchanged = 0;
  const next: Room[] = [];
  for (const room of rooms) {
    const key = roomDialKey(room);
    const entry = wanted.get(key);
    if (!entry) {
      if (room.managed) removed++;
      else next.push(room);
      continue;
    }
    wanted.delete(key);
    if (room.managed && sameBookContent(room, entry)) {
      unchanged++;
      next.push(room);
      continue;
    }
    if (room.managed) updated++;
    else adopted++;
    next.push(managedRoom(entry, room, room.id, at));
  }
  for (const entry of wanted.values()) {
    next.push(managedRoom(entry, undefined, newId(), at));
    added++;
  }
  return { rooms: next, summary: { added, updated, adopted, removed, unchanged } };
}

/** IT no longer shares a book: its rooms become the desk's own, nothing is lost. */
export function releaseManagedRooms(rooms: readonly Room[]): { rooms: Room[]; released: number } {
  let released = 0;
  const next = rooms.map((room) => {
    if (!room.managed) return room;
    released++;
    const { managed: _managed, ...own } = room;
    return own as Room;
  });
  return { rooms: next, released };
}

const FROM_IT = {
  zh: '这个会议室来自 IT 部门的共享通讯录',
  en: "this room comes from your IT department's shared address book",
};

/** The refusal of an edit or delete of IT's room (field `room`), saying why in both languages. */
export function managedRoomRefused(action: 'edit' | 'delete'): Validated<never> {
  const zhAction = action === 'edit' ? '修改' : '删除';
  const enAction = action === 'edit' ? 'changed' : 'deleted';
  return invalid('room', {
    'zh-CN': `room：${FROM_IT.zh}，不能在这里${zhAction}（只能设为收藏）；如需更改，请联系 IT 部门`,
    'en-US': `room: ${FROM_IT.en} and cannot be ${enAction} here (only starred); ask your IT department to change it`,
  });
}

/** The refusal of a room of the desk's own while IT allows none (field `room`). */
export function localRoomRefused(): Validated<never> {
  return invalid('room', {
    'zh-CN': 'room：通讯录由 IT 部门统一管理，不能在这台电脑上添加会议室；如需添加，请联系 IT 部门',
    'en-US':
      'room: your IT department manages the address book; rooms cannot be added at this desk. Ask your IT department',
  });
}

/**
 * An edit of IT's room: only the favourite star may change (it is the desk's own). Returns the room as it should
 * be stored, or the refusal.
 */
export function applyManagedRoomPatch(room: Room, patch: unknown, at: string): Validated<Room> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return managedRoomRefused('edit');
  const current = roomToInput(room) as unknown as Record<string, unknown>;
  let favorite = room.favorite;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'favorite' && typeof value === 'boolean') favorite = value;
    else if (!isDeepStrictEqual(current[key], value)) return managedRoomRefused('edit');
  }
  return valid(favorite === room.favorite ? room : { ...room, favorite, updatedAt: at });
}
