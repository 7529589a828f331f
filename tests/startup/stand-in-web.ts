// The stand-in's window, webContents and session (see electron-stand-in.ts): what the app attaches to them is kept,
// so the driver can fire navigations, permission requests and app:// requests at it as Chromium would.
import type {
  BrowserWindowConstructorOptions,
  Display,
  HandlerDetails,
  HeadersReceivedResponse,
  OnHeadersReceivedListenerDetails,
  Rectangle,
  Session,
  WindowOpenHandlerResponse,
} from 'electron';
// Relative imports name the .js file: harness.ts compiles these files one by one for the child, where Node's ESM
// loader needs the extension.
import { strict, type Recorder } from './recorder.js';
import { RecordingEmitter } from './stand-in-app.js';

export class WebContentsStandIn extends RecordingEmitter {
  private static nextId = 1;
  readonly id = WebContentsStandIn.nextId++;
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;

  constructor(recorder: Recorder) {
    super(recorder, 'webContents');
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.recorder.call('webContents.setWindowOpenHandler', [this.id]);
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.recorder.call('webContents.send', [channel, ...args]);
  }

  isDestroyed(): boolean {
    return false;
  }

  isCrashed(): boolean {
    return false;
  }

  getURL(): string {
    return this.mainFrame.url;
  }
}

const DISPLAY_AREA: Rectangle = { x: 0, y: 0, width: 1920, height: 1080 };
export const DISPLAY: Display = {
  accelerometerSupport: 'unknown',
  bounds: DISPLAY_AREA,
  colorDepth: 24,
  colorSpace: '',
  depthPerComponent: 8,
  detected: true,
  displayFrequency: 60,
  id: 1,
  internal: false,
  label: 'stand-in',
  maximumCursorSize: { width: 64, height: 64 },
  monochrome: false,
  nativeOrigin: { x: 0, y: 0 },
  rotation: 0,
  scaleFactor: 1,
  size: { width: 1920, height: 1080 },
  touchSupport: 'unknown',
  workArea: { x: 0, y: 40, width: 1920, height: 1040 },
  workAreaSize: { width: 1920, height: 1040 },
};

export class BrowserWindowStandIn extends RecordingEmitter {
  readonly webContents: WebContentsStandIn;
  private minimized = false;
  private visible = false;
  private destroyed = false;

  constructor(
    recorder: Recorder,
    readonly options: BrowserWindowConstructorOptions,
  ) {
    super(recorder, 'window');
    this.webContents = new WebContentsStandIn(recorder);
  }

  /** The page "loads" at once: did-finish-load follows on the next turn, as Chromium's would after the load. */
  loadURL(url: string): Promise<void> {
    this.recorder.call('window.loadURL', [url]);
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.webContents.emit('did-finish-load'));
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  hide(): void {
    this.recorder.call('window.hide');
    this.visible = false;
  }

  /**
   * The close button (or app.quit()): `close` may be prevented; if not, the window is gone (`closed`). Records
   * which it was.
   */
  emitClose(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    this.recorder.call('<electron> window close', [prevented ? 'prevented' : 'closed']);
    if (prevented) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return false;
  }

  restore(): void {
    this.recorder.call('window.restore');
    this.minimized = false;
  }

  show(): void {
    this.recorder.call('window.show');
    this.visible = true;
  }

  focus(): void {
    this.recorder.call('window.focus');
  }

  getNormalBounds(): Rectangle {
    return { x: 100, y: 100, width: 1200, height: 800 };
  }

  /** The driver's: as if the operator minimized and hid the window. */
  minimizeAndHide(): void {
    this.minimized = true;
    this.visible = false;
  }
}

export class SessionStandIn extends RecordingEmitter {
  permissionRequest: Parameters<Session['setPermissionRequestHandler']>[0] = null;
  permissionCheck: Parameters<Session['setPermissionCheckHandler']>[0] = null;
  devicePermission: Parameters<Session['setDevicePermissionHandler']>[0] = null;
  headersReceived:
    | ((details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void)
    | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly protocol: Pick<Session['protocol'], 'handle'>;
  readonly webRequest: {
    onHeadersReceived(listener: SessionStandIn['headersReceived']): void;
  };

  constructor(recorder: Recorder) {
    super(recorder, 'session');
    this.protocol = strict(
      'session.protocol',
      {
        handle: (scheme, handler) => {
          recorder.call('session.protocol.handle', [scheme]);
          if (this.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
          this.protocolHandlers.set(scheme, handler);
        },
      },
      recorder,
    );
    this.webRequest = strict(
      'session.webRequest',
      {
        onHeadersReceived: (listener: SessionStandIn['headersReceived']) => {
          recorder.call('session.webRequest.onHeadersReceived');
          this.headersReceived = listener;
        },
      },
      recorder,
    );
  }

  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]): void {
    this.recorder.call('session.setPermissionRequestHandler');
    this.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]): void {
    this.recorder.call('session.setPermissionCheckHandler');
    this.permissionCheck = handler;
  }

  setDevicePermissionHandler(handler: Parameters<Session['setDevicePermissionHandler']>[0]): void {
    this.recorder.call('session.setDevicePermissionHandler');
    this.devicePermission = handler;
  }
}
