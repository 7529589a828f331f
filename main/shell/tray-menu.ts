// What the tray shows, in the operator's language: its menu (Open, Pause all schedules, Start at login where the OS
// has it, Quit), its tooltip, and the question a quit asks while schedules are armed.
import type { MenuItemConstructorOptions, MessageBoxSyncOptions } from 'electron';
import type { Locale } from '../../common/locale';

const LABELS = {
  'zh-CN': {
    open: '打开 Room Dialer',
    pauseAll: (n: number) => (n > 0 ? `暂停全部计划（${n} 个已启用）` : '暂停全部计划（没有已启用的）'),
    startAtLogin: '登录时启动',
    quit: '退出',
    tooltip: (n: number) => (n > 0 ? `Room Dialer · ${n} 个计划已启用` : 'Room Dialer'),
  },
  'en-US': {
    open: 'Open Room Dialer',
    pauseAll: (n: number) => (n > 0 ? `Pause all schedules (${n} armed)` : 'Pause all schedules (none armed)'),
    startAtLogin: 'Start at login',
    quit: 'Quit',
    tooltip: (n: number) => (n > 0 ? `Room Dialer · ${n} ${n === 1 ? 'schedule' : 'schedules'} armed` : 'Room Dialer'),
  },
} as const;

export interface TrayMenuOptions {
  readonly locale: Locale;
  readonly armedCount: number;
  /** Where the OS has login items (run-in-background.ts loginItemSupported): whether the app starts at login now. */
  readonly loginItem?: { readonly openAtLogin: boolean };
  readonly open: () => void;
  readonly pauseAll: () => void;
  readonly setOpenAtLogin: (openAtLogin: boolean) => void;
  /** Asks first when schedules are armed (the shell's before-quit does). */
  readonly quit: () => void;
}

export function trayMenuTemplate(options: TrayMenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.locale];
  const login = options.loginItem;
  const loginItems: MenuItemConstructorOptions[] = login
    ? [
        {
          type: 'checkbox',
          label: t.startAtLogin,
          checked: login.openAtLogin,
          click: () => options.setOpenAtLogin(!login.openAtLogin),
        },
      ]
    : [];
  return [
    { label: t.open, click: options.open },
    { type: 'separator' },
    { label: t.pauseAll(options.armedCount), enabled: options.armedCount > 0, click: options.pauseAll },
    ...loginItems,
    { type: 'separator' },
    { label: t.quit, click: options.quit },
  ];
}

export function trayTooltip(locale: Locale, armedCount: number): string {
  return LABELS[locale].tooltip(armedCount);
}

const QUIT_TEXT = {
  'zh-CN': {
    title: '退出 Room Dialer？',
    message: (n: number) => `有 ${n} 个自动呼叫计划已启用。`,
    detail: '计划只在 Room Dialer 运行时才会呼叫会议室。退出后，到时不会呼叫任何会议室，直到再次打开 Room Dialer。',
    quit: '退出',
    keep: '继续在后台运行',
  },
  'en-US': {
    title: 'Quit Room Dialer?',
    message: (n: number) => `${n} ${n === 1 ? 'schedule is' : 'schedules are'} armed.`,
    detail:
      'Schedules dial rooms only while Room Dialer runs. Once it has quit, they dial nothing until Room Dialer is ' +
      'opened again.',
    quit: 'Quit',
    keep: 'Keep running in the background',
  },
} as const;

/** The index of "Quit" among the buttons of quitConfirmation(); anything else (Esc, closing the box) keeps running. */
export const QUIT_BUTTON = 0;

/** The native question a quit asks while schedules are armed. Keep running is the default and the Esc answer. */
export function quitConfirmation(locale: Locale, armedCount: number): MessageBoxSyncOptions {
  const t = QUIT_TEXT[locale];
  return {
    type: 'question',
    title: t.title,
    message: t.message(armedCount),
    detail: t.detail,
    buttons: [t.quit, t.keep],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}
