// An in-memory SecretStore for unit tests of the layers above the keychain (the vault, the CLI fallback, IPC).
// Lives under tests/ on purpose: the app itself must never keep secrets in memory-only or file stores.
// It records every write, so a test can prove that rejected input wrote nothing, and can play an unavailable keychain.
import { KeychainUnavailableError, type KeychainOperation, type SecretStore } from '../../main/vault/secret-store';

export class MemorySecretStore implements SecretStore {
  readonly secrets = new Map<string, string>();
  /** Every set and delete, in order. */
  readonly writes: { op: 'set' | 'delete'; account: string }[] = [];
  /** When set, every call fails the way an unavailable Linux keychain does. */
  unavailable = false;

  constructor(initial: Record<string, string> = {}) {
    for (const [account, secret] of Object.entries(initial)) this.secrets.set(account, secret);
  }

  async get(account: string): Promise<string | null> {
    this.check('read');
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.check('save');
    this.writes.push({ op: 'set', account });
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.check('delete');
    this.writes.push({ op: 'delete', account });
    return this.secrets.delete(account);
  }

  private check(operation: KeychainOperation): void {
    if (this.unavailable) {
      throw new KeychainUnavailableError(
        operation,
        'no_service',
        'Could not connect: No such file or directory',
        'linux',
      );
    }
  }
}
