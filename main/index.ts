// Electron entry point. Deliberately thin, because Electron emits `ready` only once this module's whole static
// import graph has loaded, and because a second launch (every room-dialer:// link clicked while the app runs, on
// Windows and Linux) loads it too, only to hand its link over and quit. So this file holds just what must happen
// before `ready` or before the single-instance lock is decided: the log, the lock, the dial-link inbox, the app://
// scheme and the webContents guards. The app itself (services, IPC, menu, tray, window: shell/electron/open-app.ts)
// is imported once the lock is ours, loading while Electron starts, and opened once Electron is ready.
//
// No V8 compile cache (node:module enableCompileCache), although Electron's Node has it: measured, it saves ~15 ms
// per launch, and it would keep compiled code in the operator's writable data folder, where whatever a program of
// the operator's account planted would run in this process: past the asar integrity fuse, and on macOS with the
// keychain's trust in this app's signature.
import { join } from 'node:path';
import { app, dialog, shell } from 'electron';
import { createDialLinkInbox } from './shell/dial-links';
import { allowedExternalUrl } from './shell/external-links';
import { redactString } from './shell/redact';
import { rendererEntry } from './shell/renderer-entry';
import { startAppLog, type AppLog } from './shell/electron/app-log';
import { receiveOpenUrl } from './shell/electron/dial-links';
import type * as AppModule from './shell/electron/open-app';
import { hardenAllWebContents, registerAppScheme } from './shell/electron/security';

/** Windows groups the taskbar button and notifications by this; the same as electron-builder's appId. */
const APP_USER_MODEL_ID = 'com.roomdialer.app';

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

function start(appLog: AppLog, appModule: Promise<typeof AppModule>): void {
  const { log } = appLog;
  const entry = rendererEntry(process.env);
  const security = { appOrigins: entry.appOrigins, csp: entry.csp, openExternal, log };
  registerAppScheme();
  hardenAllWebContents(security);

  let opened: AppModule.OpenedApp | undefined;
  // Until the window exists there is nothing to bring forward; a link waits in the inbox meanwhile.
  const reveal = () => opened?.reveal();
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

  // Not a top-level await: Electron would wait for it before `ready`, and `ready` for it, for ever.
  void app
    .whenReady()
    .then(async () => {
      const { openApp } = await appModule;
      opened = await openApp({
        appLog,
        entry,
        security,
        links,
        rendererDir: join(import.meta.dirname, '../renderer'),
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      });
    })
    .catch((error: unknown) => startFailed(error, appLog));
}

/**
 * start(), with a failure before `ready` (the log, a bad ELECTRON_RENDERER_URL, the scheme) ending the same way as
 * one after it. Thrown out of here it would reach electron-log's uncaught-exception handler, which logs it and lets
 * the process run on, invisible.
 */
function startOrFail(): void {
  // The app's modules start loading now, while Electron starts; a failure to load them surfaces where start()
  // awaits them, after `ready`, and ends in startFailed like any other. The empty catch only keeps that rejection
  // from counting as unhandled in the meantime.
  const appModule = import('./shell/electron/open-app');
  appModule.catch(() => undefined);
  let appLog: AppLog | undefined;
  try {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    appLog = startAppLog();
    start(appLog, appModule);
  } catch (error) {
    startFailed(error, appLog);
  }
}

// Two copies would poll and dial the same rooms twice and write the same files: the second one hands over and quits.
if (app.requestSingleInstanceLock()) startOrFail();
else app.quit();
