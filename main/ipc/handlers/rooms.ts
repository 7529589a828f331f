// rooms:list/add/update/delete/restore: the address book. The store checks every field (common/room-input.ts) and
// refuses a second entry for the same device; this layer adds 'not_found' for ids that are not in the book.
import type { Room } from '../../../common/store-schema';
import type { HandlerContext } from './context';
import { unwrap } from '../errors';
import type { HandlersFor } from '../types';
import { requireRoom } from './room-lookup';

type RoomChannels = 'rooms:list' | 'rooms:add' | 'rooms:update' | 'rooms:delete' | 'rooms:restore';

export function roomHandlers(ctx: HandlerContext): HandlersFor<RoomChannels> {
  const { store } = ctx;
  return {
    'rooms:list': () => store.listRooms(),
    'rooms:add': (input) => unwrap(store.addRoom(input)),
    'rooms:update': ({ id, patch }) => {
      requireRoom(store, id, 'id');
      return unwrap(store.updateRoom(id, patch));
    },
    'rooms:delete': ({ id }) => {
      requireRoom(store, id, 'id');
      return unwrap(store.deleteRoom(id));
    },
    // The store checks the whole room against the file schema (the request schema only says "an object").
    'rooms:restore': ({ room }) => unwrap(store.restoreRoom(room as unknown as Room)),
  };
}
