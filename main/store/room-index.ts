// The address book's lookups: a room by id, and the rooms that would ring a given device (its dial key). Both were
// linear scans (7.6 ms per duplicate check at 50,000 rooms); the store keeps this index in step with every add,
// edit, delete, restore and import, and rebuilds it when a batch is rolled back.
import { dialKey, dialValue } from '../../common/room-dial-key';
import type { RoomKind } from '../../common/room-input';
import type { Room } from '../../common/store-schema';

/** Rooms are frozen, so a room's key never changes: computed once per room object, not once per lookup. */
const roomKeys = new WeakMap<Room, string>();

export function roomDialKey(room: Room): string {
  let key = roomKeys.get(room);
  if (key === undefined) {
    key = dialKey(room.kind, dialValue(room));
    roomKeys.set(room, key);
  }
  return key;
}

export class RoomIndex {
  private readonly byId = new Map<string, Room>();
  /**
   * Usually one room per key; a file from before the duplicate guard may hold several. Built at the first
   * duplicate check rather than at start: normalising 50,000 addresses is time the window would wait for.
   */
  private keyed: Map<string, Room[]> | undefined;

  constructor(rooms: readonly Room[] = []) {
    this.rebuild(rooms);
  }

  rebuild(rooms: readonly Room[]): void {
    this.byId.clear();
    this.keyed = undefined;
    for (const room of rooms) this.byId.set(room.id, room);
  }

  private byKey(): Map<string, Room[]> {
    if (this.keyed === undefined) {
      this.keyed = new Map();
      for (const room of this.byId.values()) this.addKey(this.keyed, room);
    }
    return this.keyed;
  }

  private addKey(keyed: Map<string, Room[]>, room: Room): void {
    const key = roomDialKey(room);
    const same = keyed.get(key);
    if (same) same.push(room);
    else keyed.set(key, [room]);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Room | undefined {
    return this.byId.get(id);
  }

  add(room: Room): void {
    this.byId.set(room.id, room);
    if (this.keyed) this.addKey(this.keyed, room);
  }

  remove(room: Room): void {
    if (this.byId.get(room.id) === room) this.byId.delete(room.id);
    if (!this.keyed) return;
    const key = roomDialKey(room);
    const rest = (this.keyed.get(key) ?? []).filter((other) => other !== room);
    if (rest.length > 0) this.keyed.set(key, rest);
    else this.keyed.delete(key);
  }

  replace(before: Room, after: Room): void {
    this.remove(before);
    this.add(after);
  }

  /** A room other than `exceptId` that rings the device `kind` + `value` names. */
  duplicateOf(kind: RoomKind, value: string, exceptId?: string): Room | undefined {
    return this.byKey()
      .get(dialKey(kind, value))
      ?.find((room) => room.id !== exceptId);
  }
}
