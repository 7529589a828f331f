// `--profile`: which saved profile the CLI signs with, found by its id or its name in the app's settings file (read,
// never written), and where its requests go. Two enterprises, each its own strict simulator that refuses the other's
// signature: a request that succeeds was signed with that enterprise's keychain entry. runCli in this process with
// the CLI's vault seam on an in-memory keychain (the real keychain: tests/keychain/cli-profile.keychain.test.ts);
// the real entry point as its own process where the keychain is never reached.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { ProfileRecord } from '../../common/profiles';
import { appSettingsPath, APP_FOLDER_NAME, SETTINGS_FILE_NAME, USER_DATA_ENV } from '../../main/cli/app-profiles';
import { runCli as runCliInProcess } from '../../main/cli/run';
import { STORE_NAME } from '../../main/shell/compose';
import { openAppStore } from '../../main/store/app-store';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS, startSimulator, type Simulator } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { confBackend } from '../unit/store-helpers';
import { cleanEnv, errorJson, onlyJson, runCli, type CliRun } from './harness';

const COMPANY_B = {
  appId: '300000002',
  sdkId: '30000000002',
  secretId: 'AKIDCompanyBReception0002',
  secretKey: 'CompanyB-simulator-key-not-a-real-secret-0002',
  operatorId: 'admin1',
};
const SECRETS = [DEMO_CREDENTIALS.secretKey, COMPANY_B.secretKey];
const MEETING = ['meeting', '806146667', '--json'];

let desk: Simulator;
let branch: Simulator;
let userData: string;
let secrets: MemorySecretStore;
/** The keychain account the app gave "Branch office". */
let branchId: string;

beforeAll(async () => {
  desk = await startSimulator();
  branch = await startSimulator({ credentials: { ...COMPANY_B } });
});
afterAll(async () => {
  await desk.close();
  await branch.close();
});

beforeEach(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'room-dialer-cli-profile-'));
  secrets = new MemorySecretStore();
  const vault = new CredentialVault(secrets);
  // The desk as the app leaves it (its own store writes config.json): the first profile ("default", unnamed) on the
  // desk's endpoint; "Branch office", another enterprise on its own API; "Head office", nothing saved yet. The window
  // uses the branch: a script without --profile must still get "default".
  const { store } = openAppStore({ cwd: userData, backend: confBackend });
  expect(store.updateSettings({ endpoint: desk.url }).ok).toBe(true);
  const added = store.profiles.add({ name: 'Branch office' });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  branchId = added.value.id;
  expect(store.profiles.update(branchId, { endpoint: branch.url }).ok).toBe(true);
  expect(store.profiles.add({ name: 'Head office' }).ok).toBe(true);
  expect(store.profiles.activate(branchId).ok).toBe(true);
  expect((await vault.save(DEFAULT_PROFILE, { ...DEMO_CREDENTIALS })).ok).toBe(true);
  expect((await vault.save(branchId, COMPANY_B)).ok).toBe(true);
  return () => rmSync(userData, { recursive: true, force: true });
});

/** A settings file written by hand, for what the app itself would not write. */
function writeSettings(profiles: readonly ProfileRecord[]): void {
  const doc = { schemaVersion: 2, settings: { endpoint: desk.url }, recentMeetings: [], profiles };
  writeFileSync(path.join(userData, SETTINGS_FILE_NAME), JSON.stringify(doc));
}

interface InProcessRun extends CliRun {
  /** The keychain accounts the CLI asked for. */
  readonly loaded: readonly string[];
  readonly deskRequests: number;
  readonly branchRequests: number;
}

