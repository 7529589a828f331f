// What one profile does to another's address book: rooms copied into it ("copy rooms to profile"), and its files put
// aside when the profile is removed. The rooms keep their content; the copies get new ids (ids are per book) and no
// dial history (that profile never dialed them).
import { existsSync } from 'node:fs';
import type { CopyRoomsSummary } from '../../common/profiles';
import type { Room } from '../../common/store-schema';
import { moveAside } from './backup';
import { roomsDocument } from './defaults';
import type { BookPaths, OpenedBook } from './open-store';
import { RoomIndex } from './room-index';
import { checkNotDuplicate } from './rooms';
import { guardFile } from './store-errors';

/**
 * Appends copies of `rooms` to `target`'s address book, leaving out those that would ring a device the book already
 * has (and IT's rooms, which every profile gets from the shared book), and writes the book once. Throws
 * StoreWriteError when it cannot be written: nothing is then copied.
 */
export function copyRoomsInto(
  target: OpenedBook,
  rooms: readonly Room[],
  notFound: number,
  ids: { readonly newId: () => string; readonly at: string },
): CopyRoomsSummary {
  const index = new RoomIndex(target.rooms);
  const added: Room[] = [];
  let alreadyThere = 0;
  for (const room of rooms) {
    const { lastDialedAt: _at, lastOutcome: _outcome, managed, ...content } = room;
    const copy: Room = { ...content, id: ids.newId(), createdAt: ids.at, updatedAt: ids.at };
    if (managed || !checkNotDuplicate(index, copy, undefined).ok) {
      alreadyThere += 1;
      continue;
    }
    index.add(copy);
    added.push(copy);
  }
  if (added.length > 0) {
    target.roomsFile.write(roomsDocument([...target.rooms, ...added]));
    // The book file now holds every room's latest dial, as AppStore's own writes do.
    target.lastDial.clear();
  }
  return { copied: added.length, alreadyThere, notFound };
}

/** A removed profile's files, renamed to `<name>.removed-<time>.<ext>` beside them: kept, never deleted. */
export function setBookAside(paths: BookPaths, schedulesFile: string, at: Date): string[] {
  const moved: string[] = [];
  for (const file of [paths.rooms, paths.sets, paths.lastDial, schedulesFile]) {
    if (!existsSync(file)) continue;
    guardFile('write', file, () => moved.push(moveAside(file, 'removed', at)));
  }
  return moved;
}
