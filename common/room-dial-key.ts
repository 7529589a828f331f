// When two address-book entries ring the same device: the one comparison the store (refusing a duplicate on save)
// and the window (warning while typing, planning a CSV import) both use, so the warning matches the refusal.
import { validateH323Address, validateSipAddress } from './address';
import type { RoomKind } from './room-input';
import type { Room } from './store-schema';

/** The dial string of a room: its address, or its meeting_room_id. */
export function dialValue(room: Room): string {
  return room.kind === 'rooms' ? room.meetingRoomId : room.address;
}

/**
 * Same kind, and the same dial string once normalised (common/address.ts), lower-cased (host names are
 * case-insensitive; a user part in another case is the same device in practice) and without a leading `sip:`
 * (`sip:room@host` rings what `room@host` rings; `sips:` is kept, it asks for TLS). The kind is part of the key.
 */
export function dialKey(kind: RoomKind, value: string): string {
  const text = value.trim();
  if (kind === 'rooms') return `rooms\n${text.toLowerCase()}`;
  const checked = kind === 'sip' ? validateSipAddress(text, 'address') : validateH323Address(text, 'address');
  const key = (checked.ok ? checked.value : text).toLowerCase();
  return `${kind}\n${kind === 'sip' && key.startsWith('sip:') ? key.slice('sip:'.length) : key}`;
}
