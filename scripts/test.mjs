#!/usr/bin/env node
// `npm test`: every check the project has, in one command, ending with the line CI reads:
//   N passed, N failed
// Steps: typecheck (main/preload/common/tests against Electron's and Node's types, renderer with vue-tsc),
// lint, the production build, then the vitest suites: the plain run, the keychain tests against a real Secret
// Service in a throw-away D-Bus session, and the end-to-end suite (built renderer in Chromium, real handlers, real
// keychain) in another such session. Each non-vitest step counts as one test.
// `--e2e` (npm run test:e2e): the build and the end-to-end suite only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n── ${label}: ${[command, ...args].join(' ')}\n`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return outcome.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(label);
  }
}

/**
 * One vitest run, counted test by test from its JSON report. `wrap` turns the vitest command line into the one to
 * run (the keychain run starts it inside dbus-run-session); `env` may depend on the run's temp dir.
 */
function vitest(label, args, { env = {}, wrap = (command) => command } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'room-dialer-vitest-'));
  const report = join(dir, 'report.json');
  const vitestCommand = [
    'npx',
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  const [command, ...commandArgs] = wrap(vitestCommand);
  const ok = run(label, command, commandArgs, typeof env === 'function' ? env(dir) : env);
  let counted = false;
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    results.passed += summary.numPassedTests;
    results.failed += summary.numFailedTests;
    results.skipped += summary.numPendingTests + (summary.numTodoTests ?? 0);
    counted = summary.numTotalTests > 0;
    // A suite that failed to load has no tests to count but must still fail the run.
    if (!ok && summary.numFailedTests === 0) results.failed += 1;
  } catch {
    results.failed += 1;
  }
  if (!ok || !counted) failures.push(label);
  rmSync(dir, { recursive: true, force: true });
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// Inside the private bus: start gnome-keyring's Secret Service with a fresh login keyring unlocked by the password
// on stdin (it must not be empty), then run vitest. The keyring cannot prompt (no display), so a failure is an error.
const UNLOCK_KEYRING_THEN_RUN =
  'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null ' +
  '|| { echo "keychain tests: gnome-keyring-daemon could not start or unlock a keyring" >&2; exit 1; }; exec "$@"';

/**
 * A vitest run against the real keychain: by default the vault's tests (tests/keychain/, vitest.keychain.config.ts);
 * the end-to-end suite passes its own label and config. Runs in its own D-Bus
 * session with the keyring files, the runtime dir and the cache in the run's temp dir, so neither HOME nor the
 * developer's own keyring is touched. Missing tools fail this run loudly: a keychain that was never tested must
 * not look like one that passed.
 */
function keychainVitest(label = 'vitest (keychain)', config = 'vitest.keychain.config.ts') {
  const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'].filter((command) => !onPath(command));
  if (missing.length) {
    process.stdout.write(
      `\n── ${label}: FAILED: ${missing.join(', ')} not found. The keychain tests need a real Secret Service: ` +
        'install the Debian packages dbus, gnome-keyring and libsecret-1-0 (see README.md, Prerequisites).\n',
    );
    results.failed += 1;
    failures.push(label);
    return;
  }
  vitest(label, ['--config', config], {
    wrap: (command) => ['dbus-run-session', '--', 'sh', '-c', UNLOCK_KEYRING_THEN_RUN, 'sh', ...command],
    env: (dir) => {
      const runtime = join(dir, 'run');
      mkdirSync(runtime, { mode: 0o700 });
      return {
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_RUNTIME_DIR: runtime,
        XDG_CACHE_HOME: join(dir, 'cache'),
        // No way to a GUI unlock prompt or to the developer's own session keyring.
        DISPLAY: undefined,
        WAYLAND_DISPLAY: undefined,
        GNOME_KEYRING_CONTROL: undefined,
        DBUS_SESSION_BUS_ADDRESS: undefined,
      };
    },
  });
}

const e2eOnly = process.argv.includes('--e2e');
if (!e2eOnly) {
  step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  step('lint', 'npm', ['run', '--silent', 'lint']);
}
step('build', 'npm', ['run', '--silent', 'build']);
if (!e2eOnly) {
  // Both on the build just made: the offline installer check (README, "Release") and Electronegativity.
  step('package:check', 'npm', ['run', '--silent', 'package:check']);
  step('security:gate', 'npm', ['run', '--silent', 'security:gate']);
  vitest('vitest', []);
  keychainVitest();
}
// The end-to-end handlers use the real keytar-backed SecretStore: the same kind of throw-away keyring session.
keychainVitest('vitest (e2e)', 'vitest.e2e.config.ts');

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed === 0 && failures.length === 0 ? 0 : 1);
