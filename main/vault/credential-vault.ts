// The enterprise API credentials, one bundle per profile, kept in a SecretStore (the OS keychain in the app and the
// CLI). Main process only: `load` returns the secretKey and must never be exposed over IPC; the window gets
// `publicView`, which has no secretKey and only the tail of the secretId. Nothing here logs anything.
import { z } from 'zod';
import {
  DEFAULT_PROFILE,
  maskSecretId,
  secretIdRequired,
  secretKeyRequired,
  validateCredentialInput,
  validateProfileName,
  type CredentialPublicView,
} from '../../common/credentials';
import type { Locale } from '../../common/locale';
import { valid, type FieldError, type Validated } from '../../common/validation';
import type { WemeetCredentials } from '../api/client';
import { WemeetError, type ErrorPayload } from '../api/errors';
import { KeychainUnavailableError, type SecretStore } from './secret-store';

/** Exactly what the API client needs. `sdkId` is absent when the enterprise has none. */
export interface CredentialBundle extends WemeetCredentials {
  readonly appId: string;
  readonly sdkId?: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly operatorId: string;
}

/**
 * The keychain item: one JSON secret per profile (account = profile name), so a bundle is written and read in one
 * step and can never be half old, half new. `v` lets a later version change the format. At the longest fields allowed
 * it stays under 1 KB, well within Windows Credential Manager's 2560-byte limit.
 * Read leniently (any non-empty strings): a later, stricter validator must not make saved credentials vanish.
 */
const STORED_VERSION = 1;
const StoredBundle = z.object({
  v: z.literal(STORED_VERSION),
  appId: z.string().min(1),
  sdkId: z.string().min(1).optional(),
  secretId: z.string().min(1),
  secretKey: z.string().min(1),
  operatorId: z.string().min(1),
});

function serialize(bundle: CredentialBundle): string {
  const { appId, sdkId, secretId, secretKey, operatorId } = bundle;
  return JSON.stringify({ v: STORED_VERSION, appId, ...(sdkId ? { sdkId } : {}), secretId, secretKey, operatorId });
}

/**
 * The stored text as a bundle, or undefined when it is not one (written by something else, damaged). Treated as "not
 * configured" so that saving a full bundle repairs it. Never lets a parse error escape: V8's JSON.parse message
 * quotes the text it failed on, which here is the secret.
 */
function deserialize(text: string): CredentialBundle | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = StoredBundle.safeParse(json);
  if (!parsed.success) return undefined;
  const { appId, sdkId, secretId, secretKey, operatorId } = parsed.data;
  return { appId, ...(sdkId ? { sdkId } : {}), secretId, secretKey, operatorId };
}

function publicViewOf(profile: string, bundle: CredentialBundle | undefined): CredentialPublicView {
  // Built field by field (never by spreading the bundle) so a new secret field cannot slip through.
  return {
    profile,
    configured: bundle !== undefined,
    appId: bundle?.appId ?? '',
    sdkId: bundle?.sdkId ?? '',
    operatorId: bundle?.operatorId ?? '',
    secretIdMasked: bundle ? maskSecretId(bundle.secretId) : '',
  };
}

/** A bad profile name given to load, publicView or delete. (save returns its field errors instead.) */
export class InvalidProfileError extends Error {
  readonly kind = 'validation';
  readonly code = 'bad_input';
  constructor(readonly fieldError: FieldError) {
    super(fieldError.message['en-US']);
    this.name = 'InvalidProfileError';
  }
  toPayload(locale: Locale): ErrorPayload {
    return fieldErrorPayload(this.fieldError, locale);
  }
}

function fieldErrorPayload(error: FieldError, locale: Locale): ErrorPayload {
  return {
    kind: 'validation',
    code: 'bad_input',
    message: error.message[locale],
    hint: locale === 'zh-CN' ? '没有做任何更改；请修正后重试' : 'Nothing was changed; correct it and try again',
  };
}

/** The one thing testConnection needs from a client: WemeetClient fits. */
export interface ConnectionTester {
  testConnection(): Promise<void>;
}

/** Builds a client for the given credentials (endpoint, fetch and app version are the caller's business). */
export type ClientFactory = (credentials: WemeetCredentials) => ConnectionTester;

export type ConnectionTestResult = { readonly ok: true } | { readonly ok: false; readonly error: ErrorPayload };

function missingCredentials(profile: string, locale: Locale): ErrorPayload {
  return locale === 'zh-CN'
    ? {
        kind: 'credentials',
        code: 'missing_credentials',
        message: `配置“${profile}”还没有保存 API 凭据`,
        hint: '请先在设置中填写并保存 AppId、SecretId、SecretKey 和操作人 userid',
      }
    : {
        kind: 'credentials',
        code: 'missing_credentials',
        message: `No API credentials are saved for profile "${profile}"`,
        hint: 'Enter and save the AppId, SecretId, SecretKey and operator userid in Settings first',
      };
}

/** An unexpected failure, named but with every copy of the secret key cut out of its text. */
function internalFailure(error: unknown, secretKey: string | undefined, locale: Locale): ErrorPayload {
  const name = error instanceof Error ? error.name : typeof error;
  const raw = error instanceof Error ? error.message : String(error);
  const text = (secretKey ? raw.split(secretKey).join('[redacted]') : raw).slice(0, 300);
  return {
    kind: 'internal',
    code: 'internal',
    message:
      locale === 'zh-CN'
        ? `连接测试出现意外错误（${name}：${text}）`
        : `Unexpected error while testing (${name}: ${text})`,
    hint:
      locale === 'zh-CN'
        ? '请重试；如果仍然出现，请联系管理员'
        : 'Try again; if it keeps happening, contact your administrator',
  };
}

