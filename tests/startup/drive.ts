// The start-up child's script (child.mjs runs it, as compiled by harness.ts): puts the recording Electron stand-in
// where both `import` and `require` of 'electron' find it, imports the built main process, fires `ready`, and then,
// as Chromium and the operator would, fires requests at every hook the app installed. Everything observed goes into
// the report; the test (startup.test.ts) judges it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import type { HandlerDetails, IpcMainInvokeEvent, Session } from 'electron';
import {
  createElectronStandIn,
  WebContentsStandIn,
  type ElectronStandIn,
  type SessionStandIn,
} from './electron-stand-in.js';
import type {
  RecordedCall,
  AppSchemeProbe,
  BackgroundProbes,
  ChildConfig,
  ChildReport,
  GuardProbe,
  IpcProbe,
  PermissionProbe,
  StartProbes,
} from './report';

/** How electron-facade.mjs finds the stand-in. */
const STAND_IN_KEY = Symbol.for('room-dialer.electron-stand-in');
/** A hang guard: a start that neither opens its window nor exits by then is reported as stuck. */
const LIMIT_MS = 45_000;
const APP_PAGE = 'app://room-dialer/index.html';
const FOREIGN_ORIGIN = 'https://evil.example';
const FOREIGN_PAGE = `${FOREIGN_ORIGIN}/`;
/** Packages that `require('electron')` from CommonJS; the app's own bundle may too (createRequire). */
const CJS_ELECTRON_USERS = ['electron-log/main'];

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

/** A few turns of the event loop: lets promise chains (and any rejection nobody handles) run out. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * ESM: electron-hooks.mjs resolves 'electron' to electron-facade.mjs, which reads the stand-in from globalThis.
 * CommonJS: on Node 20 `require` does not pass through module.register() hooks, so the stand-in goes into
 * require.cache under the file 'electron' resolves to (node_modules/electron/index.js), from out/main (a bundle's
 * createRequire) and from each package that requires it. Whoever asks gets the stand-in, never the real package.
 */
function install(standIn: ElectronStandIn, entry: string): void {
  (globalThis as Record<symbol, unknown>)[STAND_IN_KEY] = standIn.module;
  const fromApp = createRequire(entry);
  const requirers = [fromApp];
  for (const name of CJS_ELECTRON_USERS) {
    try {
      requirers.push(createRequire(fromApp.resolve(name)));
    } catch {
      // Not installed on its own: bundled into out/main, where fromApp covers it.
    }
  }
  for (const requirer of requirers) {
    const file = requirer.resolve('electron');
    const cached = new Module(file);
    cached.filename = file;
    cached.loaded = true;
    cached.exports = standIn.module;
    requirer.cache[file] = cached;
  }
}

async function probePermissions(session: SessionStandIn, standIn: ElectronStandIn): Promise<PermissionProbe[]> {
  type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
  type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
  type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
  const contents = standIn.windows[0]?.webContents as unknown as Parameters<RequestHandler>[0];
  const probes: PermissionProbe[] = [];
  const requested = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'] as const;
  for (const permission of requested) {
    let granted: boolean | 'no answer' = 'no answer';
    const details = { requestingUrl: FOREIGN_PAGE, isMainFrame: false } as Parameters<RequestHandler>[3];
    session.permissionRequest?.(contents, permission, (answer) => (granted = answer), details);
    await settle();
    probes.push({ handler: 'request', permission, origin: FOREIGN_ORIGIN, granted });
  }
  for (const permission of ['media', 'clipboard-read', 'hid', 'serial', 'usb'] as const) {
    const details = { requestingUrl: FOREIGN_PAGE, isMainFrame: false } as Parameters<CheckHandler>[3];
    const granted = session.permissionCheck?.(contents, permission, FOREIGN_ORIGIN, details) ?? 'no answer';
    probes.push({ handler: 'check', permission, origin: FOREIGN_ORIGIN, granted });
  }
  for (const deviceType of ['hid', 'serial', 'usb'] as const) {
    const details = { deviceType, origin: FOREIGN_ORIGIN, device: {} } as unknown as Parameters<DeviceHandler>[0];
    const granted = session.devicePermission?.(details) ?? 'no answer';
    probes.push({ handler: 'device', permission: deviceType, origin: FOREIGN_ORIGIN, granted });
  }
  return probes;
}

