// The credentials vault on an in-memory store: validation, the write-only secret key, the public view, connection
// tests, and the CLI's keychain fallback. The same behaviour against the real keychain: tests/keychain/.
import { describe, expect, it } from 'vitest';
import { maskSecretId, type CredentialInput } from '../../common/credentials';
import { WemeetClient, type WemeetCredentials } from '../../main/api/client';
import { ApiError } from '../../main/api/errors';
import { resolveCliCredentials } from '../../main/cli/credentials';
import { CredentialVault, InvalidProfileError } from '../../main/vault/credential-vault';
import { KeychainUnavailableError } from '../../main/vault/secret-store';
import { apiError, fakeFetch, json } from '../helpers/fake-fetch';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { expectInvalid, expectValid } from '../helpers/validated';

const SECRET_KEY = 'SKexample0123456789abcdefghijklm';
const SECRET_ID = 'AKIDexample00000000ab12';
const INPUT: CredentialInput = {
  appId: '200000001',
  sdkId: '20000000001',
  secretId: SECRET_ID,
  secretKey: SECRET_KEY,
  operatorId: 'admin1',
};

function setup(initial: Record<string, string> = {}) {
  const store = new MemorySecretStore(initial);
  return { store, vault: new CredentialVault(store) };
}

async function saved() {
  const { store, vault } = setup();
  expectValid(await vault.save('default', INPUT));
  store.writes.length = 0;
  return { store, vault };
}

describe('save, load, publicView, delete', () => {
  it('an unknown profile is not configured and shows nothing', async () => {
    const { vault } = setup();
    expect(await vault.load('default')).toBeUndefined();
    expect(await vault.publicView()).toEqual({
      profile: 'default',
      configured: false,
      appId: '',
      sdkId: '',
      operatorId: '',
      secretIdMasked: '',
    });
  });

  it('stores one JSON secret per profile, under the profile name, and loads it back', async () => {
    const { store, vault } = setup();
    const view = expectValid(await vault.save('default', INPUT));
    expect(view).toEqual({
      profile: 'default',
      configured: true,
      appId: '200000001',
      sdkId: '20000000001',
      operatorId: 'admin1',
      secretIdMasked: '••••••••ab12',
    });
    expect(store.writes).toEqual([{ op: 'set', account: 'default' }]);
    expect(JSON.parse(store.secrets.get('default')!)).toEqual({ v: 1, ...INPUT });
    expect(await vault.load('default')).toEqual(INPUT);
    expect(await vault.publicView('default')).toEqual(view);
  });

  it('the public view never carries the secret key or the whole secret id', async () => {
    const { vault } = await saved();
    const text = JSON.stringify(await vault.publicView('default'));
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(SECRET_ID);
    expect(text).not.toContain('secretKey');
    expect(Object.keys(await vault.publicView('default')).sort()).toEqual(
      ['appId', 'configured', 'operatorId', 'profile', 'sdkId', 'secretIdMasked'].sort(),
    );
  });

  it('trims, turns full-width digits into ASCII, and leaves out an empty SdkId', async () => {
    const { vault } = setup();
    expectValid(
      await vault.save('front-desk', { ...INPUT, appId: ' ２０００００００１ ', sdkId: '  ', operatorId: ' admin1\t' }),
    );
    expect(await vault.load('front-desk')).toEqual({
      appId: '200000001',
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      operatorId: 'admin1',
    });
    expect((await vault.publicView('front-desk')).sdkId).toBe('');
  });

  it('profiles are independent', async () => {
    const { vault } = await saved();
    expectValid(await vault.save('会议室-2', { ...INPUT, appId: '300000001' }));
    expect((await vault.load('default'))?.appId).toBe('200000001');
    expect((await vault.load('会议室-2'))?.appId).toBe('300000001');
  });

  it('delete removes the bundle once', async () => {
    const { vault } = await saved();
    expect(await vault.delete('default')).toBe(true);
    expect(await vault.delete('default')).toBe(false);
    expect((await vault.publicView('default')).configured).toBe(false);
  });

  it('a damaged keychain item reads as not configured, never throws its text, and a full save repairs it', async () => {
    const { vault } = setup({ default: `not json ${SECRET_KEY}` });
    expect(await vault.load('default')).toBeUndefined();
    expect((await vault.publicView('default')).configured).toBe(false);
    expectInvalid(await vault.save('default', { ...INPUT, secretKey: '' }), 'secretKey');
    expectValid(await vault.save('default', INPUT));
    expect(await vault.load('default')).toEqual(INPUT);
  });

  it('a wrong-shaped or future-version item also reads as not configured', async () => {
    const { vault } = setup({
      a: JSON.stringify({ v: 2, ...INPUT }),
      b: JSON.stringify({ v: 1, ...INPUT, secretKey: '' }),
      c: '"just a string"',
    });
    for (const profile of ['a', 'b', 'c']) expect(await vault.load(profile)).toBeUndefined();
  });
});

