// Finding the rooms a request names, with a 'not_found' error that names the field when one is gone (deleted in
// another window of the list, or by an import).
import { unknownRoomMessage } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';
import type { AppStore } from '../../store/app-store';
import { notFound } from '../errors';

export function requireRoom(store: AppStore, id: string, field: string): Room {
  const room = store.getRoom(id);
  if (room) return room;
  throw notFound(field, unknownRoomMessage(field, id), {
    'zh-CN': '未做任何更改；请刷新会议室列表后重试',
    'en-US': 'Nothing was changed; reload the room list and try again',
  });
}
