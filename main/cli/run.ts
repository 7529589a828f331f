// The `room-dialer` command line: scripted dialing over the same client the app uses.
// Input is validated before anything is sent; each failure maps to a documented exit code (output.ts EXIT).
import { pickLocale, type Locale, type Localized } from '../../common/locale';
import { knownOperatorError } from '../../common/operator-error';
import { MEETING_CODE_DIGITS, type MeetingRef } from '../../common/meeting-number';
import { DEFAULT_ENDPOINT } from '../../common/endpoint';
import { WemeetClient, type FetchLike } from '../api/client';
import { ApiError, WemeetError } from '../api/errors';
import { appSettingsPath, chooseProfile, readAppProfiles, unreadableSettingsWarning } from './app-profiles';
import { parseCommandLine, USAGE, UsageError, type ParsedArgs } from './args';
import { call, cancel, exitCodeOf, meetingIdOf, showStatus } from './calls';
import {
  anyCredentialVariable,
  missingCredentialsPayload,
  refuseProfileWithCredentialVariables,
  resolveCliCredentials,
  type CliCredentialLookup,
  type CliCredentialSource,
} from './credentials';
import { BadInput, optionLocale, readCommandInput, stringOption, type CommandInput } from './input';
import { listRooms, showMeeting } from './lookups';
import { EXIT, Reporter, type CliStreams } from './output';

export interface CliEnvironment extends CliStreams {
  readonly env: NodeJS.ProcessEnv;
  readonly fetch: FetchLike;
  readonly appVersion: string;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** The app's saved profiles, asked only when no WEMEET_* credential variable is set. */
  readonly vault?: CliCredentialSource;
}

/** Real meeting IDs have 19–20 digits (docs/tencent-api.md §2.1); a shorter one is most likely a mistyped code. */
const USUAL_MEETING_ID_DIGITS = 19;

function systemLocale(env: NodeJS.ProcessEnv): Locale {
  return pickLocale(
    env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale,
  );
}

/** --lang as typed, so that even a command line that cannot be parsed is answered in the language asked for. */
function typedLocale(argv: readonly string[]): Locale | undefined {
  for (const [i, word] of argv.entries()) {
    const value = word === '--lang' ? argv[i + 1] : word.startsWith('--lang=') ? word.slice(7) : undefined;
    if (value === 'zh-CN' || value === 'en-US') return value;
  }
  return undefined;
}

export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  let locale = typedLocale(argv) ?? systemLocale(io.env);
  let reporter = new Reporter(io, argv.includes('--json'), locale);
  let meeting: MeetingRef | undefined;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help' || parsed === 'usage') {
      // Bare `room-dialer` is a mistake in a script: usage on stderr, exit 2. Asked-for help is a success.
      (parsed === 'help' ? io.stdout : io.stderr)(`${USAGE}\n`);
      return parsed === 'help' ? EXIT.ok : EXIT.badInput;
    }
    locale = optionLocale(parsed) ?? locale;
    reporter = new Reporter(io, parsed.values['json'] === true, locale);
    const input = readCommandInput(parsed, io.env);
    meeting = input.meeting;
    return await runCommand(parsed, input, io, reporter);
  } catch (error) {
    return reportFailure(error, reporter, locale, meeting);
  }
}

async function runCommand(
  parsed: ParsedArgs,
  input: CommandInput,
  io: CliEnvironment,
  reporter: Reporter,
): Promise<number> {
  const { lookup, endpoint } = await credentialsAndEndpoint(input, io, reporter);
  if (!lookup.ok) {
    reporter.error(missingCredentialsPayload(lookup, io.env, reporter.locale));
    return EXIT.credentials;
  }

  const client = new WemeetClient({
    endpoint,
    credentials: lookup.credentials,
    fetch: io.fetch,
    appVersion: io.appVersion,
    timeoutMs: input.timeoutMs,
    instanceId: input.instanceId,
    ...(io.sleep ? { sleep: io.sleep } : {}),
    ...(io.now ? { now: io.now } : {}),
    onClockSkew: (skewMs) => reporter.warn(clockSkewWarning(skewMs)),
  });

  const { meeting, target } = input;
  switch (parsed.command) {
    case 'meeting':
      await showMeeting(client, meeting!, lookup.credentials.operatorId, reporter);
      return EXIT.ok;
    case 'rooms':
      await listRooms(client, stringOption(parsed, 'name'), reporter);
      return EXIT.ok;
    case 'status':
      return showStatus(client, await meetingIdOf(client, meeting!), target!, reporter);
    case 'cancel':
      return cancel(client, await meetingIdOf(client, meeting!), input.inviteId!, target!, reporter);
    case 'call':
      return call(client, meeting!, target!, reporter, {
        wait: parsed.values['wait'] === true,
        intervalMs: input.intervalMs,
        now: io.now ?? Date.now,
      });
  }
}

