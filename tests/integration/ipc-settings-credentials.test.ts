// settings:*, credentials:* and app:info through the real handlers, against the simulator with an in-memory
// keychain. The harness fails any test whose responses or log lines contain a secret key.
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialPublicView } from '../../common/credentials';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

const NEW_CREDENTIALS = {
  appId: '200000002',
  sdkId: '',
  secretId: 'AKIDAnotherSecretId9876',
  secretKey: 'another-long-secret-key-0123456789',
  operatorId: 'frontdesk',
};

describe('settings', () => {
  it('settings:get answers the stored settings; settings:update changes them and the file', async () => {
    h = await startIpcHarness();
    const before = await h.ok('settings:get', {});
    expect(before).toMatchObject({ locale: 'system', pollIntervalMs: 2000, endpoint: h.sim.url });
    const after = await h.ok('settings:update', { locale: 'zh-CN', maxConcurrentDials: 8 });
    expect(after).toMatchObject({ locale: 'zh-CN', maxConcurrentDials: 8, pollIntervalMs: 2000 });
    expect(h.stored().settings).toEqual(after);
    expect(await h.ok('settings:get', {})).toEqual(after);
  });

  it.each([
    [{ pollIntervalMs: 10 }, 'pollIntervalMs'],
    [{ maxConcurrentDials: 1.5 }, 'maxConcurrentDials'],
    [{ instanceId: -1 }, 'instanceId'],
    [{ endpoint: 'http://api.example.com' }, 'endpoint'],
    [{ locale: 'zh-CN', endpoint: 'ftp://x' }, 'endpoint'],
  ])('refuses %j naming %s, and changes nothing (not even the good fields)', async (patch, field) => {
    h = await startIpcHarness();
    const before = h.snapshot();
    expectFieldError(await h.fail('settings:update', patch), field);
    expect(h.snapshot()).toBe(before);
  });

  it('a new endpoint is used by the next request', async () => {
    // Demo mode: only there may the window point the app at this machine (ipc-endpoint.test.ts).
    h = await startIpcHarness({ services: { demo: { endpoint: 'http://127.0.0.1:9' } } });
    await h.ok('settings:update', { endpoint: 'http://127.0.0.1:9' });
    const test = await h.ok('credentials:test', {});
    expect(test.ok).toBe(false);
    if (!test.ok) expect(test.error.kind).toBe('network');
    await h.ok('settings:update', { endpoint: h.sim.url });
    expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
  });
});

