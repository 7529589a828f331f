// The app itself, opened once Electron is ready: the services (composeApp: store, vault, Tencent client, dialer),
// the IPC handlers, the menu, the tray and the main window. main/index.ts loads this module with import() as soon as
// the single-instance lock is ours, so that its megabyte of code (zod, ajv, electron-store, the services) loads while
// Electron starts, instead of before `ready` (Electron waits for the entry's whole static graph), and so that a
// second launch, which only hands its link over and quits, never loads it at all.
import { app, ipcMain, net, session, type BrowserWindow } from 'electron';
import type { CallView } from '../../../common/call-model';
import { CALL_UPDATE_EVENT } from '../../../common/window-api';
import { registerHandlers } from '../../ipc/register';
import { senderInfoOf } from '../../ipc/sender';
import { electronStoreBackend } from '../../store/electron-store-backend';
import { openKeychainVault } from '../../vault';
import { composeApp, type ComposedApp } from '../compose';
import type { DialLinkInbox } from '../dial-links';
import { focusWindow } from '../focus-window';
import { operatorLocale } from '../operator-locale';
import type { RendererEntry } from '../renderer-entry';
import { startHidden } from '../run-in-background';
import type { AppLog } from './app-log';
import { installAppMenu } from './app-menu';
import { notifyCallOutcomes } from './call-notifier';
import { deliverStagedDials, registerLinkHandler } from './dial-links';
import { createMainWindow } from './main-window';
import { closeLibraryIpc, hardenSession, serveRenderer, type ShellSecurity } from './security';
import { runInBackground, type Background } from './tray';

/** What the entry set up before `ready` and hands over. */
export interface AppLaunch {
  readonly appLog: AppLog;
  readonly entry: RendererEntry;
  readonly security: ShellSecurity;
  /** Links and --dial arguments received so far (and from now on), staged for the window. */
  readonly links: DialLinkInbox;
  /**
   * The built renderer folder and preload script. Passed in, not found from here: this module is bundled into a
   * chunk one folder below the entry (out/main/chunks/), so its own import.meta.dirname is not the entry's.
   */
  readonly rendererDir: string;
  readonly preloadPath: string;
}

export interface OpenedApp {
  /** Brings the app to the operator: the window, or the tray's window while it runs in the background. */
  reveal(): void;
}

export async function openApp(launch: AppLaunch): Promise<OpenedApp> {
  const { appLog, entry, security, links } = launch;
  const { log } = appLog;
  const { openExternal } = security;

  let window: BrowserWindow | undefined;
  // Set once the services exist; menu() (a settings change while composing included) and reveal() may read it
  // earlier, so it cannot be a const declared there.
  let background: Background | undefined = undefined;
  const reveal = () => (background ? background.show() : focusWindow(window));
  const broadcast = (call: CallView) => {
    if (window && !window.isDestroyed()) window.webContents.send(CALL_UPDATE_EVENT, call);
  };

  const ses = session.defaultSession;
  hardenSession(ses, security);
  if (!entry.dev) serveRenderer(ses, launch.rendererDir, security);

  let composed: ComposedApp | undefined;
  const systemLanguage = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const locale = () => operatorLocale(composed?.store.getSettings().locale ?? 'system', systemLanguage);
  const menu = () => {
    installAppMenu(locale(), { dev: entry.dev, openExternal, logFilePath: appLog.filePath, log });
    background?.refresh();
  };

  composed = await composeApp({
    env: process.env,
    userDataDir: app.getPath('userData'),
    storeBackend: electronStoreBackend,
    openVault: () => openKeychainVault(),
    fetch: (url, init) => net.fetch(url, init),
    appVersion: app.getVersion(),
    systemLocale: operatorLocale('system', systemLanguage),
    log,
    openExternal,
    broadcast,
    onSettingsChanged: menu,
    redaction: appLog.redaction,
  });
  const { store, services, handlers, demo } = composed;
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // Stops polling; calls still ringing are recorded in history as unknown.
    composed?.services.shutdown();
    composed = undefined;
  });
  closeLibraryIpc();
  registerHandlers((channel, listener) => ipcMain.handle(channel, listener), handlers, {
    allowedOrigins: entry.appOrigins,
    log,
    senderOf: senderInfoOf,
  });
  // While a schedule is armed the app runs on in the tray (closing hides the window); with none, closing quits.
  const armed = services.schedules;
  background = runInBackground({ armed, locale, log });
  const hidden = startHidden(process.argv, armed.armedCount());
  menu();
  registerLinkHandler(log);

  window = createMainWindow({
    url: entry.url,
    preloadPath: launch.preloadPath,
    savedBounds: store.getSettings().window,
    saveBounds: (bounds) => {
      const saved = store.updateSettings({ window: bounds });
      if (!saved.ok) log.warn('window position not saved', { field: saved.error.field });
    },
    log,
    show: !hidden,
  });
  window.on('closed', () => {
    window = undefined;
  });
  background.attach(window, hidden);
  deliverStagedDials(window, links, reveal);
  notifyCallOutcomes(services.dialer, () => window, locale);
  log.info('started', { version: app.getVersion(), demo, dev: entry.dev });
  return { reveal };
}
