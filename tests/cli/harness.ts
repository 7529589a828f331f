// Runs `room-dialer` the way an operator does: a separate Node process on the TypeScript source (node --import tsx,
// which skips npm's and tsx's own start-up), against a simulator started in the test process. The child runs
// asynchronously: a blocking spawnSync would freeze the simulator it talks to.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { USER_DATA_ENV } from '../../main/cli/app-profiles';
import { wemeetEnv, type Simulator } from '../../simulator/server';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'main/cli/room-dialer.ts';
/** A child that has not finished by then is stuck; the test fails instead of hanging the suite. */
const CHILD_LIMIT_MS = 25_000;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the CLI looks for Room Dialer's settings in tests that give none: a folder that never exists. */
export const NO_USER_DATA = path.join(tmpdir(), 'room-dialer-cli-tests-no-user-data');

/**
 * Only what Node needs, English unless overridden: nothing from the developer's shell (LC_ALL, NODE_OPTIONS…), and
 * never the developer's own Room Dialer settings (the profile list --profile reads).
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    TMPDIR: process.env['TMPDIR'],
    LANG: 'en_US.UTF-8',
    [USER_DATA_ENV]: NO_USER_DATA,
    ...extra,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

/** A clean environment pointing at `sim`, so the developer's own WEMEET_* credentials never leak in. */
export function simEnv(sim: Pick<Simulator, 'url' | 'credentials'>, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    ...wemeetEnv(sim.url, sim.credentials),
    ...extra,
  });
}

/** A TypeScript entry of this repository as its own Node process. */
export function spawnTs(
  entry: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: REPO, env });
}

/**
 * Runs the CLI with `args` and `env`, and checks on every run that the secret key in `env` (and `alsoSecret`)
 * appears in neither stdout nor stderr.
 */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, alsoSecret?: string): Promise<CliRun> {
  const result = await new Promise<CliRun>((resolve, reject) => {
    const child = spawnTs(ENTRY, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`room-dialer ${args.join(' ')} did not finish\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, CHILD_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  for (const secret of [env['WEMEET_SECRET_KEY'], alsoSecret]) {
    if (!secret) continue;
    expect(result.stdout, 'secret key on stdout').not.toContain(secret);
    expect(result.stderr, 'secret key on stderr').not.toContain(secret);
  }
  return result;
}

/** stdout must be exactly one JSON object (one line); returns it. */
export function onlyJson(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  expect(lines, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toHaveLength(1);
  const value: unknown = JSON.parse(lines[0] as string);
  expect(value).toBeTypeOf('object');
  expect(Array.isArray(value)).toBe(false);
  return value as Record<string, unknown>;
}

export interface CliErrorJson {
  readonly kind: string;
  readonly code: string | number;
  readonly message: string;
  readonly hint: string;
  readonly field?: string;
}

/** The documented error object {"error":{kind,code,message,hint}}, with the exit code. */
export function errorJson(run: CliRun, exitCode: number): CliErrorJson {
  expect(run.code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(exitCode);
  const value = onlyJson(run);
  expect(Object.keys(value)).toEqual(['error']);
  const error = value['error'] as CliErrorJson;
  expect(error).toMatchObject({
    kind: expect.any(String),
    code: expect.anything(),
    message: expect.any(String),
    hint: expect.any(String),
  });
  expect(['string', 'number']).toContain(typeof error.code);
  expect(error.message).not.toBe('');
  return error;
}

/** The state names of a human --wait run, first column of each stdout line. */
export function waitStates(run: CliRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t')[0] ?? '');
}

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
