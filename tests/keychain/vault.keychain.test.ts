// The credentials vault against the REAL keychain: keytar → libsecret → D-Bus → gnome-keyring's Secret Service.
// Needs a D-Bus session with an unlocked keyring, which `npm test` (scripts/test.mjs) provides in a throw-away
// dbus-run-session with XDG_DATA_HOME in a temp dir. Excluded from the plain `npx vitest run` for that reason.
// Every test uses its own profile names and deletes them afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import keytar from '@github/keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialInput } from '../../common/credentials';
import { CredentialVault } from '../../main/vault/credential-vault';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../main/vault/keytar-store';
import { expectInvalid, expectValid } from '../helpers/validated';
import { CHILD_BUNDLE } from './fixtures/child-bundle';

const SECRET_KEY = 'SKkeychain0123456789abcdefghijkl';
const INPUT: CredentialInput = {
  appId: '200000001',
  sdkId: '20000000001',
  secretId: 'AKIDkeychain000000000ab12',
  secretKey: SECRET_KEY,
  operatorId: 'admin1',
};

const vault = new CredentialVault(new KeytarSecretStore());
const used: string[] = [];
let counter = 0;

/** A profile name no other test (or earlier run) uses. */
function profileName(): string {
  counter += 1;
  const name = `kt-${process.pid}-${Date.now().toString(36)}-${counter}`;
  used.push(name);
  return name;
}

/** Straight from the keychain, bypassing the vault. */
function rawItem(profile: string): Promise<string | null> {
  return keytar.getPassword(KEYCHAIN_SERVICE, profile);
}

beforeAll(async () => {
  // A clear failure instead of a dozen identical ones when run outside the wrapper.
  try {
    await keytar.getPassword(KEYCHAIN_SERVICE, 'kt-probe');
  } catch (error) {
    throw new Error(
      `No usable Secret Service here (${String(error)}). Run the keychain tests through npm test, which wraps them in ` +
        'dbus-run-session with an unlocked gnome-keyring (see scripts/test.mjs and DEVELOPERS.md).',
      { cause: error },
    );
  }
});

afterEach(async () => {
  for (const profile of used.splice(0)) await keytar.deletePassword(KEYCHAIN_SERVICE, profile);
});

describe('save, read, overwrite, delete in the real keychain', () => {
  it('saves one JSON item per profile under the "Room Dialer" service and reads it back', async () => {
    const profile = profileName();
    expectValid(await vault.save(profile, INPUT));
    expect(JSON.parse((await rawItem(profile)) ?? 'null')).toEqual({ v: 1, ...INPUT });
    expect(await vault.load(profile)).toEqual(INPUT);
    const listed = await keytar.findCredentials(KEYCHAIN_SERVICE);
    expect(listed.filter((item) => item.account === profile)).toHaveLength(1);
  });

  it('overwrites in place; an empty secretKey keeps the stored one', async () => {
    const profile = profileName();
    expectValid(await vault.save(profile, INPUT));
    expectValid(await vault.save(profile, { ...INPUT, operatorId: 'admin2', secretKey: 'SKsecond' }));
    expect(await vault.load(profile)).toEqual({ ...INPUT, operatorId: 'admin2', secretKey: 'SKsecond' });
    expectValid(await vault.save(profile, { ...INPUT, appId: '300000001', sdkId: '', secretKey: '' }));
    expect(await vault.load(profile)).toEqual({
      appId: '300000001',
      secretId: INPUT.secretId,
      secretKey: 'SKsecond',
      operatorId: 'admin1',
    });
    const listed = await keytar.findCredentials(KEYCHAIN_SERVICE);
    expect(listed.filter((item) => item.account === profile)).toHaveLength(1);
  });

  it('an empty secretKey for a profile with nothing stored is refused and writes nothing', async () => {
    const profile = profileName();
    expectInvalid(await vault.save(profile, { ...INPUT, secretKey: '' }), 'secretKey');
    expect(await rawItem(profile)).toBeNull();
  });

  it('deletes the item', async () => {
    const profile = profileName();
    expectValid(await vault.save(profile, INPUT));
    expect(await vault.delete(profile)).toBe(true);
    expect(await rawItem(profile)).toBeNull();
    expect(await vault.load(profile)).toBeUndefined();
    expect(await vault.delete(profile)).toBe(false);
  });

  it('keeps profiles apart', async () => {
    const [a, b] = [profileName(), profileName()];
    expectValid(await vault.save(a, INPUT));
    expectValid(await vault.save(b, { ...INPUT, operatorId: 'other' }));
    await vault.delete(a);
    expect((await vault.load(b))?.operatorId).toBe('other');
  });
});

