// Which saved room would ring the same device as an address being typed or imported, by the store's own
// comparison (common/room-dial-key.ts), so the warning shown while typing matches the refusal on save.
import { dialKey, dialValue } from '../../../common/room-dial-key';
import type { RoomKind } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';

/** Looks rooms up by dial key; build once per room list, not per keystroke. */
export class DuplicateFinder {
  private readonly byKey = new Map<string, Room>();

  constructor(rooms: readonly Room[]) {
    for (const room of rooms) {
      const key = dialKey(room.kind, dialValue(room));
      if (!this.byKey.has(key)) this.byKey.set(key, room);
    }
  }

  /** The saved room with this dial string, other than `exceptId` (the room being edited). */
  find(kind: RoomKind, value: string, exceptId?: string): Room | undefined {
    if (value.trim() === '') return undefined;
    const room = this.byKey.get(dialKey(kind, value));
    return room && room.id !== exceptId ? room : undefined;
  }
}
