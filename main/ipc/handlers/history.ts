// history:list: finished calls, newest first, filtered. A since/until that is not a time would silently filter
// nothing, so it is refused naming the field.
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

export function historyHandlers(ctx: HandlerContext): HandlersFor<'history:list'> {
  return {
    'history:list': (filter: RequestOf<'history:list'>) => {
      checkTime(filter.since, 'since');
      checkTime(filter.until, 'until');
      return ctx.store.listHistory(filter);
    },
  };
}
