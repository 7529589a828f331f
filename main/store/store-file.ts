// Reading a store file before any library touches it, so that a bad file can be kept instead of cleared, and
// writing a whole file in one atomic step (upgrades, repairs, compaction).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Localized } from '../../common/locale';
import { UnreadableStoreError, type UnreadableReason } from './upgrade';

/** A file's text as read and its JSON, so the backend opening the same file next need not parse it again. */
export interface ParsedFile {
  readonly text: string;
  readonly json: unknown;
}

export type StoreFileState<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'readable'; readonly value: T; readonly parsed: ParsedFile }
  | {
      readonly kind: 'unreadable';
      readonly reason: UnreadableReason;
      readonly detail: Localized;
      /** The file's schemaVersion, when it had a readable one. */
      readonly version?: number;
    };

/** Notepad's "UTF-8" puts a byte-order mark in front of what it saves; it is not damage. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse that reads a file saved with a byte-order mark as the valid file it is. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(withoutBom(text));
}

export function unparseable(error: unknown): StoreFileState<never> {
  const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return {
    kind: 'unreadable',
    reason: 'unparseable',
    detail: { 'zh-CN': `不是有效的 JSON（${why}）`, 'en-US': `not valid JSON (${why})` },
  };
}

/**
 * What the JSON file at `filePath` holds, as `read` (an upgrade step or a schema check, throwing
 * UnreadableStoreError) makes of it. A file that exists but cannot be read at all (permissions, a folder in its
 * place) throws the file-system error: the caller decides what the store can still do.
 */
export function inspectJsonFile<T>(filePath: string, read: (json: unknown) => T): StoreFileState<T> {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    return unparseable(error);
  }
  try {
    return { kind: 'readable', value: read(json), parsed: { text, json } };
  } catch (error) {
    if (error instanceof UnreadableStoreError) {
      const { reason, detail, version } = error;
      return version === undefined
        ? { kind: 'unreadable', reason, detail }
        : { kind: 'unreadable', reason, detail, version };
    }
    throw error;
  }
}

/**
 * The temp name of an atomic write: `<file>.tmp-<10 digits><6 hex>`, the shape conf's writer (atomically) uses, so
 * one pattern finds what an interrupted write of either left behind (stale-temp.ts).
 */
export function tempNameFor(filePath: string): string {
  return `${filePath}.tmp-${String(Date.now()).slice(-10)}${randomBytes(3).toString('hex')}`;
}

/**
 * Replaces the file's content all at once: a temp file, flushed to disk, renamed over it. A crash leaves the old
 * or the new content, never half of one (and at worst a temp file, removed at the next start).
 */
export function writeFileAtomically(filePath: string, text: string): void {
  const temp = tempNameFor(filePath);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, filePath);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The write's own error says more; the next start removes the temp file.
    }
    throw error;
  }
}

/** In the layout conf writes (tab-indented), so a later conf write changes only what changed. */
export function writeJsonAtomically(filePath: string, data: unknown): void {
  writeFileAtomically(filePath, JSON.stringify(data, undefined, '\t'));
}
