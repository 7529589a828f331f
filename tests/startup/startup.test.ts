// The Electron start-up, run under Node: the BUILT main process (out/main/index.js) imported in a child process
// whose 'electron' is a recording stand-in (electron-stand-in.ts). Nothing here launches Electron, so this proves
// the wiring of main/index.ts and main/shell/electron/ (what is called, in which order, and what the installed
// hooks answer), not Chromium's behaviour. It is no substitute for starting the real app on a release machine.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ResponseOf } from '../../common/ipc-contract';
import { schedulesDocumentSchema } from '../../common/schedule';
import { STAGED_DIAL_EVENT } from '../../common/window-api';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../main/shell/app-protocol';
import { buildCsp } from '../../main/shell/csp';
import { demoEnv, startSimulator, type Simulator } from '../../simulator/server';
import { SERVED, TRAVERSALS } from './drive';
import { Recorder, strict } from './recorder';
import { compileDriver, ensureBuilt, ENTRY, OUT, REPO, runChild, type ChildRun } from './harness';
import type { ChildConfig, RecordedCall, Scenario, StartProbes } from './report';

/** The simulator keeps this dial string ringing; 806-146-667 is a started meeting the demo operator hosts. */
const RINGING_ADDRESS = 'sip:noanswer@sip.example.com';
const MEETING_CODE = '806146667';
const FORBIDDEN_KIND = 'forbidden';
/** The app module (main/shell/electron/open-app.ts) as built: the entry imports it once it holds the lock. */
const APP_MODULE = 'chunks/open-app.js';

let dir: string;
let driver: string;
let sim: Simulator;
const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-startup-'));
  driver = compileDriver(path.join(dir, 'driver'));
  // Rings for a minute before anyone answers: a call is still ringing when the quit test quits.
  sim = await startSimulator({ answerDelayMs: 60_000 });
}, 180_000);

afterAll(async () => {
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let runs = 0;
interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** The app's command line after the executable (a link, --hidden). */
  readonly argv?: readonly string[];
  /** Writes into userData before the app starts. */
  readonly prepare?: (userData: string) => void;
  /** A file of out/main (relative to it) that fails to load. */
  readonly failToLoad?: string;
}

/** One scenario in a child, with a clean environment: only what Node needs, a temp HOME, plus `env`. */
async function run(scenario: Scenario, options: RunOptions = {}): Promise<ChildRun> {
  runs += 1;
  const home = path.join(dir, `run-${runs}`);
  const userData = path.join(home, 'Room Dialer');
  mkdirSync(userData, { recursive: true });
  options.prepare?.(userData);
  const config: ChildConfig = {
    scenario,
    driver,
    entry: ENTRY,
    userData,
    reportPath: path.join(dir, `report-${runs}.json`),
    version,
    ringingAddress: RINGING_ADDRESS,
    meetingCode: MEETING_CODE,
    modulesLog: path.join(dir, `modules-${runs}.log`),
    ...(options.argv ? { argv: options.argv } : {}),
    ...(options.failToLoad ? { failToLoad: options.failToLoad } : {}),
  };
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: home, LANG: 'en_US.UTF-8', ...options.env };
  return runChild(config, env);
}

const apis = (calls: readonly RecordedCall[]) => calls.map((call) => call.api);
const first = (calls: readonly RecordedCall[], api: string) => calls.find((call) => call.api === api);
/** Whatever the child says went wrong, so a failed expectation shows it. */
const troubles = (result: ChildRun) => ({
  driverError: result.report.driverError,
  unimplemented: result.report.unimplemented,
  unhandledRejections: result.report.unhandledRejections,
  uncaughtExceptions: result.report.uncaughtExceptions,
});
const NO_TROUBLE = { driverError: null, unimplemented: [], unhandledRejections: [], uncaughtExceptions: [] };

