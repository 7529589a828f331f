// The "Arm a schedule" form checked as it is filled, with the rules schedules:add applies (common/schedule.ts
// SCHEDULE_LIMITS), each problem led by the field's label in the operator's language (common/field-labels.ts). Main
// checks again and has the last word; this only says what is wrong before anything is sent.
import { withFieldLabel } from '../../../common/field-labels';
import { fieldProblem } from '../../../common/input-text';
import type { Localized } from '../../../common/locale';
import type { RequestOf } from '../../../common/ipc-contract';
import { validateRoomName } from '../../../common/room-input';
import { SCHEDULE_LIMITS, type ScheduleTrigger } from '../../../common/schedule';
import type { Validated } from '../../../common/validation';

export type TriggerKind = ScheduleTrigger['kind'];
export type ScheduleField = 'name' | 'setId' | 'minutes' | 'hostWatchMinutes';

export interface ScheduleForm {
  name: string;
  setId: string;
  trigger: TriggerKind;
  /** For 'before_start'; undefined while the number field is empty. */
  minutes: number | undefined;
  recurring: boolean;
  /** For 'host_joins'. */
  hostWatchMinutes: number | undefined;
}

export type ScheduleMeeting = RequestOf<'schedules:add'>['meeting'];

/** The meeting a schedule is armed for, as today's list has it (recurring and times are for the form only). */
export interface ScheduleMeetingChoice extends ScheduleMeeting {
  readonly recurring?: boolean;
  readonly startTime?: number;
  readonly endTime?: number;
}

const labelled = (result: Validated<unknown>): Localized | undefined =>
  result.ok ? undefined : withFieldLabel(result.error.field, result.error.message);

function wholeMinutes(field: ScheduleField, value: number | undefined, min: number, max: number): Validated<number> {
  if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
    return fieldProblem(field, `必须是 ${min} 到 ${max} 之间的整数`, `must be a whole number from ${min} to ${max}`);
  }
  return { ok: true, value };
}

/** Every field's problem (undefined when fine); a field the chosen trigger does not use has none. */
export function scheduleFormProblems(form: ScheduleForm): Record<ScheduleField, Localized | undefined> {
  const { beforeStartMinutes: before, hostWatchMinutes: watch } = SCHEDULE_LIMITS;
  return {
    // A schedule's name is a label in a list, as a room's is: one line, 1–100 characters.
    name: labelled(validateRoomName(form.name, 'name')),
    setId: form.setId === '' ? labelled(fieldProblem('setId', '请选择一个会议室组', 'choose a room set')) : undefined,
    minutes:
      form.trigger === 'before_start'
        ? labelled(wholeMinutes('minutes', form.minutes, before.min, before.max))
        : undefined,
    hostWatchMinutes:
      form.trigger === 'host_joins'
        ? labelled(wholeMinutes('hostWatchMinutes', form.hostWatchMinutes, watch.min, watch.max))
        : undefined,
  };
}

/** The request for a form without problems. */
export function scheduleRequest(form: ScheduleForm, meeting: ScheduleMeeting): RequestOf<'schedules:add'> {
  const trigger: ScheduleTrigger =
    form.trigger === 'before_start' ? { kind: 'before_start', minutes: form.minutes ?? 0 } : { kind: form.trigger };
  return {
    name: form.name.trim(),
    setId: form.setId,
    meeting,
    recurring: form.recurring,
    trigger,
    ...(form.trigger === 'host_joins' && form.hostWatchMinutes !== undefined
      ? { hostWatchMinutes: form.hostWatchMinutes }
      : {}),
  };
}

/** The form field a field error from main belongs to: `trigger.minutes` is the minutes field. */
export function formFieldOf(field: string | undefined): ScheduleField | undefined {
  const last = field?.split('.').at(-1);
  return (['name', 'setId', 'minutes', 'hostWatchMinutes'] as const).find((f) => f === last);
}
