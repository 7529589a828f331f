// The JSON the start-up child (child.mjs → drive.ts) writes for the test: what the app did to the Electron stand-in,
// and what the probes fired at the hooks it installed got back. Types only, shared by both sides.

/** One call on the stand-in, in order. `afterReady`: Electron's `ready` had fired. */
export interface RecordedCall {
  readonly seq: number;
  readonly api: string;
  readonly args: readonly unknown[];
  readonly afterReady: boolean;
}

/** Something the app or a dependency touched that the stand-in does not implement (it also threw there). */
export interface UnimplementedUse {
  readonly api: string;
  readonly afterReady: boolean;
  readonly stack: string | undefined;
}

/** background: a schedule is armed at start, and the app was started at login (--hidden) with a link. */
export type Scenario = 'start' | 'lock-refused' | 'start-fails' | 'background';

/** What the test asks the child to do (JSON in argv). */
export interface ChildConfig {
  readonly scenario: Scenario;
  /** drive.js, compiled from drive.ts by harness.ts. */
  readonly driver: string;
  /** The built main entry, out/main/index.js. */
  readonly entry: string;
  /** app.getPath('userData'): a temp dir (or, for start-fails, a file). */
  readonly userData: string;
  readonly reportPath: string;
  /** The app's version (package.json), as app.getVersion() answers when run unpackaged. */
  readonly version: string;
  /** For the start scenario: a room address the simulator keeps ringing, and a meeting code it knows. */
  readonly ringingAddress?: string;
  readonly meetingCode?: string;
  /** Appended to the child's command line, as the OS would start the app with them (a link, --hidden). */
  readonly argv?: readonly string[];
  /** Where electron-hooks.mjs logs each file of out/main asked for (drive.ts reads it into the report). */
  readonly modulesLog: string;
  /** A file of out/main, relative to it, that fails to load (a broken or missing chunk). */
  readonly failToLoad?: string;
}

export interface PermissionProbe {
  readonly handler: 'request' | 'check' | 'device';
  readonly permission: string;
  readonly origin: string;
  readonly granted: boolean | 'no answer';
}

export interface AppSchemeProbe {
  readonly url: string;
  /** 'raw': the URL reached the handler exactly as written; 'parsed': as a WHATWG Request normalizes it. */
  readonly form: 'raw' | 'parsed';
  readonly status: number;
  readonly csp: string | null;
  readonly contentType: string | null;
  readonly bodyStart: string;
}

export interface IpcProbe {
  readonly channel: string;
  readonly sender: 'foreign-origin main frame' | 'app-origin subframe' | 'app main frame';
  readonly answer: unknown;
}

export interface GuardProbe {
  /** Which webContents: the main window's, or one the driver announced afterwards (devtools, say). */
  readonly contents: 'window' | 'later';
  readonly listeners: Readonly<Record<string, number>>;
  readonly windowOpenHandler: boolean;
  /** url → whether will-navigate was prevented. */
  readonly navigate: Readonly<Record<string, boolean>>;
  readonly redirectPrevented: boolean;
  readonly windowOpen: unknown;
  readonly webviewPrevented: boolean;
}

export interface StartProbes {
  readonly permissions: readonly PermissionProbe[];
  /** onHeadersReceived: the app page gets the CSP header, main's own API traffic is left alone. */
  readonly headers: { readonly appPage: unknown; readonly apiTraffic: unknown };
  readonly downloadPrevented: boolean;
  readonly appScheme: readonly AppSchemeProbe[];
  readonly ipc: readonly IpcProbe[];
  /** Every IPC endpoint open in main once the app has started: ipcMain.handle channels and ipcMain.on listeners. */
  readonly ipcEndpoints: { readonly handle: readonly string[]; readonly on: readonly string[] };
  readonly preloadExists: boolean;
  readonly guards: readonly GuardProbe[];
  /** The calls on the window made by a second launch, in order. */
  readonly secondInstance: readonly string[];
  /** What closing the window did with nothing armed: the calls from the close on. */
  readonly close: readonly RecordedCall[];
  /** A call left ringing at quit: its state before will-quit, and its history record after. */
  readonly quit: { readonly stateBefore: unknown; readonly history: unknown };
}

/** The background scenario, step by step: the calls each step made, in order. */
export interface BackgroundProbes {
  /** The operator closes the window while a schedule is armed. */
  readonly close: readonly RecordedCall[];
  /** A second launch with a good link. */
  readonly link: readonly RecordedCall[];
  /** A second launch with a malformed link. */
  readonly badLink: readonly RecordedCall[];
  /** Quit from the tray while armed; the operator answers "keep running". */
  readonly quitKept: readonly RecordedCall[];
  /** Pause all schedules from the tray (the window is showing). */
  readonly pauseAll: readonly RecordedCall[];
  /** Close the window once nothing is armed. */
  readonly closeAfterPause: readonly RecordedCall[];
  /** Quit once nothing is armed. */
  readonly quitAfterPause: readonly RecordedCall[];
}

export interface ChildReport {
  readonly calls: readonly RecordedCall[];
  /** The files of out/main the process loaded (relative to it, each once, in the order first asked for). */
  readonly modules: readonly string[];
  readonly unimplemented: readonly UnimplementedUse[];
  readonly unhandledRejections: readonly string[];
  readonly uncaughtExceptions: readonly string[];
  /** The driver's own failure (a probe threw, or the start neither opened a window nor exited). */
  readonly driverError: string | null;
  readonly probes: StartProbes | null;
  readonly background: BackgroundProbes | null;
}
