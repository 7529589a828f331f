// Keeping a store file the app cannot use: it is moved (or copied) next to itself under a name that says why and
// when, e.g. config.corrupt-2026-11-22T10-00-00Z.json, so the operator or support can find it and nothing is lost.
import { constants, copyFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';

/** 2026-11-22T10:00:00.123Z → 2026-11-22T10-00-00Z: sortable, and without the colons Windows forbids. */
export function backupStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/** `label` is a word such as `corrupt`, `newer-v3` or `v0`. Two backups in the same second get -2, -3… */
function candidates(filePath: string, label: string, at: Date): Iterable<string> {
  const { dir, name, ext } = path.parse(filePath);
  const base = path.join(dir, `${name}.${label}-${backupStamp(at)}`);
  return (function* () {
    yield `${base}${ext}`;
    for (let n = 2; ; n++) yield `${base}-${n}${ext}`;
  })();
}

/** Renames the file to its backup name (same folder, so the rename is atomic) and returns the new path. */
export function moveAside(filePath: string, label: string, at: Date): string {
  for (const target of candidates(filePath, label, at)) {
    if (existsSync(target)) continue;
    renameSync(filePath, target);
    return target;
  }
  throw new Error('unreachable');
}

/** Copies the file to its backup name, never overwriting an existing file, and returns the copy's path. */
export function copyAside(filePath: string, label: string, at: Date): string {
  for (const target of candidates(filePath, label, at)) {
    try {
      copyFileSync(filePath, target, constants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error('unreachable');
}
