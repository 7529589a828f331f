// A SecretStore that keeps a test's keychain items apart from a developer's own: the first profile's account
// ("default") becomes `firstAccount`, any other profile's `firstAccount.<id>`. Tests that check the real keychain
// look for those names.
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { SecretStore } from '../../main/vault/secret-store';

export function namespacedAccount(firstAccount: string, account: string): string {
  return account === DEFAULT_PROFILE ? firstAccount : `${firstAccount}.${account}`;
}

export function namespacedSecretStore(inner: SecretStore, firstAccount: string): SecretStore {
  const name = (account: string) => namespacedAccount(firstAccount, account);
  return {
    get: (account) => inner.get(name(account)),
    set: (account, secret) => inner.set(name(account), secret),
    delete: (account) => inner.delete(name(account)),
  };
}
