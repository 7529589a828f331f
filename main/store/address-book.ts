// One profile's address book, as the store shows it while that profile is in use: the rooms of its OpenedBook
// (open-store.ts), an index over them (room-index.ts), its room sets (room-sets.ts, which read the rooms through
// this class as their RoomDirectory) and its last-dial log. AppStore holds the book of the profile in use and
// replaces the whole object on a profile switch; its room methods hand over to this one.
//
// Every change checks its input first and returns a FieldError without writing anything when it is bad; good changes
// are written (the backend re-validates the whole document and writes atomically) before the in-memory copy is
// replaced, so a failed write (StoreWriteError) changes nothing. Inside AppStore.batch() the changes stay in memory
// and the file is written once at the end (startBatch / finishBatch / rollbackBatch). A dial's result appends one
// line to the last-dial log instead of rewriting the book. While IT shares an address book, its rooms and the desk's
// policy (may the desk add rooms of its own?) are applied here (managed-rooms.ts).
import { unknownRoomMessage, validateRoomInput, type RoomInput, type RoomKind } from '../../common/room-input';
import { codePointLength } from '../../common/room-limits';
import { invalid, valid, type Validated } from '../../common/validation';
import type { MeetingRoomInfo } from '../../common/wemeet-types';
import { isoTime, roomSchema, type LastDial, type Room } from '../../common/store-schema';
import { roomsDocument } from './defaults';
import { fieldErrorFromZod } from './field-error';
import type { OpenedBook } from './open-store';
import { RoomIndex } from './room-index';
import { RoomSetStore, type RoomDirectory } from './room-sets';
import {
  applyManagedRoomPatch,
  localRoomRefused,
  managedRoomRefused,
  mergeManagedRooms,
  releaseManagedRooms,
  type ManagedRoomInput,
  type ManagedRoomPolicy,
  type ManagedSyncSummary,
} from './managed-rooms';
import { applyRoomInput, checkNotDuplicate, createRoom, sameRoomContent, validateRoomPatch } from './rooms';
import { mergeTencentRooms, type ImportSummary } from './tencent-import';

/** Objects handed out are frozen: a caller editing one must not change the store behind its back. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

function unknownRoom(field: string, id: string): Validated<never> {
  return invalid(field, unknownRoomMessage(field, id));
}

/**
 * Checks a dial's result (markDialed's `outcome` and `at`) and makes the last-dial entry of it: the same checks
 * whichever profile's book the call ends in.
 */
export function checkDialResult(roomId: string, outcome: string, at: string): Validated<LastDial> {
  const outcomeText = typeof outcome === 'string' ? outcome.trim() : '';
  if (outcomeText === '' || codePointLength(outcomeText) > 64) {
    return invalid('outcome', {
      'zh-CN': 'outcome：必须填写通话结果（最多 64 个字符）',
      'en-US': 'outcome: the call outcome is required (at most 64 characters)',
    });
  }
  if (!isoTime.safeParse(at).success) {
    return invalid('at', {
      'zh-CN': 'at：必须是 UTC 时间，例如 2026-11-22T10:00:00.000Z',
      'en-US': 'at: must be a UTC time such as 2026-11-22T10:00:00.000Z',
    });
  }
  return valid({ roomId, at, outcome: outcomeText });
}

export interface AddressBookContext {
  readonly clock: () => Date;
  readonly newId: () => string;
  /** The desk's policy while IT shares an address book: the store's, so that it outlives a profile switch. */
  readonly roomPolicy: () => ManagedRoomPolicy;
}

/** One AppStore.batch() as the address book sees it: the rooms as they were, and whether the batch changed them. */
export interface RoomsBatch {
  readonly rooms: readonly Room[];
  changed: boolean;
}

export class AddressBook implements RoomDirectory {
  /** Frozen while anyone may hold it (listRooms); a change works on a copy. */
  private rooms: Room[];
  private readonly index: RoomIndex;
  /** The room sets of this profile: getSet/listSets for the set dialer and the schedule runner. */
  readonly sets: RoomSetStore;
  /** Inside AppStore.batch(): changes stay in memory and the file is written once at the end. */
  private batching: RoomsBatch | undefined;

