// What room-call dials for an address-book room, and the key that says two calls would ring the same device.
import { dialKey as deviceKey } from '../../common/room-dial-key';
import { MRA_PROTOCOL, protocolName, type RoomTarget } from '../../common/room-target';
import type { Room } from '../../common/store-schema';

export function roomTargetOf(room: Room): RoomTarget {
  return room.kind === 'rooms'
    ? { kind: 'rooms', meetingRoomId: room.meetingRoomId }
    : { kind: 'mra', protocol: MRA_PROTOCOL[room.kind], dialString: room.address };
}

/**
 * The duplicate-dial guard's key: the meeting plus what is dialed (not the room's id), so a room whose address
 * was edited while its old call still rings is not taken for the same device, and the same device is never rung
 * twice into one meeting. Devices are compared exactly as the address book compares them (common/room-dial-key.ts:
 * case-insensitive, `sip:x` is `x`): otherwise an address edited from `sip:x` to `x`, or a room deleted and added
 * again in another spelling, while its call still rings, would ring the same device a second time.
 */
export function dialKey(meetingId: string, target: RoomTarget): string {
  const device =
    target.kind === 'rooms'
      ? deviceKey('rooms', target.meetingRoomId)
      : deviceKey(protocolName(target.protocol), target.dialString);
  return `${meetingId}|${device}`;
}
