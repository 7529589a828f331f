// The room sets (config.sets.json): create, edit, delete, look up by id or name, import from a CSV plan. The
// schedule runner and the set dialer read them through getSet()/listSets().
//
// Like the address book: every change is checked first (a FieldError naming the field, nothing written), then the
// whole file is written through its backend (which re-validates it and writes atomically), and only then is the
// in-memory copy replaced, so a refused write (StoreWriteError) changes nothing. Lookups by id and by name go
// through maps kept in step with every change. A set keeps the ids of rooms deleted from the address book: the
// window shows the gap ("1 room was deleted"), dialing skips it with the reason, and an undone delete fills it.
import { nameKey, ROOM_SET_LIMITS, type SetImportReport, type SetImportRow } from '../../common/room-set';
import type { Localized } from '../../common/locale';
import { isDeepStrictEqual } from 'node:util';
import type { RoomSet } from '../../common/store-schema';
import { invalid, valid, type Validated } from '../../common/validation';
import { roomSetsDocument } from './defaults';
import type { DocumentFile } from './open-store';
import { planSetImport, type RoomDirectory } from './room-set-import';
import { checkSetFields, setFromFields } from './room-set-input';

export type { RoomDirectory } from './room-set-import';

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

function unknownSet(field: string): Validated<never> {
  return invalid(field, {
    'zh-CN': `${field}：没有这个会议室组，可能已被删除`,
    'en-US': `${field}: no such room set; it may have been deleted`,
  });
}

export class RoomSetStore {
  /** In the order they were created; frozen while anyone may hold it. */
  private sets: readonly RoomSet[];
  private readonly byId = new Map<string, RoomSet>();
  private readonly byName = new Map<string, RoomSet>();

  /** Use AppStore.sets; the constructor trusts `sets` to be what the file holds. */
  constructor(
    private readonly file: DocumentFile,
    sets: readonly RoomSet[],
    private readonly rooms: RoomDirectory,
    private readonly clock: () => Date,
    private readonly newId: () => string,
  ) {
    this.sets = Object.freeze(sets.map((set) => deepFreeze(set)));
    this.reindex();
  }

  /** The file the sets are kept in (it exists once the first set was saved). */
  get path(): string {
    return this.file.path;
  }

  private reindex(): void {
    this.byId.clear();
    this.byName.clear();
    for (const set of this.sets) {
      this.byId.set(set.id, set);
      // A hand-edited file may repeat a name: the first keeps it, the next save of the other is refused.
      const key = nameKey(set.name);
      if (!this.byName.has(key)) this.byName.set(key, set);
    }
  }

  /** Writes the file, then keeps `next`: a refused write leaves everything as it was. */
  private commit(next: readonly RoomSet[]): void {
    this.file.write(roomSetsDocument(next));
    this.sets = Object.freeze(next);
    this.reindex();
  }

  listSets(): readonly RoomSet[] {
    return this.sets;
  }

  getSet(id: string): RoomSet | undefined {
    return typeof id === 'string' ? this.byId.get(id) : undefined;
  }

  /** The set of that name, compared without regard to case or width. */
  findSetByName(name: string): RoomSet | undefined {
    return typeof name === 'string' ? this.byName.get(nameKey(name)) : undefined;
  }

  /** The set's rooms the address book no longer has: the gap the window shows and dialing skips. */
  missingRoomIds(set: RoomSet): string[] {
    return set.roomIds.filter((id) => !this.rooms.getRoom(id));
  }

  private nameTaken(name: string, exceptId: string | undefined): Validated<never> | undefined {
    const other = this.byName.get(nameKey(name));
    if (!other || other.id === exceptId) return undefined;
    return invalid('name', {
      'zh-CN': `name：已有名为“${other.name}”的会议室组（名称不区分大小写）`,
      'en-US': `name: there is already a room set named "${other.name}" (names ignore case)`,
    });
  }

  private roomExists = (id: string): boolean => this.rooms.getRoom(id) !== undefined;

  /** Checks the input (room-set-input.ts), a unique name and the number of sets, then saves the new set. */
  createSet(input: unknown): Validated<RoomSet> {
    const checked = checkSetFields(input, undefined, this.roomExists);
    if (!checked.ok) return checked;
    const taken = this.nameTaken(checked.value.name, undefined);
    if (taken) return taken;
    if (this.sets.length >= ROOM_SET_LIMITS.sets) return tooManySets();
    const at = this.clock().toISOString();
    const set = deepFreeze(setFromFields(checked.value, this.newId(), at, at));
    this.commit([...this.sets, set]);
    return valid(set);
  }

  /**
   * `patch` holds the fields to change (undefined: leave as is; defaultMeeting '' and retry null remove them). Rooms
   * already in the set may stay although deleted; rooms added must exist. An edit that changes nothing writes nothing.
   */
  updateSet(id: string, patch: unknown): Validated<RoomSet> {
    const set = this.getSet(id);
    if (!set) return unknownSet('id');
    const checked = checkSetFields(patch, set, this.roomExists);
    if (!checked.ok) return checked;
    const taken = this.nameTaken(checked.value.name, set.id);
    if (taken) return taken;
    const next = deepFreeze(setFromFields(checked.value, set.id, set.createdAt, this.clock().toISOString()));
    if (sameContent(set, next)) return valid(set);
    this.commit(this.sets.map((s) => (s === set ? next : s)));
    return valid(next);
  }

  deleteSet(id: string): Validated<RoomSet> {
    const set = this.getSet(id);
    if (!set) return unknownSet('id');
    this.commit(this.sets.filter((s) => s !== set));
    return valid(set);
  }

  /**
   * The sets a CSV's rows make (room-set-import.ts): new sets are created, a set of the same name gets the file's
   * rooms. With `apply` false it only reports; with true it saves every set in one write.
   */
  importSets(rows: readonly SetImportRow[], apply: boolean): SetImportReport {
    const plan = planSetImport(rows, { count: this.sets.length, byName: (key) => this.byName.get(key) }, this.rooms);
    const entries = plan.sets.map((planned) => ({
      name: planned.name,
      action: planned.existing ? ('replace' as const) : ('create' as const),
      rooms: planned.roomIds.length,
    }));
    if (apply && plan.sets.length > 0) {
      const at = this.clock().toISOString();
      const replaced = new Map<RoomSet, RoomSet>();
      const created: RoomSet[] = [];
      for (const planned of plan.sets) {
        const { existing } = planned;
        if (existing) {
          replaced.set(existing, deepFreeze({ ...existing, roomIds: [...planned.roomIds], updatedAt: at }));
        } else {
          const fields = { name: planned.name, roomIds: planned.roomIds, defaultMeeting: undefined, retry: undefined };
          created.push(deepFreeze(setFromFields(fields, this.newId(), at, at)));
        }
      }
      this.commit([...this.sets.map((s) => replaced.get(s) ?? s), ...created]);
    }
    return { applied: apply, sets: entries, problems: plan.problems };
  }
}

function tooManySets(): Validated<never> {
  const message: Localized = {
    'zh-CN': `sets：会议室组已达上限（${ROOM_SET_LIMITS.sets} 个）；请先删除不再使用的会议室组`,
    'en-US': `sets: there are already ${ROOM_SET_LIMITS.sets} room sets, the most Room Dialer keeps; delete one you no longer use first`,
  };
  return invalid('sets', message);
}

/** Same fields (the timestamps are left out on purpose: an unchanged save is not an edit). */
function sameContent(a: RoomSet, b: RoomSet): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return isDeepStrictEqual(restA, restB);
}