describe('maskSecretId', () => {
  it('shows only the last 4 characters behind a fixed-width mask', () => {
    expect(maskSecretId('AKIDabcdefgh1234ab12')).toBe('••••••••ab12');
    expect(maskSecretId('123456789012')).toBe('••••••••9012');
  });
  it('masks short ids completely, at the same width', () => {
    expect(maskSecretId('12345678901')).toBe('••••••••••••');
    expect(maskSecretId('ab12')).toBe('••••••••••••');
    expect(maskSecretId('')).toBe('');
  });
});

/** The ways an operator (or an IPC caller) leaves a write-only secret field alone. */
const LEFT_EMPTY = [
  ['empty', ''],
  ['blank', '   '],
  ['missing', undefined],
] as const;

describe('write-only secrets left empty keep the stored ones', () => {
  it.each(
    (['secretKey', 'secretId'] as const).flatMap((field) =>
      LEFT_EMPTY.map(([how, value]) => [how, field, value] as const),
    ),
  )('an %s %s keeps the stored one', async (_how, field, value) => {
    const { store, vault } = await saved();
    const input: Record<string, unknown> = { ...INPUT, operatorId: 'admin2', [field]: value };
    if (value === undefined) delete input[field];
    const view = expectValid(await vault.save('default', input));
    expect(view.secretIdMasked).toBe('••••••••ab12');
    expect(await vault.load('default')).toEqual({ ...INPUT, operatorId: 'admin2' });
    expect(store.writes).toHaveLength(1);
  });
});

describe('the write-only secret key', () => {
  it('an empty secretKey with nothing stored is a field error, and nothing is written', async () => {
    const { store, vault } = setup();
    const error = expectInvalid(await vault.save('default', { ...INPUT, secretKey: '' }), 'secretKey', /no SecretKey/);
    expect(error.message['zh-CN']).toContain('SecretKey');
    expect(store.writes).toEqual([]);
    expect(store.secrets.size).toBe(0);
  });

  it('an empty secretKey does not borrow the key of another profile', async () => {
    const { vault } = await saved();
    expectInvalid(await vault.save('other', { ...INPUT, secretKey: '' }), 'secretKey');
  });

  it('a new secretKey replaces the stored one', async () => {
    const { vault } = await saved();
    expectValid(await vault.save('default', { ...INPUT, secretKey: 'SKnew' }));
    expect((await vault.load('default'))?.secretKey).toBe('SKnew');
  });

  it('concurrent saves on one profile do not interleave their read and write', async () => {
    const { vault } = setup();
    const [first, second] = await Promise.all([
      vault.save('default', INPUT),
      vault.save('default', { ...INPUT, operatorId: 'admin2', secretKey: '' }),
    ]);
    expectValid(first);
    expectValid(second);
    expect(await vault.load('default')).toEqual({ ...INPUT, operatorId: 'admin2' });
  });
});

