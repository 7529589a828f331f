// The managed configuration IT deploys to a desk (managed.json; docs/DEPLOYMENT.md): settings the operator then sees
// locked, the non-secret part of credential profiles, and a shared address book. One zod schema is the source of
// truth: main/managed reads the file through it, and docs/managed-config.schema.json is derived from it
// (managedConfigJsonSchema; a test keeps the committed file equal to the derivation).
//
// What the window learns about it (ManagedInfo, through app:info) is here too, so the forms can lock what IT set.
// No .default() anywhere: a field left out means "not managed", which is different from any value it could default to.
import { z } from 'zod';
import { CREDENTIAL_LIMITS, PROFILE_NAME_PATTERN } from './credentials';
import { validateEndpoint } from './endpoint';
import type { Localized } from './locale';
import { MAX_CSV_ROWS } from './room-csv';
import { codePointLength } from './room-limits';
import { retryPolicySchema, SETTINGS_LIMITS, SETTINGS_LOCALES, type Settings } from './store-schema';
import type { FieldError } from './validation';

export const MANAGED_CONFIG_VERSION = 1;

/** Bigger than any real managed.json by far; a larger file is refused before it is parsed. */
export const MANAGED_CONFIG_MAX_BYTES = 256 * 1024;

export const SHARED_BOOK_LIMITS = {
  /** Refused before parsing when larger (10,000 rooms are about 1.5 MB of CSV). */
  maxBytes: 16 * 1024 * 1024,
  /** As many as one CSV import takes (common/room-csv.ts MAX_CSV_ROWS). */
  rooms: MAX_CSV_ROWS,
  /** How often a running app asks for a newer copy; 0: only at start. */
  refreshMinutes: { min: 0, max: 24 * 60 },
  defaultRefreshMinutes: 60,
  pathLength: 1024,
} as const;

/** The settings IT may set. Each is then locked in the window (settings:update of another value is refused). */
export const MANAGED_SETTING_KEYS = ['endpoint', 'requestsPerMinute', 'retry', 'locale'] as const;
export type ManagedSettingKey = (typeof MANAGED_SETTING_KEYS)[number];
export type ManagedSettings = Partial<Pick<Settings, ManagedSettingKey>>;

/** The credential fields IT may set; the secrets come from each PC's keychain or the environment. */
export const MANAGED_CREDENTIAL_KEYS = ['appId', 'sdkId', 'operatorId'] as const;
export type ManagedCredentialKey = (typeof MANAGED_CREDENTIAL_KEYS)[number];

const text = (max: number) =>
  z
    .string()
    .refine((s) => codePointLength(s) <= max, { message: `at most ${max} characters`, params: { maxLength: max } })
    .meta({ maxLength: max });

/** An https address. The API endpoint must also be a plain base URL (no query, user or #): validateEndpoint. */
function isHttps(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hash === '';
  } catch {
    return false;
  }
}

const httpsEndpoint = z
  .string()
  .max(2048)
  .refine((s) => isHttps(s) && validateEndpoint(s).ok, {
    message: 'must be an https:// API address',
    params: { rule: 'https-endpoint' },
  })
  .meta({ format: 'uri', pattern: '^https://' });

const httpsUrl = z
  .string()
  .max(2048)
  .refine(isHttps, { message: 'must be an https:// address', params: { rule: 'https-url' } })
  .meta({ format: 'uri', pattern: '^https://' });

/** One credential profile without its secrets. Fields left out are the desk's to fill in. */
export const managedProfileSchema = z
  .strictObject({
    name: text(64).optional().describe('Shown to the operator beside the profile, e.g. "Head office".'),
    appId: z.string().regex(/^\d+$/).max(CREDENTIAL_LIMITS.appId).describe('The enterprise ID (企业 ID).'),
    sdkId: z.string().regex(/^\d+$/).max(CREDENTIAL_LIMITS.sdkId).optional().describe('Only if the app has one.'),
    operatorId: z
      .string()
      // eslint-disable-next-line no-control-regex -- control characters are what it refuses
      .regex(/^[^\s\u0000-\u001f\u007f\u3000]+$/u)
      .max(CREDENTIAL_LIMITS.operatorId)
      .optional()
      .describe("The operator's enterprise userid, when every desk on this configuration acts as the same one."),
    endpoint: httpsEndpoint.optional().describe("This profile's API address; overrides the top-level endpoint."),
  })
  .meta({ description: 'A credential profile without secrets; SecretId and SecretKey are entered on each PC.' });

export const sharedAddressBookSchema = z
  .strictObject({
    url: httpsUrl.optional().describe('Fetched with If-None-Match: an unchanged book costs one 304.'),
    path: z
      .string()
      .min(1)
      .max(SHARED_BOOK_LIMITS.pathLength)
      .optional()
      .describe('A file on this PC or a file share, e.g. \\\\server\\share\\rooms.csv.'),
    format: z.enum(['csv', 'json']).optional().describe("Default: from the name's extension (.csv, .json), else JSON."),
    allowLocalRooms: z.boolean().optional().describe("May operators add rooms of their own beside IT's? Default true."),
    refreshMinutes: z
      .int()
      .min(SHARED_BOOK_LIMITS.refreshMinutes.min)
      .max(SHARED_BOOK_LIMITS.refreshMinutes.max)
      .optional()
      .describe('Minutes between refreshes while the app runs; 0: only at start. Default 60.'),
  })
  .refine((book) => (book.url === undefined) !== (book.path === undefined), {
    message: 'give either url or path',
    params: { rule: 'book-source' },
  })
  .meta({ oneOf: [{ required: ['url'] }, { required: ['path'] }] });

