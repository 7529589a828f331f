// history:list: one page of finished calls, newest first, filtered by the store (the one filter). A since/until that
// is not a time, or a meeting that is not digits, would silently match nothing, so each is refused naming the field.
import type { RequestOf } from '../../../common/ipc-contract';
import { invalid } from '../../../common/validation';
import type { HandlerContext } from './context';
import { unwrap } from '../errors';
import type { HandlersFor } from '../types';

function checkTime(value: string | undefined, field: 'since' | 'until'): void {
  if (value === undefined || !Number.isNaN(Date.parse(value))) return;
  unwrap(
    invalid(field, {
      'zh-CN': `${field}：必须是时间，例如 2026-11-22T10:00:00.000Z`,
      'en-US': `${field}: must be a time such as 2026-11-22T10:00:00.000Z`,
    }),
  );
}

function checkMeeting(value: string | undefined): void {
  if (value === undefined || /^\d{1,32}$/.test(value)) return;
  unwrap(
    invalid('meeting', {
      'zh-CN': 'meeting：必须是会议 ID 或 9 位会议号（只含数字）',
      'en-US': 'meeting: must be a meeting ID or 9-digit meeting code (digits only)',
    }),
  );
}

export function historyHandlers(ctx: HandlerContext): HandlersFor<'history:list'> {
  return {
    'history:list': (query: RequestOf<'history:list'>) => {
      checkTime(query.since, 'since');
      checkTime(query.until, 'until');
      checkMeeting(query.meeting);
      return ctx.store.queryHistory(query);
    },
  };
}