describe('a normal start (demo mode, against the simulator)', () => {
  let result: ChildRun;
  let calls: readonly RecordedCall[];
  let probes: StartProbes;

  beforeAll(async () => {
    result = await run('start', { env: demoEnv(sim.url) });
    calls = result.report.calls;
    if (!result.report.probes) throw new Error(`the start was not probed: ${JSON.stringify(troubles(result))}`);
    probes = result.report.probes;
  }, 150_000);

  it('runs through without touching anything the stand-in lacks, and without an unhandled error', () => {
    expect(troubles(result)).toEqual(NO_TROUBLE);
    expect(apis(calls)).not.toContain('app.exit');
    expect(apis(calls)).not.toContain('dialog.showErrorBox');
  });

  it('takes the single-instance lock first, before any window', () => {
    const lock = first(calls, 'app.requestSingleInstanceLock');
    const window = first(calls, 'new BrowserWindow');
    expect(lock?.afterReady).toBe(false);
    // Only electron-log's import-time IPC set-up comes before it (closed again later, see below).
    const appCalls = calls.filter((call) => call.api.startsWith('app.'));
    expect(appCalls[0]?.api).toBe('app.requestSingleInstanceLock');
    expect(lock!.seq).toBeLessThan(window!.seq);
    expect(apis(calls)).not.toContain('app.quit');
  });

  it('loads the app module beside the entry (a second copy never does: see below)', () => {
    expect(existsSync(path.join(OUT, 'main', APP_MODULE))).toBe(true);
    expect(result.report.modules[0]).toBe('index.js');
    expect(result.report.modules).toContain(APP_MODULE);
  });

  it('registers every IPC handler before the window exists, so its page never calls an unhandled channel', () => {
    const window = first(calls, 'new BrowserWindow');
    const handled = calls.filter((call) => call.api === 'ipcMain.handle');
    expect(handled.length).toBeGreaterThanOrEqual(CHANNELS.length);
    for (const call of handled) expect(call.seq, String(call.args[0])).toBeLessThan(window!.seq);
  });

  it('sandboxes every renderer and makes app:// privileged before ready', () => {
    const sandbox = first(calls, 'app.enableSandbox');
    const schemes = first(calls, 'protocol.registerSchemesAsPrivileged');
    expect(sandbox?.afterReady).toBe(false);
    expect(schemes?.afterReady).toBe(false);
    expect(schemes?.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    // Guards for every future webContents are in place before anything can be created.
    expect(calls.find((call) => call.api === 'app.on' && call.args[0] === 'web-contents-created')?.afterReady).toBe(
      false,
    );
  });

  it('refuses every permission request, check and device from a foreign origin', () => {
    expect(probes.permissions.length).toBeGreaterThanOrEqual(14);
    for (const probe of probes.permissions) expect(probe, JSON.stringify(probe)).toMatchObject({ granted: false });
    expect(probes.downloadPrevented).toBe(true);
  });

  it('sends the CSP header with the app pages only, not with main process traffic', () => {
    expect(probes.headers.appPage).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [buildCsp()], 'X-Content-Type-Options': ['nosniff'] },
    });
    expect(probes.headers.apiTraffic).toEqual({});
  });

  it('serves index.html over app:// with the CSP header', () => {
    const served = probes.appScheme.filter((probe) => SERVED.includes(probe.url));
    expect(served).toHaveLength(SERVED.length);
    for (const probe of served) {
      expect(probe).toMatchObject({ status: 200, csp: buildCsp(), contentType: 'text/html; charset=utf-8' });
      expect(probe.bodyStart.toLowerCase()).toMatch(/^<!doctype html>/);
    }
  });

  it('refuses path traversal over app:// (../, %2e%2e, %5c), raw or normalized', () => {
    // The targets exist: a 404 here is a refusal, not a missing file.
    expect(existsSync(path.join(OUT, 'renderer', '..', 'main', 'index.js'))).toBe(true);
    const refused = probes.appScheme.filter((probe) => TRAVERSALS.includes(probe.url));
    expect(refused).toHaveLength(TRAVERSALS.length * 2);
    for (const probe of refused) {
      expect(probe, `${probe.form} ${probe.url}`).toMatchObject({ status: 404, csp: buildCsp() });
      expect(probe.bodyStart).toBe('Not found');
    }
  });

  it('registers every contract channel with ipcMain.handle exactly once, and nothing else stays open', () => {
    const handled = calls.filter((call) => call.api === 'ipcMain.handle').map((call) => call.args[0]);
    for (const channel of CHANNELS)
      expect(
        handled.filter((name) => name === channel),
        channel,
      ).toHaveLength(1);
    // electron-log and electron-store open endpoints of their own; the shell closes them (closeLibraryIpc).
    expect([...probes.ipcEndpoints.handle].sort()).toEqual([...CHANNELS].sort());
    expect(probes.ipcEndpoints.on).toEqual([]);
  });

  it('refuses every contract channel to a foreign frame, and a subframe of the app; answers the app window', () => {
    const foreign = probes.ipc.filter((probe) => probe.sender === 'foreign-origin main frame');
    for (const channel of CHANNELS) {
      const answer = foreign.find((probe) => probe.channel === channel)?.answer;
      expect(answer, channel).toMatchObject({ ok: false, error: { kind: FORBIDDEN_KIND } });
    }
    const appInfo = (sender: string) =>
      probes.ipc.find((probe) => probe.channel === 'app:info' && probe.sender === sender)?.answer;
    expect(appInfo('app-origin subframe')).toMatchObject({ ok: false, error: { kind: FORBIDDEN_KIND } });
    expect(appInfo('app main frame')).toMatchObject({ ok: true, value: { name: 'Room Dialer', version, demo: true } });
  });

  it('creates exactly one window: sandboxed, isolated, no Node, a preload that exists', () => {
    const windows = calls.filter((call) => call.api === 'new BrowserWindow');
    expect(windows).toHaveLength(1);
    const options = windows[0]!.args[0] as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options.webPreferences['preload']).toBe(path.join(OUT, 'preload', 'index.cjs'));
    expect(probes.preloadExists).toBe(true);
    expect(options.show).toBe(false);
  });

  it('loads the app over app://, after the guards are on its webContents', () => {
    const loads = calls.filter((call) => call.api === 'window.loadURL');
    expect(loads.map((call) => call.args[0])).toEqual([APP_ENTRY_URL]);
    expect(String(loads[0]!.args[0]).startsWith(`${APP_ORIGIN}/`)).toBe(true);
    const guarded = calls.find((call) => call.api === 'webContents.setWindowOpenHandler');
    expect(guarded!.seq).toBeLessThan(loads[0]!.seq);
  });

  it('guards every webContents (the window’s, later ones): navigation, redirects, new windows, <webview>', () => {
    expect(probes.guards.map((guard) => guard.contents)).toEqual(['window', 'later']);
    for (const guard of probes.guards) {
      expect(guard.listeners, guard.contents).toEqual({
        'will-navigate': 1,
        'will-frame-navigate': 1,
        'will-redirect': 1,
        'will-attach-webview': 1,
      });
      expect(guard.windowOpenHandler).toBe(true);
      expect(guard.navigate).toEqual({
        'https://evil.example/': true,
        'file:///etc/passwd': true,
        [`${APP_ENTRY_URL}#/history`]: false,
      });
      expect(guard.redirectPrevented).toBe(true);
      expect(guard.windowOpen).toEqual({ action: 'deny' });
      expect(guard.webviewPrevented).toBe(true);
    }
    expect(apis(calls)).not.toContain('shell.openExternal');
  });

  it('second-instance brings the minimized, hidden window back and focuses it', () => {
    expect(probes.secondInstance).toEqual(['window.restore', 'window.show', 'window.focus']);
  });

  it('with nothing armed: no tray icon, the window shows once painted, and closing it closes it', () => {
    expect(apis(calls)).not.toContain('new Tray');
    expect(calls.filter((call) => call.api === 'window.once').map((call) => call.args[0])).toContain('ready-to-show');
    expect(apis(probes.close)).toContain('<electron> window close');
    expect(first(probes.close, '<electron> window close')?.args).toEqual(['closed']);
    expect(apis(probes.close)).not.toContain('window.hide');
  });

  it('registers as the room-dialer:// handler, and stages nothing for an ordinary start', () => {
    expect(first(calls, 'app.setAsDefaultProtocolClient')?.args).toEqual(['room-dialer']);
    expect(calls.filter((call) => call.api === 'webContents.send' && call.args[0] === STAGED_DIAL_EVENT)).toEqual([]);
  });

  it('will-quit shuts the services down: a call still ringing goes to history as unknown', () => {
    expect(probes.quit.stateBefore).toBe('ringing');
    const history = probes.quit.history as ResponseOf<'history:list'>;
    expect(history.records).toEqual([
      expect.objectContaining({ roomName: 'Stand-in lobby', outcome: 'unknown', errorCode: 'app_closed' }),
    ]);
  });
});

