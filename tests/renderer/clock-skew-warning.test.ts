// @vitest-environment happy-dom
// The window header warns while this PC's clock is more than a minute off Tencent's (app:info.clockSkewMs, which
// main measures on every answer): how far, which way, and the fix. It follows main's reading as it changes.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import App from '../../renderer/src/App.vue';
import { APP_INFO, installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, gone, mountApp, settle, textOf } from './helpers/mount';

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
  // Only the refresh interval is faked: settle() still runs on real timeouts.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

it('shows nothing while the clocks agree', async () => {
  mountApp(App);
  await settle();
  expect(byTestId('clock-skew-warning')).toBeNull();
});

it('says how far the clock is off, which way, and how to fix it, in both languages', async () => {
  fake.getAppInfo.mockReturnValue(ok({ ...APP_INFO, clockSkewMs: 3 * 60_000 + 12_000 }));
  mountApp(App);
  await settle();
  const en = await textOf('clock-skew-warning');
  expect(en).toContain('Your PC clock is 3 min behind the Tencent Meeting server');
  expect(en).toContain('Set the PC clock to sync automatically');
  expect(en).toContain('more than 5 minutes off');

  document.body.innerHTML = '';
  fake.getAppInfo.mockReturnValue(ok({ ...APP_INFO, systemLocale: 'zh-CN', clockSkewMs: -2 * 60_000 }));
  mountApp(App);
  await settle();
  const zh = await textOf('clock-skew-warning');
  expect(zh).toContain('本机时钟比腾讯会议服务器快 2 分钟');
  expect(zh).toContain('请把电脑时钟设为自动同步');
});

it('appears when a later answer shows the skew, and goes once the clock is fixed', async () => {
  mountApp(App);
  await settle();
  expect(byTestId('clock-skew-warning')).toBeNull();
  fake.getAppInfo.mockReturnValue(ok({ ...APP_INFO, clockSkewMs: 6 * 60_000 }));
  vi.advanceTimersByTime(15_000);
  await settle();
  expect(await textOf('clock-skew-warning')).toContain('6 min behind');
  fake.getAppInfo.mockReturnValue(ok({ ...APP_INFO, clockSkewMs: null }));
  vi.advanceTimersByTime(15_000);
  await settle();
  expect(await gone('clock-skew-warning')).toBe(true);
});
