// Where the CLI finds the enterprise API credentials: environment variables first, then the app's saved keychain
// profile "default" (main/vault). The secret key is never printed.
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { WemeetCredentials } from '../api/client';
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
  const anySet = Object.values(CREDENTIAL_ENV).some((name) => (env[name]?.trim() ?? '') !== '');
  if (!vault || anySet) return fromEnv;
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
