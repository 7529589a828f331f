// Switching profiles in the operator's words, from the header or from Settings: the profile's name as shown (the
// unnamed first profile is "Default"), main's question when calls ring, retries wait or schedules are armed (asked
// through the window's one ConfirmDialog, saying exactly what happens to each), and the result to say afterwards.
import { useI18n } from 'vue-i18n';
import type { ProfileSwitchQuestion } from '../../../common/profiles';
import { useProfilesStore, type SwitchOutcome } from '../stores/profiles';
import { confirm } from '../util/confirm';
import { useNotify } from '../util/notify';

/** A profile's name as the window shows it: the first profile, made from an earlier version's credentials, has none. */
export function useProfileName(): (profile: { readonly name: string } | undefined) => string {
  const { t } = useI18n();
  return (profile) => (profile === undefined || profile.name === '' ? t('profiles.defaultName') : profile.name);
}

export function useProfileSwitch() {
  const { t, locale } = useI18n();
  const store = useProfilesStore();
  const nameOf = useProfileName();
  const notify = useNotify();
  /** The name of a profile by id; an id main named but the list lacks is shown as it is. */
  const named = (id: string): string => {
    const profile = store.byId(id);
    return profile ? nameOf(profile) : id;
  };

  /** What the switch leaves behind, one sentence per thing that is there (none for a count of 0). */
  function questionText(question: ProfileSwitchQuestion): string {
    const from = named(question.from);
    const to = named(question.to);
    const lines = [t('profiles.ask.intro', { from, to })];
    const { activeCalls, pendingRetries, armedSchedules } = question;
    if (activeCalls > 0) lines.push(t('profiles.ask.calls', { n: activeCalls, from }, activeCalls));
    if (pendingRetries > 0) lines.push(t('profiles.ask.retries', { n: pendingRetries }, pendingRetries));
    if (armedSchedules > 0) lines.push(t('profiles.ask.schedules', { n: armedSchedules, from }, armedSchedules));
    // Chinese sentences follow each other without a space.
    return lines.join(locale.value === 'zh-CN' ? '' : ' ');
  }

  function ask(question: ProfileSwitchQuestion): Promise<boolean> {
    const to = named(question.to);
    return confirm({
      title: t('profiles.ask.title', { to }),
      message: questionText(question),
      confirmText: t('profiles.ask.confirm', { to }),
      cancelText: t('common.cancel'),
    });
  }

  /** The result in words; '' when nothing changed (the operator said no). */
  function outcomeText(outcome: SwitchOutcome): string {
    if (outcome.kind === 'kept') return '';
    const name = nameOf(outcome.profile);
    if (outcome.reloadErrors.length > 0) return t('profiles.reloadFailed', { name });
    return outcome.profile?.configured === false
      ? t('profiles.switchedSetUp', { name })
      : t('profiles.switched', { name });
  }

  return {
    nameOf,
    questionText,
    switchTo: async (id: string): Promise<SwitchOutcome> => {
      const outcome = await store.switchTo(id, ask);
      // A file of the profile's that could not be read was moved aside: said once, naming the copy kept.
      if (outcome.kind === 'switched') notify.storeNotices(outcome.notices);
      return outcome;
    },
    outcomeText,
  };
}
