// calls:*. Every rule of dialing is the dialer's (main/calls/dialer.ts): this layer only hands the window's request
// over and its answer back.
import type { HandlerContext } from './context';
import type { HandlersFor } from '../types';

type CallChannels =
  'calls:dial' | 'calls:list' | 'calls:cancel' | 'calls:cancel-all' | 'calls:redial' | 'calls:redial-failed';

export function callHandlers(ctx: HandlerContext): HandlersFor<CallChannels> {
  const { dialer, automation } = ctx;
  return {
    'calls:dial': ({ meeting, roomIds, unknownOutcome, confirmedCount, origin }) =>
      dialer.dial({
        meeting,
        rooms: roomIds.map((roomId) => ({ roomId })),
        listField: 'roomIds',
        ...(unknownOutcome ? { unknownOutcome } : {}),
        ...(confirmedCount === undefined ? {} : { confirmedCount }),
        ...(origin ? { origin } : {}),
      }),
    'calls:list': ({ meetingId }) => dialer.list(meetingId),
    'calls:cancel': ({ callId }) => dialer.cancel(callId),
    // Cancel all means nothing more rings for this meeting: what the automation waits to ring is dropped first.
    'calls:cancel-all': ({ meetingId }) => {
      if (meetingId === undefined) automation.pending().forEach((p) => automation.cancel(p.id));
      else automation.cancelMeeting(meetingId);
      return dialer.cancelAll(meetingId);
    },
    'calls:redial': ({ callId, unknownOutcome }) => dialer.redial(callId, unknownOutcome),
    'calls:redial-failed': ({ meeting, confirmedCount }) => dialer.redialFailed(meeting, confirmedCount),
  };
}