  /** The constructor trusts `book` to be what the files hold (open-store.ts opened and checked them). */
  constructor(
    private readonly book: OpenedBook,
    private readonly context: AddressBookContext,
  ) {
    this.rooms = Object.freeze(book.rooms.map((room) => deepFreeze(room))) as Room[];
    this.index = new RoomIndex(this.rooms);
    this.sets = new RoomSetStore(book.setsFile, book.sets, this, context.clock, context.newId);
  }

  private nowIso(): string {
    return this.context.clock().toISOString();
  }

  // ── Writing ────────────────────────────────────────────────────────────────────────────────────────────────

  /** The address book file holds every room's latest dial once written, so the last-dial log starts over. */
  private writeRooms(rooms: readonly Room[]): void {
    this.book.roomsFile.write(roomsDocument(rooms));
    this.book.lastDial.clear();
  }

  /**
   * Changes the rooms with `change` (on a copy, or in a batch on its own working list), writes the file (outside a
   * batch) and only then keeps the result and tells the index (`reindex`).
   */
  private changeRooms(change: (rooms: Room[]) => void, reindex: (index: RoomIndex) => void): void {
    if (this.batching) {
      if (Object.isFrozen(this.rooms)) this.rooms = [...this.rooms];
      change(this.rooms);
      reindex(this.index);
      this.batching.changed = true;
      return;
    }
    const next = [...this.rooms];
    change(next);
    this.writeRooms(next);
    this.rooms = next;
    reindex(this.index);
  }

  /** A whole new list (an import, IT's book merged): written, or in a batch marked, then kept and indexed anew. */
  private replaceAllRooms(rooms: readonly Room[]): void {
    const next = rooms.map((room) => deepFreeze(room));
    if (this.batching) this.batching.changed = true;
    else this.writeRooms(next);
    this.rooms = next;
    this.index.rebuild(next);
  }

  private replaceRoom(before: Room, after: Room, rooms: Room[]): void {
    const at = rooms.indexOf(before);
    if (at < 0) throw new Error(`room index out of step with the list: ${before.id}`);
    rooms[at] = after;
  }

  /** AppStore.batch() begins: from now on room changes stay in memory until finishBatch or rollbackBatch. */
  startBatch(): RoomsBatch {
    const batch: RoomsBatch = { rooms: Object.freeze(this.rooms), changed: false };
    this.batching = batch;
    return batch;
  }

  /** Writes the address book once if the batch changed it. Throws StoreWriteError: then call rollbackBatch. */
  finishBatch(batch: RoomsBatch): void {
    this.batching = undefined;
    if (batch.changed) this.writeRooms(this.rooms);
  }

  /** Back to the rooms as they were when the batch began (the batch failed, or a file could not be written). */
  rollbackBatch(batch: RoomsBatch): void {
    this.batching = undefined;
    if (this.rooms !== batch.rooms) {
      this.rooms = batch.rooms as Room[];
      this.index.rebuild(this.rooms);
    }
  }

  // ── Rooms ──────────────────────────────────────────────────────────────────────────────────────────────────

  listRooms(): readonly Room[] {
    return Object.freeze(this.rooms);
  }

  getRoom(id: string): Room | undefined {
    return typeof id === 'string' ? this.index.get(id) : undefined;
  }

  addRoom(input: RoomInput): Validated<Room> {
    if (!this.context.roomPolicy().allowLocalRooms) return localRoomRefused();
    const checked = validateRoomInput(input);
    if (!checked.ok) return checked;
    return this.appendRoom(deepFreeze(createRoom(checked.value, this.context.newId(), this.nowIso())));
  }

  updateRoom(id: string, patch: Partial<RoomInput>): Validated<Room> {
    const room = this.getRoom(id);
    if (!room) return unknownRoom('id', id);
    if (room.managed) return this.updateManagedRoom(room, patch);
    const checked = validateRoomPatch(room, patch);
    if (!checked.ok) return checked;
    const next = deepFreeze(applyRoomInput(room, checked.value, this.nowIso()));
    if (sameRoomContent(room, next)) return valid(room);
    const unique = checkNotDuplicate(this.index, next, room.id);
    if (!unique.ok) return unique;
    this.changeRooms(
      (rooms) => this.replaceRoom(room, next, rooms),
      (index) => index.replace(room, next),
    );
    return valid(next);
  }

