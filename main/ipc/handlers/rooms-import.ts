// rooms:import (a CSV the operator previewed) and rooms:import-tencent (the account's Tencent Rooms list).
// A CSV row stands alone: good rows go in, a bad one comes back with the error naming its field. An existing room
// is changed only when the operator said so for that row (overwriteId): the row's fields replace the room's, the
// fields the row leaves out (a CSV without a notes column) are kept. A row that would ring a device already in the
// book is refused like a typed-in duplicate.
import type { ImportRowResult, RequestOf, TencentImportSummary } from '../../../common/ipc-contract';
import type { HandlerContext } from './context';
import { toIpcError, unwrap } from '../errors';
import type { HandlersFor } from '../types';
import { requireRoom } from './room-lookup';

type ImportRow = RequestOf<'rooms:import'>['rows'][number];

function importRow(ctx: HandlerContext, row: ImportRow) {
  if (row.overwriteId === undefined) return unwrap(ctx.store.addRoom(row.room));
  requireRoom(ctx.store, row.overwriteId, 'overwriteId');
  return unwrap(ctx.store.updateRoom(row.overwriteId, row.room));
}

export function importHandlers(ctx: HandlerContext): HandlersFor<'rooms:import' | 'rooms:import-tencent'> {
  return {
    // One file write for the whole import (AppStore.batch), not one per row.
    'rooms:import': ({ rows }) =>
      ctx.store.batch(() =>
        rows.map((row, index): ImportRowResult => {
          try {
            return { index, ok: true, room: importRow(ctx, row) };
          } catch (error) {
            return { index, ok: false, error: toIpcError(error, ctx.log, 'rooms:import') };
          }
        }),
      ),
    'rooms:import-tencent': async (): Promise<TencentImportSummary> => {
      const client = await ctx.clientFor();
      const list = await client.listMeetingRooms();
      const summary = unwrap(ctx.store.importTencentRooms(list));
      return { ...summary, notCallable: list.filter((room) => !room.isAllowCall).length };
    },
  };
}
