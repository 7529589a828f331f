// Where the CLI finds the enterprise API credentials: environment variables first, then the app's saved keychain
// entry of one profile: "default", or the one --profile names (main/vault). The secret key is never printed.
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale, Localized } from '../../common/locale';
import type { WemeetCredentials } from '../api/client';
import type { ErrorPayload } from '../api/errors';
import type { CredentialBundle } from '../vault/credential-vault';
import { KeychainUnavailableError } from '../vault/secret-store';
import { BadInput } from './input';

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

function credentialVariablesSet(env: NodeJS.ProcessEnv): string[] {
  return Object.values(CREDENTIAL_ENV).filter((name) => (env[name]?.trim() ?? '') !== '');
}

/** Any WEMEET_* credential variable set: the environment is meant, and the keychain is not asked. */
export function anyCredentialVariable(env: NodeJS.ProcessEnv): boolean {
  return credentialVariablesSet(env).length > 0;
}

/**
 * --profile asks for a saved profile's credentials; WEMEET_* variables are credentials too. Which one a script
 * meant cannot be told, and guessing wrong dials as the other enterprise: refused (exit 2) before anything is read.
 */
export function refuseProfileWithCredentialVariables(env: NodeJS.ProcessEnv): void {
  const set = credentialVariablesSet(env);
  if (set.length === 0) return;
  throw new BadInput({
    field: 'profile',
    message: {
      'zh-CN': `--profile：指定了配置，但也设置了凭据环境变量 ${set.join('、')}；请只用其中一种（取消这些变量，或去掉 --profile）`,
      'en-US': `--profile: a profile was given, but so are the credential variables ${set.join(', ')}; use one or the other (unset them, or leave out --profile)`,
    },
  });
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
      /** The profile --profile named, when the keychain has nothing saved for it. */
      readonly profile?: string;
    };

/**
 * Environment variables win when they are complete. When none of the WEMEET_* credential variables is set, the
 * vault's entry for `profile` is used (--profile, checked against the app's list by app-profiles.ts; else
 * "default"). When only some are set, the operator clearly meant the environment: those missing are reported rather
 * than silently mixing in (or switching to) the saved profile. --profile with any variable set never gets here
 * (refuseProfileWithCredentialVariables).
 * Without a vault this is credentialsFromEnv. Never throws for a keychain failure: it comes back as `keychainError`.
 */
export async function resolveCliCredentials(
  env: NodeJS.ProcessEnv,
  vault?: CliCredentialSource,
  profile?: string,
): Promise<CliCredentialLookup> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv.ok) return { ok: true, credentials: fromEnv.credentials, source: 'env' };
  if (!vault || anyCredentialVariable(env)) return fromEnv;
  try {
    const bundle = await vault.load(profile ?? DEFAULT_PROFILE);
    if (!bundle) return profile === undefined ? fromEnv : { ...fromEnv, profile };
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
  if (lookup.profile !== undefined) {
    const shown = lookup.profile;
    return {
      kind: 'credentials',
      code: 'missing_credentials',
      message: zh
        ? `配置“${shown}”没有保存凭据（系统钥匙串中没有）`
        : `No credentials are saved for the profile "${shown}" (nothing in the system keychain)`,
      hint: zh
        ? `请在 Room Dialer 的设置 › 配置中切换到该配置并保存凭据；或者去掉 --profile，改用环境变量：${list}（${note}）。`
        : `Switch to that profile in Room Dialer's Settings › Profiles and save its credentials; or leave out --profile and set ${list} (${note}).`,
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
