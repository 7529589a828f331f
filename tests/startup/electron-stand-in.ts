// A recording stand-in for the `electron` module, for running the BUILT main process (out/main/index.js) under
// plain Node. It implements only what the shell and its dependencies (electron-log, electron-store) touch, each
// piece typed against Electron's own declarations; everything else is recorded as unimplemented and throws
// (recorder.ts strict()), so an API the app starts using cannot silently read as undefined. Where Electron refuses
// a call at the wrong moment (a window or the default session before `ready`, scheme privileges or the sandbox
// after it, a second ipcMain.handle for one channel), the stand-in refuses it too, with Electron's message.
//
// This is no Electron: no Chromium, no real windows, no IPC between processes. It proves the wiring, in order.
import type {
  BrowserWindowConstructorOptions,
  Display,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
} from 'electron';
// Relative imports name the .js file: harness.ts compiles these files one by one for the child, where Node's ESM
// loader needs the extension.
import { Recorder, strict } from './recorder.js';
import { AppStandIn, IpcMainStandIn, RecordingEmitter, type StandInOptions } from './stand-in-app.js';
import { BrowserWindowStandIn, DISPLAY, SessionStandIn, type WebContentsStandIn } from './stand-in-web.js';

export type { StandInOptions } from './stand-in-app.js';
export { WebContentsStandIn, type SessionStandIn } from './stand-in-web.js';

export interface ElectronStandIn {
  /** What `import … from 'electron'` and `require('electron')` get. */
  readonly module: Record<string, unknown>;
  readonly recorder: Recorder;
  readonly app: AppStandIn;
  readonly ipcMain: IpcMainStandIn;
  readonly defaultSession: SessionStandIn;
  readonly windows: readonly BrowserWindowStandIn[];
  /** Announces a webContents the way Electron does for each new one (a window's, devtools'). */
  announceWebContents(contents: WebContentsStandIn): void;
}

/** The named exports the ESM facade (electron-facade.mjs) re-exports: exactly the implemented modules. */
export const MODULE_NAMES = [
  'app',
  'BrowserWindow',
  'dialog',
  'ipcMain',
  'Menu',
  'net',
  'Notification',
  'protocol',
  'screen',
  'session',
  'shell',
] as const;

export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  const recorder = new Recorder();
  const app = new AppStandIn(recorder, options);
  const ipcMain = new IpcMainStandIn(recorder);
  const defaultSession = new SessionStandIn(recorder);
  const windows: BrowserWindowStandIn[] = [];
  const strictApp = strict('app', app, recorder);

  const announceWebContents = (contents: WebContentsStandIn) => {
    recorder.call('<electron> web-contents-created', [contents.id]);
    app.emit('web-contents-created', {}, strict('webContents', contents, recorder));
  };

  // A class so `new BrowserWindow()` works; the instance the app gets is strict.
  class BrowserWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      recorder.call('new BrowserWindow', [windowOptions]);
      app.requireReady('Cannot create BrowserWindow before app is ready');
      const window = new BrowserWindowStandIn(recorder, windowOptions);
      windows.push(window);
      // Electron announces the window's webContents as it is created, before the constructor returns.
      announceWebContents(window.webContents);
      return strict('window', window, recorder);
    }

    static getAllWindows(): BrowserWindowStandIn[] {
      return [...windows];
    }
  }

  class Notification extends RecordingEmitter {
    constructor(notification: NotificationConstructorOptions) {
      super(recorder, 'notification');
      recorder.call('new Notification', [notification]);
      return strict('notification', this, recorder);
    }

    static isSupported(): boolean {
      recorder.call('Notification.isSupported');
      return true;
    }

    show(): void {
      recorder.call('notification.show');
    }
  }

  const module: Record<(typeof MODULE_NAMES)[number], unknown> = {
    app: strictApp,
    BrowserWindow: strict('BrowserWindow', BrowserWindow, recorder),
    Notification: strict('Notification', Notification, recorder),
    ipcMain: strict('ipcMain', ipcMain, recorder),
    dialog: strict(
      'dialog',
      {
        showErrorBox(title: string, content: string): void {
          recorder.call('dialog.showErrorBox', [title, content]);
        },
      },
      recorder,
    ),
    Menu: strict(
      'Menu',
      {
        buildFromTemplate(template: MenuItemConstructorOptions[]): object {
          recorder.call('Menu.buildFromTemplate', [template]);
          return strict('menu', { items: template }, recorder);
        },
        setApplicationMenu(menu: object | null): void {
          recorder.call('Menu.setApplicationMenu', [menu === null ? null : 'menu']);
        },
      },
      recorder,
    ),
    net: strict(
      'net',
      {
        fetch(input: string | Request, init?: RequestInit): Promise<Response> {
          recorder.call('net.fetch', [typeof input === 'string' ? input : input.url]);
          return fetch(input, init);
        },
      },
      recorder,
    ),
    protocol: strict(
      'protocol',
      {
        registerSchemesAsPrivileged(schemes: unknown[]): void {
          recorder.call('protocol.registerSchemesAsPrivileged', [schemes]);
          if (app.isReady())
            throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        },
      },
      recorder,
    ),
    screen: strict(
      'screen',
      {
        getAllDisplays(): Display[] {
          recorder.call('screen.getAllDisplays');
          app.requireReady("The 'screen' module can't be used before the app 'ready' event");
          return [DISPLAY];
        },
      },
      recorder,
    ),
    session: strict(
      'session',
      {
        get defaultSession(): SessionStandIn {
          recorder.call('session.defaultSession');
          app.requireReady('Session can only be received when app is ready');
          return strict('session', defaultSession, recorder);
        },
      },
      recorder,
    ),
    shell: strict(
      'shell',
      {
        openExternal(url: string): Promise<void> {
          recorder.call('shell.openExternal', [url]);
          return Promise.resolve();
        },
        showItemInFolder(fullPath: string): void {
          recorder.call('shell.showItemInFolder', [fullPath]);
        },
      },
      recorder,
    ),
  };

  // Electron's main process has no renderer modules; electron-log feature-detects ipcRenderer this way.
  const rendererOnly = { ipcRenderer: undefined, contextBridge: undefined, webFrame: undefined };
  return {
    module: strict('electron', { ...module, ...rendererOnly }, recorder),
    recorder,
    app,
    ipcMain,
    defaultSession,
    windows,
    announceWebContents,
  };
}