export const managedConfigSchema = z
  .strictObject({
    $schema: z.string().max(2048).optional().describe('Lets an editor find this schema; ignored by the app.'),
    version: z.literal(MANAGED_CONFIG_VERSION).describe('The format of this file: 1.'),
    endpoint: httpsEndpoint
      .optional()
      .describe('The Tencent Meeting API address, or a gateway in front of it: any https URL.'),
    requestsPerMinute: z
      .int()
      .min(SETTINGS_LIMITS.requestsPerMinute.min)
      .max(SETTINGS_LIMITS.requestsPerMinute.max)
      .optional()
      .describe("This PC's share of Tencent's 300 requests a minute per app."),
    retry: retryPolicySchema.optional().describe('Retries and rejoins for room sets and schedules.'),
    locale: z.enum(SETTINGS_LOCALES).optional().describe('The language of the window.'),
    profiles: z
      .record(z.string().max(CREDENTIAL_LIMITS.profile).regex(PROFILE_NAME_PATTERN), managedProfileSchema)
      .optional()
      .describe(
        'Credential profiles by keychain profile name ("default" is the first profile of every desk); each becomes a profile the operator can switch to, its name and endpoint locked.',
      ),
    addressBook: sharedAddressBookSchema.optional().describe('A shared address book, read-only at the desk.'),
  })
  .meta({
    title: 'Room Dialer managed configuration',
    description: 'Deployed by IT; see docs/DEPLOYMENT.md. Every field but version is optional.',
  });

export type ManagedConfig = z.infer<typeof managedConfigSchema>;
export type ManagedProfile = z.infer<typeof managedProfileSchema>;
export type SharedAddressBookConfig = z.infer<typeof sharedAddressBookSchema>;

/** What the custom rules above mean, for the notice that names a bad field. */
export const MANAGED_RULE_MESSAGES: Readonly<Record<string, { zh: string; en: string }>> = {
  'https-endpoint': {
    zh: '必须是 https:// 开头的接口地址（不能含用户名、密码、查询参数或 #）',
    en: 'must be an https:// API address (no user name, password, query or #)',
  },
  'https-url': { zh: '必须是 https:// 开头的网址', en: 'must be an https:// address' },
  'book-source': { zh: '必须填写 url 或 path 其中之一', en: 'give either url or path, not both' },
};

/** The JSON schema of managed.json (draft 2020-12), as committed in docs/managed-config.schema.json. */
export function managedConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(managedConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/** The settings IT set, ready to lay over the store's. A profile's own endpoint wins over the top-level one. */
export function managedSettingsOf(config: ManagedConfig | undefined, profile: string): ManagedSettings {
  if (!config) return {};
  const endpoint = config.profiles?.[profile]?.endpoint ?? config.endpoint;
  return {
    ...(endpoint === undefined ? {} : { endpoint: validateEndpointOrSelf(endpoint) }),
    ...(config.requestsPerMinute === undefined ? {} : { requestsPerMinute: config.requestsPerMinute }),
    ...(config.retry === undefined ? {} : { retry: config.retry }),
    ...(config.locale === undefined ? {} : { locale: config.locale }),
  };
}

/** The endpoint as the store keeps it (no trailing slash), so "same value" compares equal. */
export function validateEndpointOrSelf(endpoint: string): string {
  const checked = validateEndpoint(endpoint);
  return checked.ok ? checked.value : endpoint;
}

/** What the window is told (app:info `managed`), to lock fields and badge IT's rooms. */
export interface ManagedInfo {
  /** Where the configuration came from: a file path, or the registry key. */
  readonly source: string;
  /** True when the file could not be used and its last good copy is in force. */
  readonly fromLastGoodCopy: boolean;
  /** Settings set by IT: shown locked; settings:update of another value is refused naming the field. */
  readonly settings: readonly ManagedSettingKey[];
  /** Credential fields of the app's profile set by IT: shown locked; credentials:save refuses another value. */
  readonly credentials: readonly ManagedCredentialKey[];
  /** Both secrets come from the environment: the whole credentials form is read-only. */
  readonly secretsFromEnvironment: boolean;
  /** The app's profile's display name, when IT gave one. */
  readonly profileName: string | null;
  readonly addressBook: {
    /** The URL (without its query) or the path. */
    readonly source: string;
    readonly allowLocalRooms: boolean;
    /** When the copy in use was fetched or read; null before the first good copy. */
    readonly updatedAt: string | null;
  } | null;
}

/** "Set by your IT department": why a managed value cannot be changed at the desk. */
export const SET_BY_IT: Localized = {
  'zh-CN': '由 IT 部门设置',
  'en-US': 'set by your IT department',
};

/** The refusal of a change to a value IT set, naming the field. */
export function managedFieldError(field: string): FieldError {
  return {
    field,
    message: {
      'zh-CN': `${field}：${SET_BY_IT['zh-CN']}，不能在这里更改`,
      'en-US': `${field}: ${SET_BY_IT['en-US']}; it cannot be changed here`,
    },
  };
}