describe('the write-only secret id', () => {
  it('an empty secretId with nothing stored is a field error naming secretId, and nothing is written', async () => {
    const { store, vault } = setup();
    const error = expectInvalid(
      await vault.save('default', { ...INPUT, secretId: '' }),
      'secretId',
      /must not be empty: no SecretId has been saved/,
    );
    expect(error.message['zh-CN']).toContain('SecretId');
    expect(store.writes).toEqual([]);
    expect(store.secrets.size).toBe(0);
  });

  it('with nothing stored and both secrets empty, the SecretId is named first (form order)', async () => {
    const { store, vault } = setup();
    expectInvalid(await vault.save('default', { ...INPUT, secretId: '', secretKey: '' }), 'secretId');
    expect(store.writes).toEqual([]);
  });

  it('an empty secretId does not borrow the id of another profile, nor of a damaged item', async () => {
    const { vault } = await saved();
    expectInvalid(await vault.save('other', { ...INPUT, secretId: '' }), 'secretId');
    const damaged = setup({ default: 'not json' });
    expectInvalid(await damaged.vault.save('default', { ...INPUT, secretId: '' }), 'secretId');
  });

  it('a new secretId with the key left empty keeps the stored key', async () => {
    const { vault } = await saved();
    const view = expectValid(
      await vault.save('default', { ...INPUT, secretId: 'AKIDrotated000000000cd34', secretKey: '' }),
    );
    expect(view.secretIdMasked).toBe('••••••••cd34');
    expect(await vault.load('default')).toEqual({ ...INPUT, secretId: 'AKIDrotated000000000cd34' });
  });

  it('a new secretKey with the id left empty keeps the stored id', async () => {
    const { vault } = await saved();
    expectValid(await vault.save('default', { ...INPUT, secretId: '', secretKey: 'SKrotated' }));
    expect(await vault.load('default')).toEqual({ ...INPUT, secretKey: 'SKrotated' });
  });

  it('both left empty keeps both: only the plain fields change (an absent SdkId is dropped)', async () => {
    const { vault } = await saved();
    expectValid(await vault.save('default', { appId: '200000009', operatorId: 'admin3' }));
    const loaded = await vault.load('default');
    expect(loaded).toEqual({ appId: '200000009', secretId: SECRET_ID, secretKey: SECRET_KEY, operatorId: 'admin3' });
    expect(loaded).not.toHaveProperty('sdkId');
  });
});

describe('every bad field is refused by name, in both languages, and writes nothing', () => {
  const long = (n: number, ch = 'a') => ch.repeat(n);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['appId', { appId: '' }, /must not be empty/],
    ['appId', { appId: '2000-0001' }, /digits only/],
    ['appId', { appId: long(21, '1') }, /at most 20/],
    ['appId', { appId: 200000001 }, /must be text/],
    ['sdkId', { sdkId: 'sdk1' }, /digits only/],
    ['sdkId', { sdkId: long(21, '1') }, /at most 20/],
    ['secretId', { secretId: 'AKID abc' }, /space .*position 5/],
    ['secretId', { secretId: 'AKID密钥' }, /position 5 .*not an English letter/],
    ['secretId', { secretId: long(129) }, /at most 128/],
    ['secretKey', { secretKey: 'SK with space' }, /space .*position 3/],
    ['secretKey', { secretKey: 'SK\u0000x' }, /control character at position 3/],
    ['secretKey', { secretKey: 'ＳＫfullwidth' }, /position 1 .*not an English letter/],
    ['secretKey', { secretKey: long(257) }, /at most 256/],
    ['secretKey', { secretKey: 42 }, /must be text/],
    ['operatorId', { operatorId: '' }, /must not be empty/],
    ['operatorId', { operatorId: 'admin 1' }, /spaces/],
    ['operatorId', { operatorId: long(65) }, /at most 64/],
    ['operatorId', { operatorId: 'admin\u0007' }, /control character/],
    ['isAdmin', { isAdmin: true }, /not a known field/],
  ];

  it.each(cases)('%s %j', async (field, patch, en) => {
    const { store, vault } = await saved();
    const before = store.secrets.get('default');
    expectInvalid(await vault.save('default', { ...INPUT, ...patch }), field, en);
    expect(store.writes).toEqual([]);
    expect(store.secrets.get('default')).toBe(before);
  });

  it.each([
    ['', /must not be empty/],
    ['front desk', /letters, digits/],
    ['../etc', /letters, digits/],
    ['-x', /starting with a letter or digit/],
    [long(65), /at most 64/],
    [7, /must be text/],
  ])('profile %j', async (profile, en) => {
    const { store, vault } = await saved();
    expectInvalid(await vault.save(profile, INPUT), 'profile', en);
    expect(store.writes).toEqual([]);
  });

  it('a non-object input names the whole value', async () => {
    const { vault } = setup();
    for (const input of [null, 'x', [INPUT]]) expectInvalid(await vault.save('default', input), 'credentials');
  });

  it('the error about a bad secret never quotes the secret', async () => {
    const { vault } = setup();
    const result = await vault.save('default', { ...INPUT, secretKey: 'TOPSECRET 9f8e7d' });
    const error = expectInvalid(result, 'secretKey');
    const text = JSON.stringify(error);
    expect(text).not.toContain('TOPSECRET');
    expect(text).not.toContain('9f8e7d');
  });

  it('load, publicView and delete refuse a bad profile name with a typed error', async () => {
    const { vault } = setup();
    await expect(vault.load('a b')).rejects.toBeInstanceOf(InvalidProfileError);
    await expect(vault.publicView('')).rejects.toBeInstanceOf(InvalidProfileError);
    const error = (await vault.delete('../x').catch((e: unknown) => e)) as InvalidProfileError;
    expect(error.fieldError.field).toBe('profile');
    expect(error.toPayload('zh-CN')).toMatchObject({ kind: 'validation', code: 'bad_input' });
  });
});

