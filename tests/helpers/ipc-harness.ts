// The IPC layer as the window meets it, for tests: the real handlers from createServices(), registered through
// registerHandlers() into a plain Map (what the shell hands ipcMain.handle), over a conf store in a temp dir, an
// in-memory keychain and the API simulator. Every response and every log line is checked on the spot for every
// secret key this harness has seen: no channel may ever send one back or log one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { CallView } from '../../common/call-model';
import type { Channel, ResponseOf } from '../../common/ipc-contract';
import type { IpcError, IpcResult } from '../../common/ipc-error';
import type { RoomsDocument, SettingsDocument } from '../../common/store-schema';
import { registerHandlers, type IpcListener, type SenderInfo } from '../../main/ipc/register';
import type { Log } from '../../main/log';
import {
  createServices,
  trackerFactory,
  type Services,
  type ServicesOptions,
  type TrackerFactory,
} from '../../main/services';
import { openAppStore, type AppStore } from '../../main/store/app-store';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS, startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server';
import { MemorySecretStore } from './memory-secret-store';
import { confBackend, steppingClock, tempDir } from '../unit/store-helpers';

export const APP_URL = 'app://room-dialer/index.html';
export const APP_SENDER: SenderInfo = { url: APP_URL, isMainFrame: true };

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export function recordingLog(): Log & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (message: string, data?: Readonly<Record<string, unknown>>) => {
    entries.push({ level, message, ...(data ? { data } : {}) });
  };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface HarnessOptions {
  readonly simulator?: SimulatorOptions;
  /** Another harness's simulator: two desks on the same Tencent account. */
  readonly sim?: Simulator;
  /** Save the simulator's demo credentials before the test starts (default true). */
  readonly credentials?: boolean;
  /** Default fastTracker; undefined means the app's own (settings.pollIntervalMs, at least 1 s). */
  readonly createTracker?: TrackerFactory | undefined;
  readonly services?: Partial<Omit<ServicesOptions, 'store' | 'vault' | 'fetch' | 'log' | 'createTracker'>>;
}

export interface IpcHarness {
  readonly dir: string;
  readonly store: AppStore;
  readonly secrets: MemorySecretStore;
  readonly vault: CredentialVault;
  readonly sim: Simulator;
  readonly services: Services;
  readonly log: Log & { readonly entries: LogEntry[] };
  /** URLs shell:open-external asked to open. */
  readonly opened: string[];
  /** Every call update the services broadcast. */
  readonly broadcasts: CallView[];
  /** Through the registered listener, as the window would call. */
  call(channel: Channel, payload: unknown, sender?: SenderInfo): Promise<IpcResult<unknown>>;
  /** The value of a call that must succeed. */
  ok<C extends Channel>(channel: C, payload: unknown): Promise<ResponseOf<C>>;
  /** The error of a call that must fail. */
  fail(channel: Channel, payload: unknown, sender?: SenderInfo): Promise<IpcError>;
  /** The store file's bytes plus the keychain's contents: compare before and after a refused request. */
  snapshot(): string;
  /** The store file as it is on disk now. */
  /** config.json and config.rooms.json as one object. */
  stored(): SettingsDocument & Pick<RoomsDocument, 'rooms'>;
  /** Resolves with the first broadcast update matching `test` (already seen ones included). */
  nextUpdate(test: (call: CallView) => boolean): Promise<CallView>;
  close(): Promise<void>;
}

/** The real tracker, polling every 20 ms so a test does not wait for the operator's 1-second minimum. */
export const fastTracker: TrackerFactory = trackerFactory({ pollIntervalMs: 20 });

