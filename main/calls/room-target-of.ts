// What room-call dials for an address-book room, and the key that says two calls would ring the same device.
import { MRA_PROTOCOL, type RoomTarget } from '../../common/room-target';
import type { Room } from '../../common/store-schema';

export function roomTargetOf(room: Room): RoomTarget {
  return room.kind === 'rooms'
    ? { kind: 'rooms', meetingRoomId: room.meetingRoomId }
    : { kind: 'mra', protocol: MRA_PROTOCOL[room.kind], dialString: room.address };
}

/**
 * The duplicate-dial guard's key: the meeting plus what is dialed (not the room's id), so a room whose address
 * was edited while its old call still rings is not taken for the same device, and the same device is never rung
 * twice into one meeting. Addresses are compared case-insensitively, as the address book compares them.
 */
export function dialKey(meetingId: string, target: RoomTarget): string {
  const what =
    target.kind === 'rooms' ? `rooms:${target.meetingRoomId}` : `mra:${target.protocol}:${target.dialString}`;
  return `${meetingId}|${what.toLowerCase()}`;
}
