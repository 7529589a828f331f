// One operator session, end to end: the simulator, the app backend (real handlers), the built renderer served
// under the shell's CSP, and a Chromium page whose window.roomDialer reaches those handlers. Used by the scenario
// suite and by `npm run bench:ui`.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Locale } from '../../../common/locale';
import { APP_CSP, withSecurityHeaders } from '../../../main/shell/csp';
import type { SecretStore } from '../../../main/vault/secret-store';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../simulator/server';
import { startAppBackend, type AppBackend } from './app-backend';
import { installBridge, type Bridge } from './bridge';
import { launchChromium, newContext } from './browser';
import { startStaticServer, type StaticServer } from './static-server';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIR = path.join(REPO_ROOT, 'out', 'renderer');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');

export interface SessionOptions {
  readonly secretStore: SecretStore;
  readonly profile: string;
  readonly simulator?: SimulatorOptions;
  readonly browserLocale?: Locale;
  /** Runs after the temp dir exists and before the store opens (the benchmark writes its 10,000 rooms here). */
  readonly beforeStoreOpens?: (storeDir: string) => void;
  /** settings.endpoint before start; left out, the operator types it (first-run scenario). */
  readonly presetEndpoint?: boolean;
  /** Page scripts to run before the app's own, after window.roomDialer exists (the benchmark's probes). */
  readonly initScripts?: readonly string[];
}

export interface Session {
  readonly dir: string;
  readonly sim: Simulator;
  readonly server: StaticServer;
  readonly backend: AppBackend;
  readonly browser: Browser;
  readonly page: Page;
  readonly bridge: Bridge;
  /** Browser console errors and uncaught page errors, for the failure message of a test. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
}

export async function startSession(options: SessionOptions): Promise<Session> {
  assertBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-e2e-'));
  const closers: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const sim = await startSimulator(options.simulator);
    closers.push(() => sim.close());
    const server = await startStaticServer({ root: RENDERER_DIR, headers: withSecurityHeaders({}, APP_CSP) });
    closers.push(() => server.close());
    const storeDir = path.join(dir, 'store');
    mkdirSync(storeDir);
    options.beforeStoreOpens?.(storeDir);
    const backend = startAppBackend({
      dir,
      rendererUrl: server.url,
      secretStore: options.secretStore,
      profile: options.profile,
      ...(options.presetEndpoint ? { endpoint: sim.url } : {}),
      simulatorUrl: sim.url,
    });
    closers.push(() => backend.close());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    const page = await (await newContext(browser, options.browserLocale)).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    const bridge = await installBridge(page, backend.invoke);
    backend.onCallUpdate((call) => void bridge.push(call));
    for (const script of options.initScripts ?? []) await page.addInitScript(script);
    await page.goto(`${server.url}/`);
    return { dir, sim, server, backend, browser, page, bridge, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