describe('publicView', () => {
  it('masks the secret id to its last 4 characters and never contains the secret key', async () => {
    const profile = profileName();
    expectValid(await vault.save(profile, INPUT));
    const view = await vault.publicView(profile);
    expect(view).toEqual({
      profile,
      configured: true,
      appId: '200000001',
      sdkId: '20000000001',
      operatorId: 'admin1',
      secretIdMasked: '••••••••ab12',
    });
    const json = JSON.stringify(view);
    expect(json).not.toContain(SECRET_KEY);
    expect(json).not.toContain(INPUT.secretId);
  });

  it('shows a short secret id fully masked, and an unknown profile as not configured', async () => {
    const profile = profileName();
    expectValid(await vault.save(profile, { ...INPUT, secretId: 'AKIDab12' }));
    expect((await vault.publicView(profile)).secretIdMasked).toBe('••••••••••••');
    expect((await vault.publicView(profileName())).configured).toBe(false);
  });
});

describe('validation against the real keychain', () => {
  it.each([
    ['appId', { appId: 'abc' }],
    ['sdkId', { sdkId: '12a' }],
    ['secretId', { secretId: 'AKID with space' }],
    ['secretKey', { secretKey: 'SK\tnew' }],
    ['operatorId', { operatorId: '' }],
    ['operatorId', { operatorId: 'x'.repeat(65) }],
  ])('a bad %s is refused and the stored bundle stays exactly as it was', async (field, patch) => {
    const profile = profileName();
    expectValid(await vault.save(profile, INPUT));
    const before = await rawItem(profile);
    expectInvalid(await vault.save(profile, { ...INPUT, ...patch }), field);
    expect(await rawItem(profile)).toBe(before);
  });

  it('a bad profile name is refused before the keychain is touched', async () => {
    const before = (await keytar.findCredentials(KEYCHAIN_SERVICE)).length;
    expectInvalid(await vault.save('../escape', INPUT), 'profile');
    expect((await keytar.findCredentials(KEYCHAIN_SERVICE)).length).toBe(before);
  });
});

// ── No keychain ──────────────────────────────────────────────────────────────────────────────────────────────────
// Each case runs a real save in a child process with a broken D-Bus environment (GLib keeps one session-bus
// connection per process, so this process cannot break its own), then checks this process's keychain: nothing saved.

const here = fileURLToPath(new URL('.', import.meta.url));
const child = join(here, 'fixtures', 'save-in-child.ts');
let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'room-dialer-nokeychain-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A fresh private directory (GLib and gnome-keyring want 0700 runtime dirs). */
function freshDir(name: string): string {
  const dir = join(scratch, `${name}-${counter}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The parent's environment minus everything that could lead the child to a working keychain or a GUI prompt. */
function isolatedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'GNOME_KEYRING_CONTROL'])
    delete env[key];
  return {
    ...env,
    XDG_RUNTIME_DIR: freshDir('run'),
    XDG_DATA_HOME: freshDir('data'),
    XDG_CACHE_HOME: freshDir('cache'),
    ...extra,
  };
}

const nodeArgs = [process.execPath, '--import', 'tsx', child];

interface ChildReport {
  name?: string;
  operation?: string;
  problem?: string;
  detail?: string;
  message?: string;
  cause?: string;
  en?: { kind: string; code: string; message: string; hint: string };
  zh?: { kind: string; code: string; message: string; hint: string };
  saved?: boolean;
  unexpected?: string;
}

function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): { report: ChildReport; output: string } {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 25_000, cwd: join(here, '..', '..') });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the child printed no report (status ${result.status}):\n${output}`);
  return { report: JSON.parse(line) as ChildReport, output };
}

/** Debian's session.conf without <standard_session_servicedirs/>: a working bus on which nothing can be started. */
const BUS_WITHOUT_SERVICES = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

