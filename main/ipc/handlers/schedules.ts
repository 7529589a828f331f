// schedules:* and meetings:today. The runner (main/calls/schedules.ts) decides when a schedule dials; this layer
// checks that a new schedule names a room set that exists, and hands the window's requests over.
import { DEFAULT_HOST_WATCH_MINUTES } from '../../../common/schedule';
import type { HandlerContext } from './context';
import { notFound } from '../errors';
import type { HandlersFor } from '../types';

type ScheduleChannels = 'schedules:list' | 'schedules:add' | 'schedules:arm' | 'schedules:remove' | 'meetings:today';

const NO_SUCH_SCHEDULE = {
  message: { 'zh-CN': '没有这个计划（可能已被删除）', 'en-US': 'No such schedule (it may have been removed)' },
  hint: { 'zh-CN': '未做任何更改；请刷新计划列表', 'en-US': 'Nothing was changed; refresh the list of schedules' },
};

export function scheduleHandlers(ctx: HandlerContext): HandlersFor<ScheduleChannels> {
  const { schedules } = ctx;
  return {
    'schedules:list': () => schedules.list(),
    'schedules:add': ({ name, setId, meeting, recurring, trigger, hostWatchMinutes }) => {
      if (!ctx.sets.getSet(setId)) {
        throw notFound(
          'setId',
          { 'zh-CN': '没有这个会议室组（可能已被删除）', 'en-US': 'No such room set (it may have been deleted)' },
          { 'zh-CN': '未创建计划；请重新选择会议室组', 'en-US': 'No schedule was made; choose the room set again' },
        );
      }
      return schedules.add({
        name: name.trim(),
        setId,
        meeting,
        recurring,
        trigger,
        hostWatchMinutes: hostWatchMinutes ?? DEFAULT_HOST_WATCH_MINUTES,
      });
    },
    'schedules:arm': ({ id, armed }) => {
      const view = schedules.setArmed(id, armed);
      if (!view) throw notFound('id', NO_SUCH_SCHEDULE.message, NO_SUCH_SCHEDULE.hint);
      return view;
    },
    'schedules:remove': ({ id }) => {
      if (!schedules.remove(id)) throw notFound('id', NO_SUCH_SCHEDULE.message, NO_SUCH_SCHEDULE.hint);
      return null;
    },
    'meetings:today': ({ fresh }) => ctx.today.read(fresh === true),
  };
}
