// Who is being called: a Tencent Rooms room by its ID, or a SIP/H.323 room system by its address (MRA).

/** Tencent's signalling protocol numbers for mra_address.protocol. */
export const MRA_PROTOCOL = { sip: 1, h323: 2 } as const;
export type MraProtocol = (typeof MRA_PROTOCOL)[keyof typeof MRA_PROTOCOL];
export type AddressProtocol = keyof typeof MRA_PROTOCOL;

export type RoomTarget =
  | { readonly kind: 'rooms'; readonly meetingRoomId: string }
  | { readonly kind: 'mra'; readonly protocol: MraProtocol; readonly dialString: string };

export function protocolName(protocol: MraProtocol): AddressProtocol {
  return protocol === MRA_PROTOCOL.sip ? 'sip' : 'h323';
}

/** A short, human-readable form of a target, for logs and CLI output (never contains secrets). */
export function describeTarget(target: RoomTarget): string {
  return target.kind === 'rooms'
    ? `Rooms ${target.meetingRoomId}`
    : `${target.protocol === MRA_PROTOCOL.sip ? 'SIP' : 'H.323'} ${target.dialString}`;
}
