// Temp files an interrupted write left behind. conf (through `atomically`) and this store write `<file>.tmp-<id>`
// and rename it over the file; `kill -9` or a power cut between the two leaves the temp file, as large as the
// store, and they pile up. Nothing else writes in the store's folder while it opens (the app holds a single-instance
// lock), so every one found then is stale.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** conf's and ours (`config.json.tmp-1764000000abc123`), and the writer before v2's (`config.json.abcdef012345.tmp`). */
const TEMP_SUFFIX = /^(.+?)(?:\.tmp-[0-9a-f]+|\.[0-9a-f]{12}\.tmp)$/;

/**
 * Removes, from `folder`, the temp files of the files `isStoreFile` accepts (by name). Best effort: a folder that
 * cannot be listed or a file that cannot be removed is left for the next start. Returns the names removed.
 */
export function removeStaleTemps(folder: string, isStoreFile: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_SUFFIX.exec(name);
    if (!match || !isStoreFile(match[1] as string)) continue;
    try {
      rmSync(path.join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Read-only folder or a locked file: the store says what it cannot do elsewhere; this is only tidying.
    }
  }
  return removed;
}