/** room-call requests the simulator has received: each is a room rung. */
const roomCalls = () => sim.requests.filter((request) => request.path === '/v1/meeting-rooms/room-call').length;
/** What the window was sent on STAGED_DIAL_EVENT. */
const staged = (list: readonly RecordedCall[]) =>
  list
    .filter((call) => call.api === 'webContents.send' && call.args[0] === STAGED_DIAL_EVENT)
    .map((call) => call.args[1]);

/** A link that started the app (Windows and Linux hand it over as an argument), with the login item's --hidden. */
const START_LINK = 'room-dialer://dial?meeting=806146667&room=Stand-in%20lobby';

/** An armed schedule in the schedule runner's file, for a meeting the simulator does not have: it never dials. */
function armedSchedule(userData: string): void {
  const document = schedulesDocumentSchema.parse({
    schemaVersion: 1,
    schedules: [
      {
        id: 'schedule-1',
        name: 'Stand-in board',
        setId: 'no-such-set',
        meeting: { meetingId: '99999999999999999999' },
        recurring: false,
        trigger: { kind: 'at_start' },
        hostWatchMinutes: 10,
        armed: true,
      },
    ],
  });
  // Demo mode: the store is demo.json, the schedules demo.schedules.json beside it.
  writeFileSync(path.join(userData, 'demo.schedules.json'), JSON.stringify(document));
}