function probeHeaders(session: SessionStandIn): StartProbes['headers'] {
  const answer = (details: object) => {
    let response: unknown = 'no answer';
    session.headersReceived?.(details as never, (value) => (response = value));
    return response;
  };
  return {
    appPage: answer({ url: APP_PAGE, webContentsId: 1, responseHeaders: {} }),
    apiTraffic: answer({
      url: 'http://127.0.0.1:8787/v1/meetings',
      webContentsId: undefined,
      responseHeaders: { 'x-from': ['api'] },
    }),
  };
}

function probeDownload(session: SessionStandIn): boolean {
  let prevented = false;
  const event = { preventDefault: () => (prevented = true) };
  session.emit('will-download', event, { getURL: () => `${FOREIGN_ORIGIN}/setup.exe` }, {});
  return prevented;
}

/** The traversal attempts, as written. 'raw' sends each exactly so; 'parsed' as a WHATWG Request normalizes it. */
export const TRAVERSALS = [
  'app://room-dialer/../main/index.js',
  'app://room-dialer/%2e%2e/main/index.js',
  'app://room-dialer/%2E%2E/%2E%2E/package.json',
  'app://room-dialer/..%2fmain%2findex.js',
  'app://room-dialer/..%5cmain%5cindex.js',
  'app://room-dialer/assets/..%5c..%5cmain%5cindex.js',
  'app://room-dialer/%5c..%5cmain%5cindex.js',
];
export const SERVED = ['app://room-dialer/index.html', 'app://room-dialer/'];

async function probeAppScheme(session: SessionStandIn): Promise<AppSchemeProbe[]> {
  const handler = session.protocolHandlers.get('app');
  if (!handler) return [];
  const ask = async (url: string, form: 'raw' | 'parsed'): Promise<AppSchemeProbe> => {
    const request = new Request(url);
    // Chromium hands the handler a canonical URL; the raw form checks the handler's own guard on what it gets.
    if (form === 'raw') Object.defineProperty(request, 'url', { value: url });
    const response = await handler(request);
    return {
      url,
      form,
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      contentType: response.headers.get('content-type'),
      bodyStart: (await response.text()).slice(0, 40),
    };
  };
  const probes: AppSchemeProbe[] = [];
  for (const url of SERVED) probes.push(await ask(url, 'parsed'));
  for (const url of TRAVERSALS) probes.push(await ask(url, 'raw'), await ask(url, 'parsed'));
  return probes;
}

/** Invokes a registered ipcMain.handle listener as Electron would, from `sender`. */
async function invoke(
  standIn: ElectronStandIn,
  channel: string,
  sender: IpcProbe['sender'],
  payload?: unknown,
): Promise<unknown> {
  const listener = standIn.ipcMain.handlers.get(channel);
  if (!listener) return { notRegistered: channel };
  const window = standIn.windows[0];
  const appFrame = window?.webContents.mainFrame ?? { url: APP_PAGE };
  const foreignFrame = { url: FOREIGN_PAGE };
  const events: Record<IpcProbe['sender'], object> = {
    'foreign-origin main frame': { sender: { mainFrame: foreignFrame }, senderFrame: foreignFrame },
    'app-origin subframe': { sender: { mainFrame: appFrame }, senderFrame: { url: APP_PAGE } },
    'app main frame': { sender: window?.webContents ?? { mainFrame: appFrame }, senderFrame: appFrame },
  };
  try {
    return await listener(events[sender] as IpcMainInvokeEvent, payload);
  } catch (error) {
    return { threw: describe(error) };
  }
}

async function probeIpc(standIn: ElectronStandIn): Promise<IpcProbe[]> {
  const probes: IpcProbe[] = [];
  for (const channel of standIn.ipcMain.handlers.keys()) {
    const sender = 'foreign-origin main frame';
    probes.push({ channel, sender, answer: await invoke(standIn, channel, sender, {}) });
  }
  for (const sender of ['app-origin subframe', 'app main frame'] as const) {
    probes.push({ channel: 'app:info', sender, answer: await invoke(standIn, 'app:info', sender, {}) });
  }
  return probes;
}

