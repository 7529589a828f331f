// One keychain item per profile on a real gnome-keyring, through the app's own path: createServices with
// openKeychainVault(), a store in a temp folder, and the IPC handlers registered the way the shell registers them.
// scripts/test.mjs runs this file in a throw-away D-Bus session whose keyring lives in the run's temp XDG_DATA_HOME,
// so no developer's keychain is reachable; even so the test only ever writes profiles it added itself, named after
// this process (`kc-<pid>-…`), and checks that the first profile's account ("default") is left exactly as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from '@github/keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Channel, ResponseOf } from '../../common/ipc-contract';
import { registerHandlers, type IpcListener, type SenderInfo } from '../../main/ipc/register';
import { createServices, type Services } from '../../main/services';
import { openAppStore } from '../../main/store/app-store';
import { KEYCHAIN_SERVICE, openKeychainVault } from '../../main/vault';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { APP_SENDER, recordingLog } from '../helpers/ipc-harness';
import { confBackend } from '../unit/store-helpers';

const PREFIX = `kc-${process.pid}-`;
const FIRST = `${PREFIX}head-office`;
const SECOND = `${PREFIX}branch`;
/** Two enterprises: same shape, different keys. */
const FIRST_KEYS = {
  ...DEMO_CREDENTIALS,
  secretId: 'AKIDkeychainHeadOffice01',
  secretKey: `head-office-${process.pid}-aaaa`,
};
const SECOND_KEYS = {
  ...DEMO_CREDENTIALS,
  secretId: 'AKIDkeychainBranch00002',
  secretKey: `branch-${process.pid}-bbbbbbbb`,
};

let dir: string;
let services: Services;
let defaultBefore: string | null;
const listeners = new Map<Channel, IpcListener<SenderInfo>>();

async function ok<C extends Channel>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`nothing registered for ${channel}`);
  const result = await listener(APP_SENDER, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ResponseOf<C>;
}

/** This run's items in the keyring, account → secret. */
async function ourItems(): Promise<Map<string, string>> {
  const all = await keytar.findCredentials(KEYCHAIN_SERVICE);
  return new Map(all.filter((c) => c.account.startsWith(PREFIX)).map((c) => [c.account, c.password]));
}

beforeAll(async () => {
  expect(await ourItems(), 'items left by an earlier run of this process id').toEqual(new Map());
  defaultBefore = await keytar.getPassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE);
  dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-kc-profiles-'));
  const { store } = openAppStore({ cwd: dir, backend: confBackend });
  services = createServices({
    store,
    vault: openKeychainVault(),
    fetch: () => Promise.reject(new Error('this test sends nothing')),
    appVersion: '0.1.0-test',
    log: recordingLog(),
  });
  registerHandlers<SenderInfo>((channel, listener) => listeners.set(channel, listener), services.handlers, {
    allowedOrigins: ['app://room-dialer'],
    senderOf: (sender) => sender,
    log: recordingLog(),
  });
});

afterAll(async () => {
  services?.shutdown();
  for (const account of (await ourItems()).keys()) await keytar.deletePassword(KEYCHAIN_SERVICE, account);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('profiles on the real keychain', () => {
  it('two profiles get two keychain items, each under its own id with its own keys', async () => {
    for (const [name, keys] of [
      [FIRST, FIRST_KEYS],
      [SECOND, SECOND_KEYS],
    ] as const) {
      // A name that is a valid account becomes the id as it is (common/profiles.ts profileIdFor).
      expect(await ok('profiles:add', { name })).toMatchObject({ id: name, name, configured: false });
      expect(await ok('profiles:switch', { id: name })).toMatchObject({ kind: 'switched', state: { active: name } });
      expect(await ok('credentials:save', keys)).toMatchObject({ profile: name, configured: true });
    }

    const items = await ourItems();
    expect([...items.keys()].sort()).toEqual([SECOND, FIRST].sort());
    expect(items.get(FIRST)).toContain(FIRST_KEYS.secretKey);
    expect(items.get(FIRST)).not.toContain(SECOND_KEYS.secretKey);
    expect(items.get(SECOND)).toContain(SECOND_KEYS.secretKey);
    expect(items.get(SECOND)).not.toContain(FIRST_KEYS.secretKey);
    // The first profile's account was not written by any of it.
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE)).toBe(defaultBefore);

    const state = await ok('profiles:list', {});
    expect(state.profiles.filter((p) => p.id.startsWith(PREFIX)).map((p) => [p.id, p.configured])).toEqual([
      [FIRST, true],
      [SECOND, true],
    ]);
  });

  it("profiles:remove deletes exactly that profile's item; the other keeps its keys", async () => {
    // SECOND is in use (the last switched to): the first of the two may go.
    const state = await ok('profiles:remove', { id: FIRST });
    expect(state.profiles.map((p) => p.id)).not.toContain(FIRST);

    expect(await keytar.getPassword(KEYCHAIN_SERVICE, FIRST)).toBeNull();
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, SECOND)).toContain(SECOND_KEYS.secretKey);
    expect([...(await ourItems()).keys()]).toEqual([SECOND]);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE)).toBe(defaultBefore);
  });
});
