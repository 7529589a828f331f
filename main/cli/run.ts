// The `room-dialer` command line: scripted dialing over the same client the app uses.
// Input is validated before anything is sent; each failure maps to a documented exit code.
import { answerStatusInfo } from '../../common/call-status';
import { validateEndpoint, DEFAULT_ENDPOINT } from '../../common/endpoint';
import { pickLocale, type Locale, type Localized } from '../../common/locale';
import { formatMeetingCode, parseMeetingNumber, type MeetingRef } from '../../common/meeting-number';
import { parseRoomTarget } from '../../common/address';
import { describeTarget, type RoomTarget } from '../../common/room-target';
import type { FieldError } from '../../common/validation';
import type { MeetingInfo, RoomAnswer } from '../../common/wemeet-types';
import { WemeetClient, DEFAULT_INSTANCE_ID, DEFAULT_TIMEOUT_MS, type FetchLike } from '../api/client';
import { WemeetError } from '../api/errors';
import { parseCommandLine, USAGE, UsageError, type ParsedArgs } from './args';
import { resolveCliCredentials, type CliCredentialSource } from './credentials';
import { Reporter, type CliStreams } from './output';

export const EXIT = { ok: 0, internal: 1, badInput: 2, api: 3, network: 4, credentials: 5 } as const;

export interface CliEnvironment extends CliStreams {
  readonly env: NodeJS.ProcessEnv;
  readonly fetch: FetchLike;
  readonly appVersion: string;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** The app's saved profile, asked only when no WEMEET_* credential variable is set. */
  readonly vault?: CliCredentialSource;
}

const DEFAULT_POLL_INTERVAL_MS = 2000;
/** Tencent gives up ringing after 60 s (status 0); stop waiting a little after that. */
const WAIT_LIMIT_MS = 75_000;
const MAX_TIMEOUT_MS = 120_000;

class BadInput extends Error {
  constructor(readonly fieldError: FieldError) {
    super(fieldError.message['en-US']);
  }
}

function systemLocale(env: NodeJS.ProcessEnv): Locale {
  return pickLocale(
    env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale,
  );
}

export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  let locale = systemLocale(io.env);
  const jsonWanted = argv.includes('--json');
  let reporter = new Reporter(io, jsonWanted, locale);
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    locale = optionLocale(parsed) ?? locale;
    reporter = new Reporter(io, parsed.values['json'] === true, locale);
    return await runCommand(parsed, io, reporter);
  } catch (error) {
    return reportFailure(error, reporter, locale);
  }
}

function reportFailure(error: unknown, reporter: Reporter, locale: Locale): number {
  if (error instanceof UsageError) {
    reporter.error({
      kind: 'validation',
      code: 'usage',
      message: error.message,
      hint: locale === 'zh-CN' ? '运行 room-dialer --help 查看用法' : 'Run room-dialer --help for usage',
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
      hint: locale === 'zh-CN' ? '未发送任何请求；请修正后重试' : 'Nothing was sent; correct it and try again',
    });
    return EXIT.badInput;
  }
  if (error instanceof WemeetError) {
    reporter.error(error.toPayload(locale));
    return error.kind === 'api' || error.kind === 'clock_skew' ? EXIT.api : EXIT.network;
  }
  reporter.error({ kind: 'internal', code: 'internal', message: String(error), hint: '' });
  return EXIT.internal;
}

function optionLocale(parsed: ParsedArgs): Locale | undefined {
  const lang = parsed.values['lang'];
  if (lang === undefined) return undefined;
  if (lang === 'zh-CN' || lang === 'en-US') return lang;
  throw new BadInput({
    field: 'lang',
    message: { 'zh-CN': 'lang：只能是 zh-CN 或 en-US', 'en-US': 'lang: must be zh-CN or en-US' },
  });
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: FieldError }): T {
  if (!result.ok) throw new BadInput(result.error);
  return result.value;
}

function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

function integerOption(parsed: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  return parseInteger(name, stringOption(parsed, name), fallback, min, max);
}

