// The CLI falls back to the app's saved keychain profile ("default", or the one --profile names) when no WEMEET_*
// credential variable is set: a real gnome-keyring, a real CLI process, the simulator checking the signature made
// with the saved secret. Run in scripts/test.mjs's throw-away D-Bus session (its own keyring), so "default" is written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from '@github/keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import { CredentialVault } from '../../main/vault/credential-vault';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../main/vault/keytar-store';
import { USER_DATA_ENV } from '../../main/cli/app-profiles';
import { startSimulator, type Simulator } from '../../simulator/server';
import { cleanEnv, errorJson, onlyJson, runCli } from '../cli/harness';

let sim: Simulator;
/** A second enterprise, for --profile: its own API that refuses the first one's signature. */
let branchSim: Simulator;
const BRANCH = `kc-${process.pid}-branch`;
const BRANCH_KEYS = {
  appId: '300000002',
  sdkId: '30000000002',
  secretId: 'AKIDCompanyBReception0002',
  secretKey: `CompanyB-simulator-key-${process.pid}-0002`,
  operatorId: 'admin1',
};
let userData: string;
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
  branchSim = await startSimulator({ credentials: { ...BRANCH_KEYS } });
  userData = mkdtempSync(path.join(tmpdir(), 'room-dialer-kc-cli-'));
  expect(await keytar.getPassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE), 'a default profile left by someone').toBeNull();
});

afterAll(async () => {
  await keytar.deletePassword(KEYCHAIN_SERVICE, DEFAULT_PROFILE);
  await keytar.deletePassword(KEYCHAIN_SERVICE, BRANCH);
  await sim.close();
  await branchSim.close();
  rmSync(userData, { recursive: true, force: true });
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

  it("--profile takes another saved profile by its name in the app's settings, and its endpoint", async () => {
    expect((await vault.save(BRANCH, BRANCH_KEYS)).ok).toBe(true);
    writeFileSync(
      path.join(userData, 'config.json'),
      JSON.stringify({
        schemaVersion: 2,
        settings: { endpoint: sim.url },
        recentMeetings: [],
        profiles: [
          { id: DEFAULT_PROFILE, name: '' },
          { id: BRANCH, name: 'Keychain branch', endpoint: branchSim.url },
        ],
      }),
    );
    const before = sim.requests.length;
    const run = await runCli(
      ['meeting', '806146667', '--json', '--profile', 'keychain BRANCH'],
      keychainEnv({ [USER_DATA_ENV]: userData }),
      BRANCH_KEYS.secretKey,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(onlyJson(run)).toMatchObject({ meeting_code: '806146667' });
    // Signed with the branch's item (its simulator refuses any other) and sent to the branch's endpoint only.
    expect(branchSim.requests.length).toBeGreaterThan(0);
    expect(sim.requests).toHaveLength(before);
  });
});
