// Reading the store file before any library touches it, so that a bad file can be kept instead of cleared, and
// writing an upgraded document back in one atomic step.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { StoreData } from '../../common/store-schema';
import { upgrade, UnreadableStoreError, type UnreadableReason } from './upgrade';
import type { Localized } from '../../common/locale';

export type StoreFileState =
  | { readonly kind: 'missing' }
  /** `from` < CURRENT_SCHEMA_VERSION: `data` is the upgraded document, the file still holds the old one. */
  | { readonly kind: 'readable'; readonly data: StoreData; readonly from: number }
  | {
      readonly kind: 'unreadable';
      readonly reason: UnreadableReason;
      readonly detail: Localized;
      /** The file's schemaVersion, when it had a readable one. */
      readonly version?: number;
    };

/**
 * What is in the file at `filePath`. A file that exists but cannot be read at all (permissions, a folder in its
 * place) throws: it cannot be moved aside safely either, and starting over on top of it would hide it.
 */
export function inspectStoreFile(filePath: string): StoreFileState {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let json: unknown;
  try {
    // Notepad's "UTF-8" adds a byte-order mark that JSON.parse refuses; it is not damage.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = (error as Error).message.slice(0, 200);
    return {
      kind: 'unreadable',
      reason: 'unparseable',
      detail: { 'zh-CN': `不是有效的 JSON（${why}）`, 'en-US': `not valid JSON (${why})` },
    };
  }
  try {
    const { data, from } = upgrade(json);
    return { kind: 'readable', data, from };
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
 * Replaces the file's content all at once (a temp file renamed over it), in the layout conf writes, so a crash
 * leaves either the old or the new document, never half of one.
 */
export function writeStoreFileAtomically(filePath: string, data: StoreData): void {
  const temp = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(data, undefined, '\t'), { flag: 'wx' });
    renameSync(temp, filePath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