describe('an unavailable keychain', () => {
  it('save throws KeychainUnavailableError, saying nothing was saved anywhere else', async () => {
    const { store, vault } = setup();
    store.unavailable = true;
    const error = (await vault.save('default', INPUT).catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    const en = error.toPayload('en-US');
    expect(en).toMatchObject({ kind: 'keychain', code: 'keychain_unavailable' });
    expect(en.message).toMatch(/no Secret Service keyring is running/);
    expect(en.message).toMatch(/NOT saved/);
    expect(en.hint).toMatch(/GNOME Keyring or KWallet/);
    expect(error.toPayload('zh-CN').message).toMatch(/没有保存/);
    expect(JSON.stringify(en)).not.toContain(SECRET_KEY);
    expect(store.secrets.size).toBe(0);
  });

  it('publicView and delete throw it too, and bad input is still refused first', async () => {
    const { store, vault } = setup();
    store.unavailable = true;
    await expect(vault.publicView('default')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(vault.delete('default')).rejects.toBeInstanceOf(KeychainUnavailableError);
    expectInvalid(await vault.save('default', { ...INPUT, appId: 'x' }), 'appId');
  });

  it('the message on other systems says the keychain refused access', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const error = new KeychainUnavailableError('save', 'refused', '', platform);
      expect(error.toPayload('en-US').message).toMatch(/the system keychain refused access.*NOT saved/);
      expect(error.toPayload('zh-CN').message).toMatch(/拒绝了访问/);
    }
  });
});

