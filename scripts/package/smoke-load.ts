// Loads the packaged runtime dependencies with plain Node from an extracted copy of app.asar, to show that the
// `files` exclusions (TypeScript, dependency tests, keytar's build files) left everything they need. electron-store
// and electron-log/main import Electron at load time, so they are covered through what they stand on: conf and
// electron-log/node. keytar's require loads its native prebuild from the path the packaged app would use.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';

const SMOKE = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const keytar = require('@github/keytar');
if (typeof keytar.getPassword !== 'function') throw new Error('keytar has no getPassword');
const { z } = await import('zod');
z.object({ ok: z.string() }).parse({ ok: 'yes' });
const { default: Conf } = await import('conf');
if (typeof Conf !== 'function') throw new Error('conf has no default export');
const log = require('electron-log/node');
if (typeof log.info !== 'function') throw new Error('electron-log/node has no info');
console.log('loaded @github/keytar, zod, conf, electron-log/node from the packaged files');
`;

/** Returns a failure message, or null when every dependency loaded. */
export function smokeLoadDependencies(archive: string, into: string): string | null {
  extractAll(archive, into);
  const script = join(into, 'package-check-smoke.mjs');
  writeFileSync(script, SMOKE);
  const outcome = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  process.stdout.write(outcome.stdout);
  if (outcome.status === 0) return null;
  return `the packaged dependencies do not load under Node: ${outcome.stderr.trim().split('\n').slice(0, 3).join(' ')}`;
}
