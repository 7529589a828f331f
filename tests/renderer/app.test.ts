// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../renderer/src/App.vue';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import { confirm, pendingConfirm } from '../../renderer/src/util/confirm';
import { MEETING } from './fixtures';
import { APP_INFO, CREDENTIALS, SETTINGS, installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf } from './helpers/mount';

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
});
afterEach(() => {
  pendingConfirm.value = null;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.title = '';
});

async function app() {
  const wrapper = mountApp(App);
  await settle();
  return wrapper;
}

describe('app', () => {
  it('opens Settings with the admin-console guide on first run', async () => {
    fake.getCredentials.mockReturnValue(ok({ ...CREDENTIALS, configured: false }));
    await app();
    expect(await textOf('first-run-help')).toContain('REST API');
    expect(document.querySelector('.el-tabs__item.is-active')?.textContent).toBe('Settings');
  });

  it('opens on the dial board when credentials are saved', async () => {
    await app();
    expect(document.querySelector('.el-tabs__item.is-active')?.textContent).toBe('Dial board');
    expect(byTestId('dial-board')).not.toBeNull();
  });

  it("shows the keys of the screen on show: the board's on the board, only the help key in Settings", async () => {
    await app();
    const hints = () => [...(byTestId('key-hints')?.querySelectorAll('span') ?? [])].map((el) => el.textContent);
    expect(hints()).toHaveLength(5);
    expect(hints().join(' ')).toContain('Redial failed');
    const settingsTab = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find(
      (el) => el.textContent === 'Settings',
    );
    settingsTab?.click();
    await settle();
    expect(hints()).toEqual(['? Show this list']);
  });

  it('follows the OS language, switches on request, and tells Element Plus too', async () => {
    fake.getAppInfo.mockReturnValue(ok({ ...APP_INFO, systemLocale: 'zh-CN' }));
    await app();
    expect(await textOf('tab-dial')).toBe('呼叫台');
    expect(document.documentElement.lang).toBe('zh-CN');
    fake.updateSettings.mockReturnValue(ok({ ...SETTINGS, locale: 'en-US' }));
    byTestId('language-toggle')?.click();
    await settle();
    expect(fake.updateSettings).toHaveBeenCalledWith({ locale: 'en-US' });
    expect(await textOf('tab-dial')).toBe('Dial board');
    expect(document.documentElement.lang).toBe('en-US');
    // Element Plus's own texts follow: here the close button of a dialog.
    void confirm({ title: 'T', message: 'M', confirmText: 'Y', cancelText: 'N' });
    await settle();
    expect(
      document.querySelector('[data-testid="confirm-dialog"] .el-dialog__headerbtn')?.getAttribute('aria-label'),
    ).toBe('Close this dialog');
    pendingConfirm.value?.answer(false);
    fake.updateSettings.mockReturnValue(ok({ ...SETTINGS, locale: 'zh-CN' }));
    byTestId('language-toggle')?.click();
    await settle();
    void confirm({ title: 'T', message: 'M', confirmText: 'Y', cancelText: 'N' });
    await settle();
    expect(
      document.querySelector('[data-testid="confirm-dialog"] .el-dialog__headerbtn')?.getAttribute('aria-label'),
    ).toBe('关闭此对话框');
  });

  it('puts the current meeting in the window title', async () => {
    await app();
    expect(document.title).toBe('Room Dialer');
    fake.lookupMeeting.mockReturnValue(ok(MEETING));
    const meeting = useMeetingStore();
    meeting.setInput('806146667');
    await meeting.lookup();
    await settle();
    expect(document.title).toBe('Room Dialer — 周会 (806-146-667)');
  });

  it('shows the store notices once, with the backup path', async () => {
    fake.getAppInfo.mockReturnValue(
      ok({
        ...APP_INFO,
        notices: [
          { message: { 'zh-CN': '设置文件已损坏', 'en-US': 'The settings file was damaged' }, backupPath: '/x.bak' },
        ],
      }),
    );
    await app();
    const notices = [...document.querySelectorAll('.store-notice')];
    expect(notices).toHaveLength(1);
    expect(notices[0]?.textContent).toContain('The settings file was damaged');
    expect(notices[0]?.textContent).toContain('/x.bak');
  });

  it('focuses the room search on Ctrl+F (Cmd+F on macOS)', async () => {
    await app();
    const search = byTestId('room-search') as HTMLInputElement;
    const ctrlF = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, cancelable: true });
    window.dispatchEvent(ctrlF);
    await settle();
    expect(document.activeElement).toBe(search);
    expect(ctrlF.defaultPrevented).toBe(true);
    search.blur();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F', metaKey: true, cancelable: true }));
    await settle();
    expect(document.activeElement).toBe(search);
  });
});
