// `npm run simulator`: start the simulator and print how to point Room Dialer at it.
// Options come from the environment (SIM_*) and from --flags (flags win).
import { parseArgs } from 'node:util';
import {
  EXAMPLE_ADDRESSES,
  HOST_JOINS_LATER_MEETING_ID,
  startSimulator,
  wemeetEnv,
  type SimulatorOptions,
} from './server';

interface NumberOption {
  readonly flag: string;
  readonly env: string;
  readonly help: string;
  readonly rate?: boolean;
  readonly integer?: boolean;
  readonly signed?: boolean;
}

const NUMBER_OPTIONS = {
  port: {
    flag: 'port',
    env: 'SIM_PORT',
    help: 'TCP port on 127.0.0.1 (0 = any free port; default 8787)',
    integer: true,
  },
  latencyMs: { flag: 'latency-ms', env: 'SIM_LATENCY_MS', help: 'delay before every answer' },
  serverErrorRate: {
    flag: '5xx-rate',
    env: 'SIM_5XX_RATE',
    help: 'share of 500/10002 and 502 answers (0..1)',
    rate: true,
  },
  malformedRate: {
    flag: 'malformed-rate',
    env: 'SIM_MALFORMED_RATE',
    help: 'share of truncated JSON answers (0..1)',
    rate: true,
  },
  dropRate: { flag: 'drop-rate', env: 'SIM_DROP_RATE', help: 'share of dropped connections (0..1)', rate: true },
  rateLimitRate: {
    flag: 'rate-limit-rate',
    env: 'SIM_RATE_LIMIT_RATE',
    help: 'share of 190310 refusals (0..1)',
    rate: true,
  },
  clockOffsetMs: {
    flag: 'clock-offset-ms',
    env: 'SIM_CLOCK_OFFSET_MS',
    help: 'server clock ahead (+) or behind (-)',
    signed: true,
  },
  answerDelayMs: {
    flag: 'answer-delay-ms',
    env: 'SIM_ANSWER_DELAY_MS',
    help: 'ringing before the outcome (default 3000)',
  },
  ringWindowMs: {
    flag: 'ring-window-ms',
    env: 'SIM_RING_WINDOW_MS',
    help: '"noanswer" gives 0 after this (default 60000)',
  },
  leaveAfterMs: {
    flag: 'leave-after-ms',
    env: 'SIM_LEAVE_AFTER_MS',
    help: '"leave" goes 2 → 6 after this (default 10000)',
  },
  hostJoinAfterMs: {
    flag: 'host-join-after-ms',
    env: 'SIM_HOST_JOIN_AFTER_MS',
    help: 'the "Host joins later" meeting\'s host joins after this (default 120000)',
  },
  rateLimitPerMinute: {
    flag: 'rate-limit-per-minute',
    env: 'SIM_RATE_LIMIT_PER_MINUTE',
    help: 'requests per app in any 60 s before 190310 (default 300; 0 = no limit)',
    integer: true,
  },
  rateLimitPerDay: {
    flag: 'rate-limit-per-day',
    env: 'SIM_RATE_LIMIT_PER_DAY',
    help: 'requests per app per Beijing day before 190311 (default 200000; 0 = no limit)',
    integer: true,
  },
  seed: { flag: 'seed', env: 'SIM_SEED', help: 'seed for the fault-rate PRNG', integer: true },
} satisfies Record<string, NumberOption>;

type NumberKey = keyof typeof NUMBER_OPTIONS;

function usage(): string {
  const lines = Object.values(NUMBER_OPTIONS).map(
    (o: NumberOption) => `  --${o.flag.padEnd(22)} ${o.env.padEnd(26)} ${o.help}`,
  );
  const head = `  ${'flag'.padEnd(24)} ${'env'.padEnd(26)} meaning`;
  return `Usage: npm run simulator -- [--flag value ...]\n${head}\n${lines.join('\n')}\n  --help`;
}

