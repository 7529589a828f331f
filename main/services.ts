// The composition root of the main process: the address book, the keychain vault, the API client and the call
// tracker wired into the IPC handlers. Used by the Electron shell (main/index.ts) and by the end-to-end tests, which
// run these same handlers in the test process against the simulator. Nothing here loads Electron: the shell passes
// in what only it has (net.fetch, shell.openExternal, a way to send to the window).
import path from 'node:path';
import type { AppInfo } from '../common/ipc-contract';
import type { CallProfile, CallView } from '../common/call-model';
import type { ProfileRecord } from '../common/profiles';
import type { Locale } from '../common/locale';
import { NOT_CONFIGURED, OperatorFailure } from '../common/operator-error';
import { WemeetClient, type FetchLike, type WemeetClientOptions, type WemeetCredentials } from './api/client';
import { ClockSkewMonitor } from './api/clock-skew';
import { RequestBudget } from './api/request-budget';
import { CallTracker, type CallTrackerStore } from './calls/call-tracker';
import { AutoRedial } from './calls/auto-redial';
import { Dialer } from './calls/dialer';
import { ProfileSwitch } from './calls/profile-switch';
import { ScheduleRunner, type ScheduleSets, type ScheduleStore } from './calls/schedules';
import { TodayMeetingsReader } from './calls/today-meetings';
import { ScheduleFile } from './store/schedules-file';
import type { CallTrackerApi } from './calls/types';
import { unwrap } from './ipc/errors';
import { createHandlers, DEFAULT_EXTERNAL_HOSTS } from './ipc/handlers';
import type { IpcHandlers } from './ipc/types';
import type { Log } from './log';
import type { AppStore, StoreNotice } from './store/app-store';
import type { CredentialVaultApi } from './vault/credential-vault';

export const APP_NAME = 'Room Dialer';

/** Client settings tests may shorten (retry back-off, time-outs); the app uses the client's defaults. */
export type ClientTuning = Partial<
  Pick<WemeetClientOptions, 'timeoutMs' | 'retries' | 'retryBaseDelayMs' | 'sleep' | 'random'>
>;

/** What the call tracker is built from. */
export interface TrackerDeps {
  readonly store: AppStore;
  /** A client on the profile in use and the settings of the moment; rejects with 'not_configured' when none are saved. */
  readonly clientFor: () => Promise<WemeetClient>;
  /** The profile in use, read at every dial with clientFor: each call remembers the profile that placed it. */
  readonly currentProfile: () => CallProfile;
  readonly log: Log;
  readonly now: () => Date;
  /** The shortest poll interval the request budget allows for this many active calls. */
  readonly pollSpacingMs: (activeCalls: number) => number;
}

export type TrackerFactory = (deps: TrackerDeps) => CallTrackerApi;

/**
 * The real call tracker. The app leaves `pollIntervalMs` out: each dial then polls at settings.pollIntervalMs and
 * sends at most settings.maxConcurrentDials room-calls at once. Tests may poll faster than the 1 s minimum.
 */
export function trackerFactory(
  tuning: { readonly pollIntervalMs?: number; readonly checkBeforeRing?: boolean } = {},
): TrackerFactory {
  return (deps) =>
    new CallTracker({
      getClient: deps.clientFor,
      store: deps.store,
      log: deps.log,
      now: () => deps.now().getTime(),
      pollSpacingMs: deps.pollSpacingMs,
      currentProfile: deps.currentProfile,
      // The cross-desk guard: no room is rung that another desk already has ringing or in the meeting.
      checkBeforeRing: true,
      ...tuning,
    });
}

export const defaultTrackerFactory: TrackerFactory = trackerFactory();

export interface ServicesOptions {
  readonly store: AppStore;
  /** From openAppStore(): shown once through app:info. */
  readonly storeNotices?: readonly StoreNotice[];
  /** openKeychainVault() in the app; demoSetupFromEnv()'s vault in demo mode; an in-memory one in tests. */
  readonly vault: CredentialVaultApi;
  /** Electron's net.fetch in the app (system proxy), Node's fetch in tests. */
  readonly fetch: FetchLike;
  readonly appVersion: string;
  readonly log: Log;
  readonly now?: () => Date;
  /** The OS language (app:info), for the first start. Default en-US. */
  readonly systemLocale?: Locale;
  /**
   * Demo mode (npm run demo): the simulator's URL is written to settings.endpoint at start, and app:info says demo.
   * The shell should then open the store under its own name (configName "demo") so the operator's file is untouched.
   */
  readonly demo?: { readonly endpoint: string };
  /** shell.openExternal in the app. Without it shell:open-external fails with an internal error. */
  readonly openExternal?: (url: string) => Promise<void>;
  /** Hosts shell:open-external may open; default DEFAULT_EXTERNAL_HOSTS. */
  readonly externalHosts?: readonly string[];
  /** Gets every call state change (the shell sends it to the window on CALL_UPDATE_EVENT). */
  readonly broadcast?: (call: CallView) => void;
  /** Builds the call tracker; default defaultTrackerFactory (tests poll faster, or pass a fake). */
  readonly createTracker?: TrackerFactory;
  readonly client?: ClientTuning;
  /** The room sets schedules dial. */
  readonly sets?: ScheduleSets;
  /** The first profile's schedules; default its file beside the store's (config.schedules.json). */
  readonly schedules?: ScheduleStore;
}

