// sets:*. Room sets: the store checks every field and keeps the names unique (main/store/room-sets.ts); dialing a
// set is main/calls/set-dial.ts (the dialer's rules, the set's origin and retry rules). This layer adds 'not_found'
// for ids that are not there and the meeting lookup for a set's default meeting.
import type { MeetingRef } from '../../../common/meeting-number';
import type { DialMeeting } from '../../calls/types';
import { dialSet } from '../../calls/set-dial';
import type { HandlerContext } from './context';
import { notFound, unwrap } from '../errors';
import type { HandlersFor } from '../types';

type SetChannels = 'sets:list' | 'sets:create' | 'sets:update' | 'sets:delete' | 'sets:import' | 'sets:dial';

/** The recent list's and history's bound on a subject (store-schema's text(255)). */
const SUBJECT_MAX = 255;

export function setHandlers(ctx: HandlerContext): HandlersFor<SetChannels> {
  const { store } = ctx;
  // Read at each request, never kept: a profile switch gives the store another profile's sets.
  const sets = () => store.sets;

  const requireSet = (id: string): void => {
    if (sets().getSet(id)) return;
    throw notFound(
      'id',
      { 'zh-CN': 'id：没有这个会议室组，可能已被删除', 'en-US': 'id: no such room set; it may have been deleted' },
      {
        'zh-CN': '未做任何更改；请刷新会议室组列表后重试',
        'en-US': 'Nothing was changed; reload the room sets and try again',
      },
    );
  };

  const findMeeting = async (ref: MeetingRef): Promise<DialMeeting> => {
    const client = await ctx.clientFor();
    const info = await client.resolveMeeting(ref);
    const subject = [...info.subject].slice(0, SUBJECT_MAX).join('');
    return {
      meetingId: info.meetingId,
      ...(/^\d{9}$/.test(info.meetingCode) ? { meetingCode: info.meetingCode } : {}),
      ...(subject ? { subject } : {}),
    };
  };

  return {
    'sets:list': () => sets().listSets(),
    'sets:create': (input) => unwrap(sets().createSet(input)),
    'sets:update': ({ id, patch }) => {
      requireSet(id);
      return unwrap(sets().updateSet(id, patch));
    },
    'sets:delete': ({ id }) => {
      requireSet(id);
      return unwrap(sets().deleteSet(id));
    },
    'sets:import': ({ rows, apply }) => sets().importSets(rows, apply),
    'sets:dial': ({ setId, meeting, unknownOutcome, confirmedCount, fromLink }) =>
      dialSet(
        {
          sets: sets(),
          dialer: ctx.dialer,
          automation: ctx.automation,
          policy: () => store.getSettings().retry,
          findMeeting,
        },
        {
          setId,
          ...(meeting ? { meeting } : {}),
          ...(unknownOutcome ? { unknownOutcome } : {}),
          ...(confirmedCount === undefined ? {} : { confirmedCount }),
          ...(fromLink ? { fromLink } : {}),
        },
      ),
  };
}
