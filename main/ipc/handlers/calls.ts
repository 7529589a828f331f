// calls:*. The tracker owns the calls (queueing, the one-shot room-call, polling, history); this layer checks that
// every room named is in the address book and may be called, so a bad batch is refused before anything rings.
import type { HandlerContext } from './context';
import { IpcFailure } from '../errors';
import type { HandlersFor } from '../types';
import { requireRoom } from './room-lookup';

type CallChannels = 'calls:dial' | 'calls:list' | 'calls:cancel' | 'calls:cancel-all' | 'calls:redial';

/** The room must still be in the address book and allowed to be called; `field` is what the operator asked with. */
function checkCallable(ctx: HandlerContext, roomId: string, field: string): void {
  const room = requireRoom(ctx.store, roomId, field);
  if (room.callable) return;
  throw new IpcFailure({
    kind: 'validation',
    code: 'not_callable',
    field,
    message: {
      'zh-CN': `${field}：腾讯会议不允许呼叫会议室“${room.name}”（is_allow_call 为否）`,
      'en-US': `${field}: Tencent Meeting does not allow calling the room "${room.name}" (is_allow_call is false)`,
    },
    hint: {
      'zh-CN': '没有呼叫任何会议室；请从选择中去掉它，或请管理员在腾讯会议后台允许呼叫该会议室',
      'en-US':
        'No room was called; leave it out, or ask an administrator to allow calls to it in the Tencent Meeting console',
    },
  });
}

export function callHandlers(ctx: HandlerContext): HandlersFor<CallChannels> {
  const { tracker } = ctx;
  return {
    'calls:dial': async ({ meeting, roomIds }) => {
      roomIds.forEach((id, index) => checkCallable(ctx, id, `roomIds[${index}]`));
      // Without saved credentials every call would fail one by one; say it once and queue nothing.
      await ctx.clientFor();
      return tracker.dial(meeting, roomIds);
    },
    'calls:list': () => tracker.list(),
    'calls:cancel': ({ callId }) => tracker.cancel(callId),
    'calls:cancel-all': () => tracker.cancelAll(),
    'calls:redial': ({ callId }) => {
      // The same checks as a dial: the room may have been deleted, or marked not callable, since the first call.
      const call = tracker.list().find((c) => c.callId === callId);
      if (call) checkCallable(ctx, call.roomId, 'callId');
      return tracker.redial(callId);
    },
  };
}
