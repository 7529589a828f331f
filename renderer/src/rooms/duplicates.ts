// Which saved room would ring the same device as an address being typed or imported. The same comparison as the
// main process's store (main/store/rooms.ts) so the warning shown while typing matches the refusal on save:
// same kind, same dial string once normalised by common/address.ts, lower-cased, without a leading "sip:".
import { validateH323Address, validateSipAddress } from '../../../common/address';
import type { RoomKind } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';

export function dialValue(room: Room): string {
  return room.kind === 'rooms' ? room.meetingRoomId : room.address;
}

export function dialKey(kind: RoomKind, value: string): string {
  const text = value.trim();
  if (kind === 'rooms') return text.toLowerCase();
  const checked = kind === 'sip' ? validateSipAddress(text, 'address') : validateH323Address(text, 'address');
  const key = (checked.ok ? checked.value : text).toLowerCase();
  return kind === 'sip' && key.startsWith('sip:') ? key.slice('sip:'.length) : key;
}

/** Looks rooms up by dial key; build once per room list, not per keystroke. */
export class DuplicateFinder {
  private readonly byKey = new Map<string, Room>();

  constructor(rooms: readonly Room[]) {
    for (const room of rooms) {
      const key = `${room.kind}\n${dialKey(room.kind, dialValue(room))}`;
      if (!this.byKey.has(key)) this.byKey.set(key, room);
    }
  }

  /** The saved room with this dial string, other than `exceptId` (the room being edited). */
  find(kind: RoomKind, value: string, exceptId?: string): Room | undefined {
    if (value.trim() === '') return undefined;
    const room = this.byKey.get(`${kind}\n${dialKey(kind, value)}`);
    return room && room.id !== exceptId ? room : undefined;
  }
}
