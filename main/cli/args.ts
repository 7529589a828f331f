// Command-line parsing for `room-dialer`. Node's own util.parseArgs: no dependency needed for five commands.
import { parseArgs } from 'node:util';

export const COMMANDS = ['call', 'cancel', 'status', 'meeting', 'rooms'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ParsedArgs {
  readonly command: CommandName;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export const USAGE = `Usage: room-dialer <command> [options]

Commands:
  call    --meeting <code|id> (--room-id <id> | --sip <address> | --h323 <address>) [--wait]
  cancel  --meeting <code|id> --invite <id> (--room-id <id> | --sip <address> | --h323 <address>)
  status  --meeting <code|id> (--room-id <id> | --sip <address> | --h323 <address>)
  meeting <code|id>
  rooms   [--name <text>]

Options for every command:
  --json               print exactly one JSON object on stdout
  --endpoint <url>     API base URL (default $WEMEET_ENDPOINT or https://api.meeting.qq.com)
  --timeout <ms>       per-request time limit (default 10000)
  --instance <n>       device type sent as instanceid (default $WEMEET_INSTANCE_ID or 1 = PC)
  --lang <zh-CN|en-US> language of messages (default from LANG)
  --interval <ms>      with --wait: time between status checks (default 2000)

Credentials come from WEMEET_APP_ID, WEMEET_SDK_ID, WEMEET_SECRET_ID, WEMEET_SECRET_KEY, WEMEET_OPERATOR_ID.
Exit codes: 0 ok, 2 bad input, 3 API error, 4 network error, timeout or unknown outcome, 5 missing credentials.`;

const OPTIONS = {
  meeting: { type: 'string' },
  'room-id': { type: 'string' },
  sip: { type: 'string' },
  h323: { type: 'string' },
  invite: { type: 'string' },
  name: { type: 'string' },
  wait: { type: 'boolean' },
  json: { type: 'boolean' },
  endpoint: { type: 'string' },
  timeout: { type: 'string' },
  instance: { type: 'string' },
  interval: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command accepts, beyond the common ones. */
const COMMAND_OPTIONS: Record<CommandName, readonly string[]> = {
  call: ['meeting', 'room-id', 'sip', 'h323', 'wait', 'interval'],
  cancel: ['meeting', 'invite', 'room-id', 'sip', 'h323'],
  status: ['meeting', 'room-id', 'sip', 'h323'],
  meeting: [],
  rooms: ['name'],
};
const COMMON_OPTIONS = ['json', 'endpoint', 'timeout', 'instance', 'lang', 'help'];

export class UsageError extends Error {}

export function parseCommandLine(argv: readonly string[]): ParsedArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...positionals] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === 'help') return 'help';
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  const name = command as CommandName;
  const allowed = new Set([...COMMAND_OPTIONS[name], ...COMMON_OPTIONS]);
  for (const key of Object.keys(parsed.values)) {
    if (!allowed.has(key)) throw new UsageError(`option --${key} does not apply to "${name}"`);
  }
  const expectedPositionals = name === 'meeting' ? 1 : 0;
  if (positionals.length !== expectedPositionals) {
    throw new UsageError(
      expectedPositionals
        ? `"meeting" takes exactly one meeting code or ID`
        : `unexpected argument "${positionals[0] ?? ''}" for "${name}"`,
    );
  }
  return { command: name, positionals, values: parsed.values };
}
