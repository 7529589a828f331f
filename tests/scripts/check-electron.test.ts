// scripts/check-electron.ts, the first step of npm start / dev / demo, run as its own process against fake
// node_modules/electron folders: one clear message and exit 1 when the binary is missing, silence and 0 when not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = '41.7.1';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface FakeElectron {
  readonly package?: boolean;
  readonly pathTxt?: string;
  readonly binary?: boolean;
  readonly distVersion?: string;
}

/** A fake electron package folder, laid out as its install script leaves it. */
function fakeElectron(layout: FakeElectron): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  made.push(dir);
  if (layout.package !== false) writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: VERSION }));
  if (layout.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), layout.pathTxt);
  if (layout.binary || layout.distVersion) mkdirSync(join(dir, 'dist'));
  if (layout.binary) writeFileSync(join(dir, 'dist', 'electron'), '');
  if (layout.distVersion) writeFileSync(join(dir, 'dist', 'version'), layout.distVersion);
  return dir;
}

function check(electronDir: string, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/check-electron.ts', '--electron-dir', electronDir],
    { cwd: REPO, encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectAdvice(run: ReturnType<typeof check>, problem: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n');
  expect(lines[0]).toMatch(/^Room Dialer cannot start: /);
  expect(lines[0]).toMatch(problem);
  expect(run.stderr).toContain('\n  node node_modules/electron/install.js\n');
  expect(run.stderr).toContain('ELECTRON_MIRROR=');
  expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  expect(run.stderr).toContain('npm test does not need the binary');
}

describe('the Electron binary is missing: the advice, exit 1', () => {
  it('install script never ran (no path.txt): names path.txt', () => {
    expectAdvice(check(fakeElectron({})), /never downloaded .*path\.txt is missing/);
  });

  it('path.txt written, but the binary is gone', () => {
    expectAdvice(check(fakeElectron({ pathTxt: 'electron' })), /the Electron binary .*dist[\\/]electron is missing/);
  });

  it('an Electron of another version was downloaded', () => {
    const dir = fakeElectron({ pathTxt: 'electron', binary: true, distVersion: 'v40.0.0' });
    expectAdvice(check(dir), /downloaded Electron is 40\.0\.0, but this project needs 41\.7\.1/);
  });

  it('the electron package itself is missing: says to run npm ci', () => {
    expectAdvice(check(fakeElectron({ package: false })), /electron package itself is missing .*npm ci/);
  });

  it('ELECTRON_OVERRIDE_DIST_PATH pointing at nothing is named', () => {
    const run = check(fakeElectron({}), { ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-such-electron-dist') });
    expectAdvice(run, /ELECTRON_OVERRIDE_DIST_PATH is set, but .*no-such-electron-dist[\\/]electron does not exist/);
  });

  it('says when ELECTRON_SKIP_BINARY_DOWNLOAD is set in this very shell', () => {
    const run = check(fakeElectron({}), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expectAdvice(run, /never downloaded/);
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set in this shell');
  });
});

describe('the Electron binary is there: silent, exit 0', () => {
  it('as the install script leaves it', () => {
    expect(check(fakeElectron({ pathTxt: 'electron', binary: true, distVersion: `v${VERSION}` }))).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('from ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dist = fakeElectron({ package: false, binary: true });
    expect(check(fakeElectron({}), { ELECTRON_OVERRIDE_DIST_PATH: join(dist, 'dist') }).code).toBe(0);
  });
});

describe('package.json', () => {
  it('npm start, dev and demo run the check before anything else', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['start', 'dev', 'demo']) {
      expect(scripts[name], name).toMatch(/^tsx scripts\/check-electron\.ts && /);
    }
  });
});