function parseInteger(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new BadInput({
      field: name,
      message: {
        'zh-CN': `${name}：必须是 ${min} 到 ${max} 之间的整数，收到 "${text.slice(0, 40)}"`,
        'en-US': `${name}: must be a whole number from ${min} to ${max}, got "${text.slice(0, 40)}"`,
      },
    });
  }
  return Number(text);
}

function requiredOption(parsed: ParsedArgs, name: string): string {
  const value = stringOption(parsed, name);
  if (value === undefined) {
    throw new BadInput({ field: name, message: { 'zh-CN': `缺少 --${name}`, 'en-US': `--${name} is required` } });
  }
  return value;
}

function targetOption(parsed: ParsedArgs): RoomTarget {
  return unwrap(
    parseRoomTarget(
      {
        roomId: stringOption(parsed, 'room-id'),
        sip: stringOption(parsed, 'sip'),
        h323: stringOption(parsed, 'h323'),
      },
      // Errors name what the operator typed (--room-id), not the internal field name.
      { roomId: 'room-id' },
    ),
  );
}

async function runCommand(parsed: ParsedArgs, io: CliEnvironment, reporter: Reporter): Promise<number> {
  // 1. Everything the operator typed is checked before credentials are even looked at, and before any request.
  const endpoint = unwrap(
    validateEndpoint(stringOption(parsed, 'endpoint') ?? io.env['WEMEET_ENDPOINT'] ?? DEFAULT_ENDPOINT),
  );
  const timeoutMs = integerOption(parsed, 'timeout', DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
  const instanceText = stringOption(parsed, 'instance') ?? (io.env['WEMEET_INSTANCE_ID'] || undefined);
  const instanceId = parseInteger('instance', instanceText, DEFAULT_INSTANCE_ID, 0, 99);
  const meetingText = parsed.command === 'meeting' ? (parsed.positionals[0] ?? '') : stringOption(parsed, 'meeting');
  const meeting =
    parsed.command === 'rooms'
      ? undefined
      : unwrap(parseMeetingNumber(meetingText ?? requiredOption(parsed, 'meeting'), 'meeting'));
  const target = ['call', 'cancel', 'status'].includes(parsed.command) ? targetOption(parsed) : undefined;
  const inviteId = parsed.command === 'cancel' ? requiredOption(parsed, 'invite').trim() : undefined;
  if (inviteId !== undefined && !/^[A-Za-z0-9-]{1,128}$/.test(inviteId)) {
    throw new BadInput({
      field: 'invite',
      message: {
        'zh-CN': 'invite：呼叫 ID 只能包含字母、数字和 -（room-dialer call 输出的 invite_id）',
        'en-US': 'invite: an invite ID has only letters, digits and - (the invite_id printed by room-dialer call)',
      },
    });
  }
  const intervalMs = integerOption(parsed, 'interval', DEFAULT_POLL_INTERVAL_MS, 100, 60_000);

  // 2. Credentials.
  const lookup = await resolveCliCredentials(io.env, io.vault);
  if (!lookup.ok) {
    const list = lookup.missing.join(', ');
    if (lookup.keychainError) reporter.warn(lookup.keychainError.explain().message);
    reporter.error({
      kind: 'credentials',
      code: 'missing_credentials',
      message: reporter.locale === 'zh-CN' ? `缺少 API 凭据：${list}` : `Missing API credentials: ${list}`,
      hint:
        reporter.locale === 'zh-CN'
          ? '请设置这些环境变量，或在 Room Dialer 的设置里保存凭据（企业管理后台 → 应用管理 → 企业自建应用可以找到这些值）'
          : 'Set these environment variables, or save the credentials in Room Dialer’s settings (found in the Tencent Meeting admin console under the self-built app)',
    });
    return EXIT.credentials;
  }

  const client = new WemeetClient({
    endpoint,
    credentials: lookup.credentials,
    fetch: io.fetch,
    appVersion: io.appVersion,
    timeoutMs,
    instanceId,
    ...(io.sleep ? { sleep: io.sleep } : {}),
    ...(io.now ? { now: io.now } : {}),
    onClockSkew: (skewMs) => reporter.warn(clockSkewWarning(skewMs)),
  });

  switch (parsed.command) {
    case 'meeting':
      return showMeeting(client, meeting!, reporter);
    case 'rooms':
      return listRooms(client, stringOption(parsed, 'name'), reporter);
    case 'status':
      return showStatus(client, await meetingIdOf(client, meeting!), target!, reporter);
    case 'cancel':
      return cancel(client, await meetingIdOf(client, meeting!), inviteId!, target!, reporter);
    case 'call':
      return call(client, meeting!, target!, reporter, {
        wait: parsed.values['wait'] === true,
        intervalMs,
        sleep: io.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        now: io.now ?? Date.now,
      });
  }
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

async function meetingIdOf(client: WemeetClient, meeting: MeetingRef): Promise<string> {
  return meeting.kind === 'id' ? meeting.meetingId : (await client.getMeetingByCode(meeting.meetingCode)).meetingId;
}

function meetingJson(m: MeetingInfo): Record<string, unknown> {
  return {
    meeting_id: m.meetingId,
    meeting_code: m.meetingCode,
    subject: m.subject,
    start_time: m.startTime ?? null,
    end_time: m.endTime ?? null,
    status: m.status,
  };
}

function localTime(seconds: number | undefined): string {
  return seconds === undefined ? '?' : new Date(seconds * 1000).toLocaleString();
}

async function showMeeting(client: WemeetClient, ref: MeetingRef, reporter: Reporter): Promise<number> {
  const m = await client.resolveMeeting(ref);
  const hosts = m.hostUserIds.join(', ') || '-';
  reporter.result(meetingJson(m), {
    'zh-CN': `${m.subject}\n  会议号 ${formatMeetingCode(m.meetingCode)}  会议 ID ${m.meetingId}\n  ${localTime(m.startTime)} – ${localTime(m.endTime)}  状态 ${m.status}\n  主持人 ${hosts}`,
    'en-US': `${m.subject}\n  code ${formatMeetingCode(m.meetingCode)}  meeting ID ${m.meetingId}\n  ${localTime(m.startTime)} – ${localTime(m.endTime)}  status ${m.status}\n  hosts ${hosts}`,
  });
  return EXIT.ok;
}

async function listRooms(client: WemeetClient, name: string | undefined, reporter: Reporter): Promise<number> {
  const rooms = await client.listMeetingRooms(name ? { name } : {});
  const lines = rooms.map(
    (r) =>
      `${r.meetingRoomId}\t${r.name}\t${r.location}${r.isAllowCall ? '' : reporter.locale === 'zh-CN' ? '\t(不可呼叫)' : '\t(not callable)'}`,
  );
  reporter.result(
    {
      rooms: rooms.map((r) => ({
        meeting_room_id: r.meetingRoomId,
        name: r.name,
        location: r.location,
        status: r.roomStatus ?? null,
        is_allow_call: r.isAllowCall,
      })),
    },
    [...lines, reporter.locale === 'zh-CN' ? `共 ${rooms.length} 个会议室` : `${rooms.length} rooms`].join('\n'),
  );
  return EXIT.ok;
}

function statusJson(answer: { status: number; state: string; responseTime: string | undefined }) {
  return { status: answer.status, state: answer.state, response_time: answer.responseTime ?? null };
}

async function showStatus(
  client: WemeetClient,
  meetingId: string,
  target: RoomTarget,
  reporter: Reporter,
): Promise<number> {
  const answer = await client.roomCallInfo(meetingId, target);
  const label = answerStatusInfo(answer.status).label;
  reporter.result(
    statusJson(answer),
    `${answer.state}\t${label[reporter.locale]}\t${answer.responseTime ?? ''}`.trim(),
  );
  return EXIT.ok;
}

/**
 * cancel-room-call answers `{}` whether or not the room was still ringing, so the outcome is read back with one
 * status check instead of assumed: a room that had already joined says so. If that check fails, the cancel was
 * accepted but its effect is reported as unknown.
 */
async function cancel(
  client: WemeetClient,
  meetingId: string,
  inviteId: string,
  target: RoomTarget,
  reporter: Reporter,
): Promise<number> {
  await client.cancelRoomCall(meetingId, inviteId, target);
  const base = { invite_id: inviteId, meeting_id: meetingId };
  const room = describeTarget(target);
  let answer: RoomAnswer;
  try {
    answer = await client.roomCallInfo(meetingId, target);
  } catch (error) {
    const why = error instanceof WemeetError ? error.toPayload(reporter.locale).message : String(error);
    reporter.warn({
      'zh-CN': `取消请求已被接受，但无法确认会议室状态：${why}；请用 room-dialer status 查看`,
      'en-US': `The cancel was accepted, but the room's state could not be checked: ${why}; check with room-dialer status`,
    });
    reporter.result(
      { cancelled: null, ...base, status: null, state: null, response_time: null },
      {
        'zh-CN': `已发送取消 ${room}，结果未知`,
        'en-US': `Cancel sent for ${room}; outcome unknown`,
      },
    );
    return EXIT.ok;
  }
  const label = answerStatusInfo(answer.status).label;
  const human: Localized =
    answer.state === 'cancelled'
      ? { 'zh-CN': `已取消呼叫 ${room}`, 'en-US': `Cancelled the call to ${room}` }
      : answer.state === 'joined' || answer.state === 'left'
        ? {
            'zh-CN': `${room} 已经应答入会，取消没有改变什么（状态：${label['zh-CN']}）`,
            'en-US': `${room} had already answered; the cancel changed nothing (state: ${label['en-US']})`,
          }
        : {
            'zh-CN': `已发送取消 ${room}；会议室当前状态：${label['zh-CN']}`,
            'en-US': `Cancel sent for ${room}; the room now reports: ${label['en-US']}`,
          };
  reporter.result({ cancelled: answer.state === 'cancelled', ...base, ...statusJson(answer) }, human);
  return EXIT.ok;
}

interface WaitOptions {
  readonly wait: boolean;
  readonly intervalMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

async function call(
  client: WemeetClient,
  ref: MeetingRef,
  target: RoomTarget,
  reporter: Reporter,
  options: WaitOptions,
): Promise<number> {
  const meeting = ref.kind === 'code' ? await client.getMeetingByCode(ref.meetingCode) : undefined;
  const meetingId = meeting?.meetingId ?? (ref.kind === 'id' ? ref.meetingId : '');
  const into = meeting ? `${meeting.subject} (${formatMeetingCode(meeting.meetingCode)})` : meetingId;
  const { inviteId } = await client.roomCall(meetingId, target);
  const called = { invite_id: inviteId, meeting_id: meetingId };
  reporter.progress({
    'zh-CN': `calling\t正在呼叫 ${describeTarget(target)} 加入 ${into}（invite ${inviteId}）`,
    'en-US': `calling\tcalling ${describeTarget(target)} into ${into} (invite ${inviteId})`,
  });
  if (!options.wait) {
    if (reporter.json) reporter.result(called, '');
    return EXIT.ok;
  }

  const deadline = options.now() + WAIT_LIMIT_MS;
  let last: string | undefined;
  for (;;) {
    const answer = await client.roomCallInfo(meetingId, target);
    const info = answerStatusInfo(answer.status);
    if (answer.state !== last) {
      reporter.progress({
        'zh-CN': `${answer.state}\t${info.label['zh-CN']}`,
        'en-US': `${answer.state}\t${info.label['en-US']}`,
      });
      last = answer.state;
    }
    if (info.settled) {
      if (reporter.json) reporter.result({ ...called, ...statusJson(answer) }, '');
      return EXIT.ok;
    }
    if (options.now() >= deadline) {
      reporter.error({
        kind: 'timeout',
        code: 'wait_limit',
        invite_id: inviteId,
        message:
          reporter.locale === 'zh-CN'
            ? `${WAIT_LIMIT_MS / 1000} 秒后会议室仍未应答（最后状态：${answer.state}）`
            : `The room had not answered after ${WAIT_LIMIT_MS / 1000} s (last state: ${answer.state})`,
        hint:
          reporter.locale === 'zh-CN'
            ? `用 room-dialer status 查看状态，或用 room-dialer cancel --invite ${inviteId} 取消`
            : `Check with room-dialer status, or stop it with room-dialer cancel --invite ${inviteId}`,
      });
      return EXIT.network;
    }
    await options.sleep(options.intervalMs);
  }
}
