// Electron entry point. Deliberately thin: it wires Electron's objects to the plain modules in shell/ (security
// decisions, window bounds, menu, notifications, logging, the tray, dial links) and to the services (createServices
// via shell/compose.ts), which all run and are tested under Node.
import { join } from 'node:path';
import { app, dialog, ipcMain, net, session, shell, type BrowserWindow } from 'electron';
import type { CallView } from '../common/call-model';
import { CALL_UPDATE_EVENT } from '../common/window-api';
import { registerHandlers } from './ipc/register';
import { senderInfoOf } from './ipc/sender';
import { composeApp, type ComposedApp } from './shell/compose';
import { createDialLinkInbox } from './shell/dial-links';
import { allowedExternalUrl } from './shell/external-links';
import { focusWindow } from './shell/focus-window';
import { operatorLocale } from './shell/operator-locale';
import { redactString } from './shell/redact';
import { rendererEntry } from './shell/renderer-entry';
import { startHidden } from './shell/run-in-background';
import { startAppLog, type AppLog } from './shell/electron/app-log';
import { installAppMenu } from './shell/electron/app-menu';
import { notifyCallOutcomes } from './shell/electron/call-notifier';
import { deliverStagedDials, receiveOpenUrl, registerLinkHandler } from './shell/electron/dial-links';
import { createMainWindow } from './shell/electron/main-window';
import {
  closeLibraryIpc,
  hardenAllWebContents,
  hardenSession,
  registerAppScheme,
  serveRenderer,
} from './shell/electron/security';
import { runInBackground, type Background } from './shell/electron/tray';
import { electronStoreBackend } from './store/electron-store-backend';
import { openKeychainVault } from './vault';

/** Windows groups the taskbar button and notifications by this; the same as electron-builder's appId. */
export const APP_USER_MODEL_ID = 'com.roomdialer.app';

/** The last line of defence before the OS gets a URL: every caller already checked, this checks again. */
async function openExternal(url: string): Promise<void> {
  const safe = allowedExternalUrl(url);
  if (!safe) throw new Error('refused to open a link that is not an allowlisted https help page');
  await shell.openExternal(safe);
}

/**
 * Says why the app could not start, and ends it. Ending matters as much as saying: a process left running without a
 * window would keep the single-instance lock, and every later launch would quit at once. Never throws (it runs
 * inside the start-up's catch, where a throw would be an unhandled rejection) and always exits.
 */
function startFailed(error: unknown, appLog: AppLog | undefined): void {
  try {
    appLog?.log.error('start failed', { error });
    const detail = redactString(error instanceof Error ? error.message : String(error));
    let logFile = '';
    try {
      logFile = appLog ? `\n\n日志 / Log: ${appLog.filePath()}` : '';
    } catch {
      // No log file to point at; the message itself still goes out.
    }
    // Before `ready` Linux prints this to stderr instead of showing a box; Windows and macOS show it.
    dialog.showErrorBox('Room Dialer 无法启动 / Room Dialer could not start', `${detail}${logFile}`);
  } finally {
    app.exit(1);
  }
}

function start(appLog: AppLog): void {
  const { log } = appLog;
  const entry = rendererEntry(process.env);
  const security = { appOrigins: entry.appOrigins, csp: entry.csp, openExternal, log };
  registerAppScheme();
  hardenAllWebContents(security);

  let window: BrowserWindow | undefined;
  let composed: ComposedApp | undefined;
  let background: Background | undefined;
  const reveal = () => (background ? background.show() : focusWindow(window));
  // Links and --dial arguments are staged for the operator to confirm in the window, never dialed from here. The
  // app's own command line is one (a link that started it on Windows and Linux); it waits until the window loads.
  const links = createDialLinkInbox(log);
  links.acceptArgv(process.argv);
  receiveOpenUrl(links, reveal);
  // A second launch quits at once (see below) and brings this window forward instead, with its link if it had one.
  app.on('second-instance', (_event, argv) => {
    reveal();
    links.acceptArgv(argv);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // Stops polling; calls still ringing are recorded in history as unknown.
    composed?.services.shutdown();
    composed = undefined;
  });

  const broadcast = (call: CallView) => {
    if (window && !window.isDestroyed()) window.webContents.send(CALL_UPDATE_EVENT, call);
  };

  void app
    .whenReady()
    .then(async () => {
      const ses = session.defaultSession;
      hardenSession(ses, security);
      if (!entry.dev) serveRenderer(ses, join(import.meta.dirname, '../renderer'), security);

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
      const { store, services, handlers } = composed;
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
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
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
      log.info('started', { version: app.getVersion(), demo: composed.demo, dev: entry.dev });
    })
    .catch((error: unknown) => startFailed(error, appLog));
}

/**
 * start(), with a failure before `ready` (the log, a bad ELECTRON_RENDERER_URL, the scheme) ending the same way as
 * one after it. Thrown out of here it would reach electron-log's uncaught-exception handler, which logs it and lets
 * the process run on, invisible.
 */
function startOrFail(): void {
  let appLog: AppLog | undefined;
  try {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    appLog = startAppLog();
    start(appLog);
  } catch (error) {
    startFailed(error, appLog);
  }
}

// Two copies would poll and dial the same rooms twice and write the same files: the second one hands over and quits.
if (app.requestSingleInstanceLock()) startOrFail();
else app.quit();
