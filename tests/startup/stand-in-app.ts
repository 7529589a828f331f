// The stand-in's app and ipcMain (see electron-stand-in.ts): the lifecycle the driver steers (the single-instance
// lock's answer, `ready`), the paths under a temp userData, and the IPC registrations, refused twice as Electron does.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { App, IpcMain, IpcMainInvokeEvent, LoginItemSettings, Settings } from 'electron';
// Relative imports name the .js file: harness.ts compiles these files one by one for the child, where Node's ESM
// loader needs the extension.
import type { Recorder } from './recorder.js';

export interface StandInOptions {
  readonly userData: string;
  readonly singleInstanceLock: boolean;
  readonly version: string;
  readonly name: string;
  readonly locale: string;
}

/** Electron's listeners take any arguments; so do these. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** An EventEmitter that writes down which events the app listens to, and when. */
export class RecordingEmitter extends EventEmitter {
  constructor(
    protected readonly recorder: Recorder,
    protected readonly label: string,
  ) {
    super();
  }

  override on(event: string | symbol, listener: Listener): this {
    this.recorder.call(`${this.label}.on`, [event]);
    return super.on(event, listener);
  }

  /** EventEmitter's own once() goes through on(), which would record the call twice. */
  override once(event: string | symbol, listener: Listener): this {
    this.recorder.call(`${this.label}.once`, [event]);
    const once = Object.assign(
      (...args: unknown[]) => {
        this.removeListener(event, once);
        listener(...args);
      },
      { listener },
    );
    return super.on(event, once);
  }

  override removeAllListeners(event?: string | symbol): this {
    this.recorder.call(`${this.label}.removeAllListeners`, event === undefined ? [] : [event]);
    return super.removeAllListeners(event);
  }
}

type AppSurface =
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'isReady'
  | 'enableSandbox'
  | 'setAppUserModelId'
  | 'getPath'
  | 'getVersion'
  | 'getName'
  | 'getLocale'
  | 'getPreferredSystemLanguages'
  | 'name'
  | 'isPackaged'
  | 'setAsDefaultProtocolClient'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings';

export class AppStandIn extends RecordingEmitter implements Pick<App, AppSurface> {
  name: string;
  /** Run from out/ as `npm start` does: not packaged. */
  isPackaged = false;
  /** Closes every window as app.quit() does once `before-quit` let it go on (set by electron-stand-in.ts). */
  closeWindows: () => void = () => {};
  private openAtLogin = false;
  private readyFired = false;
  private resolveReady: () => void = () => {};
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  constructor(
    recorder: Recorder,
    private readonly options: StandInOptions,
  ) {
    super(recorder, 'app');
    this.name = options.name;
  }

  requestSingleInstanceLock(): boolean {
    this.recorder.call('app.requestSingleInstanceLock');
    return this.options.singleInstanceLock;
  }

  /**
   * As Electron: `before-quit` first, which may cancel the quit; then every window is asked to close. The driver
   * plays `will-quit` itself when it wants the services to stop.
   */
  quit(): void {
    this.recorder.call('app.quit');
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closeWindows();
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.recorder.call('app.setAsDefaultProtocolClient', [protocol, ...(path === undefined ? [] : [path, args])]);
    return true;
  }

  setLoginItemSettings(settings: Settings): void {
    this.recorder.call('app.setLoginItemSettings', [settings]);
    this.openAtLogin = settings.openAtLogin ?? false;
  }

  getLoginItemSettings(): LoginItemSettings {
    this.recorder.call('app.getLoginItemSettings');
    return {
      openAtLogin: this.openAtLogin,
      openAsHidden: false,
      wasOpenedAtLogin: false,
      wasOpenedAsHidden: false,
      restoreState: false,
      status: this.openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.openAtLogin,
      launchItems: [],
    };
  }

  /** Electron ends the process here; the stand-in records the code and lets the driver report. */
  exit(exitCode = 0): void {
    this.recorder.call('app.exit', [exitCode]);
  }

  whenReady(): Promise<void> {
    this.recorder.call('app.whenReady');
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.readyFired;
  }

  enableSandbox(): void {
    this.recorder.call('app.enableSandbox');
    if (this.readyFired) throw new Error('app.enableSandbox() can only be called before app is ready');
  }

  setAppUserModelId(id: string): void {
    this.recorder.call('app.setAppUserModelId', [id]);
  }

  /** Electron's defaults on Linux and Windows: logs inside userData, userData inside appData. */
  getPath(name: Parameters<App['getPath']>[0]): string {
    this.recorder.call('app.getPath', [name]);
    const userData = this.options.userData;
    const known: Partial<Record<typeof name, string>> = {
      userData,
      logs: path.join(userData, 'logs'),
      appData: path.dirname(userData),
    };
    const found = known[name];
    if (found === undefined) throw this.recorder.missing(`app.getPath('${name}')`);
    return found;
  }

  getVersion(): string {
    return this.options.version;
  }

  getName(): string {
    return this.name;
  }

  getLocale(): string {
    return this.options.locale;
  }

  getPreferredSystemLanguages(): string[] {
    return [this.options.locale];
  }

  /** The driver's: Electron finished starting. `ready` listeners run first, then whenReady() resolves. */
  fireReady(): void {
    this.recorder.call('<driver> ready');
    this.recorder.ready = true;
    this.readyFired = true;
    this.emit('ready', {}, {});
    this.resolveReady();
  }

  requireReady(what: string): void {
    if (!this.readyFired) throw new Error(what);
  }
}

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class IpcMainStandIn extends RecordingEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();

  constructor(recorder: Recorder) {
    super(recorder, 'ipcMain');
  }

  handle(channel: string, listener: InvokeListener): void {
    this.recorder.call('ipcMain.handle', [channel]);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.recorder.call('ipcMain.removeHandler', [channel]);
    this.handlers.delete(channel);
  }
}
