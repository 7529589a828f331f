// Running in the tray while schedules are armed: hide or close, when the tray shows, a hidden start, the quit
// question, the login item, and the tray menu in both languages.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  closeAction,
  HIDDEN_ARG,
  loginItemSettings,
  loginItemSupported,
  mustConfirmQuit,
  startHidden,
  trayIconSize,
  trayVisible,
} from '../../main/shell/run-in-background';
import {
  QUIT_BUTTON,
  quitConfirmation,
  trayMenuTemplate,
  trayTooltip,
  type TrayMenuOptions,
} from '../../main/shell/tray-menu';

describe('closing the window', () => {
  it('hides it while a schedule is armed, closes it when nothing is', () => {
    expect(closeAction({ armedCount: 1, quitting: false })).toBe('hide');
    expect(closeAction({ armedCount: 12, quitting: false })).toBe('hide');
    expect(closeAction({ armedCount: 0, quitting: false })).toBe('close');
  });

  it('closes it during a quit, armed or not (a hide would stop the quit)', () => {
    expect(closeAction({ armedCount: 3, quitting: true })).toBe('close');
    expect(closeAction({ armedCount: 0, quitting: true })).toBe('close');
  });
});

describe('the tray icon', () => {
  it('shows while armed, and while the window is hidden to it even with nothing armed', () => {
    expect(trayVisible({ armedCount: 2, windowHidden: false })).toBe(true);
    expect(trayVisible({ armedCount: 0, windowHidden: true })).toBe(true);
    expect(trayVisible({ armedCount: 0, windowHidden: false })).toBe(false);
  });

  it('is the 16 px icon in the macOS menu bar, the 32 px one elsewhere', () => {
    expect(trayIconSize('darwin')).toBe(16);
    expect(trayIconSize('win32')).toBe(32);
    expect(trayIconSize('linux')).toBe(32);
  });
});

describe('a start at login', () => {
  it('starts hidden with --hidden only when something is armed', () => {
    expect(startHidden(['Room Dialer.exe', HIDDEN_ARG], 1)).toBe(true);
    expect(startHidden(['Room Dialer.exe', HIDDEN_ARG], 0)).toBe(false);
    expect(startHidden(['Room Dialer.exe'], 4)).toBe(false);
    expect(startHidden(['Room Dialer.exe', '--hidden=no'], 4)).toBe(false);
  });

  it('is offered on Windows and macOS, where Electron has login items', () => {
    expect(loginItemSupported('win32')).toBe(true);
    expect(loginItemSupported('darwin')).toBe(true);
    expect(loginItemSupported('linux')).toBe(false);
  });

  it('registers the app with --hidden', () => {
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, args: ['--hidden'] });
  });
});

describe('quitting', () => {
  it('asks while armed, once', () => {
    expect(mustConfirmQuit({ armedCount: 1, confirmed: false })).toBe(true);
    expect(mustConfirmQuit({ armedCount: 1, confirmed: true })).toBe(false);
    expect(mustConfirmQuit({ armedCount: 0, confirmed: false })).toBe(false);
  });

  it('asks in the operator’s language, with keep running as the default and the Esc answer', () => {
    const en = quitConfirmation('en-US', 2);
    expect(en).toMatchObject({ type: 'question', title: 'Quit Room Dialer?', message: '2 schedules are armed.' });
    expect(en.buttons?.[QUIT_BUTTON]).toBe('Quit');
    expect(en.defaultId).not.toBe(QUIT_BUTTON);
    expect(en.cancelId).not.toBe(QUIT_BUTTON);
    expect(en.detail).toMatch(/dial rooms only while Room Dialer runs/);
    expect(quitConfirmation('en-US', 1).message).toBe('1 schedule is armed.');
    const zh = quitConfirmation('zh-CN', 2);
    expect(zh.title).toBe('退出 Room Dialer？');
    expect(zh.message).toBe('有 2 个自动呼叫计划已启用。');
    expect(zh.buttons?.[QUIT_BUTTON]).toBe('退出');
    expect(zh.buttons).toHaveLength(2);
  });
});

function menu(overrides: Partial<TrayMenuOptions> = {}) {
  const actions = { open: vi.fn(), pauseAll: vi.fn(), setOpenAtLogin: vi.fn(), quit: vi.fn() };
  const items = trayMenuTemplate({ locale: 'en-US', armedCount: 2, ...actions, ...overrides });
  const byLabel = (pattern: RegExp) => items.find((item) => pattern.test(item.label ?? ''));
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
  return { items, actions, byLabel, click };
}

describe('the tray menu', () => {
  it('has Open, Pause all schedules and Quit, each doing its one thing', () => {
    const { items, actions, byLabel, click } = menu();
    expect(items.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      'Open Room Dialer',
      'Pause all schedules (2 armed)',
      'Quit',
    ]);
    click(byLabel(/^Open/));
    expect(actions.open).toHaveBeenCalledOnce();
    click(byLabel(/^Pause all/));
    expect(actions.pauseAll).toHaveBeenCalledOnce();
    click(byLabel(/^Quit/));
    expect(actions.quit).toHaveBeenCalledOnce();
    expect(actions.setOpenAtLogin).not.toHaveBeenCalled();
  });

  it('greys out Pause all when nothing is armed', () => {
    const { byLabel } = menu({ armedCount: 0 });
    expect(byLabel(/^Pause all/)).toMatchObject({ label: 'Pause all schedules (none armed)', enabled: false });
  });

  it('offers Start at login as a checkbox where the OS has it, and flips it', () => {
    const off = menu({ loginItem: { openAtLogin: false } });
    const item = off.byLabel(/^Start at login/);
    expect(item).toMatchObject({ type: 'checkbox', checked: false });
    off.click(item);
    expect(off.actions.setOpenAtLogin).toHaveBeenCalledWith(true);
    const on = menu({ loginItem: { openAtLogin: true } });
    on.click(on.byLabel(/^Start at login/));
    expect(on.actions.setOpenAtLogin).toHaveBeenCalledWith(false);
    expect(menu().byLabel(/^Start at login/)).toBeUndefined();
  });

  it('speaks Chinese', () => {
    const { items } = menu({ locale: 'zh-CN', armedCount: 3, loginItem: { openAtLogin: true } });
    expect(items.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      '打开 Room Dialer',
      '暂停全部计划（3 个已启用）',
      '登录时启动',
      '退出',
    ]);
  });

  it('has a tooltip counting what is armed', () => {
    expect(trayTooltip('en-US', 1)).toBe('Room Dialer · 1 schedule armed');
    expect(trayTooltip('en-US', 4)).toBe('Room Dialer · 4 schedules armed');
    expect(trayTooltip('zh-CN', 4)).toBe('Room Dialer · 4 个计划已启用');
    expect(trayTooltip('en-US', 0)).toBe('Room Dialer');
  });
});
