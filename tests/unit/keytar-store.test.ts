// How the keytar store turns keychain failures into KeychainUnavailableError, with a scripted keytar module.
// The real Secret Service is exercised in tests/keychain/.
import { describe, expect, it } from 'vitest';
import { classifyKeychainFailure, KeytarSecretStore, type KeytarApi } from '../../main/vault/keytar-store';
import { KeychainUnavailableError } from '../../main/vault/secret-store';

const SECRET = JSON.stringify({
  v: 1,
  appId: '1',
  secretId: 'AKIDexample',
  secretKey: 'SKtopsecret42',
  operatorId: 'a',
});

function failingKeytar(message: string): KeytarApi {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

describe('classifyKeychainFailure', () => {
  it.each([
    ['Could not connect: No such file or directory', 'no_service'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no_service'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no_service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User canceled the operation.', 'locked'],
    ['The specified item could not be found in the keychain.', 'refused'],
  ])('%s → %s', (message, problem) => {
    expect(classifyKeychainFailure(message)).toBe(problem);
  });
});

describe('KeytarSecretStore', () => {
  it('passes through to keytar under the "Room Dialer" service', async () => {
    const calls: string[] = [];
    const keytar: KeytarApi = {
      getPassword: async (service, account) => (calls.push(`get ${service}/${account}`), null),
      setPassword: async (service, account) => void calls.push(`set ${service}/${account}`),
      deletePassword: async (service, account) => (calls.push(`delete ${service}/${account}`), true),
    };
    const store = new KeytarSecretStore({ load: async () => keytar });
    expect(await store.get('default')).toBeNull();
    await store.set('default', 'x');
    expect(await store.delete('default')).toBe(true);
    expect(calls).toEqual(['get Room Dialer/default', 'set Room Dialer/default', 'delete Room Dialer/default']);
  });

  it.each(['read', 'save', 'delete'] as const)(
    'a keytar failure on %s becomes KeychainUnavailableError',
    async (op) => {
      const original = 'The name org.freedesktop.secrets was not provided by any .service files';
      const store = new KeytarSecretStore({ platform: 'linux', load: async () => failingKeytar(original) });
      const attempt = op === 'read' ? store.get('p') : op === 'save' ? store.set('p', SECRET) : store.delete('p');
      const error = (await attempt.catch((e: unknown) => e)) as KeychainUnavailableError;
      expect(error).toBeInstanceOf(KeychainUnavailableError);
      expect(error.operation).toBe(op);
      expect(error.problem).toBe('no_service');
      expect((error.cause as Error).message).toBe(original);
      expect(error.toPayload('en-US').message).toContain(original);
      expect(error.toPayload('en-US').message).toMatch(/no Secret Service keyring is running/);
    },
  );

  it('a failure whose text carries the secret keeps neither the text nor the original error', async () => {
    const store = new KeytarSecretStore({
      platform: 'linux',
      load: async () => failingKeytar(`cannot store SKtopsecret42 in ${SECRET}`),
    });
    const error = (await store.set('p', SECRET).catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    const everything = [
      error.message,
      error.detail,
      (error.cause as Error).message,
      JSON.stringify(error.toPayload('zh-CN')),
    ];
    for (const text of everything) {
      expect(text).not.toContain('SKtopsecret42');
      expect(text).not.toContain(SECRET);
    }
    expect(error.detail).toContain('[redacted]');
  });

  it('a native module that cannot load becomes KeychainUnavailableError, and loading is retried later', async () => {
    let attempts = 0;
    const store = new KeytarSecretStore({
      platform: 'win32',
      load: async () => {
        attempts += 1;
        throw new Error('Failed to load keytar native addon');
      },
    });
    const error = (await store.set('p', SECRET).catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.problem).toBe('module_missing');
    expect(error.toPayload('en-US').hint).toMatch(/Reinstall/);
    expect(error.toPayload('en-US').message).toMatch(/NOT saved/);
    await store.get('p').catch(() => undefined);
    expect(attempts).toBe(2);
  });
});
