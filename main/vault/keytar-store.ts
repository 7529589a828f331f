// The SecretStore backed by the OS keychain through keytar: Windows Credential Manager, macOS Keychain, and on
// Linux the Secret Service (GNOME Keyring, KWallet) through libsecret over D-Bus.
// Every failure becomes KeychainUnavailableError; there is no fallback, so when the keychain is unavailable nothing
// is written anywhere.
import { secretServiceLockProbe, type LockProbe } from './secret-service-lock';
import {
  KeychainUnavailableError,
  type KeychainOperation,
  type KeychainProblem,
  type SecretStore,
} from './secret-store';

/** The keychain "service" every Room Dialer secret is filed under (what the OS keychain UI shows). */
export const KEYCHAIN_SERVICE = 'Room Dialer';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  readonly service?: string;
  /** Decides the advice in the error (Secret Service on Linux, keychain elsewhere). */
  readonly platform?: NodeJS.Platform;
  /** How keytar is loaded; tests inject a failing or fake module. */
  readonly load?: () => Promise<KeytarApi>;
  /**
   * Asked when keytar finds nothing (get → null, delete → false), which it also answers for a locked keyring. Default:
   * the Secret Service over D-Bus on Linux with the real keytar (secret-service-lock.ts); none with an injected
   * module, so unit tests never depend on the machine's keyring.
   */
  readonly lockProbe?: LockProbe;
}

/**
 * keytar is a native addon. Loading it lazily keeps a broken or missing binary from crashing the app (or the CLI)
 * at start-up: only the keychain features fail, with an explanation. It is CommonJS, so its functions are on
 * `default` when imported from ESM (Node's export detection finds only some of them).
 */
async function loadKeytar(): Promise<KeytarApi> {
  const mod = (await import('@github/keytar')) as unknown as { default?: KeytarApi } & Partial<KeytarApi>;
  const api = mod.default ?? (mod as KeytarApi);
  if (typeof api.getPassword !== 'function' || typeof api.setPassword !== 'function') {
    throw new Error('@github/keytar did not export getPassword/setPassword');
  }
  return api;
}

/**
 * What the keychain's error text says, for the advice only. Real texts seen from libsecret on Linux:
 *   "Could not connect: No such file or directory"                        (DBUS_SESSION_BUS_ADDRESS points nowhere)
 *   "Cannot autolaunch D-Bus without X11 $DISPLAY"                         (no session bus at all)
 *   "The name org.freedesktop.secrets was not provided by any .service files" (no keyring daemon installed)
 *   "Object does not exist at path “/org/freedesktop/secrets/collection/login”" (daemon running, no login keyring)
 *   "Cannot create an item in a locked collection"                        (keyring locked, no unlock prompt possible)
 */
export function classifyKeychainFailure(message: string): KeychainProblem {
  if (/locked|unlock|prompt|dismiss|cancel/i.test(message)) return 'locked';
  if (
    /org\.freedesktop\.secrets|\.service files|ServiceUnknown|Object does not exist at path|D-?Bus|Could not connect|connect to socket/i.test(
      message,
    )
  ) {
    return 'no_service';
  }
  return 'refused';
}

/** The secret itself and, when it is a JSON bundle, each string in it: none of these may appear in an error. */
function secretFragments(secret: string | undefined): string[] {
  if (!secret) return [];
  const fragments = [secret];
  try {
    const parsed: unknown = JSON.parse(secret);
    if (parsed && typeof parsed === 'object') {
      for (const value of Object.values(parsed))
        if (typeof value === 'string' && value.length >= 4) fragments.push(value);
    }
  } catch {
    // Not JSON: the whole secret is the only fragment.
  }
  return fragments;
}

const MAX_DETAIL_LENGTH = 300;

function scrub(text: string, fragments: readonly string[]): string {
  let out = text;
  for (const fragment of fragments) out = out.split(fragment).join('[redacted]');
  return out.length > MAX_DETAIL_LENGTH ? `${out.slice(0, MAX_DETAIL_LENGTH)}…` : out;
}

export class KeytarSecretStore implements SecretStore {
  readonly service: string;
  private readonly platform: NodeJS.Platform;
  private readonly load: () => Promise<KeytarApi>;
  private readonly lockProbe: LockProbe | undefined;
  private keytar: Promise<KeytarApi> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.platform = options.platform ?? process.platform;
    this.load = options.load ?? loadKeytar;
    this.lockProbe =
      options.lockProbe ??
      (options.load === undefined && this.platform === 'linux' ? secretServiceLockProbe : undefined);
  }

  async get(account: string): Promise<string | null> {
    assertAccount(account);
    const keytar = await this.module('read');
    let secret: string | null;
    try {
      secret = await keytar.getPassword(this.service, account);
    } catch (error) {
      throw this.unavailable('read', error);
    }
    if (secret === null) await this.refuseIfLocked('read', account);
    return secret;
  }

  async set(account: string, secret: string): Promise<void> {
    assertAccount(account);
    // keytar would reject an empty password with a generic error; callers never store one.
    if (typeof secret !== 'string' || secret === '') throw new TypeError('secret must be a non-empty string');
    const keytar = await this.module('save');
    try {
      await keytar.setPassword(this.service, account, secret);
    } catch (error) {
      throw this.unavailable('save', error, secret);
    }
  }

  async delete(account: string): Promise<boolean> {
    assertAccount(account);
    const keytar = await this.module('delete');
    let deleted: boolean;
    try {
      deleted = await keytar.deletePassword(this.service, account);
    } catch (error) {
      throw this.unavailable('delete', error);
    }
    if (!deleted) await this.refuseIfLocked('delete', account);
    return deleted;
  }

  /** keytar found nothing: an error instead when that is because the keyring is locked (secret-service-lock.ts). */
  private async refuseIfLocked(operation: KeychainOperation, account: string): Promise<void> {
    if (!this.lockProbe) return;
    if ((await this.lockProbe(this.service, account)) === 'locked') {
      throw new KeychainUnavailableError(operation, 'locked', '', this.platform);
    }
  }

  private async module(operation: KeychainOperation): Promise<KeytarApi> {
    this.keytar ??= this.load();
    try {
      return await this.keytar;
    } catch (error) {
      // Forget the failure: a later attempt (after a reinstall of the binary, say) may succeed.
      this.keytar = undefined;
      const detail = scrub(error instanceof Error ? error.message : String(error), []);
      throw new KeychainUnavailableError(operation, 'module_missing', detail, this.platform, { cause: error });
    }
  }

  private unavailable(operation: KeychainOperation, error: unknown, secret?: string): KeychainUnavailableError {
    const fragments = secretFragments(secret);
    const original = error instanceof Error ? error.message : String(error);
    const detail = scrub(original, fragments);
    // Keep the original error as the cause unless its text (or anything enumerable on it) carries the secret.
    const leaks = fragments.some((fragment) => original.includes(fragment) || safeJson(error).includes(fragment));
    const cause = leaks ? new Error(detail) : error;
    const problem = classifyKeychainFailure(original);
    return new KeychainUnavailableError(operation, problem, detail, this.platform, { cause });
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function assertAccount(account: string): void {
  // Programming guard: profile names are validated (common/credentials.ts) before they get here.
  if (typeof account !== 'string' || account === '') throw new TypeError('account must be a non-empty string');
}