describe('running in the tray while a schedule is armed; links staged for confirmation', () => {
  let result: ChildRun;
  let calls: readonly RecordedCall[];
  let steps: NonNullable<ChildRun['report']['background']>;
  let roomCallsBefore: number;

  beforeAll(async () => {
    roomCallsBefore = roomCalls();
    result = await run('background', { env: demoEnv(sim.url), argv: ['--hidden', START_LINK], prepare: armedSchedule });
    calls = result.report.calls;
    if (!result.report.background) throw new Error(`not probed: ${JSON.stringify(troubles(result))}`);
    steps = result.report.background;
  }, 150_000);

  it('runs through without touching anything the stand-in lacks, and without an unhandled error', () => {
    expect(troubles(result)).toEqual(NO_TROUBLE);
  });

  it('shows a tray icon from the built app’s files, with the menu and tooltip for one armed schedule', () => {
    const tray = first(calls, 'new Tray');
    expect(tray?.afterReady).toBe(true);
    const [image, exists] = tray!.args as [string, string];
    expect(exists).toBe('image exists');
    // Inside out/main, so the packaged app.asar holds it (package:check checks that too).
    expect(path.relative(path.join(OUT, 'main'), image).startsWith('..')).toBe(false);
    expect(image).toMatch(/\.png$/);
    expect(first(calls, 'tray.setToolTip')?.args).toEqual(['Room Dialer · 1 schedule armed']);
    expect(first(calls, 'tray.setContextMenu')?.args).toEqual([
      ['Open Room Dialer', '—', 'Pause all schedules (1 armed)', '—', 'Quit'],
    ]);
  });

  it('started at login (--hidden), the window waits hidden; the link it was started with shows it, staged', () => {
    expect(calls.filter((call) => call.api === 'window.once').map((call) => call.args[0])).not.toContain(
      'ready-to-show',
    );
    expect(staged(calls)[0]).toEqual({ kind: 'staged', dial: { meeting: '806146667', rooms: ['Stand-in lobby'] } });
    const sent = calls.find((call) => call.api === 'webContents.send' && call.args[0] === STAGED_DIAL_EVENT);
    const shown = first(calls, 'window.show');
    expect(shown!.seq).toBeLessThan(sent!.seq);
  });

  it('closing the window hides it to the tray instead of quitting', () => {
    expect(first(steps.close, '<electron> window close')?.args).toEqual(['prevented']);
    expect(apis(steps.close)).toContain('window.hide');
    expect(apis(steps.close)).not.toContain('app.quit');
  });

  it('a second launch with a link brings the window back and stages the dial in it; nothing rings', () => {
    expect(apis(steps.link)).toEqual(expect.arrayContaining(['window.show', 'window.focus']));
    expect(staged(steps.link)).toEqual([
      { kind: 'staged', dial: { meeting: '806146667', rooms: ['Board room', 'Lobby'] } },
    ]);
    // Nothing rang from any link of this run (the start's, the second launch's): no room-call reached the simulator.
    expect(roomCalls()).toBe(roomCallsBefore);
  });

  it('a malformed link gets a notice in the window naming the field, and dials nothing', () => {
    const [notice] = staged(steps.badLink) as [{ kind: string; error: { field: string; message: object } }];
    expect(notice.kind).toBe('refused');
    expect(notice.error.field).toBe('link');
    expect(notice.error.message).toEqual({
      'zh-CN': expect.stringContaining('未知参数 "autodial"'),
      'en-US': expect.stringContaining('unknown parameter "autodial"'),
    });
    expect(roomCalls()).toBe(roomCallsBefore);
  });

  it('Quit from the tray asks first while armed; "keep running" keeps the app and its window', () => {
    expect(apis(steps.quitKept)).toEqual(['<driver> tray menu', 'app.quit', 'dialog.showMessageBoxSync']);
    const [, question] = first(steps.quitKept, 'dialog.showMessageBoxSync')!.args as [string, Record<string, unknown>];
    expect(question).toMatchObject({
      title: 'Quit Room Dialer?',
      message: '1 schedule is armed.',
      buttons: ['Quit', 'Keep running in the background'],
      cancelId: 1,
    });
  });

  it('Pause all schedules from the tray: nothing armed, the tray goes; then closing closes and quitting asks nothing', () => {
    expect(apis(steps.pauseAll)).toContain('tray.destroy');
    expect(first(steps.closeAfterPause, '<electron> window close')?.args).toEqual(['closed']);
    expect(apis(steps.closeAfterPause)).not.toContain('window.hide');
    expect(apis(steps.quitAfterPause)).toEqual(['app.quit']);
  });
});

