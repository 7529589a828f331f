#!/usr/bin/env node
// `room-dialer` entry point (npm run cli, or the package bin once built). Uses Node's own fetch, and the app's
// saved keychain profile when no WEMEET_* credential variable is set.
import { readFileSync } from 'node:fs';
import { openKeychainVault } from '../vault';
import { runCli } from './run';

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  fetch: (url, init) => fetch(url, init),
  appVersion: appVersion(),
  vault: openKeychainVault(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
