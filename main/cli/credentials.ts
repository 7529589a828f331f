// Where the CLI finds the enterprise API credentials: environment variables first, then the app's saved keychain
// profile "default" (main/vault). The secret key is never printed.
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale, Localized } from '../../common/locale';
import type { WemeetCredentials } from '../api/client';
import type { ErrorPayload } from '../api/errors';
import type { CredentialBundle } from '../vault/credential-vault';
import { KeychainUnavailableError } from '../vault/secret-store';

export const CREDENTIAL_ENV = {
  appId: 'WEMEET_APP_ID',
  sdkId: 'WEMEET_SDK_ID',
  secretId: 'WEMEET_SECRET_ID',
  secretKey: 'WEMEET_SECRET_KEY',
  operatorId: 'WEMEET_OPERATOR_ID',
} as const;

const REQUIRED = ['appId', 'secretId', 'secretKey', 'operatorId'] as const;

export type CredentialLookup =
  | { readonly ok: true; readonly credentials: WemeetCredentials }
  | { readonly ok: false; readonly missing: readonly string[] };

function anyCredentialVariable(env: NodeJS.ProcessEnv): boolean {
  return Object.values(CREDENTIAL_ENV).some((name) => (env[name]?.trim() ?? '') !== '');
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv): CredentialLookup {
  const read = (key: keyof typeof CREDENTIAL_ENV) => env[CREDENTIAL_ENV[key]]?.trim() ?? '';
  const missing = REQUIRED.filter((key) => read(key) === '').map((key) => CREDENTIAL_ENV[key]);
  if (missing.length) return { ok: false, missing };
  const sdkId = read('sdkId');
  return {
    ok: true,
    credentials: {
      appId: read('appId'),
      sdkId: sdkId === '' ? undefined : sdkId,
      secretId: read('secretId'),
      secretKey: read('secretKey'),
      operatorId: read('operatorId'),
    },
  };
}

/** The part of CredentialVault the CLI needs (main/vault/index.ts: openKeychainVault()). */
export interface CliCredentialSource {
  load(profile: string): Promise<CredentialBundle | undefined>;
}

export type CliCredentialLookup =
  | { readonly ok: true; readonly credentials: WemeetCredentials; readonly source: 'env' | 'keychain' }
  | {
      readonly ok: false;
      /** The environment variables to set (all required ones when nothing was found anywhere). */
      readonly missing: readonly string[];
      /** Set when the keychain was asked and could not be used; its toPayload(locale) explains why. */
      readonly keychainError?: KeychainUnavailableError;
    };

/**
 * Environment variables win when they are complete. When none of the WEMEET_* credential variables is set, the
 * vault's "default" profile is used. When only some are set, the operator clearly meant the environment: those
 * missing are reported rather than silently mixing in (or switching to) the saved profile.
 * Without a vault this is credentialsFromEnv. Never throws for a keychain failure: it comes back as `keychainError`.
 */
export async function resolveCliCredentials(
  env: NodeJS.ProcessEnv,
  vault?: CliCredentialSource,
): Promise<CliCredentialLookup> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv.ok) return { ok: true, credentials: fromEnv.credentials, source: 'env' };
  if (!vault || anyCredentialVariable(env)) return fromEnv;
  try {
    const bundle = await vault.load(DEFAULT_PROFILE);
    if (!bundle) return fromEnv;
    const { appId, sdkId, secretId, secretKey, operatorId } = bundle;
    return { ok: true, credentials: { appId, sdkId, secretId, secretKey, operatorId }, source: 'keychain' };
  } catch (error) {
    if (error instanceof KeychainUnavailableError) return { ok: false, missing: fromEnv.missing, keychainError: error };
    throw error;
  }
}

const SDK_ID_NOTE: Localized = {
  'zh-CN': `${CREDENTIAL_ENV.sdkId} 可以不设：只有企业被分配了 SdkId 时才需要`,
  'en-US': `${CREDENTIAL_ENV.sdkId} is optional: set it only if your enterprise was given an SdkId`,
};
const WHERE_FOUND: Localized = {
  'zh-CN': '这些值在腾讯会议企业管理后台 → 应用管理 → 企业自建应用中',
  'en-US': 'The values are in the Tencent Meeting admin console under the self-built app',
};

/**
 * What the operator is told when no credentials could be found (exit 5). Three different situations need three
 * different next steps: a keychain that cannot be used at all is the cause and is said first (a server without a
 * desktop session usually has none); partly set variables mean the environment was meant; nothing anywhere.
 */
export function missingCredentialsPayload(
  lookup: Extract<CliCredentialLookup, { ok: false }>,
  env: NodeJS.ProcessEnv,
  locale: Locale,
): ErrorPayload {
  const zh = locale === 'zh-CN';
  const list = lookup.missing.join(zh ? '、' : ', ');
  const note = SDK_ID_NOTE[locale];
  if (lookup.keychainError) {
    const keychain = lookup.keychainError.explain();
    return {
      kind: 'credentials',
      code: 'keychain_unavailable',
      message: zh
        ? `${keychain.message['zh-CN']}没有钥匙串时，请用环境变量提供凭据：${list}（${note}）。`
        : `${keychain.message['en-US']} Without it, give the credentials as environment variables: ${list} (${note}).`,
      hint: zh
        ? `${keychain.hint['zh-CN']}；或者设置上述环境变量。${WHERE_FOUND['zh-CN']}`
        : `${keychain.hint['en-US']}; or set those environment variables. ${WHERE_FOUND['en-US']}`,
    };
  }
  const partly = anyCredentialVariable(env);
  return {
    kind: 'credentials',
    code: 'missing_credentials',
    message: zh ? `缺少 API 凭据：${list}（${note}）` : `Missing API credentials: ${list} (${note})`,
    hint: partly
      ? zh
        ? `请把这些环境变量也设置好；或者取消所有 WEMEET_* 凭据变量，改用 Room Dialer 设置里保存的凭据。${WHERE_FOUND['zh-CN']}`
        : `Set these variables too, or unset every WEMEET_* credential variable to use the credentials saved in Room Dialer's settings. ${WHERE_FOUND['en-US']}`
      : zh
        ? `请设置这些环境变量，或在 Room Dialer 的设置里保存凭据。${WHERE_FOUND['zh-CN']}`
        : `Set these environment variables, or save the credentials in Room Dialer's settings. ${WHERE_FOUND['en-US']}`,
  };
}