export async function startIpcHarness(options: HarnessOptions = {}): Promise<IpcHarness> {
  const dir = tempDir();
  // The store's clock steps one second per reading (ids stay in order); the client and tracker use real time, which
  // the simulator's signature window checks.
  const { store } = openAppStore({ cwd: dir, backend: confBackend, now: steppingClock() });
  const sim = options.sim ?? (await startSimulator({ answerDelayMs: 0, ...options.simulator }));
  const secrets = new MemorySecretStore();
  const vault = new CredentialVault(secrets);
  const log = recordingLog();
  const opened: string[] = [];
  const broadcasts: CallView[] = [];
  const waiters: { test: (call: CallView) => boolean; resolve: (call: CallView) => void }[] = [];
  const knownSecrets = new Set<string>([DEMO_CREDENTIALS.secretKey]);

  const expectNoSecret = (text: string) => {
    for (const secret of knownSecrets) expect(text).not.toContain(secret);
  };

  expect(store.updateSettings({ endpoint: sim.url }).ok).toBe(true);
  if (options.credentials !== false) {
    expect((await vault.save(DEFAULT_PROFILE, { ...DEMO_CREDENTIALS })).ok).toBe(true);
  }

  const services = createServices({
    appVersion: '0.1.0-test',
    openExternal: async (url) => {
      opened.push(url);
    },
    ...options.services,
    store,
    vault,
    fetch: (url, init) => fetch(url, init),
    log,
    // Given as undefined: the app's own tracker (defaultTrackerFactory).
    createTracker: 'createTracker' in options ? options.createTracker : fastTracker,
    client: { retryBaseDelayMs: 1, timeoutMs: 5000, ...options.services?.client },
    broadcast: (call) => {
      expectNoSecret(JSON.stringify(call));
      broadcasts.push(call);
      for (const waiter of [...waiters]) {
        if (!waiter.test(call)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    },
  });

  const listeners = new Map<Channel, IpcListener<SenderInfo>>();
  registerHandlers<SenderInfo>((channel, listener) => listeners.set(channel, listener), services.handlers, {
    allowedOrigins: ['app://room-dialer'],
    senderOf: (sender) => sender,
    log,
  });

  const call = async (channel: Channel, payload: unknown, sender: SenderInfo = APP_SENDER) => {
    const secretKey = (payload as { secretKey?: unknown } | null)?.secretKey;
    if (channel === 'credentials:save' && typeof secretKey === 'string' && secretKey.trim().length >= 8) {
      knownSecrets.add(secretKey.trim());
    }
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`nothing registered for ${channel}`);
    const result = await listener(sender, payload);
    expectNoSecret(JSON.stringify(result));
    expectNoSecret(JSON.stringify(log.entries));
    return result;
  };

  return {
    dir,
    store,
    secrets,
    vault,
    sim,
    services,
    log,
    opened,
    broadcasts,
    call,
    async ok(channel, payload) {
      const result = await call(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(channel, payload, sender) {
      const result = await call(channel, payload, sender);
      if (result.ok) throw new Error(`${channel} should have failed, got ${JSON.stringify(result.value)}`);
      return result.error;
    },
    stored() {
      const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      const { rooms } = read('config.rooms.json') as RoomsDocument;
      return { ...(read('config.json') as SettingsDocument), rooms };
    },
    snapshot() {
      // Every file of the store (settings, rooms, last dials, history segments), as text.
      const files = readdirSync(dir).flatMap((name) =>
        name === 'config.history' ? readdirSync(path.join(dir, name)).map((s) => path.join(name, s)) : [name],
      );
      const file = files.map((name) => `${name}\n${readFileSync(path.join(dir, name), 'utf8')}`).join('\n');
      return JSON.stringify({ file, secrets: [...secrets.secrets.entries()], writes: secrets.writes.length });
    },
    nextUpdate(test) {
      const seen = broadcasts.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    async close() {
      services.shutdown();
      // A simulator shared with another harness (a second desk) is closed by its owner.
      if (!options.sim) await sim.close();
    },
  };
}

/** Checks an IpcError is a validation error naming `field` in both languages. */
export function expectFieldError(error: IpcError, field: string, kind: IpcError['kind'] = 'validation'): void {
  expect(error.kind).toBe(kind);
  expect(error.field).toBe(field);
  expect(error.message['en-US']).toContain(field);
  expect(error.message['zh-CN']).toContain(field);
  expect(error.hint['en-US']).not.toBe('');
  expect(error.hint['zh-CN']).toMatch(/\p{Script=Han}/u);
}