  deleteRoom(id: string): Validated<Room> {
    const room = this.getRoom(id);
    if (!room) return unknownRoom('id', id);
    if (room.managed) return managedRoomRefused('delete');
    this.changeRooms(
      (rooms) => {
        const at = rooms.indexOf(room);
        if (at < 0) throw new Error(`room index out of step with the list: ${room.id}`);
        rooms.splice(at, 1);
      },
      (index) => index.remove(room),
    );
    return valid(room);
  }

  restoreRoom(room: Room): Validated<Room> {
    const parsed = roomSchema.safeParse(room);
    if (!parsed.success) return { ok: false, error: fieldErrorFromZod(parsed.error, 'room') };
    // IT's rooms are never deleted at the desk, so none comes back this way; a desk's own needs the policy's leave.
    if (parsed.data.managed) return managedRoomRefused('edit');
    if (!this.context.roomPolicy().allowLocalRooms) return localRoomRefused();
    const restored = deepFreeze(parsed.data);
    if (this.getRoom(restored.id)) {
      return invalid('id', {
        'zh-CN': 'id：这个会议室已在通讯录中，无需恢复',
        'en-US': 'id: this room is already in the address book',
      });
    }
    return this.appendRoom(restored);
  }

  /** A new or restored room at the end of the list, refused when it would ring a device the book already has. */
  private appendRoom(room: Room): Validated<Room> {
    const unique = checkNotDuplicate(this.index, room, undefined);
    if (!unique.ok) return unique;
    this.changeRooms(
      (rooms) => rooms.push(room),
      (index) => index.add(room),
    );
    return valid(room);
  }

  findDuplicateAddress(kind: RoomKind, address: string, exceptId?: string): Room | undefined {
    return this.index.duplicateOf(kind, address, exceptId);
  }

  /**
   * A dial's result for a room of this book (AppStore.markDialed). Not an edit, and not a rewrite of the file: one
   * line in the last-dial log. Inside a batch it is not a room change either, so it does not mark the batch.
   */
  markDialed(roomId: string, outcome: string, at: string): Validated<Room> {
    const room = this.getRoom(roomId);
    if (!room) return unknownRoom('roomId', roomId);
    const checked = checkDialResult(room.id, outcome, at);
    if (!checked.ok) return checked;
    const entry = checked.value;
    // A result older than the one already recorded (batch results arriving out of order) is ignored.
    if (room.lastDialedAt !== undefined && Date.parse(room.lastDialedAt) > Date.parse(at)) return valid(room);
    const next: Room = deepFreeze({ ...room, lastDialedAt: entry.at, lastOutcome: entry.outcome });
    this.book.lastDial.append(entry);
    if (Object.isFrozen(this.rooms)) this.rooms = [...this.rooms];
    this.replaceRoom(room, next, this.rooms);
    this.index.replace(room, next);
    return valid(next);
  }

  importTencentRooms(list: readonly MeetingRoomInfo[]): Validated<ImportSummary> {
    if (!this.context.roomPolicy().allowLocalRooms) return localRoomRefused();
    const merged = mergeTencentRooms(this.rooms, list, this.nowIso(), this.context.newId);
    if (!merged.ok) return merged;
    const { rooms, summary } = merged.value;
    if (summary.added + summary.updated > 0) this.replaceAllRooms(rooms);
    return valid(summary);
  }

  // ── IT's shared address book ───────────────────────────────────────────────────────────────────────────────

  /** Only the favourite star of IT's room is the desk's to change. */
  private updateManagedRoom(room: Room, patch: unknown): Validated<Room> {
    const next = applyManagedRoomPatch(room, patch, this.nowIso());
    if (!next.ok || next.value === room) return next;
    const frozen = deepFreeze(next.value);
    this.changeRooms(
      (rooms) => this.replaceRoom(room, frozen, rooms),
      (index) => index.replace(room, frozen),
    );
    return valid(frozen);
  }

  syncManagedRooms(entries: readonly ManagedRoomInput[]): ManagedSyncSummary {
    const { rooms, summary } = mergeManagedRooms(this.rooms, entries, this.nowIso(), this.context.newId);
    if (summary.added + summary.updated + summary.adopted + summary.removed > 0) this.replaceAllRooms(rooms);
    return summary;
  }

  releaseManagedRooms(): number {
    const { rooms, released } = releaseManagedRooms(this.rooms);
    if (released > 0) this.replaceAllRooms(rooms);
    return released;
  }
}
