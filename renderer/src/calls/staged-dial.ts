// A dial a room-dialer:// link (or the installed app's --dial arguments) staged for the operator to confirm: main
// pushes it (onStagedDial), StagedDialDialog shows it, and only the operator's Enter or Confirm rings anything.
// The listener starts with the window (main.ts), before the first await, so a link that started the app and is
// sent as soon as the page has loaded is not missed while the rest of the window is still starting.
import { shallowRef } from 'vue';
import type { StagedDial, StagedDialEvent } from '../../../common/dial-link';
import type { Room, RoomSet } from '../../../common/store-schema';
import { api } from '../api';

/** The newest staged (or refused) dial not yet confirmed or dismissed; a newer one replaces it. */
export const stagedDialEvent = shallowRef<StagedDialEvent | null>(null);

export function listenForStagedDials(): () => void {
  return api().onStagedDial((event) => {
    stagedDialEvent.value = event;
  });
}

export function dismissStagedDial(): void {
  stagedDialEvent.value = null;
}

/** A name or id the link gave that is not exactly one room of the address book. */
export interface UnresolvedRoom {
  readonly given: string;
  /** 'ambiguous': several rooms have this name; the link cannot say which is meant. */
  readonly reason: 'not_found' | 'ambiguous';
}

export interface ResolvedRooms {
  /** In the link's order, each room once. */
  readonly found: readonly Room[];
  readonly unresolved: readonly UnresolvedRoom[];
}

/**
 * The link's rooms in the address book: a room id, else exactly one room of that name (as written, else ignoring
 * case). Nothing is guessed beyond that: a name two rooms share, or a near miss, is listed for the operator instead.
 */
export function resolveStagedRooms(dial: StagedDial, rooms: readonly Room[]): ResolvedRooms {
  const byId = new Map(rooms.map((room) => [room.id, room]));
  const found: Room[] = [];
  const unresolved: UnresolvedRoom[] = [];
  for (const given of dial.rooms) {
    const room = byId.get(given) ?? uniqueByName(rooms, given);
    if (room === 'ambiguous' || room === undefined) {
      unresolved.push({ given, reason: room ?? 'not_found' });
    } else if (!found.includes(room)) {
      found.push(room);
    }
  }
  return { found, unresolved };
}

/**
 * The room set a link named, by its name as written, else ignoring case (set names are unique in a profile's book,
 * ignoring case); undefined when the link named none, 'not_found' when this profile has no such set.
 */
export function resolveStagedSet(dial: StagedDial, sets: readonly RoomSet[]): RoomSet | 'not_found' | undefined {
  if (dial.set === undefined) return undefined;
  const folded = dial.set.toLocaleLowerCase();
  return (
    sets.find((set) => set.name === dial.set) ??
    sets.find((set) => set.name.toLocaleLowerCase() === folded) ??
    'not_found'
  );
}

function uniqueByName(rooms: readonly Room[], name: string): Room | 'ambiguous' | undefined {
  const exact = rooms.filter((room) => room.name === name);
  if (exact.length > 1) return 'ambiguous';
  if (exact.length === 1) return exact[0];
  const folded = name.toLocaleLowerCase();
  const loose = rooms.filter((room) => room.name.toLocaleLowerCase() === folded);
  if (loose.length > 1) return 'ambiguous';
  return loose[0];
}
