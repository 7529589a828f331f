// A recording stand-in for the `electron` module, for running the BUILT main process (out/main/index.js) under
// plain Node. It implements only what the shell and its dependencies (electron-log, electron-store) touch, each
// piece typed against Electron's own declarations; everything else is recorded as unimplemented and throws
// (recorder.ts strict()), so an API the app starts using cannot silently read as undefined. Where Electron refuses
// a call at the wrong moment (a window or the default session before `ready`, scheme privileges or the sandbox
// after it, a second ipcMain.handle for one channel), the stand-in refuses it too, with Electron's message.
//
// This is no Electron: no Chromium, no real windows, no IPC between processes. It proves the wiring, in order.
import { existsSync } from 'node:fs';
import type {
  BrowserWindowConstructorOptions,
  Display,
  MenuItemConstructorOptions,
  MessageBoxSyncOptions,
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
  /** Every tray icon the app created, destroyed ones included. */
  readonly trays: readonly TrayStandIn[];
  /** What dialog.showMessageBoxSync answers next (a button index); when empty, the box's cancelId, as Esc would. */
  readonly messageBoxAnswers: number[];
  /** Announces a webContents the way Electron does for each new one (a window's, devtools'). */
  announceWebContents(contents: WebContentsStandIn): void;
}

/** A menu as the app built it: its template, whose click handlers the driver may call as the operator would. */
export interface MenuStandIn {
  readonly items: MenuItemConstructorOptions[];
}

/** The tray icon: what it shows (image, tooltip, menu) is kept for the driver. */
export class TrayStandIn extends RecordingEmitter {
  tooltip = '';
  menu: MenuStandIn | null = null;
  destroyed = false;

  constructor(
    recorder: Recorder,
    readonly image: string,
  ) {
    super(recorder, 'tray');
  }

  setToolTip(tooltip: string): void {
    this.recorder.call('tray.setToolTip', [tooltip]);
    this.tooltip = tooltip;
  }

  setContextMenu(menu: MenuStandIn | null): void {
    this.recorder.call('tray.setContextMenu', [menu === null ? null : menu.items.map((item) => item.label ?? '—')]);
    this.menu = menu;
  }

  destroy(): void {
    this.recorder.call('tray.destroy');
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The driver's: the operator picks the menu item whose label matches. */
  clickItem(label: RegExp): void {
    const item = this.menu?.items.find((entry) => label.test(entry.label ?? ''));
    if (!item?.click) throw new Error(`the tray menu has no item ${label}`);
    this.recorder.call('<driver> tray menu', [item.label]);
    (item.click as () => void)();
  }
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
  'Tray',
] as const;

export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  const recorder = new Recorder();
  const app = new AppStandIn(recorder, options);
  const ipcMain = new IpcMainStandIn(recorder);
  const defaultSession = new SessionStandIn(recorder);
  const windows: BrowserWindowStandIn[] = [];
  const trays: TrayStandIn[] = [];
  const messageBoxAnswers: number[] = [];
  const strictApp = strict('app', app, recorder);
  // Electron's app.quit() asks `before-quit` first, then closes every window; the driver sees both.
  app.closeWindows = () => windows.map((window) => window.emitClose());

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

  // A class so `new Tray()` works; Electron refuses a tray before `ready`, and an image it cannot read shows nothing.
  class Tray {
    constructor(image: string) {
      recorder.call('new Tray', [image, existsSync(image) ? 'image exists' : 'image missing']);
      app.requireReady('Cannot create Tray before app is ready');
      const tray = new TrayStandIn(recorder, image);
      trays.push(tray);
      return strict('tray', tray, recorder);
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
    Tray: strict('Tray', Tray, recorder),
    ipcMain: strict('ipcMain', ipcMain, recorder),
    dialog: strict(
      'dialog',
      {
        showErrorBox(title: string, content: string): void {
          recorder.call('dialog.showErrorBox', [title, content]);
        },
        /** (options) or (window, options), as Electron takes them; answers from messageBoxAnswers. */
        showMessageBoxSync(first: object, second?: MessageBoxSyncOptions): number {
          const options = (second ?? first) as MessageBoxSyncOptions;
          recorder.call('dialog.showMessageBoxSync', [second ? 'over the window' : 'no window', options]);
          return messageBoxAnswers.shift() ?? options.cancelId ?? 0;
        },
      },
      recorder,
    ),
    Menu: strict(
      'Menu',
      {
        buildFromTemplate(template: MenuItemConstructorOptions[]): MenuStandIn {
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
    trays,
    messageBoxAnswers,
    announceWebContents,
  };
}
