// The vault as the app and the CLI use it: credential bundles in the OS keychain. Tests build CredentialVault on an
// in-memory store instead (tests/helpers/memory-secret-store.ts).
import { CredentialVault } from './credential-vault';
import { KeytarSecretStore, type KeytarSecretStoreOptions } from './keytar-store';

export { CredentialVault, InvalidProfileError } from './credential-vault';
export type { ClientFactory, ConnectionTestResult, ConnectionTester, CredentialBundle } from './credential-vault';
export { KEYCHAIN_SERVICE, KeytarSecretStore } from './keytar-store';
export { KeychainUnavailableError } from './secret-store';
export type { KeychainOperation, KeychainProblem, SecretStore } from './secret-store';

/** The vault on the OS keychain. Cheap: keytar is only loaded on the first keychain access. */
export function openKeychainVault(options: KeytarSecretStoreOptions = {}): CredentialVault {
  return new CredentialVault(new KeytarSecretStore(options));
}
