// Switching the profile in use (common/profiles.ts) without mixing accounts. A call belongs to the profile that
// placed it: its own client keeps polling and cancelling it after the switch. What would act later with the NEW
// profile's credentials on the old one's behalf is stopped: retries and rejoins waiting to ring are dropped, and the
// old profile's schedules are put away (they stay armed in their file and are planned again when it is back). While
// any of that is going on, the switch is a question for the operator first.
import { isFinalCallState } from '../../common/call-model';
import type { ProfileRecord, ProfileSwitchQuestion } from '../../common/profiles';
import type { Validated } from '../../common/validation';
import { valid } from '../../common/validation';
import { silentLog, type Log } from '../log';
import type { StoreNotice } from '../store/app-store';
import type { ProfileDirectory } from '../store/profile-directory';
import type { AutoRedial } from './auto-redial';
import type { Dialer } from './dialer';
import type { ScheduleRunner, ScheduleStore } from './schedules';
import type { TodayMeetingsReader } from './today-meetings';

export interface ProfileSwitchDeps {
  readonly store: { readonly profiles: Pick<ProfileDirectory, 'active' | 'activate'> };
  readonly dialer: Pick<Dialer, 'list'>;
  readonly automation: Pick<AutoRedial, 'pending' | 'dropAll'>;
  readonly schedules: Pick<ScheduleRunner, 'armedCount' | 'useStore'>;
  readonly today: Pick<TodayMeetingsReader, 'forget'>;
  /** The schedules file of a profile. */
  readonly openSchedules: (profileId: string) => ScheduleStore;
  readonly log?: Log;
}

export type SwitchOutcome =
  | { readonly kind: 'switched'; readonly profile: ProfileRecord; readonly notices: readonly StoreNotice[] }
  | { readonly kind: 'ask'; readonly question: ProfileSwitchQuestion };

export class ProfileSwitch {
  private readonly log: Log;

  constructor(private readonly deps: ProfileSwitchDeps) {
    this.log = deps.log ?? silentLog;
  }

  /**
   * What switching now would leave behind; undefined when nothing is going on. Calls of a profile left earlier were
   * asked about then (they go on with their own credentials whatever is switched now): only this profile's count.
   */
  question(to: string): ProfileSwitchQuestion | undefined {
    const { dialer, automation, schedules, store } = this.deps;
    const from = store.profiles.active().id;
    const activeCalls = dialer
      .list()
      .filter((call) => !isFinalCallState(call.state) && (call.profile?.id ?? from) === from).length;
    const pendingRetries = automation.pending().length;
    const armedSchedules = schedules.armedCount();
    if (activeCalls + pendingRetries + armedSchedules === 0) return undefined;
    return { from, to, activeCalls, pendingRetries, armedSchedules };
  }

  /**
   * Switches to `id`, or answers the question to ask when something is going on and `confirmed` is not set. An
   * unknown id is the field error; switching to the profile in use changes nothing.
   */
  switchTo(id: string, confirmed: boolean): Validated<SwitchOutcome> {
    const { store } = this.deps;
    const from = store.profiles.active().id;
    if (from !== id && !confirmed) {
      const question = this.question(id);
      if (question) return valid({ kind: 'ask', question });
    }
    const switched = store.profiles.activate(id);
    if (!switched.ok) return switched;
    if (from !== id) {
      const dropped = this.deps.automation.dropAll();
      this.deps.schedules.useStore(this.deps.openSchedules(id));
      this.deps.today.forget();
      this.log.info('profiles: switched', { from, to: id, droppedRetries: dropped });
    }
    return valid({ kind: 'switched', profile: switched.value.profile, notices: switched.value.notices });
  }
}