describe('a second copy (single-instance lock refused)', () => {
  it('quits without a window, without taking over anything', async () => {
    const result = await run('lock-refused');
    const { calls } = result.report;
    expect(troubles(result)).toEqual(NO_TROUBLE);
    const appCalls = apis(calls).filter((api) => api.startsWith('app.'));
    expect(appCalls).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    // Even with `ready` fired afterwards: no window, no session hooks, no handlers, no scheme.
    const after = apis(calls.slice(calls.findIndex((call) => call.api === 'app.quit')));
    expect(after).toEqual(['app.quit', '<driver> ready']);
  }, 150_000);

  it('loads the thin entry only, never the app module: a dial link clicked while the app runs costs little', async () => {
    const { modules } = (await run('lock-refused')).report;
    expect(modules[0]).toBe('index.js');
    expect(modules).not.toContain(APP_MODULE);
    // What it loads is a small part of the main process (the services, the store, zod, ajv stay out).
    const bytes = (files: readonly string[]) =>
      files.reduce((sum, file) => sum + statSync(path.join(OUT, 'main', file)).size, 0);
    const scripts = readdirSync(path.join(OUT, 'main'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    );
    expect(bytes(modules) * 4).toBeLessThan(bytes(scripts));
  }, 150_000);
});

describe('a start that fails', () => {
  /** Error box, then exit 1; no window; nothing left unhandled. */
  function expectFailedStart(result: ChildRun, reason: RegExp): void {
    const { calls } = result.report;
    expect(troubles(result)).toEqual(NO_TROUBLE);
    const box = first(calls, 'dialog.showErrorBox');
    expect(box?.args[0]).toBe('Room Dialer 无法启动 / Room Dialer could not start');
    expect(String(box?.args[1])).toMatch(reason);
    expect(String(box?.args[1])).toMatch(/日志 \/ Log: .*main\.log/);
    const exit = first(calls, 'app.exit');
    expect(exit?.args).toEqual([1]);
    expect(box!.seq).toBeLessThan(exit!.seq);
    expect(apis(calls)).not.toContain('new BrowserWindow');
  }

  it('after ready (demo mode with a bad WEMEET_ENDPOINT): error box, exit 1, no window', async () => {
    const result = await run('start-fails', { env: { ...demoEnv(sim.url), WEMEET_ENDPOINT: 'ftp://127.0.0.1/' } });
    expectFailedStart(result, /demo mode: WEMEET_ENDPOINT: must use https:\/\//);
    expect(first(result.report.calls, 'app.exit')?.afterReady).toBe(true);
  }, 150_000);

  it('before ready (a bad ELECTRON_RENDERER_URL): the same, rather than a process left without a window', async () => {
    const result = await run('start-fails', { env: { ELECTRON_RENDERER_URL: 'https://evil.example:5173/' } });
    expectFailedStart(result, /ELECTRON_RENDERER_URL must be an http:\/\/ address on this machine/);
    expect(first(result.report.calls, 'app.exit')?.afterReady).toBe(false);
    expect(apis(result.report.calls)).not.toContain('app.whenReady');
  }, 150_000);

  it('while loading the app module (a broken chunk): the same, once ready, with the lock taken first', async () => {
    const result = await run('start-fails', { env: demoEnv(sim.url), failToLoad: APP_MODULE });
    expectFailedStart(result, /chunks\/open-app\.js could not be loaded/);
    const { calls } = result.report;
    expect(first(calls, 'app.exit')?.afterReady).toBe(true);
    expect(calls.find((call) => call.api.startsWith('app.'))?.api).toBe('app.requestSingleInstanceLock');
  }, 150_000);
});

describe('the stand-in itself', () => {
  it('fails loudly on what it does not implement, and records it even when the caller swallows the error', () => {
    const recorder = new Recorder();
    const app = strict('app', { getVersion: () => '1.0.0' }, recorder);
    expect(app.getVersion()).toBe('1.0.0');
    expect(() => (app as unknown as Record<string, unknown>)['setBadgeCount']).toThrow(
      /electron stand-in: app.setBadgeCount is not implemented/,
    );
    expect(recorder.unimplemented.map((use) => use.api)).toEqual(['app.setBadgeCount']);
  });
});
