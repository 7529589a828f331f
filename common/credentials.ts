// The enterprise API credentials an operator (or an admin) types into the settings form, checked field by field.
// Pure so the renderer's form and the main-process vault run the very same rules; input arrives over IPC, so every
// validator takes `unknown`. Every error names its field and, for the two secret fields, never quotes any part of
// the value: an error message can end up on screen, in a screenshot or in a log.
import { toHalfWidth } from './input-text';
import { invalid, valid, type FieldError, type Validated } from './validation';

/** Keychain account names (profile ids): letters of any script, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const PROFILE_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/** The profile used when none is named (the app's settings form and the CLI fallback). */
export const DEFAULT_PROFILE = 'default';

/** Limits in characters. Real values are far shorter (AppId ~9 digits, SecretId/SecretKey ~32 characters). */
export const CREDENTIAL_LIMITS = {
  profile: 64,
  appId: 20,
  sdkId: 20,
  secretId: 128,
  secretKey: 256,
  operatorId: 64,
} as const;

/**
 * What the settings form (or an IPC call) supplies. An empty or missing secretId or secretKey means "keep the saved
 * one": the form never shows either back, so an operator changing the operator id must not have to paste them again.
 */
export interface CredentialInput {
  readonly appId: string;
  readonly sdkId?: string;
  readonly secretId?: string;
  readonly secretKey?: string;
  readonly operatorId: string;
}

export const CREDENTIAL_INPUT_FIELDS = [
  'appId',
  'sdkId',
  'secretId',
  'secretKey',
  'operatorId',
] as const satisfies readonly (keyof CredentialInput)[];

/** A checked input. A secret undefined: the operator left that field empty, keep the stored value. */
export interface ValidCredentialInput {
  readonly appId: string;
  /** Absent when the enterprise was never given an SdkId (older apps). */
  readonly sdkId?: string;
  readonly secretId: string | undefined;
  readonly secretKey: string | undefined;
  readonly operatorId: string;
}

/**
 * What the window may know about a saved profile. Deliberately no secretKey and only the tail of the secretId:
 * enough for an operator to recognise which key is configured, useless to anyone reading the screen.
 */
export interface CredentialPublicView {
  readonly profile: string;
  readonly configured: boolean;
  /** '' when not configured. */
  readonly appId: string;
  /** '' when not configured or when the app has no SdkId. */
  readonly sdkId: string;
  readonly operatorId: string;
  /** e.g. `••••••••ab12`; '' when not configured. */
  readonly secretIdMasked: string;
}

const MASK = '••••••••';
const VISIBLE_TAIL = 4;
/** Below this length the last 4 characters would give away too much of the id: mask it all. */
const MIN_LENGTH_TO_SHOW_TAIL = 12;

/**
 * `AKIDexampleab12` → `••••••••ab12`. A fixed-width mask so the length of the id is not shown either;
 * short ids are masked completely.
 */
export function maskSecretId(secretId: string): string {
  if (secretId === '') return '';
  if (secretId.length < MIN_LENGTH_TO_SHOW_TAIL) return MASK + '•'.repeat(VISIBLE_TAIL);
  return MASK + secretId.slice(-VISIBLE_TAIL);
}

function problem<T = never>(field: string, zh: string, en: string): Validated<T> {
  return invalid<T>(field, { 'zh-CN': `${field}：${zh}`, 'en-US': `${field}: ${en}` });
}

function notText(field: string): Validated<never> {
  return problem(field, '必须是文本', 'must be text');
}

function empty(field: string, example: string): Validated<never> {
  return problem(
    field,
    `不能为空${example ? `，例如 ${example}` : ''}`,
    `must not be empty${example ? `, e.g. ${example}` : ''}`,
  );
}

function tooLong(field: string, max: number): Validated<never> {
  return problem(field, `过长（最多 ${max} 个字符）`, `too long (at most ${max} characters)`);
}

