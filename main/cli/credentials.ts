// Where the CLI finds the enterprise API credentials: environment variables (the app's saved keychain
// profile becomes a fallback once the vault exists). The secret key is never printed.
import type { WemeetCredentials } from '../api/client';

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
