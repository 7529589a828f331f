// What app.asar must and must not hold, as a pure function over its listing (scripts/package-check.ts reads the
// archive; tests/unit/package-audit.test.ts feeds made-up listings).
import type { AsarFile } from './asar-listing';

export interface AuditContext {
  /** package.json "main": the file Electron starts. */
  main: string;
  dependencies: readonly string[];
  devDependencies: readonly string[];
  /** package-lock.json "packages": `node_modules/<name>` → whether only the dev tree needs it. */
  lockPackages: Readonly<Record<string, { dev?: boolean }>>;
  /** The one keytar prebuild folder the target needs, e.g. `linux-x64`. */
  keytarPrebuild: string;
}

export interface AuditResult {
  failures: string[];
  /** Not failures, but worth printing: why a name from devDependencies is in the archive anyway. */
  notes: string[];
  /** Every package folder in the archive, e.g. `node_modules/zod`, `node_modules/a/node_modules/b`. */
  packages: string[];
}

const REQUIRED_FOLDERS = ['out/main/', 'out/preload/', 'out/renderer/'] as const;
const TOP_LEVEL = /^(out\/|node_modules\/|package\.json$)/;
const SOURCE = /\.(ts|tsx|mts|cts|vue)$/;
const TEST_FOLDER = /(^|\/)(test|tests|__tests__|__mocks__|spec)\//;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const KEYTAR = 'node_modules/@github/keytar/';

/** `node_modules/@scope/name/lib/x.js` → `node_modules/@scope/name`; nested node_modules keep their parent. */
export function packageFolder(path: string): string | null {
  const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match?.[1] ?? null;
}

function packageName(folder: string): string {
  return folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function checkContents(files: readonly AsarFile[], context: AuditContext, failures: string[]): void {
  const paths = new Set(files.map((file) => file.path));
  for (const required of ['package.json', context.main]) {
    if (!paths.has(required)) failures.push(`app.asar lacks ${required}`);
  }
  for (const folder of REQUIRED_FOLDERS) {
    if (!files.some((file) => file.path.startsWith(folder))) failures.push(`app.asar has nothing under ${folder}`);
  }
  const offenders = (label: string, test: (path: string) => boolean): void => {
    const found = files.filter((file) => test(file.path)).map((file) => file.path);
    if (found.length) failures.push(`app.asar holds ${label}: ${found.slice(0, 5).join(', ')}${more(found.length)}`);
  };
  offenders('files outside out/, node_modules/ and package.json', (path) => !TOP_LEVEL.test(path));
  offenders('source files', (path) => SOURCE.test(path));
  offenders('source maps', (path) => path.endsWith('.map'));
  offenders('tests', (path) => TEST_FOLDER.test(path) || TEST_FILE.test(path));
}

function more(count: number): string {
  return count > 5 ? ` and ${count - 5} more` : '';
}

function checkPackages(packages: readonly string[], context: AuditContext, result: AuditResult): void {
  const devDependencies = new Set(context.devDependencies);
  for (const folder of packages) {
    const name = packageName(folder);
    const locked = context.lockPackages[folder];
    if (!locked) result.failures.push(`app.asar holds ${folder}, which package-lock.json does not know`);
    else if (locked.dev) result.failures.push(`app.asar holds ${folder}, a development-only package`);
    else if (devDependencies.has(name)) {
      result.notes.push(`${name} is a devDependency, shipped because a runtime dependency needs it`);
    }
  }
  for (const dependency of context.dependencies) {
    if (!packages.includes(`node_modules/${dependency}`)) {
      result.failures.push(`app.asar lacks the runtime dependency ${dependency}`);
    }
  }
}

function checkNative(files: readonly AsarFile[], context: AuditContext, failures: string[]): void {
  const native = files.filter((file) => file.path.endsWith('.node'));
  for (const file of native.filter((entry) => !entry.unpacked)) {
    failures.push(`${file.path} is inside app.asar: a native module must be unpacked to load`);
  }
  const keytar = `${KEYTAR}prebuilds/${context.keytarPrebuild}/keytar.node`;
  if (!native.some((file) => file.path === keytar && file.unpacked)) failures.push(`${keytar} is not unpacked`);
  const prebuilds = new Set(
    files.filter((file) => file.path.startsWith(`${KEYTAR}prebuilds/`)).map((file) => file.path.split('/')[4] ?? ''),
  );
  prebuilds.delete(context.keytarPrebuild);
  if (prebuilds.size) failures.push(`keytar prebuilds for other targets are packaged: ${[...prebuilds].join(', ')}`);
  if (files.some((file) => file.path.startsWith(`${KEYTAR}build/`))) {
    failures.push(`${KEYTAR}build/ is packaged: it holds the build machine's binary, not the target's`);
  }
}

export function auditAsar(files: readonly AsarFile[], context: AuditContext): AuditResult {
  const packages = [...new Set(files.map((file) => packageFolder(file.path)).filter((f) => f !== null))].sort();
  const result: AuditResult = { failures: [], notes: [], packages };
  checkContents(files, context, result.failures);
  checkPackages(packages, context, result);
  checkNative(files, context, result.failures);
  return result;
}