export interface Services {
  /** Every IPC channel's handler: pass to registerHandlers() or createDispatcher() (main/ipc/register.ts). */
  readonly handlers: IpcHandlers;
  /** The only way a room is rung (main/calls/dialer.ts). */
  readonly dialer: Dialer;
  /** Retries and rejoins after automated calls (main/calls/auto-redial.ts). */
  readonly automation: AutoRedial;
  /** Room sets dialed by themselves (main/calls/schedules.ts); started by start(). */
  readonly schedules: ScheduleRunner;
  /** A client on the profile in use: its saved credentials and endpoint (else settings.endpoint), of this moment. */
  clientFor(): Promise<WemeetClient>;
  /** Switches the profile in use, asking first while calls ring or automation waits (calls/profile-switch.ts). */
  readonly profiles: ProfileSwitch;
  /** On quit: stops the tracker (calls in flight are recorded as unknown) and the broadcasts. */
  shutdown(): void;
}

/**
 * The room sets as the schedule runner reads them: a set's rooms still in the address book (a room deleted since it
 * was put in the set is a gap the runner does not ring; the set dialer skips it the same way), its own retry rules.
 */
function scheduleSetsOf(store: AppStore): ScheduleSets {
  return {
    getSet: (id) => {
      const set = store.sets.getSet(id);
      if (!set) return undefined;
      const missing = new Set(store.sets.missingRoomIds(set));
      return {
        name: set.name,
        roomIds: set.roomIds.filter((roomId) => !missing.has(roomId)),
        ...(set.retry ? { retry: set.retry } : {}),
      };
    },
  };
}

/** A profile's schedules file beside the store's own files (config.schedules.json, or demo.schedules.json, …). */
function openScheduleFile(store: AppStore, profileId: string, log: Log, now: () => Date): ScheduleStore {
  const { file, movedAside } = ScheduleFile.open(path.dirname(store.path), store.profiles.fileStem(profileId), now);
  if (movedAside) log.warn('store: schedules file unreadable, moved aside', { backupPath: movedAside });
  return file;
}

const noExternalOpener = async (): Promise<void> => {
  throw new Error('openExternal was not provided to createServices');
};

