// The main process of the app as the end-to-end tests run it: the REAL composition root (main/services.ts) and IPC
// gate (main/ipc/register.ts) in the test process, against the simulator, a conf-backed store in a temp dir, the
// vault on a SecretStore the caller picks (the real keytar one in the e2e suite), the app's own logger writing to a
// temp file, and the real call tracker. Handlers are registered into a Map through the injectable register
// function, exactly as the shell registers them on ipcMain.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import electronLog from 'electron-log/node';
import type { CallView } from '../../../common/call-model';
import type { Channel } from '../../../common/ipc-contract';
import type { Locale } from '../../../common/locale';
import type { StoreData } from '../../../common/store-schema';
import { registerHandlers, type IpcListener } from '../../../main/ipc/register';
import { allowedOriginsFor } from '../../../main/ipc/sender';
import type { Log } from '../../../main/log';
import { createServices, trackerFactory, type Services } from '../../../main/services';
import { configureLogger, serviceLog } from '../../../main/shell/logger';
import { openAppStore, type AppStore } from '../../../main/store/app-store';
import type { StoreBackendFactory } from '../../../main/store/backend';
import { namespacedSecretStore } from '../../helpers/namespaced-secret-store';
import { CredentialVault } from '../../../main/vault/credential-vault';
import type { SecretStore } from '../../../main/vault/secret-store';
import type { FrameSender, InvokeHandler } from './bridge';

/** conf is the engine electron-store wraps; electron-store itself needs Electron at run time. */
const confBackend: StoreBackendFactory = (options) =>
  new Conf<StoreData>({ ...options, projectName: 'room-dialer-e2e' } as unknown as Options<StoreData>);

/** Every message the services gave the Log, before any redaction, as JSON lines. */
export interface LogRecorder extends Log {
  readonly lines: string[];
}

function teeLog(target: Log): LogRecorder {
  const lines: string[] = [];
  const write = (level: keyof Log) => (message: string, data?: Readonly<Record<string, unknown>>) => {
    lines.push(JSON.stringify({ level, message, data }));
    target[level](message, data);
  };
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

export interface AppBackendOptions {
  /** Holds store/ and logs/. */
  readonly dir: string;
  /** Saved as settings.endpoint before start (the benchmark); the e2e scenarios type it into Settings instead. */
  readonly endpoint?: string;
  /** The simulator's URL: the app runs in demo mode, the only one in which the window may choose this machine. */
  readonly simulatorUrl?: string;
  /** The origin the renderer is served from; only its main frame may call. */
  readonly rendererUrl: string;
  readonly secretStore: SecretStore;
  /**
   * The first profile's keychain account (others get `<profile>.<id>`): unique per run so the developer's own
   * "default" profile is never touched.
   */
  readonly profile: string;
  readonly systemLocale?: Locale;
  /** Below the settings' 1 s minimum so calls settle quickly; tests never assert on timing. */
  readonly pollIntervalMs?: number;
}

export interface AppBackend {
  readonly services: Services;
  readonly store: AppStore;
  readonly storeDir: string;
  readonly logFile: string;
  readonly log: LogRecorder;
  /** For installBridge(): calls the registered listener of the channel with the frame as the sender. */
  readonly invoke: InvokeHandler;
  /** Subscribes to call updates (what the shell sends on CALL_UPDATE_EVENT). */
  onCallUpdate(listener: (call: CallView) => void): void;
  close(): void;
}

export function startAppBackend(options: AppBackendOptions): AppBackend {
  const storeDir = path.join(options.dir, 'store');
  const logDir = path.join(options.dir, 'logs');
  mkdirSync(storeDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });

  const logFile = path.join(logDir, 'main.log');
  const logger = electronLog.create({ logId: `e2e-${path.basename(options.dir)}` });
  logger.transports.console.level = false;
  configureLogger(logger, { filePath: logFile });
  const log = teeLog(serviceLog(logger));

  const { store, notices } = openAppStore({ cwd: storeDir, backend: confBackend });
  if (options.endpoint !== undefined) {
    const saved = store.updateSettings({ endpoint: options.endpoint });
    if (!saved.ok) throw new Error(saved.error.message['en-US']);
  }
  const listeners = new Set<(call: CallView) => void>();
  const services = createServices({
    store,
    storeNotices: notices,
    vault: new CredentialVault(namespacedSecretStore(options.secretStore, options.profile)),
    fetch: globalThis.fetch,
    appVersion: 'e2e',
    log,
    systemLocale: options.systemLocale ?? 'zh-CN',
    ...(options.simulatorUrl ? { demo: { endpoint: options.simulatorUrl } } : {}),
    openExternal: async () => undefined,
    broadcast: (call) => {
      for (const listener of listeners) listener(call);
    },
    createTracker: trackerFactory({ pollIntervalMs: options.pollIntervalMs ?? 300 }),
  });

  const registered = new Map<Channel, IpcListener<FrameSender>>();
  registerHandlers<FrameSender>((channel, listener) => registered.set(channel, listener), services.handlers, {
    allowedOrigins: allowedOriginsFor(options.rendererUrl),
    log,
    senderOf: (frame) => frame,
  });

  return {
    services,
    store,
    storeDir,
    logFile,
    log,
    invoke: async (sender, channel, request) => {
      const listener = registered.get(channel as Channel);
      if (!listener) throw new Error(`no handler registered for ${channel}`);
      return listener(sender, request);
    },
    onCallUpdate: (listener) => {
      listeners.add(listener);
    },
    close: () => services.shutdown(),
  };
}