/** Length as people count it: code points, not UTF-16 units. */
function lengthOf(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Profile names become the keychain account name and may be typed on the CLI: letters (any script), digits,
 * `.`, `_` and `-`, starting with a letter or digit, at most 64 characters.
 */
export function validateProfileName(value: unknown, field = 'profile'): Validated<string> {
  if (typeof value !== 'string') return notText(field);
  const text = value.trim();
  if (text === '') return empty(field, DEFAULT_PROFILE);
  if (lengthOf(text) > CREDENTIAL_LIMITS.profile) return tooLong(field, CREDENTIAL_LIMITS.profile);
  if (!PROFILE_NAME_PATTERN.test(text)) {
    return problem(
      field,
      '只能包含字母、数字、.、_ 和 -，并以字母或数字开头',
      'use only letters, digits, ".", "_" and "-", starting with a letter or digit',
    );
  }
  return valid(text);
}

/** Digits only. Full-width digits (Chinese input method) become ASCII: an id is not secret, normalising is safe. */
function digits(value: unknown, field: string, max: number, what: { zh: string; en: string }): Validated<string> {
  if (typeof value !== 'string') return notText(field);
  const text = toHalfWidth(value.trim());
  if (text === '') return empty(field, '');
  if (text.length > max) return tooLong(field, max);
  if (!/^\d+$/.test(text)) {
    return problem(field, `只能包含数字（${what.zh}）`, `must be digits only (${what.en})`);
  }
  return valid(text);
}

/** The enterprise ID (企业 ID) from the Tencent Meeting admin console. */
export function validateAppId(value: unknown, field = 'appId'): Validated<string> {
  return digits(value, field, CREDENTIAL_LIMITS.appId, {
    zh: '管理后台中的企业 ID',
    en: 'the enterprise ID from the admin console',
  });
}

/** Optional: only enterprises that were assigned one have an SdkId. Empty or missing → undefined. */
export function validateSdkId(value: unknown, field = 'sdkId'): Validated<string | undefined> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return valid(undefined);
  }
  return digits(value, field, CREDENTIAL_LIMITS.sdkId, {
    zh: '应用的 SdkId；没有可以不填',
    en: "the app's SdkId; leave it empty if there is none",
  });
}

/**
 * SecretId and SecretKey: printable ASCII without spaces (the id goes into an HTTP header, the key into HMAC).
 * The message gives the position of a bad character, never the character itself: it is part of a secret.
 * No full-width normalisation here either: silently changing a secret would hide a paste mistake.
 */
function secretText(value: unknown, field: string, max: number): Validated<string> {
  if (typeof value !== 'string') return notText(field);
  const text = value.trim();
  if (text === '') return empty(field, '');
  if (text.length > max) return tooLong(field, max);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const at = i + 1;
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000) {
      return problem(
        field,
        `第 ${at} 个字符是空格或换行；请重新复制，不要带空格`,
        `has a space or line break at position ${at}; copy it again without spaces`,
      );
    }
    if (code < 0x20 || code === 0x7f) {
      return problem(
        field,
        `第 ${at} 个字符是不可见的控制字符`,
        `has an invisible control character at position ${at}`,
      );
    }
    if (code > 0x7e) {
      return problem(
        field,
        `第 ${at} 个字符不是英文字母、数字或符号（可能是中文输入法输入的）`,
        `has a character at position ${at} that is not an English letter, digit or symbol (a Chinese input method?)`,
      );
    }
  }
  return valid(text);
}

/** A new SecretId. Like the key, whether an empty field may keep the stored id is the vault's decision. */
export function validateSecretId(value: unknown, field = 'secretId'): Validated<string> {
  return secretText(value, field, CREDENTIAL_LIMITS.secretId);
}

/** A new SecretKey. Whether an empty field may keep the stored key is the vault's decision, not this one's. */
export function validateSecretKey(value: unknown, field = 'secretKey'): Validated<string> {
  return secretText(value, field, CREDENTIAL_LIMITS.secretKey);
}