function probeGuards(contents: WebContentsStandIn, which: GuardProbe['contents']): GuardProbe {
  const events = ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'];
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    contents.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const navigate: Record<string, boolean> = {};
  for (const url of [FOREIGN_PAGE, 'file:///etc/passwd', `${APP_PAGE}#/history`])
    navigate[url] = fire('will-navigate', url);
  let webviewPrevented = false;
  contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, { src: FOREIGN_PAGE });
  const details = { url: FOREIGN_PAGE, frameName: '', features: '', disposition: 'new-window' } as HandlerDetails;
  return {
    contents: which,
    listeners: Object.fromEntries(events.map((event) => [event, contents.listenerCount(event)])),
    windowOpenHandler: contents.windowOpenHandler !== undefined,
    navigate,
    redirectPrevented: fire('will-redirect', FOREIGN_PAGE),
    windowOpen: contents.windowOpenHandler?.(details) ?? 'no handler',
    webviewPrevented,
  };
}

/** The calls `step` made, in order. */
async function callsOf(standIn: ElectronStandIn, step: () => void): Promise<RecordedCall[]> {
  const from = standIn.recorder.calls.length;
  step();
  await settle();
  return standIn.recorder.calls.slice(from);
}

/** A link the OS hands to the running app, as a second instance's command line (Windows, Linux). */
export const SECOND_LAUNCH_LINK = 'room-dialer://dial?meeting=806-146-667&room=Board%20room&room=Lobby';
export const MALFORMED_LINK = 'room-dialer://dial?meeting=806146667&room=A&autodial=1';

async function probeBackground(standIn: ElectronStandIn): Promise<BackgroundProbes> {
  const window = standIn.windows[0];
  const tray = () => {
    const live = standIn.trays.filter((entry) => !entry.destroyed);
    if (live.length !== 1) throw new Error(`expected one tray icon, found ${live.length}`);
    return live[0]!;
  };
  if (!window) throw new Error('no window');
  const secondLaunch = (argv: string[]) => () => standIn.app.emit('second-instance', {}, argv, process.cwd(), {});
  const close = await callsOf(standIn, () => window.emitClose());
  const link = await callsOf(
    standIn,
    secondLaunch(['Room Dialer', '--allow-file-access-from-files', SECOND_LAUNCH_LINK]),
  );
  const badLink = await callsOf(standIn, secondLaunch(['Room Dialer', MALFORMED_LINK]));
  // 1 is the quit question's "keep running"; the stand-in would answer the same without it (its cancelId).
  standIn.messageBoxAnswers.push(1);
  const quitKept = await callsOf(standIn, () => tray().clickItem(/^Quit/));
  const pauseAll = await callsOf(standIn, () => tray().clickItem(/^Pause all schedules/));
  const closeAfterPause = await callsOf(standIn, () => window.emitClose());
  const quitAfterPause = await callsOf(standIn, () => standIn.app.quit());
  return { close, link, badLink, quitKept, pauseAll, closeAfterPause, quitAfterPause };
}

function probeSecondInstance(standIn: ElectronStandIn): string[] {
  const window = standIn.windows[0];
  if (!window) return [];
  window.minimizeAndHide();
  const from = standIn.recorder.calls.length;
  standIn.app.emit('second-instance', {}, ['room-dialer'], process.cwd(), {});
  return standIn.recorder.calls.slice(from).map((call) => call.api);
}

/** Dials a room the simulator keeps ringing, then quits: the call must end up in history as unknown. */
async function probeQuit(standIn: ElectronStandIn, config: ChildConfig): Promise<StartProbes['quit']> {
  const ok = <T>(answer: unknown, what: string): T => {
    const result = answer as { ok?: boolean; value?: T };
    if (result.ok !== true) throw new Error(`${what} failed: ${JSON.stringify(answer)}`);
    return result.value as T;
  };
  const appCall = (channel: string, payload: unknown) => invoke(standIn, channel, 'app main frame', payload);
  const room = ok<{ id: string }>(
    await appCall('rooms:add', { name: 'Stand-in lobby', kind: 'sip', address: config.ringingAddress }),
    'rooms:add',
  );
  const meeting = ok<{ meetingId: string; meetingCode: string; subject: string }>(
    await appCall('meetings:lookup', { meeting: config.meetingCode }),
    'meetings:lookup',
  );
  const { meetingId, meetingCode, subject } = meeting;
  ok(await appCall('calls:dial', { meeting: { meetingId, meetingCode, subject }, roomIds: [room.id] }), 'calls:dial');
  const ringing = await standIn.recorder.waitFor(
    (call) =>
      call.api === 'webContents.send' &&
      call.args[0] === 'calls:update' &&
      (call.args[1] as { state?: string }).state === 'ringing',
    'the dialed room to ring',
    LIMIT_MS,
  );
  standIn.app.emit('will-quit', { preventDefault: () => {} });
  await settle();
  const history = ok<unknown[]>(await appCall('history:list', {}), 'history:list');
  return { stateBefore: (ringing.args[1] as { state: string }).state, history };
}

