// Everything the operator typed (and WEMEET_ENDPOINT / WEMEET_INSTANCE_ID), checked before credentials are looked at
// and before any request: a bad value ends the run with exit 2, its field named, nothing sent.
import { parseRoomTarget } from '../../common/address';
import { parseDeviceType } from '../../common/device-type';
import { validateEndpoint } from '../../common/endpoint';
import type { Locale } from '../../common/locale';
import { parseMeetingNumber, type MeetingRef } from '../../common/meeting-number';
import type { RoomTarget } from '../../common/room-target';
import type { FieldError } from '../../common/validation';
import { DEFAULT_INSTANCE_ID, DEFAULT_TIMEOUT_MS } from '../api/client';
import type { ParsedArgs } from './args';

export class BadInput extends Error {
  constructor(readonly fieldError: FieldError) {
    super(fieldError.message['en-US']);
  }
}

export interface CommandInput {
  /** --endpoint, else $WEMEET_ENDPOINT; undefined: the profile's endpoint in the app, else DEFAULT_ENDPOINT. */
  readonly endpoint: string | undefined;
  /** --profile as typed; app-profiles.ts matches it against the app's list once credentials are looked up. */
  readonly profile: string | undefined;
  readonly timeoutMs: number;
  readonly instanceId: number;
  /** Every command but rooms. */
  readonly meeting: MeetingRef | undefined;
  /** call, cancel and status. */
  readonly target: RoomTarget | undefined;
  /** cancel. */
  readonly inviteId: string | undefined;
  /** call --wait: time between status checks. */
  readonly intervalMs: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 2000;
const MAX_TIMEOUT_MS = 120_000;

export function readCommandInput(parsed: ParsedArgs, env: NodeJS.ProcessEnv): CommandInput {
  const endpointText = stringOption(parsed, 'endpoint') ?? env['WEMEET_ENDPOINT'];
  const endpoint = endpointText === undefined ? undefined : unwrap(validateEndpoint(endpointText));
  const timeoutMs = integerOption(parsed, 'timeout', DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
  const instanceText = stringOption(parsed, 'instance') ?? (env['WEMEET_INSTANCE_ID'] || undefined);
  const instanceId = instanceText === undefined ? DEFAULT_INSTANCE_ID : unwrap(parseDeviceType(instanceText));
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
  return {
    endpoint,
    profile: stringOption(parsed, 'profile'),
    timeoutMs,
    instanceId,
    meeting,
    target,
    inviteId,
    intervalMs,
  };
}

/** --lang, when given; anything but the two languages is bad input. */
export function optionLocale(parsed: ParsedArgs): Locale | undefined {
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

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

function integerOption(parsed: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringOption(parsed, name);
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
      { roomId: 'room-id' },
    ),
  );
}
