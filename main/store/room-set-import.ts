// Planning a room-set CSV import: which sets the file's rows make, which rooms of the address book each row names,
// and every row left out with the reason on its spreadsheet row. A row names its room by name (compared without
// regard to case or width), or by address or Rooms ID (compared the way the duplicate guard compares devices); an
// exported file also carries the address, which is tried first so a renamed room still matches. A set of the file
// that already exists (same name) gets the file's rooms in place of its own; its default meeting and retry rules
// stay. Planning changes nothing: the store applies the plan, in one write, only when asked.
import type { Localized } from '../../common/locale';
import { ROOM_KINDS, type RoomKind } from '../../common/room-input';
import {
  nameKey,
  ROOM_SET_LIMITS,
  validateSetName,
  type SetImportProblem,
  type SetImportRow,
} from '../../common/room-set';
import type { Room, RoomSet } from '../../common/store-schema';
import { capText } from '../../common/text-cap';

/** What the import reads of the address book. */
export interface RoomDirectory {
  getRoom(id: string): Room | undefined;
  listRooms(): readonly Room[];
  findDuplicateAddress(kind: RoomKind, address: string): Room | undefined;
}

/** One set the file makes or replaces. */
export interface PlannedSet {
  readonly name: string;
  readonly existing: RoomSet | undefined;
  readonly roomIds: readonly string[];
}

export interface SetImportPlan {
  readonly sets: readonly PlannedSet[];
  readonly problems: readonly SetImportProblem[];
}

/** How a cell is shown inside a message: a cell can hold 600 characters, a message quotes at most 60. */
const QUOTED = 60;

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

type Found = { readonly room: Room } | { readonly problem: Localized };

/** Finds the rooms rows name, each distinct cell once. */
class RoomFinder {
  private names: Map<string, Room[]> | undefined;
  private readonly found = new Map<string, Found>();

  constructor(private readonly rooms: RoomDirectory) {}

  find(room: string, address: string | undefined): Found {
    const cacheKey = `${address ?? ''}\n${room}`;
    let found = this.found.get(cacheKey);
    if (!found) {
      found = this.lookup(room.trim(), address?.trim() ?? '');
      this.found.set(cacheKey, found);
    }
    return found;
  }

  private lookup(room: string, address: string): Found {
    if (room === '' && address === '') {
      return {
        problem: both('请填写会议室名称，或它的地址/会议室 ID', "fill in the room's name, or its address or Rooms ID"),
      };
    }
    const byAddress = address === '' ? undefined : this.byAddress(address);
    if (byAddress) return { room: byAddress };
    const named = room === '' ? [] : (this.byName().get(nameKey(room)) ?? []);
    if (named.length === 1) return { room: named[0] as Room };
    const byText = room === '' ? undefined : this.byAddress(room);
    if (byText) return { room: byText };
    const shown = capText(room === '' ? address : room, QUOTED);
    if (named.length > 1) {
      return {
        problem: both(
          `通讯录中有 ${named.length} 个会议室名为“${shown}”；请改填它的地址或会议室 ID`,
          `${named.length} rooms in the address book are named "${shown}"; write its address or Rooms ID instead`,
        ),
      };
    }
    return {
      problem: both(
        `通讯录中没有名称、地址或会议室 ID 为“${shown}”的会议室`,
        `no room in the address book has the name, address or Rooms ID "${shown}"`,
      ),
    };
  }

  private byAddress(text: string): Room | undefined {
    for (const kind of ROOM_KINDS) {
      const room = this.rooms.findDuplicateAddress(kind, text);
      if (room) return room;
    }
    return undefined;
  }

  /** Built at the first name lookup: one pass over the address book per import. */
  private byName(): Map<string, Room[]> {
    if (!this.names) {
      this.names = new Map();
      for (const room of this.rooms.listRooms()) {
        const key = nameKey(room.name);
        const same = this.names.get(key);
        if (same) same.push(room);
        else this.names.set(key, [room]);
      }
    }
    return this.names;
  }
}

/** A validator's message without its leading field name: the import shows the column and the row itself. */
function withoutField(field: string, message: Localized): Localized {
  return {
    'zh-CN': message['zh-CN'].replace(`${field}：`, ''),
    'en-US': message['en-US'].replace(`${field}: `, ''),
  };
}

interface Group {
  readonly name: string;
  readonly firstRow: number;
  readonly existing: RoomSet | undefined;
  readonly roomIds: string[];
  /** The row each room came from, for "already listed on row 3". */
  readonly rowOf: Map<string, number>;
}

export function planSetImport(
  rows: readonly SetImportRow[],
  sets: { readonly count: number; byName(key: string): RoomSet | undefined },
  rooms: RoomDirectory,
): SetImportPlan {
  const problems: SetImportProblem[] = [];
  const problem = (row: number, field: SetImportProblem['field'], message: Localized) =>
    problems.push({ row, field, message });
  const groups = new Map<string, Group>();
  const finder = new RoomFinder(rooms);

  for (const row of rows) {
    const setName = validateSetName(row.set, 'set');
    if (!setName.ok) {
      problem(row.row, 'set', withoutField('set', setName.error.message));
      continue;
    }
    const key = nameKey(setName.value);
    let group = groups.get(key);
    if (!group) {
      const existing = sets.byName(key);
      group = { name: existing?.name ?? setName.value, firstRow: row.row, existing, roomIds: [], rowOf: new Map() };
      groups.set(key, group);
    }
    const found = finder.find(row.room, row.address);
    if ('problem' in found) {
      problem(row.row, 'room', found.problem);
      continue;
    }
    const { room } = found;
    const earlier = group.rowOf.get(room.id);
    if (earlier !== undefined) {
      problem(
        row.row,
        'room',
        both(
          `“${room.name}”已在会议室组“${group.name}”中（第 ${earlier} 行），只导入一次`,
          `"${room.name}" is already in the set "${group.name}" (row ${earlier}); imported once`,
        ),
      );
      continue;
    }
    if (group.roomIds.length >= ROOM_SET_LIMITS.rooms) {
      problem(
        row.row,
        'room',
        both(
          `会议室组“${group.name}”已有 ${ROOM_SET_LIMITS.rooms} 个会议室（上限），这一行未导入`,
          `the set "${group.name}" already has ${ROOM_SET_LIMITS.rooms} rooms, the most a set holds; this row was not imported`,
        ),
      );
      continue;
    }
    group.roomIds.push(room.id);
    group.rowOf.set(room.id, row.row);
  }

  // A set none of whose rows named a room is not made (and an existing one is not emptied).
  const planned: PlannedSet[] = [];
  let count = sets.count;
  for (const group of groups.values()) {
    if (group.roomIds.length === 0) continue;
    if (!group.existing && count >= ROOM_SET_LIMITS.sets) {
      problem(
        group.firstRow,
        'set',
        both(
          `会议室组已达上限（${ROOM_SET_LIMITS.sets} 个），会议室组“${group.name}”未导入`,
          `there are already ${ROOM_SET_LIMITS.sets} room sets, the most Room Dialer keeps; the set "${group.name}" was not imported`,
        ),
      );
      continue;
    }
    if (!group.existing) count += 1;
    planned.push({ name: group.name, existing: group.existing, roomIds: group.roomIds });
  }
  problems.sort((a, b) => a.row - b.row);
  return { sets: planned, problems };
}
