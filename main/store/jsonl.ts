// JSON Lines files the store appends to (call history segments, last dials): a header line naming the format and
// its version, then one JSON value per line. Appending a line costs the same however long the file is, which is
// the point: a finished call must not rewrite megabytes. A line that does not parse or fails its check (a torn
// write after a crash, a hand edit) is counted and left out; the caller keeps the file as it was and rewrites it.
import { readFileSync } from 'node:fs';
import type { Localized } from '../../common/locale';
import { withoutBom } from './store-file';

export interface JsonLinesFormat {
  /** The header's `format`, e.g. "room-dialer-history". */
  readonly name: string;
  readonly version: number;
}

export type JsonLinesState<T> =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'unreadable';
      readonly reason: 'invalid' | 'newer-version';
      readonly detail: Localized;
      readonly version?: number;
    }
  | {
      readonly kind: 'readable';
      /** In file order. */
      readonly entries: T[];
      /** Lines left out: not JSON, or refused by `check`. */
      readonly badLines: number;
      /** False when the last line has no newline (a torn append): the next append must not be glued onto it. */
      readonly endsCleanly: boolean;
    };

export function headerLine(format: JsonLinesFormat): string {
  return `${JSON.stringify({ format: format.name, version: format.version })}\n`;
}

export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** The whole file: header and one line per entry. */
export function jsonLinesText(format: JsonLinesFormat, entries: readonly unknown[]): string {
  return headerLine(format) + entries.map(jsonLine).join('');
}

function readHeader(line: string, format: JsonLinesFormat): JsonLinesState<never> | undefined {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    header = undefined;
  }
  const { format: name, version } = (typeof header === 'object' && header !== null ? header : {}) as Record<
    string,
    unknown
  >;
  if (name !== format.name || typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return {
      kind: 'unreadable',
      reason: 'invalid',
      detail: {
        'zh-CN': `第一行不是 ${format.name} 文件头`,
        'en-US': `the first line is not a ${format.name} header`,
      },
    };
  }
  if (version > format.version) {
    return {
      kind: 'unreadable',
      reason: 'newer-version',
      version,
      detail: {
        'zh-CN': `文件由更新版本的 Room Dialer 写入（格式版本 ${version}，本程序最高支持 ${format.version}）`,
        'en-US': `written by a newer Room Dialer (format version ${version}; this build knows up to ${format.version})`,
      },
    };
  }
  return undefined;
}

/**
 * Reads the file at `filePath`. `check` returns the entry or undefined for a line that parsed but is not one.
 * File-system errors other than "missing" are thrown for the caller to classify.
 */
export function readJsonLines<T>(
  filePath: string,
  format: JsonLinesFormat,
  check: (json: unknown) => T | undefined,
): JsonLinesState<T> {
  let text: string;
  try {
    text = withoutBom(readFileSync(filePath, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const lines = text.split('\n');
  // A file ending in "\n" splits into a last empty string; anything else there is a line cut short.
  const endsCleanly = lines.at(-1) === '';
  if (endsCleanly) lines.pop();
  if (lines.length === 0) return { kind: 'readable', entries: [], badLines: 0, endsCleanly: true };
  const refused = readHeader(lines[0] as string, format);
  if (refused) return refused;
  const entries: T[] = [];
  let badLines = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    let entry: T | undefined;
    try {
      entry = check(JSON.parse(line));
    } catch {
      entry = undefined;
    }
    if (entry === undefined) badLines++;
    else entries.push(entry);
  }
  return { kind: 'readable', entries, badLines, endsCleanly };
}
