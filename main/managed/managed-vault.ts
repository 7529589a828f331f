// The credential vault as the app sees it while IT manages a profile: IT's non-secret fields (appId, sdkId,
// operatorId) laid over what the keychain holds, and refused when the window sends other values. Two ways for the
// secrets to arrive, as IT chooses:
// - entered once on each PC (the usual case): the keychain holds the bundle, IT's fields win over its copies;
// - from this PC's environment (WEMEET_SECRET_ID and WEMEET_SECRET_KEY, e.g. set machine-wide by IT): the keychain is
//   not used for the app's profile at all; appId, sdkId and operatorId come from IT's profile or WEMEET_APP_ID,
//   WEMEET_SDK_ID and WEMEET_OPERATOR_ID, and the credentials form is read-only.
// The environment is read only while a managed configuration is in force, so a developer's shell with WEMEET_* set
// does not quietly change what the app uses.
import {
  isSecretLeftEmpty,
  maskSecretId,
  validateAppId,
  validateOperatorId,
  validateSdkId,
  type CredentialPublicView,
} from '../../common/credentials';
import { fieldIpcError } from '../../common/ipc-error';
import { managedFieldError, type ManagedCredentialKey, type ManagedProfile } from '../../common/managed-config';
import { OperatorFailure } from '../../common/operator-error';
import { invalid, valid, type Validated } from '../../common/validation';
import { CREDENTIAL_ENV } from '../cli/credentials';
import type { CredentialBundle, CredentialVaultApi } from '../vault/credential-vault';

/** The credentials this PC's environment gives the app's profile: both secrets, or nothing. */
export interface EnvironmentCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly appId?: string;
  readonly sdkId?: string;
  readonly operatorId?: string;
}

export function environmentCredentials(env: Readonly<NodeJS.ProcessEnv>): EnvironmentCredentials | undefined {
  const read = (key: keyof typeof CREDENTIAL_ENV) => env[CREDENTIAL_ENV[key]]?.trim() ?? '';
  const secretId = read('secretId');
  const secretKey = read('secretKey');
  if (secretId === '' || secretKey === '') return undefined;
  const optional = (key: 'appId' | 'sdkId' | 'operatorId') => (read(key) === '' ? {} : { [key]: read(key) });
  return { secretId, secretKey, ...optional('appId'), ...optional('sdkId'), ...optional('operatorId') };
}

/** The credential fields IT's profile sets, in form order. */
export function managedCredentialKeys(profile: ManagedProfile | undefined): ManagedCredentialKey[] {
  if (!profile) return [];
  return (['appId', 'sdkId', 'operatorId'] as const).filter((key) => profile[key] !== undefined);
}

const NORMALISE: Readonly<Record<ManagedCredentialKey, (value: unknown) => Validated<string | undefined>>> = {
  appId: validateAppId,
  sdkId: validateSdkId,
  operatorId: validateOperatorId,
};

export interface ManagedVaultOptions {
  /** IT's profile of this name, if any (read each time: the policy object is the one source). */
  readonly managedProfile: (profile: string) => ManagedProfile | undefined;
  /** The profile the app uses: only it takes secrets from the environment. */
  readonly appProfile: string;
  readonly environment: EnvironmentCredentials | undefined;
}

export class ManagedVault implements CredentialVaultApi {
  constructor(
    private readonly inner: CredentialVaultApi,
    private readonly options: ManagedVaultOptions,
  ) {}

  /** True when the app's profile takes its secrets from the environment. */
  get secretsFromEnvironment(): boolean {
    return this.options.environment !== undefined;
  }

  private fromEnvironment(profile: string): EnvironmentCredentials | undefined {
    return profile === this.options.appProfile ? this.options.environment : undefined;
  }

  onSecrets(listener: (secrets: readonly string[]) => void): void {
    this.inner.onSecrets(listener);
    // The environment's secrets are masked in the log from the start, like every secret the keychain gives.
    const env = this.options.environment;
    if (env) listener([env.secretId, env.secretKey]);
  }

  async load(profile: string): Promise<CredentialBundle | undefined> {
    const managed = this.options.managedProfile(profile);
    const env = this.fromEnvironment(profile);
    if (env) {
      const appId = managed?.appId ?? env.appId;
      const operatorId = managed?.operatorId ?? env.operatorId;
      if (appId === undefined || operatorId === undefined) return undefined;
      const sdkId = managed?.sdkId ?? env.sdkId;
      return { appId, ...(sdkId ? { sdkId } : {}), secretId: env.secretId, secretKey: env.secretKey, operatorId };
    }
    const stored = await this.inner.load(profile);
    if (!stored || !managed) return stored;
    const sdkId = managed.sdkId ?? stored.sdkId;
    return {
      ...stored,
      appId: managed.appId,
      ...(sdkId ? { sdkId } : {}),
      operatorId: managed.operatorId ?? stored.operatorId,
    };
  }

  async publicView(profile: string): Promise<CredentialPublicView> {
    if (this.fromEnvironment(profile)) {
      const bundle = await this.load(profile);
      return {
        profile,
        configured: bundle !== undefined,
        appId: bundle?.appId ?? '',
        sdkId: bundle?.sdkId ?? '',
        operatorId: bundle?.operatorId ?? '',
        secretIdMasked: bundle ? maskSecretId(bundle.secretId) : '',
      };
    }
    const view = await this.inner.publicView(profile);
    const managed = this.options.managedProfile(profile);
    if (!managed) return view;
    // IT's values show even before the desk saved anything: the form starts filled in and locked.
    return {
      ...view,
      appId: managed.appId,
      sdkId: managed.sdkId ?? view.sdkId,
      operatorId: managed.operatorId ?? view.operatorId,
    };
  }

  /**
   * IT's fields may be sent back unchanged (the form sends every field) or left out; another value is refused naming
   * the field, and nothing is written. With secrets from the environment there is nothing to save.
   */
  async save(profile: unknown, input: unknown): Promise<Validated<CredentialPublicView>> {
    const name = typeof profile === 'string' ? profile.trim() : profile;
    if (typeof name === 'string' && this.fromEnvironment(name)) return invalid('credentials', lockedByIt());
    const managed = typeof name === 'string' ? this.options.managedProfile(name) : undefined;
    if (!managed || typeof input !== 'object' || input === null || Array.isArray(input)) {
      return this.viewed(profile, await this.inner.save(profile, input));
    }
    const merged: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const key of managedCredentialKeys(managed)) {
      const sent = merged[key];
      if (!isSecretLeftEmpty(sent)) {
        const normalised = NORMALISE[key](sent);
        if (!normalised.ok) return normalised;
        if (normalised.value !== managed[key]) return { ok: false, error: managedFieldError(key) };
      }
      merged[key] = managed[key];
    }
    return this.viewed(profile, await this.inner.save(profile, merged));
  }

  private async viewed(
    profile: unknown,
    saved: Validated<CredentialPublicView>,
  ): Promise<Validated<CredentialPublicView>> {
    if (!saved.ok || typeof profile !== 'string') return saved;
    return valid(await this.publicView(saved.value.profile));
  }

  async delete(profile: string): Promise<boolean> {
    if (this.fromEnvironment(profile)) throw new OperatorFailure(fieldIpcError(managedFieldError('credentials')));
    return this.inner.delete(profile);
  }
}

function lockedByIt() {
  return managedFieldError('credentials').message;
}
