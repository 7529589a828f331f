// Where a known secret occurs: in every file under a folder (byte search, so binary and minified files count too)
// and in a list of texts. The secret-leak test asserts both come back empty.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Occurrence {
  /** A file path, or the label of a text. */
  readonly where: string;
  readonly count: number;
}

function countIn(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every file under `dir` containing `secret`, with how often. Throws when `dir` has no files: nothing was searched. */
export function findInFiles(dir: string, secret: string): { searched: number; found: Occurrence[] } {
  const files = filesUnder(dir);
  if (files.length === 0) throw new Error(`no files under ${dir}: the search would prove nothing`);
  const needle = Buffer.from(secret, 'utf8');
  const found = files
    .map((file) => ({ where: file, count: countIn(readFileSync(file), needle) }))
    .filter((hit) => hit.count > 0);
  return { searched: files.length, found };
}

export function findInTexts(texts: readonly { label: string; text: string }[], secret: string): Occurrence[] {
  const needle = Buffer.from(secret, 'utf8');
  return texts
    .map(({ label, text }) => ({ where: label, count: countIn(Buffer.from(text, 'utf8'), needle) }))
    .filter((hit) => hit.count > 0);
}
