// How the keytar store turns keychain failures into KeychainUnavailableError, with a scripted keytar module.
// The real Secret Service is exercised in tests/keychain/.
import { describe, expect, it } from 'vitest';
import { classifyKeychainFailure, KeytarSecretStore, type KeytarApi } from '../../main/vault/keytar-store';
import {
  parseLockedReply,
  parseSearchItemsReply,
  type LockProbe,
  type LockState,
} from '../../main/vault/secret-service-lock';
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

// keytar answers "nothing" for a locked keyring too (getPassword → null, deletePassword → false); the store then asks
// the Secret Service (secret-service-lock.ts), and a lock becomes KeychainUnavailableError instead of "not saved".
describe('a locked keyring is not "nothing saved"', () => {
  /** keytar as gnome-keyring's libsecret answers it while the item's keyring is locked. */
  const lockedKeytar: KeytarApi = {
    getPassword: async () => null,
    setPassword: async () => {
      throw new Error('Cannot create an item in a locked collection');
    },
    deletePassword: async () => false,
  };

  function store(state: LockState): { store: KeytarSecretStore; asked: string[] } {
    const asked: string[] = [];
    const lockProbe: LockProbe = async (service, account) => {
      asked.push(`${service}/${account}`);
      return state;
    };
    return { store: new KeytarSecretStore({ platform: 'linux', load: async () => lockedKeytar, lockProbe }), asked };
  }

  it('a read of a locked item says the keyring is locked, that nothing is lost, and how to unlock it', async () => {
    const { store: locked, asked } = store('locked');
    const error = (await locked.get('default').catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(asked).toEqual(['Room Dialer/default']);
    expect(error).toMatchObject({ operation: 'read', problem: 'locked', kind: 'keychain' });
    const en = error.toPayload('en-US');
    expect(en.message).toMatch(/the keyring is locked/);
    expect(en.message).toMatch(/not lost.*do not enter them again/);
    expect(en.hint).toMatch(/Seahorse.*Unlock.*KWalletManager/);
    const zh = error.toPayload('zh-CN');
    expect(zh.message).toMatch(/密钥环已锁定.*请不要重新输入/);
    expect(zh.hint).toMatch(/解锁/);
  });

  it('a delete that finds a locked item says nothing was deleted', async () => {
    const error = (await store('locked')
      .store.delete('default')
      .catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(error).toMatchObject({ operation: 'delete', problem: 'locked' });
    expect(error.toPayload('en-US').message).toMatch(
      /Nothing was deleted: the credentials are still in the locked keyring/,
    );
  });

  it("keeps keytar's answer when the keyring is unlocked or cannot be asked", async () => {
    for (const state of ['unlocked', 'unknown'] as const) {
      expect(await store(state).store.get('default')).toBeNull();
      expect(await store(state).store.delete('default')).toBe(false);
    }
  });

  it('asks nothing when keytar found the secret, or off Linux, or with an injected keytar and no probe', async () => {
    const found: KeytarApi = { ...lockedKeytar, getPassword: async () => 'x', deletePassword: async () => true };
    const asked: string[] = [];
    const lockProbe: LockProbe = async (service) => (asked.push(service), 'locked');
    const withProbe = new KeytarSecretStore({ platform: 'linux', load: async () => found, lockProbe });
    expect(await withProbe.get('default')).toBe('x');
    expect(await withProbe.delete('default')).toBe(true);
    expect(asked).toEqual([]);
    expect(await new KeytarSecretStore({ platform: 'linux', load: async () => lockedKeytar }).get('p')).toBeNull();
  });
});

describe("the Secret Service's replies (dbus-send --print-reply, as gnome-keyring answers)", () => {
  it('reads the unlocked and locked matches of SearchItems', () => {
    const locked = `method return time=1795983539.893258 sender=:1.0 -> destination=:1.3 serial=26 reply_serial=2
   array [
   ]
   array [
      object path "/org/freedesktop/secrets/collection/login/1"
   ]
`;
    expect(parseSearchItemsReply(locked)).toEqual({ unlocked: 0, locked: 1 });
    expect(parseSearchItemsReply('   array [\n   ]\n   array [\n   ]\n')).toEqual({ unlocked: 0, locked: 0 });
    expect(parseSearchItemsReply('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeUndefined();
  });

  it("reads a collection's Locked property", () => {
    expect(parseLockedReply('method return time=1 sender=:1.0\n   variant       boolean true\n')).toBe(true);
    expect(parseLockedReply('   variant       boolean false\n')).toBe(false);
    expect(parseLockedReply('Error org.freedesktop.Secret.Error.NoSuchObject')).toBeUndefined();
  });
});