/** runCli with the in-memory keychain; no WEMEET_* credential variable unless `env` sets one. */
async function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<InProcessRun> {
  const before = { desk: desk.requests.length, branch: branch.requests.length };
  const settings = path.join(userData, SETTINGS_FILE_NAME);
  const bytes = readFileSync(settings);
  const modified = statSync(settings).mtimeMs;
  let stdout = '';
  let stderr = '';
  const loaded: string[] = [];
  const vault = new CredentialVault(secrets);
  const code = await runCliInProcess(args, {
    env: cleanEnv({ [USER_DATA_ENV]: userData, ...env }),
    fetch: (url, init) => fetch(url, init),
    appVersion: '0.1.0-test',
    vault: {
      load: (profile) => {
        loaded.push(profile);
        return vault.load(profile);
      },
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  for (const secret of SECRETS) expect(stdout + stderr, 'a secret key was printed').not.toContain(secret);
  // Read-only: the app's file is exactly as it was.
  expect(readFileSync(settings).equals(bytes)).toBe(true);
  expect(statSync(settings).mtimeMs).toBe(modified);
  return {
    code,
    stdout,
    stderr,
    loaded,
    deskRequests: desk.requests.length - before.desk,
    branchRequests: branch.requests.length - before.branch,
  };
}

describe('--profile picks the keychain entry and the endpoint', () => {
  it("by display name, in any case: the branch keys, at the branch profile's own endpoint", async () => {
    const run = await cli([...MEETING, '--profile', 'BRANCH office']);
    expect(run.code, run.stderr).toBe(0);
    expect(onlyJson(run)).toMatchObject({ meeting_code: '806146667' });
    expect(run.branchRequests).toBeGreaterThan(0);
    expect(run.loaded).toEqual([branchId]);
    expect(run.deskRequests).toBe(0);
  });

  it('by id, exactly or in another case', async () => {
    for (const typed of [branchId, branchId.toUpperCase()]) {
      const run = await cli([...MEETING, `--profile=${typed}`]);
      expect(run.code, `${typed}: ${run.stderr}`).toBe(0);
      expect(run.branchRequests).toBeGreaterThan(0);
      expect(run.loaded).toEqual([branchId]);
      expect(run.deskRequests).toBe(0);
    }
  });

  it('without --profile: "default" and the desk\'s endpoint, whatever profile the window has in use', async () => {
    const run = await cli(MEETING);
    expect(run.code, run.stderr).toBe(0);
    expect(run.deskRequests).toBeGreaterThan(0);
    expect(run.loaded).toEqual([DEFAULT_PROFILE]);
    expect(run.branchRequests).toBe(0);
    // And the first profile also answers to the window's word for it.
    const named = await cli([...MEETING, '--profile', 'Default']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.deskRequests).toBeGreaterThan(0);
    expect(named.loaded).toEqual([DEFAULT_PROFILE]);
  });

  it("--endpoint and $WEMEET_ENDPOINT come before the profile's own endpoint", async () => {
    for (const [args, env] of [
      [['--endpoint', desk.url], {}],
      [[], { WEMEET_ENDPOINT: desk.url }],
    ] as const) {
      const run = await cli([...MEETING, '--profile', branchId, ...args], env);
      // The desk's enterprise does not know the branch's keys: refused there, and nothing went to the branch's API.
      expect(errorJson(run, 3).kind).toBe('api');
      expect(run.deskRequests).toBeGreaterThan(0);
      expect(run.loaded).toEqual([branchId]);
      expect(run.branchRequests).toBe(0);
    }
  });

  it('a listed profile with nothing saved: exit 5 naming it, nothing sent', async () => {
    const run = await cli([...MEETING, '--profile', 'head office']);
    const error = errorJson(run, 5);
    expect(error.code).toBe('missing_credentials');
    expect(error.message).toContain('"Head-office"');
    expect(run.deskRequests + run.branchRequests).toBe(0);
    expect(run.loaded).toEqual(['Head-office']);
  });
});

describe('--profile refused: exit 2 naming the field, nothing read from the keychain, nothing sent', () => {
  it("an unknown profile, listing the app's profiles in the operator's language", async () => {
    const en = await cli([...MEETING, '--profile', 'Brnch']);
    const error = errorJson(en, 2);
    expect(error).toMatchObject({ kind: 'validation', field: 'profile' });
    expect(error.message).toContain('--profile');
    expect(error.message).toContain('"Brnch"');
    expect(error.message).toContain(`"Branch office" (${branchId})`);
    expect(error.message).toContain('"Default" (default)');

    const zh = await cli([...MEETING, '--profile', 'Brnch', '--lang', 'zh-CN']);
    const zhError = errorJson(zh, 2);
    expect(zhError.field).toBe('profile');
    expect(zhError.message).toContain('--profile');
    expect(zhError.message).toContain(`“Branch office”（${branchId}）`);
    expect(zhError.message).toMatch(/\p{Script=Han}/u);
    expect(en.deskRequests + en.branchRequests + zh.deskRequests + zh.branchRequests).toBe(0);
    expect([...en.loaded, ...zh.loaded]).toEqual([]);
  });

  it('a huge --profile is cut before it is echoed; a long list of profiles is capped', async () => {
    writeSettings(Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: `Profile ${i}` })));
    const run = await cli([...MEETING, '--profile', 'x'.repeat(100_000)]);
    const error = errorJson(run, 2);
    expect(error.field).toBe('profile');
    expect(error.message.length).toBeLessThan(600);
    expect(error.message).toContain('"Profile 9" (p9)');
    expect(error.message).not.toContain('(p10)');
    expect(error.message).toContain('10 more');
  });

  it('--profile with a WEMEET_* credential variable set is ambiguous, and refused', async () => {
    const run = await cli([...MEETING, '--profile', branchId], { WEMEET_SECRET_ID: COMPANY_B.secretId });
    const error = errorJson(run, 2);
    expect(error.field).toBe('profile');
    expect(error.message).toContain('WEMEET_SECRET_ID');
    expect(run.deskRequests + run.branchRequests).toBe(0);
    expect(run.loaded).toEqual([]);
  });

  it('an unreadable settings file: --profile names it; without --profile "default" is used, with a warning', async () => {
    writeFileSync(path.join(userData, SETTINGS_FILE_NAME), '{"profiles": [');
    const refused = await cli([...MEETING, '--profile', branchId]);
    const error = errorJson(refused, 2);
    expect(refused.loaded).toEqual([]);
    expect(error.field).toBe('profile');
    expect(error.message).toContain(path.join(userData, SETTINGS_FILE_NAME));
    expect(error.message).toContain('not valid JSON');

    // The desk's endpoint is in that file too: without it the request goes to Tencent's default, so point it here.
    const plain = await cli(MEETING, { WEMEET_ENDPOINT: desk.url });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/^warning: .*not valid JSON/m);
  });

  it('no settings file at all: the one profile "default"', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'room-dialer-cli-profile-none-'));
    try {
      const refused = await cli([...MEETING, '--profile', branchId], { [USER_DATA_ENV]: empty });
      expect(errorJson(refused, 2).message).toMatch(/profiles on this PC: "Default" \(default\)$/);
      const run = await cli(MEETING, { [USER_DATA_ENV]: empty, WEMEET_ENDPOINT: desk.url });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the real entry point', () => {
  it('an unknown --profile exits 2 before the keychain is opened', async () => {
    const before = desk.requests.length;
    const run = await runCli(
      [...MEETING, '--profile', 'nobody'],
      cleanEnv({ [USER_DATA_ENV]: userData, WEMEET_ENDPOINT: desk.url }),
    );
    const error = errorJson(run, 2);
    expect(error).toMatchObject({ kind: 'validation', field: 'profile' });
    expect(error.message).toContain(`"Branch office" (${branchId})`);
    expect(desk.requests).toHaveLength(before);
  });

  it('--help says what --profile does and that "default" is used without it', async () => {
    const run = await runCli(['--help'], cleanEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--profile <name\|id>/);
    expect(run.stdout).toMatch(/default: the profile "default"/);
  });
});

describe("where the app's settings are", () => {
  it("Electron's userData folder for the app's productName, and the store's file name", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      productName: string;
    };
    expect(APP_FOLDER_NAME).toBe(pkg.productName);
    expect(SETTINGS_FILE_NAME).toBe(`${STORE_NAME}.json`);
    expect(appSettingsPath({}, 'linux', '/home/op')).toBe('/home/op/.config/Room Dialer/config.json');
    expect(appSettingsPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/op')).toBe('/cfg/Room Dialer/config.json');
    expect(appSettingsPath({}, 'darwin', '/Users/op')).toBe(
      '/Users/op/Library/Application Support/Room Dialer/config.json',
    );
    expect(appSettingsPath({ APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'win32', 'C:\\Users\\op')).toBe(
      'C:\\Users\\op\\AppData\\Roaming\\Room Dialer\\config.json',
    );
    expect(appSettingsPath({ [USER_DATA_ENV]: '/tmp/desk' }, 'linux', '/home/op')).toBe('/tmp/desk/config.json');
  });
});