export function createServices(options: ServicesOptions): Services {
  const { store, vault, log } = options;
  const now = options.now ?? (() => new Date());

  if (options.demo) unwrap(store.updateSettings({ endpoint: options.demo.endpoint }));

  // Every client's answers tell it the server's time; app:info shows the window a skew worth fixing.
  const clockSkew = new ClockSkewMonitor(() => now().getTime());
  // Tencent's limit is per app (reference §8.1): every client on the same credentials shares one budget.
  const budgets = new Map<string, RequestBudget>();
  let lastBudget: RequestBudget | undefined;
  const budgetFor = (credentials: WemeetCredentials): RequestBudget => {
    const key = [credentials.appId, credentials.sdkId ?? '', credentials.secretId].join('\n');
    let budget = budgets.get(key);
    if (!budget) {
      budget = new RequestBudget({ perMinute: store.getSettings().requestsPerMinute, now: () => now().getTime() });
      budgets.set(key, budget);
    }
    // A settings change applies from the next request on.
    budget.setPerMinute(store.getSettings().requestsPerMinute);
    lastBudget = budget;
    return budget;
  };

  // The profile is read before anything is awaited: a switch a moment later does not change whose call this is.
  const clientOf = async (profile: ProfileRecord): Promise<WemeetClient> => {
    const credentials = await vault.load(profile.id);
    if (!credentials) throw new OperatorFailure(NOT_CONFIGURED);
    const settings = store.getSettings();
    return new WemeetClient({
      budget: budgetFor(credentials),
      ...options.client,
      // The demo talks to the simulator only, whatever a demo profile was given.
      endpoint: options.demo ? settings.endpoint : (profile.endpoint ?? settings.endpoint),
      instanceId: settings.instanceId,
      credentials,
      fetch: clockSkew.watch(options.fetch),
      appVersion: options.appVersion,
      now: () => now().getTime(),
      onClockSkew: (skewMs) => log.warn('api: local clock differs from the server', { skewMs }),
    });
  };

  const clientFor = (): Promise<WemeetClient> => clientOf(store.profiles.active());
  const currentProfile = (): CallProfile => {
    const { id, name } = store.profiles.active();
    return { id, name };
  };

  const createTracker = options.createTracker ?? defaultTrackerFactory;
  const tracker = createTracker({
    store,
    clientFor,
    currentProfile,
    log,
    now,
    pollSpacingMs: (active) => lastBudget?.pollIntervalFor(active) ?? 0,
  });
  const dialer = new Dialer({
    tracker,
    store,
    getClient: clientFor,
    currentProfile,
    log,
    now: () => now().getTime(),
    batchConfirmAbove: () => store.getSettings().batchConfirmAbove,
  });
  const automation = new AutoRedial({
    dialer,
    currentProfileId: () => store.profiles.active().id,
    log,
    now: () => now().getTime(),
  });
  const sets: ScheduleSets = options.sets ?? scheduleSetsOf(store);
  const schedules = new ScheduleRunner({
    store: options.schedules ?? openScheduleFile(store, store.profiles.active().id, log, now),
    sets,
    dialer,
    automation,
    getClient: clientFor,
    policy: () => store.getSettings().retry,
    now: () => now().getTime(),
    log,
  });
  const today = new TodayMeetingsReader({
    getClient: clientFor,
    userIds: async () => {
      const credentials = await vault.load(store.profiles.active().id);
      if (!credentials) throw new OperatorFailure(NOT_CONFIGURED);
      return [credentials.operatorId, ...store.getSettings().otherHosts];
    },
    now: () => now().getTime(),
    log,
  });
  const profiles = new ProfileSwitch({
    store,
    dialer,
    automation,
    schedules,
    today,
    openSchedules: (profileId) => openScheduleFile(store, profileId, log, now),
    log,
  });
  const broadcast = options.broadcast;
  const stopBroadcast = broadcast ? dialer.onUpdate((call) => broadcast(call)) : () => {};

  const appInfo = (): AppInfo => ({
    name: APP_NAME,
    version: options.appVersion,
    systemLocale: options.systemLocale ?? 'en-US',
    demo: options.demo !== undefined,
    clockSkewMs: clockSkew.current(),
    notices: (options.storeNotices ?? []).map((notice) => ({
      message: notice.message,
      backupPath: notice.backupPath,
    })),
  });

  // Saved schedules are planned from the clock at every start: a missed one is reported, never dialed late.
  schedules.start();

  const handlers = createHandlers({
    store,
    vault,
    profiles,
    dialer,
    automation,
    schedules,
    sets,
    today,
    clientFor,
    appInfo,
    openExternal: options.openExternal ?? noExternalOpener,
    externalHosts: options.externalHosts ?? DEFAULT_EXTERNAL_HOSTS,
    log,
  });

  return {
    handlers,
    dialer,
    automation,
    schedules,
    clientFor,
    profiles,
    shutdown: () => {
      stopBroadcast();
      schedules.shutdown();
      automation.shutdown();
      dialer.shutdown();
      for (const budget of budgets.values()) budget.close();
    },
  };
}

/**
 * The CLI's store for the call engine: no address book (the room is typed on the command line), no history (the
 * app's history is the app's), and the one setting it reads: one room-call at a time.
 */
const STANDALONE_STORE: CallTrackerStore = {
  getRoom: () => undefined,
  getSettings: () => ({ pollIntervalMs: 2000, maxConcurrentDials: 1 }),
  markDialed: () => ({ ok: false, error: { field: 'roomId', message: { 'zh-CN': '', 'en-US': '' } } }),
  appendHistory: () => ({ ok: false, error: { field: 'history', message: { 'zh-CN': '', 'en-US': '' } } }),
};

/**
 * The dialer for one client without the app's store (the CLI): the same dialer, call engine, status poller and
 * cross-desk guard as the app, so a scripted call keeps every dial rule.
 */
export function standaloneDialer(
  client: WemeetClient,
  options: { readonly pollIntervalMs: number; readonly now: () => number },
): Dialer {
  const tracker = new CallTracker({
    getClient: () => client,
    store: STANDALONE_STORE,
    pollIntervalMs: options.pollIntervalMs,
    checkBeforeRing: true,
    now: options.now,
  });
  return new Dialer({ tracker, store: { getRoom: () => undefined }, getClient: async () => client, now: options.now });
}
