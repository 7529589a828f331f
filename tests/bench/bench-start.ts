// npm run bench:start — how fast the built main process and the CLI start under plain Node. Prints each figure beside
// its target (issue #12, Speed at scale) and the load average; nothing here asserts, the CPUs are shared:
//   1. main cold import: a fresh Node process imports out/main/index.js (module loading and top-level code; the app
//      itself does not start: the Electron stand-in refuses the single-instance lock, so index.js quits at once),
//      median over many processes (target ≤ 80 ms). That is what Electron waits for before `ready`, and all that a
//      second launch (a dial link clicked while the app runs) loads. The same processes then import what the entry
//      imports dynamically (the app module: services, store, IPC, window), and that total is printed on its own line
//      with no target: everything loaded before the first window, so that nobody takes the entry for the whole;
//   2. `node out/main/cli.js --help` against `node -e 0`, wall time of whole processes, run alternately (target
//      ≤ 1.5×);
//   3. what out/main still loads from node_modules at run time, and whether anything reaches 'electron' through
//      CommonJS require (the start-up test's stand-in, and Electron's ESM loader, want `import … from 'electron'`).
// Electron is stubbed without loader hooks (which would slow every import down): out/main is copied into a temp
// folder whose node_modules links every installed package except 'electron', which is a stand-in package there.
// Needs `npm run build` first (the npm script runs it).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleImports } from '../../scripts/package/bundle-imports';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_MAIN = path.join(ROOT, 'out', 'main');
const PROCESSES = 21;
const TARGET_IMPORT_MS = 80;
const TARGET_HELP_RATIO = 1.5;

const load = () => `load ${loadavg()[0]?.toFixed(2)}`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');
const ms = (value: number) => `${value.toFixed(1)} ms`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Electron's main-process modules (renderer-only ones such as ipcRenderer must read as absent: electron-log checks). */
const MAIN_MODULES = [
  'app',
  'autoUpdater',
  'BaseWindow',
  'BrowserView',
  'BrowserWindow',
  'clipboard',
  'contentTracing',
  'crashReporter',
  'desktopCapturer',
  'dialog',
  'globalShortcut',
  'inAppPurchase',
  'ipcMain',
  'Menu',
  'MenuItem',
  'MessageChannelMain',
  'nativeImage',
  'nativeTheme',
  'net',
  'netLog',
  'Notification',
  'powerMonitor',
  'powerSaveBlocker',
  'protocol',
  'pushNotifications',
  'safeStorage',
  'screen',
  'session',
  'ShareMenu',
  'shell',
  'systemPreferences',
  'TouchBar',
  'Tray',
  'utilityProcess',
  'View',
  'webContents',
  'WebContentsView',
  'webFrameMain',
];

/** Each module: every property and call answers quietly, except that the single-instance lock is refused. */
const STAND_IN_CJS = `'use strict';
const handler = {
  get(target, property) {
    if (property === Symbol.toPrimitive) return () => '';
    if (property === 'then') return undefined;
    if (property === 'requestSingleInstanceLock') return () => false;
    return stub;
  },
  apply: () => stub,
  construct: () => stub,
};
const stub = new Proxy(function electronStandIn() {}, handler);
module.exports = Object.fromEntries(${JSON.stringify(MAIN_MODULES)}.map((name) => [name, stub]));
`;