/** Defence in depth: no text that goes back to the window may contain the secret key, whatever produced it. */
function withoutSecret(payload: ErrorPayload, secretKey: string): ErrorPayload {
  const cut = (text: string) => text.split(secretKey).join('[redacted]');
  return { ...payload, message: cut(payload.message), hint: cut(payload.hint) };
}

export class CredentialVault {
  /** Per-profile chains of operations, so a save's read-then-write is never interleaved with another write. */
  private readonly busy = new Map<string, Promise<unknown>>();

  /** Told the secrets of every bundle read or written, so the log can mask them (main/shell/logger.ts). */
  private readonly secretListeners: ((secrets: readonly string[]) => void)[] = [];

  constructor(private readonly store: SecretStore) {}

  /** `listener` gets [secretId, secretKey] of every bundle this vault reads or saves from now on. */
  onSecrets(listener: (secrets: readonly string[]) => void): void {
    this.secretListeners.push(listener);
  }

  private tell(bundle: CredentialBundle | undefined): void {
    if (bundle) for (const listener of this.secretListeners) listener([bundle.secretId, bundle.secretKey]);
  }

  /** The full bundle, secretKey included. Main process only. Throws KeychainUnavailableError or InvalidProfileError. */
  async load(profile: string = DEFAULT_PROFILE): Promise<CredentialBundle | undefined> {
    const name = profileName(profile);
    return this.exclusive(name, () => this.read(name));
  }

  /** What the window may show. Throws KeychainUnavailableError or InvalidProfileError. */
  async publicView(profile: string = DEFAULT_PROFILE): Promise<CredentialPublicView> {
    const name = profileName(profile);
    return publicViewOf(name, await this.exclusive(name, () => this.read(name)));
  }

  /**
   * Checks every field first; on any problem returns the field error and writes nothing. An empty secretId or
   * secretKey keeps the stored one (the form's secret fields are write-only), each independently of the other, or is
   * itself the field error when this profile has nothing stored.
   * Throws KeychainUnavailableError when the keychain cannot be used; nothing is then written anywhere.
   */
  async save(profile: unknown, input: unknown): Promise<Validated<CredentialPublicView>> {
    const name = validateProfileName(profile);
    if (!name.ok) return name;
    const checked = validateCredentialInput(input);
    if (!checked.ok) return checked;
    const { appId, sdkId, operatorId } = checked.value;
    return this.exclusive(name.value, async () => {
      let { secretId, secretKey } = checked.value;
      // Read inside the lock: a concurrent save must not slip in between this read and the write below.
      const stored = secretId === undefined || secretKey === undefined ? await this.read(name.value) : undefined;
      secretId ??= stored?.secretId;
      secretKey ??= stored?.secretKey;
      // Form order, as validateCredentialInput reports: the id's error before the key's.
      if (secretId === undefined) return secretIdRequired();
      if (secretKey === undefined) return secretKeyRequired();
      const bundle: CredentialBundle = { appId, ...(sdkId ? { sdkId } : {}), secretId, secretKey, operatorId };
      this.tell(bundle);
      await this.store.set(name.value, serialize(bundle));
      return valid(publicViewOf(name.value, bundle));
    });
  }

  /** True when a bundle was deleted. Throws KeychainUnavailableError or InvalidProfileError. */
  async delete(profile: string): Promise<boolean> {
    const name = profileName(profile);
    return this.exclusive(name, () => this.store.delete(name));
  }

  /**
   * One signed read with the stored credentials. Never throws: every outcome, including a missing bundle or an
   * unavailable keychain, comes back as `{ok:false, error}` in the operator's language.
   */
  async testConnection(
    profile: string,
    makeClient: ClientFactory,
    locale: Locale = 'en-US',
  ): Promise<ConnectionTestResult> {
    const name = validateProfileName(profile);
    if (!name.ok) return { ok: false, error: fieldErrorPayload(name.error, locale) };
    let bundle: CredentialBundle | undefined;
    try {
      bundle = await this.load(name.value);
    } catch (error) {
      if (error instanceof KeychainUnavailableError) return { ok: false, error: error.toPayload(locale) };
      return { ok: false, error: internalFailure(error, undefined, locale) };
    }
    if (!bundle) return { ok: false, error: missingCredentials(name.value, locale) };
    try {
      await makeClient(bundle).testConnection();
      return { ok: true };
    } catch (error) {
      const payload =
        error instanceof WemeetError ? error.toPayload(locale) : internalFailure(error, bundle.secretKey, locale);
      return { ok: false, error: withoutSecret(payload, bundle.secretKey) };
    }
  }

  private async read(profile: string): Promise<CredentialBundle | undefined> {
    const text = await this.store.get(profile);
    const bundle = text === null ? undefined : deserialize(text);
    this.tell(bundle);
    return bundle;
  }

  private exclusive<T>(profile: string, task: () => Promise<T>): Promise<T> {
    const previous = this.busy.get(profile) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.busy.set(profile, settled);
    // Drop the entry once idle so the map does not grow with every profile ever named.
    void settled.then(() => {
      if (this.busy.get(profile) === settled) this.busy.delete(profile);
    });
    return next;
  }
}

/** What the app and its handlers use of a vault: CredentialVault, or a layer over it (main/managed/managed-vault.ts). */
export type CredentialVaultApi = Pick<CredentialVault, 'load' | 'publicView' | 'save' | 'delete' | 'onSecrets'>;

function profileName(profile: string): string {
  const name = validateProfileName(profile);
  if (!name.ok) throw new InvalidProfileError(name.error);
  return name.value;
}
