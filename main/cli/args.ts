// Command-line parsing for `room-dialer`. Node's own util.parseArgs splits the words (no dependency needed for five
// commands); its strict-mode errors are not used, because they quote the option with an unbalanced quote and
// cannot suggest the option that was meant. The tokens are checked here instead, with messages in both languages.
import { parseArgs } from 'node:util';
import type { Localized } from '../../common/locale';

export const COMMANDS = ['call', 'cancel', 'status', 'meeting', 'rooms'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ParsedArgs {
  readonly command: CommandName;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export const USAGE = `Usage: room-dialer <command> [options]

Commands:
  call    --meeting <code|id> (--room-id <id> | --sip <address> | --h323 <address>) [--wait [--interval <ms>]]
  cancel  --meeting <code|id> --invite <id> (--room-id <id> | --sip <address> | --h323 <address>)
  status  --meeting <code|id> (--room-id <id> | --sip <address> | --h323 <address>)
  meeting <code|id>
  rooms   [--name <text>]

Options for every command:
  --json               print exactly one JSON object on stdout
  --profile <name|id>  the Room Dialer profile whose saved credentials and endpoint to use (its name, any case, or
                       its id); default: the profile "default" (not the one the window has in use)
  --endpoint <url>     API base URL (default $WEMEET_ENDPOINT; else, with saved credentials, the endpoint Room
                       Dialer uses for that profile; else https://api.meeting.qq.com)
  --timeout <ms>       per-request time limit (default 10000)
  --instance <n>       device type sent as instanceid (default $WEMEET_INSTANCE_ID or 1 = PC)
  --lang <zh-CN|en-US> language of messages (default from LANG)
  --help, -h           this text

Credentials come from WEMEET_APP_ID, WEMEET_SECRET_ID, WEMEET_SECRET_KEY, WEMEET_OPERATOR_ID and, only if your
enterprise has one, WEMEET_SDK_ID; with none of them set, from Room Dialer's saved settings (the system keychain).
--profile together with any of those variables is refused: use one or the other.
Exit codes: 0 ok, 2 bad input, 3 API error, 4 network error, timeout or unknown outcome, 5 missing credentials,
6 call --wait ended without the room joining (rejected, no answer, cancelled, left).`;

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
  profile: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
type OptionName = keyof typeof OPTIONS;
const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

/** Which options each command accepts, beyond the common ones. */
const COMMAND_OPTIONS: Record<CommandName, readonly OptionName[]> = {
  call: ['meeting', 'room-id', 'sip', 'h323', 'wait', 'interval'],
  cancel: ['meeting', 'invite', 'room-id', 'sip', 'h323'],
  status: ['meeting', 'room-id', 'sip', 'h323'],
  meeting: [],
  rooms: ['name'],
};
const COMMON_OPTIONS: readonly OptionName[] = ['json', 'profile', 'endpoint', 'timeout', 'instance', 'lang', 'help'];

/** The command line cannot be understood. Reported with exit 2 before anything is looked up or sent. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text['en-US']);
  }
}

const usage = (zh: string, en: string) => new UsageError({ 'zh-CN': zh, 'en-US': en });

/**
 * 'usage' when nothing at all was typed (the caller prints USAGE and exits 2), 'help' for --help / help (USAGE,
 * exit 0), else the command with its options. Throws UsageError for anything it cannot take as typed.
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs | 'help' | 'usage' {
  if (argv.length === 0) return 'usage';
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = OPTIONS[token.name as OptionName] as (typeof OPTIONS)[OptionName] | undefined;
    if (!option) throw unknownOption(token.rawName);
    const shown = `--${token.name}`;
    if (seen.has(token.name)) throw usage(`${shown} 只能给一次`, `${shown} is given more than once`);
    seen.add(token.name);
    if (option.type === 'boolean' && token.value !== undefined) {
      throw usage(`${shown} 不带值`, `${shown} takes no value`);
    }
    if (
      option.type === 'string' &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
    ) {
      throw usage(`${shown} 后面缺少值`, `${shown} needs a value`);
    }
  }

  const [command, ...rest] = positionals;
  if (values['help'] === true || command === 'help') return 'help';
  if (command === undefined) {
    throw usage(`缺少命令：${COMMANDS.join('、')}`, `no command given: one of ${COMMANDS.join(', ')}`);
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const meant = nearest(command, COMMANDS);
    throw usage(
      `未知命令 "${clip(command)}"${meant ? `，是不是要用 ${meant}？` : `；可用命令：${COMMANDS.join('、')}`}`,
      `unknown command "${clip(command)}"${meant ? `; did you mean ${meant}?` : `; commands: ${COMMANDS.join(', ')}`}`,
    );
  }
  const name = command as CommandName;
  const allowed = new Set<string>([...COMMAND_OPTIONS[name], ...COMMON_OPTIONS]);
  for (const key of Object.keys(values)) {
    if (!allowed.has(key)) throw usage(`--${key} 不适用于 "${name}"`, `option --${key} does not apply to "${name}"`);
  }
  const expected = name === 'meeting' ? 1 : 0;
  if (rest.length !== expected) {
    throw expected
      ? usage('"meeting" 需要且只需要一个会议号或会议 ID', '"meeting" takes exactly one meeting code or ID')
      : usage(
          `"${name}" 不接受参数 "${clip(rest[0] ?? '')}"`,
          `unexpected argument "${clip(rest[0] ?? '')}" for "${name}"`,
        );
  }
  return { command: name, positionals: rest, values };
}

function unknownOption(rawName: string): UsageError {
  const name = rawName.replace(/^-+/, '');
  const meant = rawName.startsWith('--') ? nearest(name, OPTION_NAMES) : undefined;
  return usage(
    `未知选项 ${clip(rawName)}${meant ? `，是不是要用 --${meant}？` : ''}`,
    `unknown option ${clip(rawName)}${meant ? `; did you mean --${meant}?` : ''}`,
  );
}

/** Typed text is echoed in messages, so it is capped first. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * The known word the operator most likely meant: a unique one the typed text starts (at least 3 characters), or
 * the closest by edit distance when that is small for the word's length (a typo, a swap, a missing letter).
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase().slice(0, 40);
  const prefixed = known.filter((k) => word.length >= 3 && k.startsWith(word));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.
 * A dozen lines for a hint on option names; not worth a dependency in the packaged app.
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}
