// The CLI falls back to the app's saved keychain profile ("default") when no WEMEET_* credential variable is set:
// a real gnome-keyring, a real CLI process, the simulator checking the signature made with the saved secret.
import keytar from '@github/keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import { CredentialVault } from '../../main/vault/credential-vault';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../main/vault/keytar-store';
import { startSimulator, type Simulator } from '../../simulator/server';
import { cleanEnv, errorJson, onlyJson, runCli } from '../cli/harness';

let sim: Simulator;
const vault = new CredentialVault(new KeytarSecretStore());

/** The child needs the test's private D-Bus session to reach the keyring; nothing else from this environment. */
function keychainEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return cleanEnv({
    DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
    XDG_RUNTIME_DIR: process.env['XDG_RUNTIME_DIR'],
    XDG_DATA_HOME: process.env['XDG_DATA_HOME'],
    ...extra,
  });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  expect(await keytar.getPassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE), 'a default profile left by someone').toBeNull();
});

afterAll(async () => {
  await keytar.deletePassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE);
  await sim.close();
});

describe('room-dialer with the saved keychain profile', () => {
  it('reports missing credentials (exit 5) while nothing is saved', async () => {
    const run = await runCli(['rooms', '--json'], keychainEnv({ WEMEET_ENDPOINT: sim.url }));
    expect(errorJson(run, 5).code).toBe('missing_credentials');
    expect(sim.requests).toHaveLength(0);
  });

  it('signs with the saved profile when no credential variable is set, and never prints the secret', async () => {
    const c = sim.credentials;
    const saved = await vault.save(DEFAULT_PROFILE, {
      appId: c.appId,
      sdkId: c.sdkId,
      secretId: c.secretId,
      secretKey: c.secretKey,
      operatorId: c.operatorId,
    });
    expect(saved.ok).toBe(true);
    const run = await runCli(
      ['meeting', '806146667', '--json'],
      keychainEnv({ WEMEET_ENDPOINT: sim.url }),
      c.secretKey,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(onlyJson(run)).toMatchObject({ meeting_code: '806146667' });
  });

  it('uses the environment, not the saved profile, as soon as one credential variable is set', async () => {
    const run = await runCli(
      ['meeting', '806146667', '--json'],
      keychainEnv({ WEMEET_ENDPOINT: sim.url, WEMEET_APP_ID: sim.credentials.appId }),
      sim.credentials.secretKey,
    );
    expect(errorJson(run, 5).message).toContain('WEMEET_SECRET_KEY');
  });
});