describe('credentials', () => {
  it('credentials:get shows the saved profile without the secret key and with the secret id masked', async () => {
    h = await startIpcHarness();
    const view = await h.ok('credentials:get', {});
    expect(view).toEqual({
      profile: 'default',
      configured: true,
      appId: DEMO_CREDENTIALS.appId,
      sdkId: DEMO_CREDENTIALS.sdkId,
      operatorId: 'admin1',
      secretIdMasked: `••••••••${DEMO_CREDENTIALS.secretId.slice(-4)}`,
    });
    expect(JSON.stringify(view)).not.toContain(DEMO_CREDENTIALS.secretId);
  });

  it('credentials:save stores a full set and answers the public view only', async () => {
    h = await startIpcHarness({ credentials: false });
    expect((await h.ok('credentials:get', {})).configured).toBe(false);
    const view: CredentialPublicView = await h.ok('credentials:save', NEW_CREDENTIALS);
    expect(view).toMatchObject({ configured: true, appId: '200000002', sdkId: '', operatorId: 'frontdesk' });
    expect(Object.keys(view)).not.toContain('secretKey');
    expect(await h.vault.load('default')).toMatchObject({ secretKey: NEW_CREDENTIALS.secretKey });
  });

  it('an empty secretKey keeps the saved one', async () => {
    h = await startIpcHarness();
    await h.ok('credentials:save', { ...DEMO_CREDENTIALS, secretKey: '', operatorId: 'admin1' });
    expect((await h.vault.load('default'))?.secretKey).toBe(DEMO_CREDENTIALS.secretKey);
    expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
  });

  it('after a first save, a save without secretId (or with it empty) keeps the saved one', async () => {
    h = await startIpcHarness({ credentials: false });
    await h.ok('credentials:save', NEW_CREDENTIALS);
    const { secretId: _id, secretKey: _key, ...plain } = NEW_CREDENTIALS;
    const view = await h.ok('credentials:save', { ...plain, operatorId: 'frontdesk2' });
    expect(view).toMatchObject({ operatorId: 'frontdesk2', secretIdMasked: '••••••••9876' });
    expect(await h.vault.load('default')).toMatchObject({
      secretId: NEW_CREDENTIALS.secretId,
      secretKey: NEW_CREDENTIALS.secretKey,
      operatorId: 'frontdesk2',
    });
    await h.ok('credentials:save', { ...plain, secretId: '', secretKey: '', operatorId: 'frontdesk3' });
    expect(await h.vault.load('default')).toMatchObject({
      secretId: NEW_CREDENTIALS.secretId,
      operatorId: 'frontdesk3',
    });
  });

  it('the kept secretId still signs: a save without it leaves the connection working', async () => {
    h = await startIpcHarness();
    const { secretId: _id, ...rest } = DEMO_CREDENTIALS;
    await h.ok('credentials:save', { ...rest, secretKey: '', operatorId: 'admin1' });
    expect((await h.vault.load('default'))?.secretId).toBe(DEMO_CREDENTIALS.secretId);
    expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
  });

  it('a new secretId with the key left empty changes the id and keeps the key', async () => {
    h = await startIpcHarness();
    const view = await h.ok('credentials:save', {
      ...DEMO_CREDENTIALS,
      secretId: 'AKIDRotatedSecretId4321',
      secretKey: '',
    });
    expect(view.secretIdMasked).toBe('••••••••4321');
    expect(await h.vault.load('default')).toMatchObject({
      secretId: 'AKIDRotatedSecretId4321',
      secretKey: DEMO_CREDENTIALS.secretKey,
    });
  });

  it.each([
    ['appId', { ...NEW_CREDENTIALS, appId: 'abc' }],
    ['secretId', { ...NEW_CREDENTIALS, secretId: 'has space' }],
    ['secretKey', { ...NEW_CREDENTIALS, secretKey: 'ключ-with-cyrillic' }],
    ['operatorId', { ...NEW_CREDENTIALS, operatorId: '' }],
    ['sdkId', { ...NEW_CREDENTIALS, sdkId: 'x1' }],
  ])('refuses a bad %s and writes nothing to the keychain', async (field, input) => {
    h = await startIpcHarness();
    const before = h.snapshot();
    const error = await h.fail('credentials:save', input);
    expectFieldError(error, field);
    expect(JSON.stringify(error)).not.toContain(input.secretKey);
    expect(h.snapshot()).toBe(before);
  });

  it('an empty secretKey with nothing saved is refused naming secretKey', async () => {
    h = await startIpcHarness({ credentials: false });
    const before = h.snapshot();
    expectFieldError(await h.fail('credentials:save', { ...NEW_CREDENTIALS, secretKey: '' }), 'secretKey');
    expect(h.snapshot()).toBe(before);
  });

  it.each([
    ['empty', { ...NEW_CREDENTIALS, secretId: '' }],
    ['absent', { appId: NEW_CREDENTIALS.appId, secretKey: NEW_CREDENTIALS.secretKey, operatorId: 'frontdesk' }],
  ])('an %s secretId with nothing saved is refused naming secretId', async (_name, input) => {
    h = await startIpcHarness({ credentials: false });
    const before = h.snapshot();
    expectFieldError(await h.fail('credentials:save', input), 'secretId');
    expect(h.snapshot()).toBe(before);
  });

  it('an unavailable keychain is a keychain error, and nothing is stored anywhere', async () => {
    h = await startIpcHarness({ credentials: false });
    h.secrets.unavailable = true;
    const before = h.snapshot();
    const error = await h.fail('credentials:save', NEW_CREDENTIALS);
    expect(error).toMatchObject({ kind: 'keychain', code: 'keychain_unavailable' });
    expect(error.message['en-US']).toMatch(/NOT saved/);
    expect((await h.fail('credentials:get', {})).kind).toBe('keychain');
    expect(h.snapshot()).toBe(before);
    expect(h.snapshot()).not.toContain(NEW_CREDENTIALS.secretKey);
  });

  it('credentials:test makes one signed read and says ok', async () => {
    h = await startIpcHarness();
    const requestsBefore = h.sim.requests.length;
    expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
    const sent = h.sim.requests.slice(requestsBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('GET');
  });

  it('credentials:test reports a wrong key as an explained API error, in the value', async () => {
    h = await startIpcHarness();
    await h.ok('credentials:save', { ...DEMO_CREDENTIALS, secretKey: 'a-wrong-secret-key-for-the-test' });
    const result = await h.ok('credentials:test', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'api', code: 200003 });
    expect(result.error.hint['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('credentials:test without credentials says not configured', async () => {
    h = await startIpcHarness({ credentials: false });
    const result = await h.ok('credentials:test', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_configured' } });
    expect(h.sim.requests).toHaveLength(0);
  });

  it('credentials:delete removes the set; API channels then say not configured', async () => {
    h = await startIpcHarness();
    expect((await h.ok('credentials:delete', {})).configured).toBe(false);
    expect(h.secrets.secrets.size).toBe(0);
    expect(await h.fail('meetings:lookup', { meeting: '123456789' })).toMatchObject({ kind: 'not_configured' });
    expect(await h.fail('rooms:import-tencent', {})).toMatchObject({ kind: 'not_configured' });
  });
});

describe('app:info', () => {
  it('names the app and version, and is not demo by default', async () => {
    h = await startIpcHarness({ services: { appVersion: '1.2.3', systemLocale: 'zh-CN' } });
    expect(await h.ok('app:info', {})).toEqual({
      name: 'Room Dialer',
      version: '1.2.3',
      systemLocale: 'zh-CN',
      demo: false,
      clockSkewMs: null,
      notices: [],
    });
  });

  it('passes store notices on with their message and backup path', async () => {
    const message = { 'zh-CN': '文件已移走', 'en-US': 'The file was moved aside' };
    h = await startIpcHarness({
      services: {
        storeNotices: [{ kind: 'upgraded', from: 0, backupPath: '/tmp/config.v0.json', message }],
      },
    });
    expect((await h.ok('app:info', {})).notices).toEqual([{ message, backupPath: '/tmp/config.v0.json' }]);
  });
});
