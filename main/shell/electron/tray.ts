/// <reference types="electron-vite/node" />
// Running in the tray while schedules are armed (the decisions: ../run-in-background.ts, ../tray-menu.ts): closing
// the window hides it, the tray icon brings it back, pauses every schedule or quits; a quit while armed asks first,
// whatever started it (the tray, the app menu, Cmd+Q, the Dock).
import { app, dialog, Menu, Tray, type BrowserWindow } from 'electron';
import type { Locale } from '../../../common/locale';
import type { Log } from '../../log';
import { focusWindow } from '../focus-window';
import {
  closeAction,
  loginItemSettings,
  loginItemSupported,
  mustConfirmQuit,
  trayIconSize,
  trayVisible,
  type ArmedSource,
} from '../run-in-background';
import { QUIT_BUTTON, quitConfirmation, trayMenuTemplate, trayTooltip } from '../tray-menu';
// Bundled next to out/main (electron-vite's ?asset), so the packaged app.asar holds them; see scripts/package-check.ts.
import trayIcon16 from '../../../build/icons/16x16.png?asset';
import trayIcon32 from '../../../build/icons/32x32.png?asset';

export interface BackgroundOptions {
  readonly armed: ArmedSource;
  readonly locale: () => Locale;
  readonly log: Log;
}

export interface Background {
  /** The window to hide on close; `hidden` when it was created without being shown (a start at login). */
  attach(window: BrowserWindow, hidden: boolean): void;
  /** Shows the window, wherever it is (hidden to the tray, minimized, behind others). */
  show(): void;
  /** Rebuilds the tray menu (the language changed). */
  refresh(): void;
}

export function runInBackground(options: BackgroundOptions): Background {
  const { armed, log } = options;
  let window: BrowserWindow | undefined;
  let tray: Tray | undefined;
  let windowHidden = false;
  let quitting = false;
  let quitConfirmed = false;

  const show = () => {
    windowHidden = false;
    focusWindow(window);
    update();
  };

  const setOpenAtLogin = (openAtLogin: boolean) => {
    app.setLoginItemSettings(loginItemSettings(openAtLogin));
    log.info('start at login changed', { openAtLogin });
    update();
  };

  function update(): void {
    const armedCount = armed.armedCount();
    if (!trayVisible({ armedCount, windowHidden })) {
      tray?.destroy();
      tray = undefined;
      return;
    }
    if (!tray) {
      tray = new Tray(trayIconSize(process.platform) === 16 ? trayIcon16 : trayIcon32);
      // Windows and macOS: a click opens the window (Linux status icons show the menu instead).
      tray.on('click', show);
    }
    const locale = options.locale();
    const loginItem = loginItemSupported(process.platform)
      ? { openAtLogin: app.getLoginItemSettings(loginItemSettings(true)).openAtLogin }
      : undefined;
    tray.setToolTip(trayTooltip(locale, armedCount));
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate({
          locale,
          armedCount,
          ...(loginItem ? { loginItem } : {}),
          open: show,
          pauseAll: () => {
            armed.pauseAll();
            log.info('every schedule paused from the tray');
          },
          setOpenAtLogin,
          quit: () => app.quit(),
        }),
      ),
    );
  }

  armed.onChange(update);

  app.on('before-quit', (event) => {
    if (mustConfirmQuit({ armedCount: armed.armedCount(), confirmed: quitConfirmed })) {
      const question = quitConfirmation(options.locale(), armed.armedCount());
      const visible = window !== undefined && !window.isDestroyed() && window.isVisible();
      const answer = visible ? dialog.showMessageBoxSync(window!, question) : dialog.showMessageBoxSync(question);
      if (answer !== QUIT_BUTTON) {
        event.preventDefault();
        log.info('quit cancelled: schedules are armed');
        return;
      }
      quitConfirmed = true;
    }
    quitting = true;
  });
  // macOS: clicking the Dock icon of a window hidden to the tray.
  app.on('activate', () => {
    if (windowHidden) show();
  });

  return {
    attach: (next, hidden) => {
      window = next;
      windowHidden = hidden;
      next.on('close', (event) => {
        if (closeAction({ armedCount: armed.armedCount(), quitting }) === 'close') return;
        event.preventDefault();
        next.hide();
        windowHidden = true;
        log.info('window hidden to the tray: schedules are armed');
        update();
      });
      next.on('closed', () => {
        window = undefined;
      });
      update();
    },
    show,
    refresh: update,
  };
}