/** A temp app folder: out/main, package.json, node_modules linking every package but 'electron' (a stand-in). */
function standInApp(electronNames: readonly string[]): { dir: string; entry: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-bench-start-'));
  cpSync(OUT_MAIN, path.join(dir, 'out', 'main'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  const real = path.join(ROOT, 'node_modules');
  for (const name of readdirSync(real)) {
    if (name === 'electron' || name.startsWith('.')) continue;
    symlinkSync(path.join(real, name), path.join(modules, name), 'dir');
  }
  const electron = path.join(modules, 'electron');
  mkdirSync(electron);
  writeFileSync(
    path.join(electron, 'package.json'),
    JSON.stringify({ name: 'electron', exports: { import: './index.mjs', require: './index.cjs' } }),
  );
  writeFileSync(path.join(electron, 'index.cjs'), STAND_IN_CJS);
  const names = electronNames.filter((name) => name !== 'default');
  writeFileSync(
    path.join(electron, 'index.mjs'),
    `import electron from './index.cjs';\nexport default electron;\n` +
      (names.length ? `export const { ${names.join(', ')} } = electron;\n` : ''),
  );
  return { dir, entry: path.join(dir, 'out', 'main', 'index.js') };
}

/** What the entry imports with import() (the app module), as paths relative to it. */
function dynamicImportsOf(entry: string): string[] {
  return [...readFileSync(entry, 'utf8').matchAll(/\bimport\("(\.\/[\w./-]+\.js)"\)/g)].map((match) => match[1]!);
}

interface ColdImport {
  /** Milliseconds in `await import(entry)`. */
  readonly entry: number;
  /** Milliseconds from the start of that until `later` are imported too. */
  readonly withLater: number;
}

/** One fresh Node process: imports the entry, then `later` (paths relative to the entry), timing both. */
function coldImport(entry: string, later: readonly string[]): ColdImport {
  const urls = later.map((file) => new URL(file, pathToFileURL(entry)).href);
  const script =
    `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(entry).href)}); ` +
    `const entry = performance.now() - t; ` +
    `for (const url of ${JSON.stringify(urls)}) await import(url); ` +
    `process.stdout.write(JSON.stringify({ entry, withLater: performance.now() - t })); process.exit(0);`;
  // --preserve-symlinks: a package linked into the temp folder finds the stand-in, not the real 'electron'.
  const run = spawnSync(process.execPath, ['--preserve-symlinks', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`importing ${entry} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ColdImport;
}

/** `median (median; min …, max …)` of some milliseconds. */
function spread(values: readonly number[]): string {
  return `${ms(median(values))} (median; min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})`;
}

/** Wall time of a whole Node process. */
function processMs(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${run.stderr}`);
  return elapsed;
}

function main(): void {
  const imports = bundleImports(OUT_MAIN);
  console.log(`Start-up benchmark: Node ${process.version}, ${PROCESSES} fresh processes per figure, 2 CPUs shared`);

  const app = standInApp(imports.electronNames);
  try {
    const later = dynamicImportsOf(app.entry);
    coldImport(app.entry, later); // warms the disk cache, not measured
    const runs = Array.from({ length: PROCESSES }, () => coldImport(app.entry, later));
    const entry = runs.map((run) => run.entry);
    console.log(
      `main cold import: ${spread(entry)}; target ≤ ${TARGET_IMPORT_MS} ms: ` +
        `${verdict(median(entry) <= TARGET_IMPORT_MS)} (before \`ready\`; all a second launch loads); ${load()}`,
    );
    console.log(
      `main + app module (${later.join(', ') || 'none'}): ${spread(runs.map((run) => run.withLater))}; ` +
        `no target (all loaded before the first window); ${load()}`,
    );
  } finally {
    rmSync(app.dir, { recursive: true, force: true });
  }

  const cli = path.join(OUT_MAIN, 'cli.js');
  const bare: number[] = [];
  const help: number[] = [];
  processMs(['-e', '0']);
  processMs([cli, '--help']);
  for (let i = 0; i < PROCESSES; i++) {
    bare.push(processMs(['-e', '0']));
    help.push(processMs([cli, '--help']));
  }
  const ratio = median(help) / median(bare);
  console.log(
    `room-dialer --help: ${ms(median(help))} against node -e 0: ${ms(median(bare))} (medians) = ${ratio.toFixed(2)}×; ` +
      `target ≤ ${TARGET_HELP_RATIO}×: ${verdict(ratio <= TARGET_HELP_RATIO)}; ${load()}`,
  );

  console.log(`out/main loads from node_modules at run time: ${imports.packages.join(', ') || 'nothing'}`);
  console.log(
    imports.electronRequiredBy.length
      ? `out/main requires 'electron' through CommonJS in ${imports.electronRequiredBy.join(', ')}`
      : `out/main reaches 'electron' through import only (${imports.electronNames.length} names)`,
  );
}

main();
