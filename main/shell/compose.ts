// What the shell starts at launch, without Electron: the store file (demo.json in demo mode, so the operator's own
// address book is never touched by `npm run demo`), the vault (the OS keychain, or the demo's in-memory one), the
// call tracker (services.ts's default), and createServices() over them. main/index.ts passes in what only Electron has; the
// tests pass conf, Node's fetch and the simulator.
import type { CallView } from '../../common/call-model';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale } from '../../common/locale';
import type { Settings } from '../../common/store-schema';
import type { FetchLike } from '../api/client';
import type { IpcHandlers } from '../ipc/types';
import type { Log } from '../log';
import { startManagedDesk, type ManagedDesk } from '../managed/managed-desk';
import { createServices, type Services, type TrackerFactory } from '../services';
import { demoSetupFromEnv } from '../services/demo';
import { openAppStore, type AppStore } from '../store/app-store';
import type { StoreBackendFactory } from '../store/backend';
import type { CredentialVault } from '../vault/credential-vault';
import type { LogRedaction } from './logger';
import { withManagedDesk } from './managed-handlers';

export const STORE_NAME = 'config';
export const DEMO_STORE_NAME = 'demo';

export interface ComposeOptions {
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** app.getPath('userData'). */
  readonly userDataDir: string;
  /** electronStoreBackend in the app. */
  readonly storeBackend: StoreBackendFactory;
  /** openKeychainVault in the app; not called in demo mode. */
  readonly openVault: () => CredentialVault;
  /** Electron's net.fetch in the app (system proxy and certificates). */
  readonly fetch: FetchLike;
  readonly appVersion: string;
  readonly systemLocale: Locale;
  readonly log: Log;
  /** Only ever called with a URL the allowlist accepted. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Sends a call update to the window. */
  readonly broadcast: (call: CallView) => void;
  /** After every saved settings change (store.onSettingsChanged): the shell rebuilds its menu in the new language. */
  readonly onSettingsChanged?: (settings: Settings) => void;
  /** In demo mode the demo credentials from the environment are registered here, so the log masks them. */
  readonly redaction?: LogRedaction;
  readonly createTracker?: TrackerFactory;
  /** Where IT's managed configuration is looked for (main/managed/policy-location.ts); default process.platform. */
  readonly platform?: NodeJS.Platform;
}

export interface ComposedApp {
  readonly store: AppStore;
  readonly services: Services;
  /** What the window calls: services.handlers, with IT's managed rules in front when a managed configuration is in force. */
  readonly handlers: IpcHandlers;
  readonly demo: boolean;
  /** IT's managed configuration in force (docs/DEPLOYMENT.md); absent in demo mode. */
  readonly managed?: ManagedDesk;
}

export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  const { log } = options;
  // Throws with the variable's name when ROOM_DIALER_DEMO=1 but the simulator's settings are missing or wrong.
  const demo = await demoSetupFromEnv({ ...options.env });
  if (demo) {
    log.info('demo mode: using the local API simulator', { endpoint: demo.endpoint });
  }
  const { store, notices } = openAppStore({
    cwd: options.userDataDir,
    configName: demo ? DEMO_STORE_NAME : STORE_NAME,
    backend: options.storeBackend,
  });
  for (const notice of notices) log.warn('store: ' + notice.kind, { backupPath: notice.backupPath });

  // IT's managed configuration: never in demo mode, whose endpoint must stay the simulator and whose store is its own.
  const managed = demo
    ? undefined
    : await startManagedDesk({
        env: options.env,
        platform: options.platform ?? process.platform,
        userDataDir: options.userDataDir,
        store,
        fetch: options.fetch,
        log,
        now: () => new Date(),
        profile: DEFAULT_PROFILE,
      });
  const keychain = demo ? demo.vault : options.openVault();
  const vault = managed ? managed.wrapVault(keychain) : keychain;
  // Whatever the keychain (or the demo) holds is masked in the log from the first read on, wherever it turns up.
  const redaction = options.redaction;
  if (redaction) vault.onSecrets((secrets) => secrets.forEach((secret) => redaction.addSecret(secret)));
  const services = createServices({
    store,
    storeNotices: notices,
    vault,
    fetch: options.fetch,
    appVersion: options.appVersion,
    log,
    systemLocale: options.systemLocale,
    ...(demo ? { demo: { endpoint: demo.endpoint } } : {}),
    openExternal: options.openExternal,
    broadcast: options.broadcast,
    ...(options.createTracker ? { createTracker: options.createTracker } : {}),
  });
  // The store says when settings changed, whoever changed them; nothing wraps the IPC handler for it.
  if (options.onSettingsChanged) store.onSettingsChanged(options.onSettingsChanged);
  const handlers = managed
    ? withManagedDesk(services.handlers, managed, () => store.profiles.active().id)
    : services.handlers;
  if (!managed) return { store, services, handlers, demo: demo !== undefined };
  const shutdown = () => {
    managed.shutdown();
    services.shutdown();
  };
  return { store, services: { ...services, shutdown }, handlers, demo: false, managed };
}
