// A desk under IT's managed configuration, set up at start (shell/compose.ts): the policy read (load-policy.ts),
// IT's settings written into the store and locked, the credential vault wrapped (managed-vault.ts), IT's shared
// address book applied and kept fresh (shared-book-sync.ts), and what the window is told (ManagedInfo, notices).
import {
  managedSettingsOf,
  validateEndpointOrSelf,
  MANAGED_SETTING_KEYS,
  type ManagedConfig,
  type ManagedInfo,
  type ManagedProfile,
  type ManagedSettings,
} from '../../common/managed-config';
import type { FetchLike } from '../api/client';
import type { Log } from '../log';
import type { AppStore } from '../store/app-store';
import { UNMANAGED_POLICY } from '../store/managed-rooms';
import type { CredentialVaultApi } from '../vault/credential-vault';
import { loadManagedPolicy, type LoadedPolicy, type ManagedNotice } from './load-policy';
import { environmentCredentials, managedCredentialKeys, ManagedVault } from './managed-vault';
import { policyLocation } from './policy-location';
import { regExeQuery, type RegQuery } from './registry-policy';
import { SharedBookSync } from './shared-book-sync';

/** How long the start waits for the shared book before the window opens with the last good copy. */
export const BOOK_START_WAIT_MS = 5000;

export interface ManagedDeskOptions {
  readonly env: Readonly<NodeJS.ProcessEnv>;
  readonly platform: NodeJS.Platform;
  /** app.getPath('userData'): the last good copies are kept here. */
  readonly userDataDir: string;
  readonly store: AppStore;
  /** Electron's net.fetch in the app; the shared book is fetched with it. */
  readonly fetch: FetchLike;
  readonly log: Log;
  readonly now: () => Date;
  /** The first profile: the environment's secrets (WEMEET_SECRET_ID/KEY), when set, are its. */
  readonly profile: string;
  /** Default: reg.exe on Windows, none elsewhere. */
  readonly regQuery?: RegQuery;
  readonly bookStartWaitMs?: number;
}

export interface ManagedDesk {
  /** The configuration in force (undefined: this desk is not managed). */
  readonly config: ManagedConfig | undefined;
  /** The settings IT set, as the store keeps them: locked in the window. */
  lockedSettings(): ManagedSettings;
  /** For app:info, about the profile in use; undefined when not managed. */
  info(activeProfile: string): ManagedInfo | undefined;
  /** The ids of IT's profiles: their name and endpoint are locked and they cannot be removed at the desk. */
  managedProfileIds(): readonly string[];
  /** After a profile switch: IT's shared rooms are laid into the address book now in use. */
  onProfileSwitched(): Promise<void>;
  /** What the operator should be told: problems at start, and the shared book's latest one. */
  notices(): readonly ManagedNotice[];
  /** The vault with IT's profile fields and the environment's secrets laid over it. */
  wrapVault(vault: CredentialVaultApi): CredentialVaultApi;
  /** Asks for a fresh copy of the shared book now (the timer does it every refreshMinutes). */
  refreshBook(): Promise<void>;
  shutdown(): void;
}

function applySettings(policy: LoadedPolicy, locked: ManagedSettings, store: AppStore, log: Log): ManagedNotice[] {
  if (Object.keys(locked).length === 0) return [];
  const applied = store.updateSettings(locked);
  if (applied.ok) return [];
  // The schema allows only what the store accepts, so this is a write failure or a bug: say it, run on.
  log.error('managed: settings not applied', { field: applied.error.field });
  return [{ message: applied.error.message, path: policy.source }];
}

export async function startManagedDesk(options: ManagedDeskOptions): Promise<ManagedDesk> {
  const { store, log } = options;
  const policy = await loadManagedPolicy({
    location: policyLocation(options.platform, options.env),
    userDataDir: options.userDataDir,
    env: options.env,
    now: options.now,
    ...(options.regQuery
      ? { regQuery: options.regQuery }
      : options.platform === 'win32'
        ? { regQuery: regExeQuery(options.env) }
        : {}),
  });
  for (const notice of policy.notices) log.warn('managed: ' + notice.message['en-US']);
  const { config } = policy;
  if (config) {
    log.info('managed: configuration in force', { source: policy.source, fromLastGoodCopy: policy.fromLastGoodCopy });
  }

  const locked = managedSettingsOf(config, options.profile);
  const startNotices = [...policy.notices, ...applySettings(policy, locked, store, log)];
  const profileOf = (name: string): ManagedProfile | undefined => config?.profiles?.[name];
  const environment = config ? environmentCredentials(options.env) : undefined;
  const managedProfiles = Object.entries(config?.profiles ?? {});
  if (managedProfiles.length > 0) {
    store.profiles.syncManaged(
      managedProfiles.map(([id, profile]) => ({
        id,
        name: profile.name ?? id,
        // As the store keeps endpoints (no trailing slash); the schema already checked it.
        ...(profile.endpoint === undefined ? {} : { endpoint: validateEndpointOrSelf(profile.endpoint) }),
      })),
    );
  }

  const book = config?.addressBook;
  store.setManagedRoomPolicy(book ? { allowLocalRooms: book.allowLocalRooms ?? true } : UNMANAGED_POLICY);
  let sync: SharedBookSync | undefined;
  if (book) {
    sync = new SharedBookSync({
      book,
      store,
      fetch: options.fetch,
      userDataDir: options.userDataDir,
      log,
      now: options.now,
    });
    await sync.applyKeptCopy();
    // The window need not wait for a slow server: the last good copy is in force, the fresh one lands when it comes.
    let waited: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      sync.refresh(),
      new Promise<void>((resolve) => {
        waited = setTimeout(resolve, options.bookStartWaitMs ?? BOOK_START_WAIT_MS);
      }),
    ]);
    clearTimeout(waited);
    sync.startTimer();
  } else if (!policy.unusable) {
    // IT shares no book (any more): rooms it shared before stay, as the desk's own.
    const released = store.releaseManagedRooms();
    if (released > 0) log.info('managed: shared address book withdrawn, its rooms kept as local', { released });
  }

  return {
    config,
    lockedSettings: () => locked,
    managedProfileIds: () => managedProfiles.map(([id]) => id),
    onProfileSwitched: async () => {
      await sync?.applyKeptCopy();
    },
    info: (activeProfile) => {
      if (!config) return undefined;
      const usesEnvironment = environment !== undefined && activeProfile === options.profile;
      return {
        source: policy.source,
        fromLastGoodCopy: policy.fromLastGoodCopy,
        settings: MANAGED_SETTING_KEYS.filter((key) => locked[key] !== undefined),
        credentials: usesEnvironment
          ? ['appId', 'sdkId', 'operatorId']
          : managedCredentialKeys(profileOf(activeProfile)),
        secretsFromEnvironment: usesEnvironment,
        profileName: profileOf(activeProfile)?.name ?? null,
        addressBook: sync
          ? { source: sync.source, allowLocalRooms: book?.allowLocalRooms ?? true, updatedAt: sync.updatedAt() }
          : null,
      };
    },
    notices: () => {
      const current = sync?.currentProblem();
      return current ? [...startNotices, current] : startNotices;
    },
    wrapVault: (vault) =>
      config ? new ManagedVault(vault, { managedProfile: profileOf, appProfile: options.profile, environment }) : vault,
    refreshBook: async () => {
      await sync?.refresh();
    },
    shutdown: () => sync?.stop(),
  };
}
