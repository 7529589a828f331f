// `npm run package:check` (run by `npm test`): packages the app for Linux offline from electron-builder.yml and
// proves the result. Expects out/ from `npm run build`. Steps:
//   1. electron-builder.yml keeps issue #5's promises (fuses, per-platform file lists, targets);
//   2. `electron-builder --dir --linux` with electronDist → a placeholder Electron in a temp dir (no Electron binary
//      exists here, and none may be downloaded), output in the same temp dir, never in dist/;
//   3. app.asar holds out/main, out/preload, out/renderer and package.json, and no sources, tests, maps or
//      development-only packages; keytar's native prebuild for this target only, unpacked; the files the main
//      bundle opens by path (the tray icons);
//   4. the app payload is under budget; the fuses were flipped in the packaged executable; what the bundled main
//      process loads at run time (keytar) resolves and loads under Node, and the packaged CLI runs.
// Exits 1 with every failed assertion listed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { listAsarFiles } from './package/asar-listing';
import { auditAsar } from './package/audit-asar';
import { formatBytes, summarizeAsar } from './package/asar-summary';
import { checkBuilderConfig } from './package/check-config';
import { checkMainAssets, mainBundleAssets } from './package/main-assets';
import { checkFlippedFuses, createPlaceholderElectron } from './package/placeholder-electron';
import { smokeLoadDependencies } from './package/smoke-load';
import { concludeGate } from './conclude-gate';

/**
 * app.asar + app.asar.unpacked. ≈ 2.6 MiB late in issue #12: out/renderer ≈ 1.2, out/main ≈ 1.2 (the main process
 * bundles its pure-JS dependencies: zod, electron-store with conf and ajv, electron-log), keytar ≈ 0.1. The budget
 * leaves room for the app to grow and still fails on the usual mistakes (a devDependency in node_modules, every
 * keytar prebuild, sources or maps in the archive).
 */
const APP_BUDGET = 4 * 1024 * 1024;
/** app.asar.unpacked: keytar's loader and one prebuild (≈ 120 KiB); anything more is a file unpacked by mistake. */
const UNPACKED_BUDGET = 256 * 1024;

const ROOT = resolve(import.meta.dirname, '..');
const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const ARCH = process.arch === 'arm' ? 'armv7l' : process.arch;

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

function directorySize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + directorySize(join(path, name)), 0);
}

function packageOffline(work: string, electronDist: string): string {
  const builder = join(ROOT, 'node_modules', '.bin', 'electron-builder');
  const output = join(work, 'dist');
  const args = ['--dir', '--linux', `--${ARCH}`, '--publish', 'never'];
  args.push(`-c.electronDist=${electronDist}`, `-c.directories.output=${output}`);
  const outcome = spawnSync(builder, args, { cwd: ROOT, stdio: 'inherit' });
  if (outcome.status !== 0) throw new Error(`electron-builder ${args.join(' ')} failed (exit ${outcome.status})`);
  const appDir = readdirSync(output).find((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name));
  if (!appDir) throw new Error(`electron-builder wrote no linux-unpacked folder into ${output}`);
  return join(output, appDir);
}

async function main(): Promise<number> {
  const missing = BUILT.filter((path) => !existsSync(join(ROOT, path)));
  if (missing.length) {
    console.error(`package:check needs the production build (missing ${missing.join(', ')}): run \`npm run build\``);
    return 1;
  }
  const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
  const failures = checkBuilderConfig(config);

  const work = mkdtempSync(join(tmpdir(), 'room-dialer-package-'));
  try {
    const appDir = packageOffline(work, await createPlaceholderElectron(join(work, 'electron')));
    const archive = join(appDir, 'resources', 'app.asar');
    const unpackedDir = `${archive}.unpacked`;
    const files = listAsarFiles(archive);
    const pkg = readJson('package.json');
    const audit = auditAsar(files, {
      main: String(pkg['main']),
      dependencies: Object.keys(pkg['dependencies'] ?? {}),
      devDependencies: Object.keys(pkg['devDependencies'] ?? {}),
      lockPackages: readJson('package-lock.json')['packages'] as Record<string, { dev?: boolean }>,
      keytarPrebuild: `linux-${ARCH}`,
    });
    failures.push(...audit.failures);
    const assets = mainBundleAssets(ROOT);
    failures.push(...checkMainAssets(assets, files));
    for (const file of files.filter((entry) => entry.unpacked)) {
      const onDisk = join(unpackedDir, file.path);
      if (!existsSync(onDisk) || statSync(onDisk).size !== file.size)
        failures.push(`${file.path} is not in app.asar.unpacked`);
    }

    const asarBytes = statSync(archive).size;
    const unpackedBytes = existsSync(unpackedDir) ? directorySize(unpackedDir) : 0;
    if (asarBytes + unpackedBytes > APP_BUDGET) {
      failures.push(
        `app payload ${formatBytes(asarBytes + unpackedBytes)} is over its budget of ${formatBytes(APP_BUDGET)}`,
      );
    }
    if (unpackedBytes > UNPACKED_BUDGET) {
      failures.push(
        `app.asar.unpacked ${formatBytes(unpackedBytes)} is over its budget of ${formatBytes(UNPACKED_BUDGET)}`,
      );
    }

    const fuses = await checkFlippedFuses(join(appDir, config.linux?.executableName ?? 'room-dialer'));
    failures.push(...fuses.failures);
    failures.push(...smokeLoadDependencies(archive, join(work, 'extracted')));

    console.log(`\n${summarizeAsar(files, audit.packages).join('\n')}`);
    for (const note of audit.notes) console.log(`note: ${note}`);
    console.log(`files out/main opens at run time: ${assets.join(', ')}`);
    console.log('sizes:');
    console.log(`  app.asar           ${formatBytes(asarBytes)}`);
    console.log(`  app.asar.unpacked  ${formatBytes(unpackedBytes)}  (budget ${formatBytes(UNPACKED_BUDGET)})`);
    console.log(`  app payload        ${formatBytes(asarBytes + unpackedBytes)}  (budget ${formatBytes(APP_BUDGET)})`);
    console.log('fuses in the packaged (placeholder) executable:');
    console.log(fuses.lines.join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  return concludeGate('package:check', failures);
}

process.exit(await main());
