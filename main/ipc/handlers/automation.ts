// automation:*. What the dialer's automation is waiting to ring (retries and rejoins, each with its due time), and
// the operator's Cancel for one of them. The rules are main/calls/auto-redial.ts's.
import type { HandlerContext } from './context';
import { notFound } from '../errors';
import type { HandlersFor } from '../types';

export function automationHandlers(ctx: HandlerContext): HandlersFor<'automation:pending' | 'automation:cancel'> {
  return {
    'automation:pending': ({ meetingId }) => ctx.automation.pending(meetingId),
    'automation:cancel': ({ id }) => {
      if (ctx.automation.cancel(id)) return null;
      throw notFound(
        'id',
        { 'zh-CN': '这个自动重呼已经不在等待中', 'en-US': 'This automatic redial is no longer waiting' },
        {
          'zh-CN': '它可能已经呼出或被取消；请查看呼叫列表',
          'en-US': 'It may have rung or been cancelled; see the calls',
        },
      );
    },
  };
}
