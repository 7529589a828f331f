// The automation in the operator's words, in the language on screen: a schedule's trigger, status and next action,
// how far away something is, and whether a meeting's host is in (said in words and with an icon, never by colour
// alone), and who asked for a call in history. One home for these sentences, so the list, the header, the dialog
// and history say the same thing the same way.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { meetingStateLabel } from '../../../common/meeting-state';
import type { ScheduleStatus, ScheduleTrigger, ScheduleView } from '../../../common/schedule';
import type { TodayMeeting } from '../../../common/today-meetings';
import { useLocale } from '../i18n';
import { formatClock } from '../util/format';
import { nextAction, relativeIn } from './countdown';
import { parseOrigin } from './origin';

/** Whether the host is in: read now (in / out), not started yet, or not readable. */
export type HostPresence = 'in' | 'out' | 'not_started' | 'unknown';

export function hostPresenceOf(meeting: Pick<TodayMeeting, 'hostPresent' | 'status'>): HostPresence {
  if (meeting.hostPresent === true) return 'in';
  if (meeting.hostPresent === false) return 'out';
  // Main reads presence only for meetings in progress: before the start nobody is in.
  return meeting.status === 'MEETING_STATE_INIT' ? 'not_started' : 'unknown';
}

const HOST_KEYS = { in: 'in', out: 'out', not_started: 'notStarted', unknown: 'unknown' } as const;

export function useAutomationWords() {
  const { t, te } = useI18n();
  const locale = useLocale();

  function inWords(seconds: number): string {
    const rel = relativeIn(seconds);
    switch (rel.key) {
      case 'now':
        return t('automation.in.now');
      case 'seconds':
      case 'minutes':
        return t(`automation.in.${rel.key}`, { n: rel.n });
      case 'hours':
        return rel.m === 0
          ? t('automation.in.hoursExact', { h: rel.h })
          : t('automation.in.hours', { h: rel.h, m: rel.m });
    }
  }

  function clock(time: string | number): string {
    return formatClock(time, locale.value);
  }

  function triggerText(trigger: ScheduleTrigger): string {
    return trigger.kind === 'before_start'
      ? t('automation.schedules.triggers.before_start', { n: trigger.minutes })
      : t(`automation.schedules.triggers.${trigger.kind}`);
  }

  function statusText(status: ScheduleStatus): string {
    return t(`automation.schedules.states.${status}`);
  }

  function nextActionText(schedule: ScheduleView, nowMs: number): string {
    const next = nextAction(schedule, nowMs);
    switch (next.kind) {
      case 'watching':
        return t('automation.schedules.nextAction.watching', { in: inWords(next.seconds) });
      case 'watchFrom':
      case 'at':
      case 'retry':
        return t(`automation.schedules.nextAction.${next.kind}`, {
          time: clock(next.atIso),
          in: inWords(next.seconds),
        });
      case 'recheck':
        return t('automation.schedules.nextAction.recheck', { time: clock(next.atIso) });
      case 'none':
        return t('automation.schedules.nextAction.none');
    }
  }

  function hostText(presence: HostPresence): string {
    return t(`automation.today.host.${HOST_KEYS[presence]}`);
  }

  /** The meeting's MEETING_STATE_* in words (the window's own words when it has them). */
  function meetingState(status: string): string {
    const key = `meeting.states.${status}`;
    return te(key) ? t(key) : meetingStateLabel(status)[locale.value];
  }

  /** A history record's origin ("schedule: Monday board") in words; '' for the operator's own dial. */
  function originText(origin: string | undefined): string {
    if (origin === undefined || origin === '') return '';
    const parts = parseOrigin(origin);
    if (!parts) return origin;
    const count = parts.attempt === undefined ? '' : ` ${parts.attempt}/${parts.of ?? parts.attempt}`;
    const what = `${t(`automation.origin.${parts.kind}`)}${count}`;
    return parts.label === undefined ? what : t('automation.origin.labelled', { what, label: parts.label });
  }

  return {
    locale: computed(() => locale.value),
    originText,
    inWords,
    clock,
    triggerText,
    statusText,
    nextActionText,
    hostText,
    meetingState,
  };
}
