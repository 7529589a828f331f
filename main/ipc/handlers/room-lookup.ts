// Finding the rooms a request names, with a 'not_found' error that names the field when one is gone (deleted in
// another window of the list, or by an import).
import type { Room } from '../../../common/store-schema';
import type { AppStore } from '../../store/app-store';
import { notFound } from '../errors';

export function requireRoom(store: AppStore, id: string, field: string): Room {
  const room = store.getRoom(id);
  if (room) return room;
  const shown = id.slice(0, 40);
  throw notFound(
    field,
    {
      'zh-CN': `${field}：通讯录中没有这个会议室（${shown}），可能已被删除`,
      'en-US': `${field}: no such room in the address book (${shown}); it may have been deleted`,
    },
    {
      'zh-CN': '未做任何更改；请刷新会议室列表后重试',
      'en-US': 'Nothing was changed; reload the room list and try again',
    },
  );
}
