// What the shell starts at launch (main/shell/compose.ts), with conf in place of electron-store, Node's fetch in
// place of net.fetch, and the API simulator: demo mode, the normal start, settings changes and quitting.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import type { Settings } from '../../common/store-schema';
import { composeApp, type ComposeOptions } from '../../main/shell/compose';
import { CredentialVault } from '../../main/vault/credential-vault';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { DEMO_CREDENTIALS, demoEnv, startSimulator, type Simulator } from '../../simulator/server';
import { recordingLog } from '../helpers/ipc-harness';
import { confBackend, tempDir } from './store-helpers';

let sim: Simulator;
// The simulator rings for a minute before anyone answers: calls stay in flight for the quit test.
beforeAll(async () => {
  sim = await startSimulator({ answerDelayMs: 60_000 });
});
afterAll(async () => {
  await sim.close();
});

function options(overrides: Partial<ComposeOptions> = {}) {
  const broadcasts: CallView[] = [];
  const secrets: string[] = [];
  let vaultsOpened = 0;
  const composeOptions: ComposeOptions = {
    env: {},
    userDataDir: tempDir(),
    storeBackend: confBackend,
    openVault: () => {
      vaultsOpened += 1;
      return new CredentialVault(new MemorySecretStore());
    },
    fetch: (url, init) => fetch(url, init),
    appVersion: '0.1.0-test',
    systemLocale: 'zh-CN',
    log: recordingLog(),
    openExternal: async () => {},
    broadcast: (call) => broadcasts.push(call),
    redaction: { addSecret: (secret) => secrets.push(secret) },
    ...overrides,
  };
  return { composeOptions, broadcasts, secrets, vaultsOpened: () => vaultsOpened };
}

describe('composeApp', () => {
  it('demo mode: the simulator, its credentials in memory, and demo.json instead of the operator file', async () => {
    const { composeOptions, secrets, vaultsOpened } = options({ env: demoEnv(sim.url) });
    const app = await composeApp(composeOptions);
    try {
      expect(app.demo).toBe(true);
      expect(vaultsOpened()).toBe(0);
      expect(app.store.path).toBe(path.join(composeOptions.userDataDir, 'demo.json'));
      expect(existsSync(path.join(composeOptions.userDataDir, 'config.json'))).toBe(false);
      expect(app.store.getSettings().endpoint).toBe(sim.url);
      expect(await app.handlers['app:info']({})).toMatchObject({ demo: true, systemLocale: 'zh-CN' });
      expect(await app.handlers['credentials:test']({})).toEqual({ ok: true });
      // The log learns the demo's secrets from the first read of its vault.
      expect(secrets).toEqual(expect.arrayContaining([DEMO_CREDENTIALS.secretKey, DEMO_CREDENTIALS.secretId]));
      const meeting = await app.handlers['meetings:lookup']({ meeting: '806-146-667' });
      expect(meeting).toMatchObject({ meetingId: '7567173273889276131' });
    } finally {
      app.services.shutdown();
    }
  });

  it('refuses to start a demo without the simulator settings, naming what is missing', async () => {
    const env = { ...demoEnv(sim.url), WEMEET_SECRET_KEY: undefined };
    await expect(composeApp(options({ env }).composeOptions)).rejects.toThrow(/WEMEET_SECRET_KEY/);
    const badEndpoint = { ...demoEnv(sim.url), WEMEET_ENDPOINT: 'ftp://x' };
    await expect(composeApp(options({ env: badEndpoint }).composeOptions)).rejects.toThrow(/WEMEET_ENDPOINT/);
  });

  it('normal start: config.json, the keychain vault, nothing configured yet', async () => {
    const { composeOptions, vaultsOpened, secrets } = options();
    const app = await composeApp(composeOptions);
    try {
      expect(app.demo).toBe(false);
      expect(vaultsOpened()).toBe(1);
      expect(secrets).toEqual([]);
      expect(app.store.path).toBe(path.join(composeOptions.userDataDir, 'config.json'));
      expect(await app.handlers['app:info']({})).toMatchObject({ demo: false });
      expect(await app.handlers['credentials:get']({})).toMatchObject({ configured: false });
      // Secrets the operator saves (and later reads) are masked in the log from then on.
      const saved = {
        appId: '200000001',
        secretId: 'AKIDsaved000000000000cd34',
        secretKey: 'SKsavedbyoperator0000000000000',
        operatorId: 'admin1',
      };
      await app.handlers['credentials:save'](saved);
      expect(secrets).toEqual(expect.arrayContaining([saved.secretId, saved.secretKey]));
    } finally {
      app.services.shutdown();
    }
  });

  it('tells the shell about every settings change that went through, and only those', async () => {
    const changes: Settings[] = [];
    const { composeOptions } = options({ onSettingsChanged: (settings) => changes.push(settings) });
    const app = await composeApp(composeOptions);
    try {
      await app.handlers['settings:update']({ locale: 'en-US' });
      await expect(app.handlers['settings:update']({ pollIntervalMs: 5 })).rejects.toThrow();
      expect(changes.map((settings) => settings.locale)).toEqual(['en-US']);
      // The other handlers are the services' own.
      expect(app.handlers['rooms:list']).toBe(app.services.handlers['rooms:list']);
    } finally {
      app.services.shutdown();
    }
  });

  it('on quit, a call still ringing is recorded as unknown', async () => {
    const { composeOptions, broadcasts } = options({ env: demoEnv(sim.url) });
    const app = await composeApp(composeOptions);
    const room = await app.handlers['rooms:add']({
      name: '3F 大会议室',
      kind: 'sip',
      address: 'room101@sip.example.com',
    });
    await app.handlers['calls:dial']({ meeting: { meetingId: '7567173273889276131' }, roomIds: [room.id] });
    await expect.poll(() => broadcasts.some((call) => call.inviteId !== undefined), { timeout: 10_000 }).toBe(true);
    app.services.shutdown();
    const history = app.store.listHistory();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ roomId: room.id, outcome: 'unknown' });
    expect(app.services.dialer.list().map((call) => call.state)).toEqual(['unknown']);
  });
});
