// Loads what the packaged app loads, with plain Node, from an extracted copy of app.asar, to show that the `files`
// exclusions (TypeScript, dependency tests, keytar's build files) left everything it needs:
// - every package the built main process imports or requires at run time (out/main bundles its pure-JS
//   dependencies, so that is keytar, whose require loads its native prebuild from the path the packaged app would
//   use) resolves from the packaged files, and keytar loads;
// - 'electron' is reached through `import` only: a bundled CommonJS `require('electron')` would go through
//   createRequire instead of Electron's ESM loader;
// - the packaged command line runs: `out/main/cli.js --help`, which answers from its argument parser alone, and a
//   command line it refuses (an unknown command, exit 2), which loads the rest of the CLI and its bundled
//   dependencies but reaches neither the keychain nor the network. The app's own entry needs Electron, which does
//   not exist here.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';
import { bundleImports } from './bundle-imports';

/** Electron provides it; everything else must be in the package. */
const PROVIDED = new Set(['electron']);

function smokeScript(packages: readonly string[]): string {
  return `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
for (const name of ${JSON.stringify(packages)}) import.meta.resolve(name);
const keytar = require('@github/keytar');
if (typeof keytar.getPassword !== 'function') throw new Error('keytar has no getPassword');
console.log('resolved from the packaged files: ${packages.join(', ')}; loaded @github/keytar');
`;
}

function run(args: readonly string[], label: string, status = 0): string | null {
  const outcome = spawnSync(process.execPath, args, { encoding: 'utf8' });
  process.stdout.write(outcome.stdout.split('\n').slice(0, 3).join('\n') + '\n');
  if (outcome.status === status) return null;
  return `${label}: ${outcome.stderr.trim().split('\n').slice(0, 3).join(' ')}`;
}

/** Returns the failures (none when everything loaded). */
export function smokeLoadDependencies(archive: string, into: string): string[] {
  extractAll(archive, into);
  const outMain = join(into, 'out', 'main');
  const imports = bundleImports(outMain);
  const failures: string[] = [];
  if (imports.electronRequiredBy.length) {
    failures.push(`out/main requires 'electron' through CommonJS (${imports.electronRequiredBy.join(', ')})`);
  }
  // Beside the bundle, so that packages resolve as they do from out/main.
  const script = join(outMain, 'package-check-smoke.mjs');
  writeFileSync(script, smokeScript(imports.packages.filter((name) => !PROVIDED.has(name))));
  const loaded = run([script], 'the packaged dependencies do not load under Node');
  if (loaded) failures.push(loaded);
  const cli = run([join(outMain, 'cli.js'), '--help'], 'the packaged out/main/cli.js --help fails');
  if (cli) failures.push(cli);
  // Exit 2 is the CLI's refusal of bad input; a module that fails to load exits 1.
  const refused = run([join(outMain, 'cli.js'), 'package-check'], 'the packaged CLI fails to load its commands', 2);
  if (refused) failures.push(refused);
  return failures;
}
