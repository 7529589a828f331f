// A desk under IT's managed configuration, started the way the shell starts it (composeApp) with the file named by
// ROOM_DIALER_MANAGED_CONFIG: IT's settings written and locked, IT's profile fields on the credentials form and
// locked, secrets from the environment, a bad file (notice, last good copy), and a shared book on a file share.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManagedConfig } from '../../common/managed-config';
import { composeApp, type ComposeOptions, type ComposedApp } from '../../main/shell/compose';
import { CredentialVault } from '../../main/vault/credential-vault';
import { recordingLog } from '../helpers/ipc-harness';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { confBackend, tempDir } from './store-helpers';

const RETRY = { retries: 1, backoffMs: [30_000], rejoinOnDrop: true, rejoins: 1 };
const MANAGED: ManagedConfig = {
  version: 1,
  endpoint: 'https://gw.example.com/tencent/',
  requestsPerMinute: 60,
  retry: RETRY,
  locale: 'zh-CN',
  profiles: { default: { name: 'Head office', appId: '200000001', sdkId: '18000000001' } },
};

const SECRETS = { secretId: 'AKIDdesk0000000000000000ab12', secretKey: 'SKdesk000000000000000000000000' };

interface Desk {
  readonly userData: string;
  readonly configFile: string;
  readonly secrets: MemorySecretStore;
  readonly redacted: string[];
  start(env?: Record<string, string>): Promise<ComposedApp>;
}

/** One PC: its data folder, IT's file beside it, one keychain that outlives restarts. */
function desk(): Desk {
  const userData = tempDir();
  const configFile = path.join(tempDir(), 'managed.json');
  const secrets = new MemorySecretStore();
  const redacted: string[] = [];
  return {
    userData,
    configFile,
    secrets,
    redacted,
    start: (env = {}) => {
      const options: ComposeOptions = {
        env: { ROOM_DIALER_MANAGED_CONFIG: configFile, ...env },
        platform: 'linux',
        userDataDir: userData,
        storeBackend: confBackend,
        openVault: () => new CredentialVault(secrets),
        fetch: () => Promise.reject(new Error('no network in this test')),
        appVersion: '0.1.0-test',
        systemLocale: 'en-US',
        log: recordingLog(),
        openExternal: async () => {},
        broadcast: () => {},
        redaction: { addSecret: (secret) => redacted.push(secret) },
      };
      return composeApp(options);
    },
  };
}

