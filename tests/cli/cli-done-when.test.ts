// The "Done when" flow as a user runs it: `npm run simulator` in one process (its entry, port 0), then the
// CLI in another with the credentials the simulator printed. Also: the simulator's env-driven faults and clean stop.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, errorJson, onlyJson, runCli, spawnTs, waitStates } from './harness';

const SIMULATOR = 'simulator/main.ts';
const BANNER_END = 'Ctrl+C stops the simulator.';

interface RunningSimulator {
  readonly child: ChildProcessWithoutNullStreams;
  readonly banner: string;
  /** The `export NAME='value'` lines of the banner. */
  readonly exports: Record<string, string>;
}

const started: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts simulator/main.ts and resolves once its banner is complete. */
function startSimulatorProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunningSimulator> {
  const child = spawnTs(SIMULATOR, ['--port', '0', ...args], cleanEnv(env));
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      if (!out.includes(BANNER_END)) return;
      const exports: Record<string, string> = {};
      for (const match of out.matchAll(/^export (\w+)='([^']*)'$/gm)) exports[match[1]!] = match[2]!;
      resolve({ child, banner: out, exports });
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('exit', (code) => reject(new Error(`simulator exited ${code} before its banner\n${out}\n${err}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

describe('npm run simulator, then the CLI with the printed credentials', () => {
  it('prints its URL and the demo credentials; SIP, H.323 and Rooms calls join, a rejecting address is rejected', async () => {
    const sim = await startSimulatorProcess(['--answer-delay-ms', '300']);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(sim.banner)?.[1];
    expect(url).toBeDefined();
    expect(Object.keys(sim.exports).sort()).toEqual([
      'WEMEET_APP_ID',
      'WEMEET_ENDPOINT',
      'WEMEET_OPERATOR_ID',
      'WEMEET_SDK_ID',
      'WEMEET_SECRET_ID',
      'WEMEET_SECRET_KEY',
    ]);
    expect(sim.exports['WEMEET_ENDPOINT']).toBe(url);
    expect(sim.banner).toMatch(/^ {2}806146667 /m);

    const env = cleanEnv(sim.exports);
    const dial = (target: string[]) =>
      runCli(['call', '--meeting', '806146667', ...target, '--wait', '--interval', '100'], env);
    const results = await Promise.all([
      dial(['--sip', 'room101@sip.example.com']),
      dial(['--h323', '8675500101']),
      dial(['--room-id', '2489756789']),
      dial(['--sip', 'sip:reject@sip.example.com']),
    ]);
    const finals = results.map((run) => {
      const states = waitStates(run);
      expect(states[0]).toBe('calling');
      return [states.at(-1), run.code];
    });
    // Exit 6: the ringing ended without the room joining.
    expect(finals).toEqual([
      ['joined', 0],
      ['joined', 0],
      ['joined', 0],
      ['rejected', 6],
    ]);

    sim.child.kill('SIGTERM');
    expect(await exitOf(sim.child)).toBe(0);
  });

  it('cancel stops a ringing call', async () => {
    const sim = await startSimulatorProcess([]);
    const env = cleanEnv(sim.exports);
    const target = ['--sip', 'sip:noanswer@sip.example.com'];
    const called = await runCli(['call', '--meeting', '806146667', ...target, '--json'], env);
    const inviteId = onlyJson(called)['invite_id'] as string;
    const cancel = await runCli(['cancel', '--meeting', '806146667', '--invite', inviteId, ...target], env);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toBe('Cancelled the call to SIP sip:noanswer@sip.example.com\n');
    const status = await runCli(['status', '--meeting', '806146667', ...target, '--json'], env);
    expect(onlyJson(status)).toMatchObject({ status: 5, state: 'cancelled' });
  });
});

describe('simulator faults from the environment', () => {
  it('SIM_CLOCK_OFFSET_MS: a server clock 10 minutes ahead is reported by the CLI as clock skew', async () => {
    const sim = await startSimulatorProcess([], { SIM_CLOCK_OFFSET_MS: String(10 * 60_000) });
    const run = await runCli(['meeting', '806146667', '--json'], cleanEnv(sim.exports));
    expect(errorJson(run, 3).kind).toBe('clock_skew');
  });

  it('a port already in use: one sentence naming --port, exit 1, no stack trace', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const second = spawnTs(SIMULATOR, ['--port', String(port)], cleanEnv());
      started.push(second);
      let out = '';
      let err = '';
      second.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
      second.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
      expect(await exitOf(second)).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(
        `Port ${port} on 127.0.0.1 is already in use (is another simulator running?). Stop it, or choose another ` +
          `port: npm run simulator -- --port ${port + 1} (--port 0 takes any free port; SIM_PORT works too).\n`,
      );
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('a flag wins over its env variable, and a bad value stops the simulator with exit 2', async () => {
    const sim = await startSimulatorProcess(['--clock-offset-ms', '0'], { SIM_CLOCK_OFFSET_MS: '600000' });
    expect((await runCli(['meeting', '806146667', '--json'], cleanEnv(sim.exports))).code).toBe(0);

    const bad = spawnTs(SIMULATOR, ['--port', '0'], cleanEnv({ SIM_5XX_RATE: '2' }));
    started.push(bad);
    let err = '';
    bad.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    expect(await exitOf(bad)).toBe(2);
    expect(err).toContain('SIM_5XX_RATE');
  });
});
