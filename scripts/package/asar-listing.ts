// The files of an app.asar, read from its header: path, size, and whether the file lives in app.asar.unpacked.
import { getRawHeader, type DirectoryRecord, type FileRecord } from '@electron/asar';

export interface AsarFile {
  /** Relative to the archive root, with forward slashes: `out/main/index.js`. */
  path: string;
  size: number;
  unpacked: boolean;
}

function isDirectory(entry: DirectoryRecord | FileRecord): entry is DirectoryRecord {
  return 'files' in entry;
}

export function listAsarFiles(archive: string): AsarFile[] {
  const files: AsarFile[] = [];
  const walk = (directory: DirectoryRecord, prefix: string): void => {
    for (const [name, entry] of Object.entries(directory.files)) {
      const path = prefix + name;
      if (isDirectory(entry)) walk(entry, `${path}/`);
      // Symbolic links carry no size; the audit sees them as empty files so a stray link is still listed.
      else files.push({ path, size: entry.size ?? 0, unpacked: entry.unpacked === true });
    }
  };
  walk(getRawHeader(archive).header, '');
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