function write(file: string, content: unknown): void {
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

/** The IpcError a refused call carries (OperatorFailure); some handlers throw before they return a promise. */
async function refusal(call: () => unknown): Promise<{ field?: string; message: Record<string, string> }> {
  const failure = await Promise.resolve()
    .then(call)
    .then(
      () => {
        throw new Error('expected the call to be refused');
      },
      (error: unknown) => error as { error: { field?: string; message: Record<string, string> } },
    );
  return failure.error;
}

async function withApp(app: ComposedApp, use: (app: ComposedApp) => Promise<void>): Promise<void> {
  try {
    await use(app);
  } finally {
    app.services.shutdown();
  }
}

describe('a managed desk', () => {
  it("writes IT's settings into the store, says which are IT's, and refuses to change them", async () => {
    const pc = desk();
    write(pc.configFile, MANAGED);
    await withApp(await pc.start(), async (app) => {
      expect(app.store.getSettings()).toMatchObject({
        endpoint: 'https://gw.example.com/tencent',
        requestsPerMinute: 60,
        retry: RETRY,
        locale: 'zh-CN',
      });
      const info = await app.handlers['app:info']({});
      expect(info.managed).toMatchObject({
        source: pc.configFile,
        fromLastGoodCopy: false,
        settings: ['endpoint', 'requestsPerMinute', 'retry', 'locale'],
        credentials: ['appId', 'sdkId'],
        secretsFromEnvironment: false,
        profileName: 'Head office',
        addressBook: null,
      });
      expect(info.notices).toEqual([]);

      const before = app.store.getSettings();
      for (const patch of [
        { requestsPerMinute: 200 },
        { locale: 'en-US' as const },
        { retry: { ...RETRY, retries: 3 } },
        // Even Tencent's own address, which the window may otherwise always choose.
        { endpoint: 'https://api.meeting.qq.com' },
      ]) {
        const field = Object.keys(patch)[0] as string;
        const error = await refusal(() => app.handlers['settings:update'](patch));
        expect(error.field).toBe(field);
        expect(error.message['en-US']).toBe(`${field}: set by your IT department; it cannot be changed here`);
        expect(error.message['zh-CN']).toBe(`${field}：由 IT 部门设置，不能在这里更改`);
      }
      expect(app.store.getSettings()).toEqual(before);

      // The preferences form sends IT's values back with its own changes: those go through.
      const saved = await app.handlers['settings:update']({
        endpoint: 'https://gw.example.com/tencent',
        locale: 'zh-CN',
        pollIntervalMs: 3000,
      });
      expect(saved).toMatchObject({ pollIntervalMs: 3000, endpoint: 'https://gw.example.com/tencent' });
    });
  });

  it("fills in IT's profile fields, locks them, and keeps the secrets the desk enters", async () => {
    const pc = desk();
    write(pc.configFile, MANAGED);
    await withApp(await pc.start(), async (app) => {
      expect(await app.handlers['credentials:get']({})).toMatchObject({
        configured: false,
        appId: '200000001',
        sdkId: '18000000001',
      });
      const error = await refusal(() =>
        app.handlers['credentials:save']({ appId: '200000999', operatorId: 'frontdesk1', ...SECRETS }),
      );
      expect(error.field).toBe('appId');
      expect(error.message['zh-CN']).toContain('由 IT 部门设置');
      expect(await pc.secrets.get('default')).toBeNull();

      // IT's fields sent back (full-width digits from a Chinese IME are the same digits) or left out both work.
      const view = await app.handlers['credentials:save']({
        appId: '２００００００01',
        operatorId: 'frontdesk1',
        ...SECRETS,
      });
      expect(view).toMatchObject({
        configured: true,
        appId: '200000001',
        sdkId: '18000000001',
        operatorId: 'frontdesk1',
      });
      await app.handlers['credentials:save']({ appId: '200000001', operatorId: 'frontdesk2' });
      expect(JSON.parse((await pc.secrets.get('default')) as string)).toMatchObject({
        appId: '200000001',
        sdkId: '18000000001',
        operatorId: 'frontdesk2',
        secretKey: SECRETS.secretKey,
      });
    });
  });

  it('takes the secrets from the environment when IT sets them there, and then saves nothing', async () => {
    const pc = desk();
    write(pc.configFile, { ...MANAGED, profiles: { default: { appId: '200000001', operatorId: 'frontdesk' } } });
    const env = { WEMEET_SECRET_ID: SECRETS.secretId, WEMEET_SECRET_KEY: SECRETS.secretKey };
    await withApp(await pc.start(env), async (app) => {
      expect(await app.handlers['credentials:get']({})).toMatchObject({
        configured: true,
        appId: '200000001',
        operatorId: 'frontdesk',
        secretIdMasked: '••••••••ab12',
      });
      expect((await app.handlers['app:info']({})).managed).toMatchObject({
        secretsFromEnvironment: true,
        credentials: ['appId', 'sdkId', 'operatorId'],
      });
      // The log masks them from the start.
      expect(pc.redacted).toEqual(expect.arrayContaining([SECRETS.secretId, SECRETS.secretKey]));
      const error = await refusal(() =>
        app.handlers['credentials:save']({ appId: '200000001', operatorId: 'frontdesk' }),
      );
      expect(error.field).toBe('credentials');
      await refusal(() => app.handlers['credentials:delete']({}));
      expect(await pc.secrets.get('default')).toBeNull();
      const client = await app.services.clientFor();
      expect(client).toBeDefined();
    });
  });

  it('ignores the environment on a desk IT does not manage', async () => {
    const pc = desk();
    const env = { ROOM_DIALER_MANAGED_CONFIG: '', WEMEET_SECRET_ID: SECRETS.secretId, WEMEET_SECRET_KEY: 'x' };
    await withApp(await pc.start(env), async (app) => {
      expect((await app.handlers['app:info']({})).managed).toBeUndefined();
      expect(await app.handlers['credentials:get']({})).toMatchObject({ configured: false });
    });
  });

  it('runs on the last good copy when the file turns bad, and says which field is wrong', async () => {
    const pc = desk();
    write(pc.configFile, MANAGED);
    await withApp(await pc.start(), async () => {});
    write(pc.configFile, { ...MANAGED, requestsPerMinute: 999, locale: 'en-US' });
    await withApp(await pc.start(), async (app) => {
      const info = await app.handlers['app:info']({});
      expect(info.managed).toMatchObject({ fromLastGoodCopy: true, settings: expect.arrayContaining(['locale']) });
      expect(info.notices).toHaveLength(1);
      const notice = info.notices[0]!;
      expect(notice.message['en-US']).toContain(`IT's managed configuration ${pc.configFile} could not be used`);
      expect(notice.message['en-US']).toContain('requestsPerMinute: must be at most 300');
      expect(notice.message['en-US']).toContain('last good copy');
      expect(notice.message['zh-CN']).toContain('requestsPerMinute：不能大于 300');
      expect(notice.message['zh-CN']).toContain('上一份有效配置');
      // The last good copy's values are in force and locked: not the bad file's.
      expect(app.store.getSettings()).toMatchObject({ requestsPerMinute: 60, locale: 'zh-CN' });
      expect((await refusal(() => app.handlers['settings:update']({ locale: 'en-US' }))).field).toBe('locale');
    });
  });

  it('starts unmanaged, saying so, when a bad file has no good copy before it', async () => {
    const pc = desk();
    write(pc.configFile, '{"version": 1, "requestsPerMinute": 60,');
    await withApp(await pc.start(), async (app) => {
      const info = await app.handlers['app:info']({});
      expect(info.managed).toBeUndefined();
      expect(info.notices[0]?.message['en-US']).toMatch(/not valid JSON.*started without the managed configuration/);
      expect(await app.handlers['settings:update']({ requestsPerMinute: 120 })).toMatchObject({
        requestsPerMinute: 120,
      });
    });
  });

  it("makes IT's profiles the desk's, locked, with their fields and IT's rooms in each", async () => {
    const pc = desk();
    const book = path.join(tempDir(), 'rooms.csv');
    write(book, 'name,kind,address\r\nLobby,h323,10.0.0.50\r\n');
    write(pc.configFile, {
      ...MANAGED,
      profiles: {
        ...MANAGED.profiles,
        'branch-b': { name: 'Branch B', appId: '300000002', endpoint: 'https://gw-b.example.com/' },
      },
      addressBook: { path: book, refreshMinutes: 0 },
    });
    await withApp(await pc.start(), async (app) => {
      const state = await app.handlers['profiles:list']({});
      expect(state.profiles).toEqual([
        { id: 'default', name: 'Head office', endpoint: null, configured: false, managed: true },
        { id: 'branch-b', name: 'Branch B', endpoint: 'https://gw-b.example.com', configured: false, managed: true },
      ]);
      // The desk may add its own beside IT's; IT's keep their name, endpoint and place.
      const own = await app.handlers['profiles:add']({ name: 'Reception' });
      expect(own.managed).toBe(false);
      const rename = await refusal(() => app.handlers['profiles:update']({ id: 'branch-b', name: 'Mine' }));
      expect(rename.field).toBe('name');
      expect(rename.message['zh-CN']).toContain('由 IT 部门设置');
      const remove = await refusal(() => app.handlers['profiles:remove']({ id: 'branch-b' }));
      expect(remove.field).toBe('id');
      expect(await app.handlers['profiles:update']({ id: own.id, name: 'Front desk' })).toMatchObject({
        name: 'Front desk',
      });

      // Switched to IT's second profile: its fields are on the form and locked, and IT's rooms are in its book too.
      const switched = await app.handlers['profiles:switch']({ id: 'branch-b' });
      expect(switched).toMatchObject({ kind: 'switched', state: { active: 'branch-b' } });
      expect(await app.handlers['credentials:get']({})).toMatchObject({ profile: 'branch-b', appId: '300000002' });
      expect((await app.handlers['app:info']({})).managed).toMatchObject({
        profileName: 'Branch B',
        credentials: ['appId'],
      });
      expect((await app.handlers['rooms:list']({})).map((room) => [room.name, room.managed])).toEqual([
        ['Lobby', true],
      ]);
    });
  });

  it('reads a shared book from a file share: rooms from IT, read-only, none of the desk’s own if IT says so', async () => {
    const pc = desk();
    const book = path.join(tempDir(), 'rooms.csv');
    write(book, '名称,类型,地址,分组\r\n3F 大会议室,SIP,room301@sip.example.com,3F\r\nLobby,H.323,10.0.0.50,1F\r\n');
    write(pc.configFile, { version: 1, addressBook: { path: book, allowLocalRooms: false, refreshMinutes: 0 } });
    await withApp(await pc.start(), async (app) => {
      const rooms = await app.handlers['rooms:list']({});
      expect(rooms.map((room) => [room.name, room.kind, room.managed])).toEqual([
        ['3F 大会议室', 'sip', true],
        ['Lobby', 'h323', true],
      ]);
      const info = await app.handlers['app:info']({});
      expect(info.managed?.addressBook).toMatchObject({ source: book, allowLocalRooms: false });
      expect(info.managed?.addressBook?.updatedAt).toEqual(expect.any(String));

      const id = rooms[0]!.id;
      const edit = await refusal(() => app.handlers['rooms:update']({ id, patch: { name: 'mine now' } }));
      expect(edit).toMatchObject({ field: 'room' });
      expect(edit.message['en-US']).toContain("IT department's shared address book");
      expect((await refusal(() => app.handlers['rooms:delete']({ id }))).field).toBe('room');
      const add = await refusal(() => app.handlers['rooms:add']({ name: 'mine', kind: 'sip', address: 'me@10.0.0.9' }));
      expect(add.message['zh-CN']).toContain('IT 部门统一管理');
      expect(await app.handlers['rooms:update']({ id, patch: { favorite: true } })).toMatchObject({ favorite: true });

      // A bad copy changes nothing and says which row.
      write(book, 'name,kind,address\r\nLobby,h323,10.0.0.50\r\nBroken,sip,not an address\r\n');
      await app.managed?.refreshBook();
      const notices = (await app.handlers['app:info']({})).notices;
      expect(notices.at(-1)?.message['en-US']).toMatch(
        /shared address book .*rooms\.csv could not be used: row 3: address/,
      );
      expect((await app.handlers['rooms:list']({})).map((room) => room.name)).toEqual(['3F 大会议室', 'Lobby']);
    });
  });

  it("leaves the desk's rooms as its own when IT withdraws the book", async () => {
    const pc = desk();
    const book = path.join(tempDir(), 'rooms.json');
    write(book, { rooms: [{ name: 'Lobby', kind: 'h323', address: '10.0.0.50' }] });
    write(pc.configFile, { version: 1, addressBook: { path: book } });
    await withApp(await pc.start(), async (app) => {
      expect((await app.handlers['rooms:list']({}))[0]).toMatchObject({ managed: true });
    });
    write(pc.configFile, { version: 1 });
    await withApp(await pc.start(), async (app) => {
      const [lobby] = await app.handlers['rooms:list']({});
      expect(lobby).toMatchObject({ name: 'Lobby' });
      expect(lobby?.managed).toBeUndefined();
      expect(await app.handlers['rooms:delete']({ id: lobby!.id })).toMatchObject({ name: 'Lobby' });
    });
  });
});