function readNumbers(argv: string[]): Partial<Record<NumberKey, number>> {
  const { values: parsed } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      ...Object.fromEntries(Object.values(NUMBER_OPTIONS).map((o) => [o.flag, { type: 'string' as const }])),
    },
    strict: true,
    allowPositionals: false,
  });
  const values = parsed as Record<string, string | boolean | undefined>;
  if (values['help']) {
    console.log(usage());
    process.exit(0);
  }
  const result: Partial<Record<NumberKey, number>> = {};
  for (const [key, option] of Object.entries(NUMBER_OPTIONS) as [NumberKey, NumberOption][]) {
    const flagValue = values[option.flag];
    const text = typeof flagValue === 'string' ? flagValue : process.env[option.env];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    const bad =
      !Number.isFinite(value) ||
      (option.integer && !Number.isInteger(value)) ||
      (!option.signed && value < 0) ||
      (option.rate && value > 1);
    if (bad) throw new Error(`--${option.flag} / ${option.env}: not a valid value: ${JSON.stringify(text)}`);
    result[key] = value;
  }
  return result;
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

async function main(): Promise<void> {
  let n: Partial<Record<NumberKey, number>>;
  try {
    n = readNumbers(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage()}`);
    process.exit(2);
  }
  const options: SimulatorOptions = {
    port: n.port ?? 8787,
    answerDelayMs: n.answerDelayMs,
    ringWindowMs: n.ringWindowMs,
    leaveAfterMs: n.leaveAfterMs,
    hostJoinAfterMs: n.hostJoinAfterMs,
    rateLimitPerMinute: n.rateLimitPerMinute,
    rateLimitPerDay: n.rateLimitPerDay,
    seed: n.seed,
    faults: {
      latencyMs: n.latencyMs,
      serverErrorRate: n.serverErrorRate,
      malformedRate: n.malformedRate,
      dropRate: n.dropRate,
      rateLimitRate: n.rateLimitRate,
      clockOffsetMs: n.clockOffsetMs,
    },
  };
  const sim = await startSimulator(options).catch((error: unknown) => {
    // A second `npm run simulator` is the usual cause: one sentence naming the way out, not a stack trace.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(
      `Port ${options.port} on 127.0.0.1 is already in use (is another simulator running?). Stop it, or choose ` +
        `another port: npm run simulator -- --port ${(options.port ?? 8787) + 1} (--port 0 takes any free port; SIM_PORT works too).`,
    );
    process.exit(1);
  });
  const out = [
    `Tencent Meeting API simulator listening on ${sim.url}`,
    '',
    '# Point Room Dialer at it (a local demo key, not a real secret):',
    ...Object.entries(wemeetEnv(sim.url)).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
    '',
    'Meetings (code  meeting_id  status  subject — note):',
    ...sim.meetings
      .filter((m) => !m.note.startsWith('upcoming'))
      .map(
        (m) =>
          `  ${m.meetingCode}  ${m.meetingId.padEnd(20)}  ${m.status.replace('MEETING_STATE_', '').padEnd(9)}  ${m.subject} — ${m.note}`,
      ),
    `  …and ${sim.meetings.filter((m) => m.note.startsWith('upcoming')).length} upcoming ones: admin1's list`,
    '  (GET /v1/meetings?userid=admin1&instanceid=1) takes two pages. Real-time participants: every meeting;',
    `  the host of ${HOST_JOINS_LATER_MEETING_ID} joins ${(n.hostJoinAfterMs ?? 120_000) / 1000} s after start.`,
    '',
    `Rooms: ${sim.rooms.length} seeded (GET /v1/meeting-rooms pages them). Scripted ones (meeting_room_id → outcome):`,
    ...sim.rooms.slice(0, 7).map((r) => `  ${r.meetingRoomId}  ${r.outcome.padEnd(11)}  ${r.name}`),
    '',
    'SIP (1) / H.323 (2) addresses: the dial string decides — contains "offline" → 10004, "fail" → room-call',
    'status 5 (then 0), "reject" → 3, "noanswer" → 0 after the ring window, "leave" → 2 then 6, "drop<seconds>"',
    '(e.g. drop30) → 2 then 6 that long after joining, anything else → 2. Examples:',
    ...EXAMPLE_ADDRESSES.map(
      (a) => `  ${a.protocol === 1 ? 'SIP  ' : 'H.323'}  ${a.dialString.padEnd(30)}  ${a.outcome}`,
    ),
    '',
    `Per-app limits: ${n.rateLimitPerMinute ?? 300} requests in any 60 s (then 190310), ` +
      `${n.rateLimitPerDay ?? 200_000} a day (then 190311); 0 = no limit.`,
    '',
    'Ctrl+C stops the simulator.',
  ];
  console.log(out.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