/**
 * Whose credentials, sent where. Variables: the environment's, at --endpoint / $WEMEET_ENDPOINT or Tencent's. Saved
 * ones: the profile's (--profile, else "default"), at --endpoint / $WEMEET_ENDPOINT, else where the app sends that
 * profile's requests (its own endpoint, else the desk's), else Tencent's. The app's settings file is read only when
 * the keychain is about to be asked.
 */
async function credentialsAndEndpoint(
  input: CommandInput,
  io: CliEnvironment,
  reporter: Reporter,
): Promise<{ readonly lookup: CliCredentialLookup; readonly endpoint: string }> {
  if (input.profile !== undefined) refuseProfileWithCredentialVariables(io.env);
  if (!io.vault || anyCredentialVariable(io.env)) {
    return { lookup: await resolveCliCredentials(io.env), endpoint: input.endpoint ?? DEFAULT_ENDPOINT };
  }
  const app = readAppProfiles(appSettingsPath(io.env));
  const profile = chooseProfile(input.profile, app);
  if (input.profile === undefined) {
    const warning = unreadableSettingsWarning(app);
    if (warning) reporter.warn(warning);
  }
  return {
    lookup: await resolveCliCredentials(io.env, io.vault, input.profile === undefined ? undefined : profile.id),
    endpoint: input.endpoint ?? profile.endpoint ?? DEFAULT_ENDPOINT,
  };
}

function reportFailure(error: unknown, reporter: Reporter, locale: Locale, meeting: MeetingRef | undefined): number {
  const zh = locale === 'zh-CN';
  if (error instanceof UsageError) {
    reporter.error({
      kind: 'validation',
      code: 'usage',
      message: error.text[locale],
      hint: zh ? '运行 room-dialer --help 查看用法' : 'Run room-dialer --help for usage',
    });
    return EXIT.badInput;
  }
  if (error instanceof BadInput) {
    const { field, message } = error.fieldError;
    reporter.error({
      kind: 'validation',
      code: 'bad_input',
      field,
      message: message[locale],
      hint: zh ? '未发送任何请求；请修正后重试' : 'Nothing was sent; correct it and try again',
    });
    return EXIT.badInput;
  }
  if (error instanceof WemeetError) {
    const payload = error.toPayload(locale);
    const shortId = error instanceof ApiError ? shortMeetingIdHint(meeting) : undefined;
    reporter.error(shortId ? { ...payload, hint: `${shortId[locale]} ${payload.hint}`.trim() } : payload);
    return error.kind === 'api' || error.kind === 'clock_skew' ? EXIT.api : EXIT.network;
  }
  // The dialer's refusals (an ended meeting, say) speak the one error model.
  const known = knownOperatorError(error);
  if (known) {
    reporter.error({
      kind: known.kind,
      code: known.code,
      message: known.message[locale],
      hint: known.hint[locale],
      ...(known.field ? { field: known.field } : {}),
    });
    return exitCodeOf(known);
  }
  reporter.error({ kind: 'internal', code: 'internal', message: String(error), hint: '' });
  return EXIT.internal;
}

/**
 * A 10–18 digit number was taken as a meeting ID, as documented, but real IDs are longer: when Tencent then
 * refuses, the likelier cause is a meeting code typed with a digit too many.
 */
function shortMeetingIdHint(meeting: MeetingRef | undefined): Localized | undefined {
  if (meeting?.kind !== 'id' || meeting.meetingId.length >= USUAL_MEETING_ID_DIGITS) return undefined;
  const n = meeting.meetingId.length;
  return {
    'zh-CN': `会议号是 ${MEETING_CODE_DIGITS} 位数字；输入的 ${n} 位数字被当作会议 ID（通常为 19–20 位）。请核对是否多输了数字，或改输 9 位会议号（例如 123-456-789）。`,
    'en-US': `A meeting code has ${MEETING_CODE_DIGITS} digits; the ${n} digits given were taken as a meeting ID (those usually have 19–20). Check for an extra digit, or type the 9-digit meeting code (e.g. 123-456-789).`,
  };
}

function clockSkewWarning(skewMs: number): Localized {
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  return skewMs > 0
    ? {
        'zh-CN': `本机时钟比服务器慢约 ${minutes} 分钟，请校准时间`,
        'en-US': `this PC's clock is about ${minutes} min behind the server; correct it`,
      }
    : {
        'zh-CN': `本机时钟比服务器快约 ${minutes} 分钟，请校准时间`,
        'en-US': `this PC's clock is about ${minutes} min ahead of the server; correct it`,
      };
}
