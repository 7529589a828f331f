// @vitest-environment happy-dom
// What the window shows of IT's managed configuration (app:info `managed`): locked fields with "set by your IT
// department" in the credentials and preferences forms, IT's values without a field listed at the top of Settings,
// and IT's rooms in the address book marked "From IT" without Edit or Delete.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManagedInfo } from '../../common/managed-config';
import type { Room } from '../../common/store-schema';
import BookRoomRow from '../../renderer/src/components/BookRoomRow.vue';
import { useSettingsStore } from '../../renderer/src/stores/settings';
import SettingsView from '../../renderer/src/views/SettingsView.vue';
import { APP_INFO, SETTINGS, installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp, settle } from './helpers/mount';

const MANAGED: ManagedInfo = {
  source: 'C:\\ProgramData\\Room Dialer\\managed.json',
  fromLastGoodCopy: true,
  settings: ['endpoint', 'requestsPerMinute', 'retry', 'locale'],
  credentials: ['appId', 'sdkId'],
  secretsFromEnvironment: false,
  profileName: 'Head office',
  addressBook: { source: 'https://intranet.example.com/rooms.csv', allowLocalRooms: false, updatedAt: null },
};

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
});
afterEach(() => {
  document.body.innerHTML = '';
});

async function settingsWith(managed: ManagedInfo | undefined, locale: 'en-US' | 'zh-CN' = 'en-US') {
  fake.getAppInfo.mockReturnValue(ok({ ...APP_INFO, ...(managed ? { managed } : {}) }));
  fake.getSettings.mockReturnValue(
    ok({ ...SETTINGS, locale, requestsPerMinute: 60, retry: { ...SETTINGS.retry, rejoinOnDrop: true } }),
  );
  mountApp(SettingsView, { locale });
  await useSettingsStore().load();
  await settle();
}

const input = (testId: string) => byTestId(testId) as HTMLInputElement;
const text = (testId: string) => byTestId(testId)?.textContent?.trim();

describe('settings under a managed configuration', () => {
  it("locks IT's credential fields and settings, saying who set them", async () => {
    await settingsWith(MANAGED);
    expect(input('cred-app-id').disabled).toBe(true);
    expect(text('cred-app-id-locked')).toBe('Set by your IT department');
    expect(input('cred-sdk-id').disabled).toBe(true);
    // The desk's own fields stay editable.
    expect(input('cred-operator-id').disabled).toBe(false);
    expect(byTestId('cred-operator-id-locked')).toBeNull();
    expect(input('cred-secret-key').disabled).toBe(false);
    expect(input('pref-endpoint').disabled).toBe(true);
    expect(text('pref-endpoint-locked')).toBe('Set by your IT department');
    expect(text('pref-language-locked')).toBe('Set by your IT department');
    expect((byTestId('pref-language-en-US')?.querySelector('input') as HTMLInputElement).disabled).toBe(true);
    expect(byTestId('cred-save')?.hasAttribute('disabled')).toBe(false);
  });

  it("lists IT's values that have no field here, and the shared book", async () => {
    await settingsWith(MANAGED);
    expect(text('managed-source')).toContain('C:\\ProgramData\\Room Dialer\\managed.json');
    expect(byTestId('managed-last-good')).not.toBeNull();
    expect(text('managed-budget')).toBe('Requests per minute (this PC): 60');
    const retry = [...document.querySelectorAll('[data-testid="managed-retry"]')].map((li) => li.textContent?.trim());
    expect(retry).toEqual(['Automatic retries: 2, after 1 min, 3 min', 'Rejoin after a drop: up to 2']);
    expect(text('managed-book')).toContain('https://intranet.example.com/rooms.csv (no copy yet)');
    expect(text('managed-book')).toContain('Rooms cannot be added at this desk.');
  });

  it('says it in Chinese too', async () => {
    await settingsWith(MANAGED, 'zh-CN');
    expect(text('cred-app-id-locked')).toBe('由 IT 部门设置');
    expect(text('managed-budget')).toBe('每分钟请求数（本机）：60');
  });

  it('makes the whole credentials form read-only when the secrets come from the environment', async () => {
    await settingsWith({ ...MANAGED, secretsFromEnvironment: true, credentials: ['appId', 'sdkId', 'operatorId'] });
    for (const id of ['cred-app-id', 'cred-sdk-id', 'cred-secret-id', 'cred-secret-key', 'cred-operator-id']) {
      expect(input(id).disabled, id).toBe(true);
    }
    expect(byTestId('cred-save')?.hasAttribute('disabled')).toBe(true);
    expect(byTestId('cred-remove')?.hasAttribute('disabled')).toBe(true);
  });

  it('locks nothing on a desk IT does not manage', async () => {
    await settingsWith(undefined);
    expect(byTestId('managed-summary')).toBeNull();
    expect(input('cred-app-id').disabled).toBe(false);
    expect(input('pref-endpoint').disabled).toBe(false);
    expect(byTestId('pref-language-locked')).toBeNull();
  });
});

describe("IT's rooms in the address book", () => {
  const room: Room = {
    id: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    name: 'Lobby',
    kind: 'sip',
    address: 'lobby@sip.example.com',
    location: '',
    group: '',
    tags: [],
    notes: '',
    favorite: false,
    callable: true,
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
  };

  it('are marked "From IT", with neither Edit nor Delete', async () => {
    mountApp(BookRoomRow, { props: { room: { ...room, managed: true } } });
    await settle();
    expect(text('book-managed')).toBe('From IT');
    expect(byTestId('book-managed')?.getAttribute('title')).toContain("IT department's shared address book");
    expect(byTestId('book-edit')).toBeNull();
    expect(byTestId('book-delete')).toBeNull();
  });

  it("leave the desk's own rooms as they were", async () => {
    mountApp(BookRoomRow, { props: { room } });
    await settle();
    expect(byTestId('book-managed')).toBeNull();
    expect(byTestId('book-edit')).not.toBeNull();
    expect(byTestId('book-delete')).not.toBeNull();
  });
});