async function probe(standIn: ElectronStandIn, config: ChildConfig): Promise<StartProbes> {
  const session = standIn.defaultSession;
  const window = standIn.windows[0];
  const later = new WebContentsStandIn(standIn.recorder);
  standIn.announceWebContents(later);
  return {
    permissions: await probePermissions(session, standIn),
    headers: probeHeaders(session),
    downloadPrevented: probeDownload(session),
    appScheme: await probeAppScheme(session),
    ipcEndpoints: {
      handle: [...standIn.ipcMain.handlers.keys()],
      on: standIn.ipcMain.eventNames().map(String),
    },
    ipc: await probeIpc(standIn),
    preloadExists:
      typeof window?.options.webPreferences?.preload === 'string' && existsSync(window.options.webPreferences.preload),
    guards: [...(window ? [probeGuards(window.webContents, 'window')] : []), probeGuards(later, 'later')],
    secondInstance: probeSecondInstance(standIn),
    quit: await probeQuit(standIn, config),
    // Last: nothing is armed, so the window closes (and is gone).
    close: await callsOf(standIn, () => window?.emitClose()),
  };
}

/**
 * The files of out/main this process asked for, from electron-hooks.mjs's log. A module imported now is asked for
 * after any import() the app made meanwhile, and the hook logs each request as it arrives: once this one is
 * answered, the log holds every earlier one, those still loading included (a second copy's stray import() too).
 */
async function loadedModules(log: string): Promise<string[]> {
  const lastRequest = 'data:text/javascript,export{}';
  await import(lastRequest);
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  return [...new Set(lines.filter((line) => line !== ''))];
}

export async function drive(config: ChildConfig, importApp: () => Promise<unknown>): Promise<void> {
  const unhandledRejections: string[] = [];
  const uncaughtExceptions: string[] = [];
  process.on('unhandledRejection', (reason) => unhandledRejections.push(describe(reason)));
  process.on('uncaughtException', (error) => uncaughtExceptions.push(describe(error)));
  // What Electron's main process reports; electron-log names its file after it.
  Object.defineProperty(process, 'type', { value: 'browser', configurable: true });

  const standIn = createElectronStandIn({
    userData: config.userData,
    singleInstanceLock: config.scenario !== 'lock-refused',
    version: config.version,
    name: 'Room Dialer',
    locale: 'en-US',
  });
  install(standIn, config.entry);

  let driverError: string | null = null;
  let probes: StartProbes | null = null;
  let background: BackgroundProbes | null = null;
  try {
    try {
      await importApp();
    } catch (error) {
      // What Electron does when the main module throws while loading: the error goes to the uncaught-exception
      // handlers (electron-log's among them), and the process carries on.
      process.emit('uncaughtException', error instanceof Error ? error : new Error(String(error)));
    }
    standIn.app.fireReady();
    if (config.scenario === 'lock-refused') {
      await settle();
    } else {
      await standIn.recorder.waitFor(
        (call) => call.api === 'window.loadURL' || call.api === 'app.exit',
        'the window to load or the app to exit',
        LIMIT_MS,
      );
      await settle();
      if (config.scenario === 'start') probes = await probe(standIn, config);
      if (config.scenario === 'background') background = await probeBackground(standIn);
    }
  } catch (error) {
    driverError = describe(error);
  }
  await settle();
  const report: ChildReport = {
    calls: standIn.recorder.calls,
    modules: await loadedModules(config.modulesLog),
    unimplemented: standIn.recorder.unimplemented,
    unhandledRejections,
    uncaughtExceptions,
    driverError,
    probes,
    background,
  };
  writeFileSync(config.reportPath, JSON.stringify(report, null, 2));
  // The app leaves timers and sockets behind (as it may: Electron ends the process); the report is written.
  process.exit(0);
}
