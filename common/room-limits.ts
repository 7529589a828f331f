// How much one address-book room may hold, in characters as people count them. Apart from room-input.ts's
// validators, whose address checks bring zod's IP formats along, so that the dial-link parser (common/dial-link.ts),
// which main's thin Electron entry loads before `ready`, shares the name limit without loading zod there.
import { MAX_ROOM_ID_LENGTH } from './room-id';

/** Limits in characters (Unicode code points, so one Chinese character or one emoji counts as one). */
export const ROOM_LIMITS = {
  name: 100,
  location: 100,
  group: 100,
  tagCount: 20,
  tag: 30,
  notes: 1000,
  meetingRoomId: MAX_ROOM_ID_LENGTH,
} as const;

/** Length as people count it: code points, not UTF-16 units. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
