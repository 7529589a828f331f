// What the handlers work with. services.ts builds it; tests build it with a temp store, an in-memory keychain and
// the simulator.
import type { AppInfo } from '../../../common/ipc-contract';
import type { WemeetClient } from '../../api/client';
import type { AutoRedial } from '../../calls/auto-redial';
import type { Dialer } from '../../calls/dialer';
import type { ProfileSwitch } from '../../calls/profile-switch';
import type { ScheduleRunner, ScheduleSets } from '../../calls/schedules';
import type { TodayMeetingsReader } from '../../calls/today-meetings';
import type { Log } from '../../log';
import type { AppStore } from '../../store/app-store';
import type { CredentialVaultApi } from '../../vault/credential-vault';

export interface HandlerContext {
  readonly store: AppStore;
  readonly vault: CredentialVaultApi;
  /** Switches the profile in use (the store's profiles.active() is the one credentials:* and rooms:* act on). */
  readonly profiles: ProfileSwitch;
  /** The only way a room is rung. */
  readonly dialer: Dialer;
  /** Retries and rejoins waiting to ring. */
  readonly automation: AutoRedial;
  readonly schedules: ScheduleRunner;
  /** The room sets schedules refer to. */
  readonly sets: ScheduleSets;
  readonly today: TodayMeetingsReader;
  /**
   * A client on the credentials saved now and the current endpoint and device type (either may have changed since
   * the last request). Rejects with the 'not_configured' OperatorFailure when no credentials are saved.
   */
  clientFor(): Promise<WemeetClient>;
  readonly appInfo: () => AppInfo;
  /** Opens a URL in the system browser (the shell passes shell.openExternal). Only called for allowlisted links. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Exact host names shell:open-external may open. */
  readonly externalHosts: readonly string[];
  readonly log: Log;
}