const LOCK_LOGIN_KEYRING =
  'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97; ' +
  'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
  'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 98; ' +
  'exec "$@"';

const cases: {
  name: string;
  run: (profile: string) => { command: string; args: string[]; env: NodeJS.ProcessEnv };
  libsecret: RegExp;
  problem: string;
  en: RegExp;
  zh: RegExp;
}[] = [
  {
    name: 'DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist',
    run: (profile) => ({
      command: nodeArgs[0]!,
      args: [...nodeArgs.slice(1), profile],
      env: isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(scratch, 'no-such-bus-socket')}` }),
    }),
    libsecret: /^Could not connect: No such file or directory$/,
    problem: 'no_service',
    en: /no Secret Service keyring is running/,
    zh: /没有正在运行的 Secret Service 密钥环/,
  },
  {
    name: 'there is no session bus at all',
    run: (profile) => ({ command: nodeArgs[0]!, args: [...nodeArgs.slice(1), profile], env: isolatedEnv({}) }),
    libsecret: /^Cannot autolaunch D-Bus without X11 \$DISPLAY$/,
    problem: 'no_service',
    en: /no Secret Service keyring is running/,
    zh: /没有正在运行的 Secret Service 密钥环/,
  },
  {
    name: 'the session bus has no Secret Service to start',
    run: (profile) => {
      const config = join(freshDir('conf'), 'bus.conf');
      writeFileSync(config, BUS_WITHOUT_SERVICES);
      return {
        command: 'dbus-run-session',
        args: [`--config-file=${config}`, '--', ...nodeArgs, profile],
        env: isolatedEnv({}),
      };
    },
    libsecret: /^The name org\.freedesktop\.secrets was not provided by any \.service files$/,
    problem: 'no_service',
    en: /no Secret Service keyring is running/,
    zh: /没有正在运行的 Secret Service 密钥环/,
  },
  {
    name: 'the keyring is locked and no unlock prompt can appear',
    run: (profile) => ({
      command: 'dbus-run-session',
      args: ['--', 'sh', '-c', LOCK_LOGIN_KEYRING, 'sh', ...nodeArgs, profile],
      env: isolatedEnv({}),
    }),
    libsecret: /^Cannot create an item in a locked collection$/,
    problem: 'locked',
    en: /the keyring is locked/,
    zh: /密钥环已锁定/,
  },
];

describe('no keychain: KeychainUnavailableError, and nothing saved anywhere', () => {
  it.each(cases)('$name', async ({ run, libsecret, problem, en, zh }) => {
    const profile = profileName();
    const { command, args, env } = run(profile);
    const { report, output } = runChild(command, args, env);

    expect(report.unexpected).toBeUndefined();
    expect(report.saved).toBeUndefined();
    expect(report.name).toBe('KeychainUnavailableError');
    expect(report.operation).toBe('save');
    expect(report.problem).toBe(problem);
    // libsecret's own words are kept, as the cause and quoted in the message.
    expect(report.cause).toMatch(libsecret);
    expect(report.detail).toMatch(libsecret);
    expect(report.en).toMatchObject({ kind: 'keychain', code: 'keychain_unavailable' });
    expect(report.en?.message).toMatch(en);
    expect(report.en?.message).toMatch(/NOT saved.*never stores secrets anywhere but the system keychain/);
    expect(report.en?.hint).toMatch(/GNOME Keyring or KWallet/);
    expect(report.zh?.message).toMatch(zh);
    expect(report.zh?.message).toMatch(/凭据没有保存/);
    expect(report.zh?.hint).toMatch(/GNOME Keyring 或 KWallet/);
    // Not a trace of the secret in anything the child printed, and nothing reached the working keychain either.
    expect(output).not.toContain(CHILD_BUNDLE.secretKey);
    expect(await rawItem(profile)).toBeNull();
  });
});

// ── A locked keyring ────────────────────────────────────────────────────────────────────────────────────────────
// keytar reads a locked item as null and deletes it as "nothing there": taken at its word, the app said "no
// credentials saved" and asked for them again. The child saves, locks the keyring over D-Bus, and tries everything.

interface Attempt {
  resolved?: unknown;
  unexpected?: string;
  operation?: string;
  problem?: string;
  en?: { kind: string; message: string; hint: string };
  zh?: { kind: string; message: string; hint: string };
}
interface IpcAnswer {
  ok: boolean;
  value?: unknown;
  error?: { kind: string; field?: string; message: Record<string, string>; hint: Record<string, string> };
}
interface LockedReport {
  keytarSays: string | null;
  load: Attempt;
  publicView: Attempt;
  saveKeepingSecrets: Attempt;
  saveNewSecret: Attempt;
  delete: Attempt;
  otherProfile: Attempt;
  ipc: { get: IpcAnswer; save: IpcAnswer; delete: IpcAnswer; test: IpcAnswer };
  keyringUnchanged: boolean;
  itemsAfter: string;
}

const lockedChild = join(here, 'fixtures', 'locked-in-child.ts');
const UNLOCKED_KEYRING =
  'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97; exec "$@"';

describe('a locked keyring: "locked", never "nothing saved", and nothing overwritten', () => {
  let report: LockedReport;
  let output = '';

  beforeAll(() => {
    const profile = profileName();
    const result = spawnSync(
      'dbus-run-session',
      ['--', 'sh', '-c', UNLOCKED_KEYRING, 'sh', process.execPath, '--import', 'tsx', lockedChild, profile],
      { env: isolatedEnv({}), encoding: 'utf8', timeout: 25_000, cwd: join(here, '..', '..') },
    );
    output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith('{'));
    if (!line) throw new Error(`the child printed no report (status ${result.status}):\n${output}`);
    report = JSON.parse(line) as LockedReport;
  });

  it('is what keytar alone cannot tell: it reads the locked item as null', () => {
    expect(report.keytarSays).toBeNull();
  });

  it('reading says the keyring is locked, that nothing is lost, and how to unlock it, in both languages', () => {
    for (const attempt of [report.load, report.publicView]) {
      expect(attempt).toMatchObject({ operation: 'read', problem: 'locked', en: { kind: 'keychain' } });
      expect(attempt.en?.message).toMatch(/the keyring is locked/);
      expect(attempt.en?.message).toMatch(/not lost.*do not enter them again/);
      expect(attempt.en?.hint).toMatch(/Unlock the login keyring.*Seahorse/);
      expect(attempt.zh?.message).toMatch(/密钥环已锁定.*请不要重新输入/);
      expect(attempt.zh?.hint).toMatch(/解锁登录密钥环/);
    }
  });

  it('a save (keeping the saved secrets, or with a new one) and a delete are refused as locked', () => {
    expect(report.saveKeepingSecrets).toMatchObject({ operation: 'read', problem: 'locked' });
    expect(report.saveNewSecret).toMatchObject({ operation: 'save', problem: 'locked' });
    expect(report.delete).toMatchObject({ operation: 'delete', problem: 'locked' });
    expect(report.delete.en?.message).toMatch(/Nothing was deleted/);
  });

  it('a profile with nothing saved is not reported as empty either while the keyring is locked', () => {
    expect(report.otherProfile).toMatchObject({ operation: 'read', problem: 'locked' });
  });

  it('the window is told "keychain locked" on every credentials channel, never "not configured"', () => {
    for (const answer of [report.ipc.get, report.ipc.save, report.ipc.delete]) {
      expect(answer.ok).toBe(false);
      expect(answer.error?.kind).toBe('keychain');
      expect(answer.error?.message['en-US']).toMatch(/the keyring is locked/);
      expect(answer.error?.message['zh-CN']).toMatch(/密钥环已锁定/);
    }
    expect(report.ipc.test).toMatchObject({ ok: true, value: { ok: false, error: { kind: 'keychain' } } });
  });

  it('the saved item is still there, the keyring file unchanged, and no secret was printed', () => {
    expect(report.keyringUnchanged).toBe(true);
    // SearchItems: no unlocked match, one locked match.
    expect(report.itemsAfter).toMatch(/array \[\s*\]\s*array \[\s*object path "[^"]+"\s*\]/);
    expect(output).not.toContain(CHILD_BUNDLE.secretKey);
    expect(output).not.toContain('SKoverwriteAttempt');
  });
});
