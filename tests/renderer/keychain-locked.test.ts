// @vitest-environment happy-dom
// A locked keyring reaches the window as a keychain error on credentials:get (main/vault/secret-service-lock.ts).
// Settings then shows that error with how to unlock, and not the first-run guide asking for the credentials.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import App from '../../renderer/src/App.vue';
import { fail, installFakeApi, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf } from './helpers/mount';

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

it('shows "keyring locked, unlock it" on Settings instead of asking for the credentials again', async () => {
  fake.getCredentials.mockReturnValue(
    fail({
      kind: 'keychain',
      code: 'keychain_unavailable',
      message: {
        'zh-CN': '无法使用系统钥匙串：密钥环已锁定，且无法解锁。已保存的凭据没有丢失',
        'en-US': 'The system keychain cannot be used: the keyring is locked. Saved credentials are not lost',
      },
      hint: { 'zh-CN': '请解锁登录密钥环', 'en-US': 'Unlock the login keyring' },
    }),
  );
  mountApp(App);
  await settle();
  expect(await textOf('settings-load-error')).toContain('the keyring is locked');
  expect(await textOf('settings-load-error')).toContain('Unlock the login keyring');
  expect(byTestId('first-run-help')).toBeNull();
});