/** The operator's enterprise userid: any letters or symbols (SSO ids vary) but no spaces, at most 64. */
export function validateOperatorId(value: unknown, field = 'operatorId'): Validated<string> {
  if (typeof value !== 'string') return notText(field);
  const text = value.trim();
  if (text === '') return empty(field, 'admin1');
  if (lengthOf(text) > CREDENTIAL_LIMITS.operatorId) return tooLong(field, CREDENTIAL_LIMITS.operatorId);
  if (/[\s\u3000]/u.test(text)) return problem(field, '中间不能有空格或换行', 'must not contain spaces or line breaks');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text))
    return problem(field, '包含不可见的控制字符', 'contains an invisible control character');
  return valid(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function secretRequired(field: string, name: string): Validated<never> {
  return problem(
    field,
    `不能为空：这个配置还没有保存过 ${name}`,
    `must not be empty: no ${name} has been saved for this profile yet`,
  );
}

/** The field error for an empty SecretId when there is no saved one to keep. */
export function secretIdRequired(field = 'secretId'): Validated<never> {
  return secretRequired(field, 'SecretId');
}

/** The field error for an empty SecretKey when there is no saved one to keep. */
export function secretKeyRequired(field = 'secretKey'): Validated<never> {
  return secretRequired(field, 'SecretKey');
}

/** `''`, whitespace, `undefined` or `null`: a write-only secret field (SecretId or SecretKey) was left alone. */
export function isSecretLeftEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Every problem with a credential input, in form order, so a form can mark all fields at once. */
export function credentialInputErrors(input: unknown): FieldError[] {
  return checkCredentialInput(input).errors;
}

/** The input checked and normalised, or its first problem (in form order). */
export function validateCredentialInput(input: unknown): Validated<ValidCredentialInput> {
  const { value, errors } = checkCredentialInput(input);
  const first = errors[0];
  if (first || !value) return { ok: false, error: first ?? credentialsNotAnObject() };
  return valid(value);
}

function credentialsNotAnObject(): FieldError {
  return {
    field: 'credentials',
    message: { 'zh-CN': 'credentials：必须是 API 凭据', 'en-US': 'credentials: must be a set of API credentials' },
  };
}

function checkCredentialInput(input: unknown): { value: ValidCredentialInput | undefined; errors: FieldError[] } {
  if (!isPlainObject(input)) return { value: undefined, errors: [credentialsNotAnObject()] };
  const errors: FieldError[] = [];
  const take = <T>(result: Validated<T>): T | undefined => {
    if (result.ok) return result.value;
    errors.push(result.error);
    return undefined;
  };
  const appId = take(validateAppId(input['appId']));
  const sdkId = take(validateSdkId(input['sdkId']));
  const secret = (key: 'secretId' | 'secretKey', validate: (value: unknown) => Validated<string>) =>
    isSecretLeftEmpty(input[key]) ? undefined : take(validate(input[key]));
  const secretId = secret('secretId', validateSecretId);
  const secretKey = secret('secretKey', validateSecretKey);
  const operatorId = take(validateOperatorId(input['operatorId']));
  // Anything else is a programming mistake on the caller's side; naming it beats silently dropping it.
  for (const key of Object.keys(input)) {
    if (!(CREDENTIAL_INPUT_FIELDS as readonly string[]).includes(key)) {
      const field = key.slice(0, 40);
      errors.push({ field, message: { 'zh-CN': `${field}：不是已知字段`, 'en-US': `${field}: is not a known field` } });
    }
  }
  if (errors.length || appId === undefined || operatorId === undefined) {
    return { value: undefined, errors };
  }
  return {
    value: { appId, ...(sdkId === undefined ? {} : { sdkId }), secretId, secretKey, operatorId },
    errors,
  };
}
