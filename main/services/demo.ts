// `npm run demo`: the app against the local simulator. scripts/demo.ts sets ROOM_DIALER_DEMO=1 and the WEMEET_*
// variables (the simulator's URL and its demo credentials); this turns them into what createServices needs.
//
// The demo credentials live in DemoSecretStore, in memory, for this run only. That is the ONE place the app keeps a
// secret outside the OS keychain, and only because the operator asked for the simulator: it is never a fallback
// for a keychain that does not work (main/vault has none, on purpose).
import { DEFAULT_PROFILE } from '../../common/credentials';
import { validateEndpoint } from '../../common/endpoint';
import { credentialsFromEnv } from '../cli/credentials';
import { CredentialVault } from '../vault/credential-vault';
import type { SecretStore } from '../vault/secret-store';

/** Secrets by account, in memory, gone when the process ends. */
export class DemoSecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }
}

export interface DemoSetup {
  /** The simulator's URL (WEMEET_ENDPOINT), to use as settings.endpoint. */
  readonly endpoint: string;
  /** A vault on DemoSecretStore with the demo credentials saved under the default profile. */
  readonly vault: CredentialVault;
}

export const DEMO_ENV_FLAG = 'ROOM_DIALER_DEMO';

export function isDemo(env: NodeJS.ProcessEnv): boolean {
  return env[DEMO_ENV_FLAG] === '1';
}

/**
 * The demo's endpoint and vault, or undefined when ROOM_DIALER_DEMO is not 1. Throws an Error naming the variable
 * when the environment is incomplete or wrong: the demo cannot start without the simulator.
 */
export async function demoSetupFromEnv(env: NodeJS.ProcessEnv): Promise<DemoSetup | undefined> {
  if (!isDemo(env)) return undefined;
  const endpoint = validateEndpoint(env['WEMEET_ENDPOINT'] ?? '', 'WEMEET_ENDPOINT');
  if (!endpoint.ok) throw new Error(`demo mode: ${endpoint.error.message['en-US']}`);
  const credentials = credentialsFromEnv(env);
  if (!credentials.ok) throw new Error(`demo mode: set ${credentials.missing.join(', ')} (npm run demo does)`);
  const vault = new CredentialVault(new DemoSecretStore());
  const saved = await vault.save(DEFAULT_PROFILE, { ...credentials.credentials });
  if (!saved.ok) throw new Error(`demo mode: ${saved.error.message['en-US']}`);
  return { endpoint: endpoint.value, vault };
}
