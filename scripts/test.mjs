#!/usr/bin/env node
// `npm test`: every check the project has, in one command, ending with the line CI reads:
//   N passed, N failed
// Steps: typecheck (main/preload/common/tests against Electron's and Node's types, renderer with vue-tsc),
// lint, the production build, then the vitest suites. Each non-vitest step counts as one test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

function vitest(label, args, env) {
  const dir = mkdtempSync(join(tmpdir(), 'room-dialer-vitest-'));
  const report = join(dir, 'report.json');
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
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

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('build', 'npm', ['run', '--silent', 'build']);
vitest('vitest', []);

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed === 0 && failures.length === 0 ? 0 : 1);
