// When two address-book entries ring the same device: the one comparison the store (refusing a duplicate on save)
// and the window (warning while typing, planning a CSV import) both use, so the warning matches the refusal.
import { validateH323Address, validateSipAddress } from './address';
import type { RoomKind } from './room-input';
import type { Room } from './store-schema';

/** The dial string of a room: its address, or its meeting_room_id. */
export function dialValue(room: Room): string {
  return room.kind === 'rooms' ? room.meetingRoomId : room.address;
}

/** The port a device listens on when none is written: Tencent dials the same device either way. */
const DEFAULT_PORTS: Readonly<Record<string, string>> = { sip: '5060', sips: '5061', h323: '1720' };

/**
 * Same kind, and the same device as a SIP/H.323 network sees it: the dial string normalised (common/address.ts),
 * lower-cased (host names are case-insensitive; a user part in another case is the same device in practice),
 * without a leading `sip:` or `h323:` (`sip:room@host` rings what `room@host` rings; `sips:` is kept, it asks for
 * TLS), without URI parameters or headers (`;transport=udp`, `?x=y` choose how to reach the device, not which
 * device), and without the default port (5060, 5061 for sips, 1720 for H.323). The kind is part of the key.
 */
export function dialKey(kind: RoomKind, value: string): string {
  const text = value.trim();
  if (kind === 'rooms') return `rooms\n${text.toLowerCase()}`;
  const checked = kind === 'sip' ? validateSipAddress(text, 'address') : validateH323Address(text, 'address');
  return `${kind}\n${deviceOf(kind, (checked.ok ? checked.value : text).toLowerCase())}`;
}

function deviceOf(kind: 'sip' | 'h323', address: string): string {
  let scheme = kind === 'sip' ? 'sip' : 'h323';
  let rest = address;
  const explicit = /^(sips?|h323):/.exec(rest);
  if (explicit) {
    scheme = explicit[1] as string;
    rest = rest.slice(explicit[0].length);
  }
  rest = rest.split(/[;?]/, 1)[0] as string;
  const at = rest.lastIndexOf('@');
  const user = at === -1 ? '' : rest.slice(0, at + 1);
  let host = rest.slice(at + 1);
  const port = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(host);
  if (port && port[2] === DEFAULT_PORTS[scheme]) host = port[1] as string;
  return `${scheme === 'sips' ? 'sips:' : ''}${user}${host}`;
}
