// The command line run for real: this process's environment, Node's own fetch, the app's saved keychain profile
// (asked only when no WEMEET_* credential variable is set) and the process's streams, handed to runCli. Imported
// by the entry point (room-dialer.ts) only once the command line asks for more than help.
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

export function runInProcess(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    env: process.env,
    fetch: (url, init) => fetch(url, init),
    appVersion: appVersion(),
    vault: openKeychainVault(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