describe('testConnection', () => {
  it('builds the client from the stored bundle and reports success', async () => {
    const { vault } = await saved();
    const given: WemeetCredentials[] = [];
    const result = await vault.testConnection('default', (credentials) => {
      given.push(credentials);
      return { testConnection: async () => {} };
    });
    expect(result).toEqual({ ok: true });
    expect(given).toEqual([INPUT]);
  });

  it('an API refusal (200003, bad signature) comes back as its explained payload', async () => {
    const { vault } = await saved();
    const failing = () => ({
      testConnection: () => Promise.reject(new ApiError(200, 200003, 200003, 'signature verification failed')),
    });
    const en = await vault.testConnection('default', failing, 'en-US');
    expect(en).toEqual({
      ok: false,
      error: {
        kind: 'api',
        code: 200003,
        message: expect.stringMatching(/Signature verification failed/),
        hint: expect.any(String),
      },
    });
    const zh = await vault.testConnection('default', failing, 'zh-CN');
    expect(zh.ok === false && zh.error.message).toMatch(/签名验证失败/);
    expect(JSON.stringify([en, zh])).not.toContain(SECRET_KEY);
  });

  it('works with the real client on a scripted answer', async () => {
    const { vault } = await saved();
    const { fetch, calls } = fakeFetch(apiError(200003, 200), json({ total_count: 0, meeting_room_list: [] }));
    const make = (credentials: WemeetCredentials) =>
      new WemeetClient({ endpoint: 'https://api.meeting.qq.com', credentials, fetch, appVersion: '0.1.0', retries: 0 });
    const refused = await vault.testConnection('default', make);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'api', code: 200003 } });
    expect(calls[0]?.headers['X-TC-Key'] ?? calls[0]?.headers['x-tc-key']).toBe(SECRET_ID);
    expect(JSON.stringify(calls)).not.toContain(SECRET_KEY);
  });

  it('no saved bundle, an unavailable keychain, or a bad profile: explained, never thrown', async () => {
    const { store, vault } = setup();
    const never = () => {
      throw new Error('the factory must not be called');
    };
    expect(await vault.testConnection('default', never)).toMatchObject({
      ok: false,
      error: { kind: 'credentials', code: 'missing_credentials' },
    });
    expect(await vault.testConnection('a b', never)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    store.unavailable = true;
    expect(await vault.testConnection('default', never, 'zh-CN')).toMatchObject({
      ok: false,
      error: { kind: 'keychain', code: 'keychain_unavailable' },
    });
  });

  it('an unexpected error is reported with the secret key cut out', async () => {
    const { vault } = await saved();
    const result = await vault.testConnection('default', () => ({
      testConnection: () => Promise.reject(new TypeError(`bad header value ${SECRET_KEY}`)),
    }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(SECRET_KEY);
    expect(JSON.stringify(result)).toContain('[redacted]');
  });
});

describe('resolveCliCredentials', () => {
  const ENV = {
    WEMEET_APP_ID: '1',
    WEMEET_SECRET_ID: 'AKIDenv',
    WEMEET_SECRET_KEY: 'SKenv',
    WEMEET_OPERATOR_ID: 'envop',
  };

  it('complete environment variables win over the keychain', async () => {
    const { vault } = await saved();
    const lookup = await resolveCliCredentials(ENV, vault);
    expect(lookup).toMatchObject({
      ok: true,
      source: 'env',
      credentials: { secretId: 'AKIDenv', operatorId: 'envop' },
    });
  });

  it('with no credential variables set, the default profile is used', async () => {
    const { vault } = await saved();
    const lookup = await resolveCliCredentials({ WEMEET_ENDPOINT: 'http://127.0.0.1:1' }, vault);
    expect(lookup).toEqual({ ok: true, source: 'keychain', credentials: INPUT });
  });

  it('partly set variables are reported as missing, not mixed with the saved profile', async () => {
    const { vault } = await saved();
    const lookup = await resolveCliCredentials({ WEMEET_OPERATOR_ID: 'someone' }, vault);
    expect(lookup).toEqual({ ok: false, missing: ['WEMEET_APP_ID', 'WEMEET_SECRET_ID', 'WEMEET_SECRET_KEY'] });
  });

  it('nothing anywhere: all required variables are missing', async () => {
    const { vault } = setup();
    const lookup = await resolveCliCredentials({}, vault);
    expect(lookup).toEqual({
      ok: false,
      missing: ['WEMEET_APP_ID', 'WEMEET_SECRET_ID', 'WEMEET_SECRET_KEY', 'WEMEET_OPERATOR_ID'],
    });
    expect(await resolveCliCredentials({})).toEqual(lookup);
  });

  it('an unavailable keychain is returned with the missing list, not thrown', async () => {
    const { store, vault } = await saved();
    store.unavailable = true;
    const lookup = await resolveCliCredentials({}, vault);
    expect(lookup.ok).toBe(false);
    if (!lookup.ok) {
      expect(lookup.missing).toHaveLength(4);
      expect(lookup.keychainError).toBeInstanceOf(KeychainUnavailableError);
    }
  });
});
