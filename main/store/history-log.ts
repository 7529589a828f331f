// Call history on disk and in memory. On disk: a folder of JSON Lines segments (000001.jsonl, 000002.jsonl…), each
// a header and then one call per line. A finished call appends one line to the newest segment, whatever the size
// of the history. The bound (settings.historyLimit) drops the oldest calls: at once from what is listed, and from
// disk a whole segment at a time once every call in it is beyond the bound, so nothing is ever rewritten to drop a
// call. Each drop is reported (onDropped), so the window can offer an export.
//
// Everything is kept in memory (about 1.3 KB a call) so that the one filter runs over it without touching the disk.
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  historyRecordSchema,
  type HistoryCapacity,
  type HistoryPage,
  type HistoryRecord,
} from '../../common/store-schema';
import { historyMatcher, type HistoryFilter, type HistoryQuery } from './history';
import { headerLine, jsonLine, jsonLinesText, readJsonLines, type JsonLinesFormat } from './jsonl';
import type { OpenContext } from './open-context';
import { guardFile, storeProblemOf, type StoreWriteError } from './store-errors';
import { writeFileAtomically } from './store-file';

export const HISTORY_FORMAT: JsonLinesFormat = { name: 'room-dialer-history', version: 1 };
export const SEGMENT_NAME = /^\d{6}\.jsonl$/;
/** Page size when a query names none. */
export const DEFAULT_PAGE = 500;

/** A tenth of the bound, between 100 and 10,000 calls: whole-segment drops keep at most that many extra on disk. */
export function segmentSizeFor(limit: number): number {
  return Math.min(10_000, Math.max(100, Math.ceil(limit / 10)));
}

interface Segment {
  readonly seq: number;
  readonly file: string;
  /** Calls in the file. */
  count: number;
}

const segmentFile = (dir: string, seq: number): string => path.join(dir, `${String(seq).padStart(6, '0')}.jsonl`);

function checkRecord(json: unknown): HistoryRecord | undefined {
  const parsed = historyRecordSchema.safeParse(json);
  return parsed.success ? Object.freeze(parsed.data) : undefined;
}

export type HistoryDropListener = (dropped: number, capacity: HistoryCapacity) => void;

/** The segments in `dir`, newest first. */
function listSegments(dir: string): Segment[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => SEGMENT_NAME.test(name))
    .map((name) => ({ seq: Number.parseInt(name, 10), file: path.join(dir, name), count: 0 }))
    .sort((a, b) => b.seq - a.seq);
}

export class HistoryLog {
  /** Oldest first; the listed calls start at `first` (the ones before it were dropped and wait for compaction). */
  private records: HistoryRecord[];
  private first = 0;
  private readonly ids = new Set<string>();
  private dropped = 0;
  private blocked: StoreWriteError | undefined;
  private readonly listeners = new Set<HistoryDropListener>();

  private constructor(
    private readonly dir: string,
    private limit: number,
    /** Oldest first, matching `records` in order. */
    private readonly segments: Segment[],
    records: HistoryRecord[],
  ) {
    this.records = records;
    for (const record of records) this.ids.add(record.id);
    this.trim();
    this.dropped = 0; // calls beyond the bound at start were dropped, and reported, in an earlier run
  }

  /**
   * Reads the folder, newest segment first, until `limit` calls are in; older segments hold only calls beyond the
   * bound and are deleted. With `initial` (an upgrade), those calls are written as the first segments instead.
   */
  static open(dir: string, limit: number, ctx: OpenContext, initial?: readonly HistoryRecord[]): HistoryLog {
    if (initial) return HistoryLog.create(dir, limit, ctx, initial);
    const found = ctx.read(dir, () => listSegments(dir)) ?? [];
    const kept: { segment: Segment; records: HistoryRecord[] }[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (const segment of found) {
      if (total >= limit) {
        ctx.write(segment.file, () => rmSync(segment.file, { force: true }));
        continue;
      }
      const state = ctx.read(segment.file, () => readJsonLines(segment.file, HISTORY_FORMAT, checkRecord));
      if (state === undefined || state.kind === 'missing') continue;
      if (state.kind === 'unreadable') {
        ctx.setAside('history', segment.file, state.reason, state.detail, state.version);
        continue;
      }
      // A call listed twice (a segment copied by hand) counts once.
      const records = state.entries.filter((record) => !seen.has(record.id) && seen.add(record.id));
      const badLines = state.badLines + state.entries.length - records.length;
      if (badLines > 0 || !state.endsCleanly) {
        ctx.repair('history', segment.file, badLines, jsonLinesText(HISTORY_FORMAT, records));
      }
      segment.count = records.length;
      total += records.length;
      kept.push({ segment, records });
    }
    kept.reverse();
    return new HistoryLog(
      dir,
      limit,
      kept.map((k) => k.segment),
      kept.flatMap((k) => k.records),
    );
  }

  private static create(dir: string, limit: number, ctx: OpenContext, initial: readonly HistoryRecord[]): HistoryLog {
    const size = segmentSizeFor(limit);
    const segments: Segment[] = [];
    for (let start = 0, seq = 1; start < initial.length; start += size, seq++) {
      const chunk = initial.slice(start, start + size);
      const file = segmentFile(dir, seq);
      ctx.write(file, () => {
        mkdirSync(dir, { recursive: true });
        writeFileAtomically(file, jsonLinesText(HISTORY_FORMAT, chunk));
      });
      segments.push({ seq, file, count: chunk.length });
    }
    return new HistoryLog(
      dir,
      limit,
      segments,
      initial.map((record) => Object.freeze({ ...record })),
    );
  }

  /** From now on every append throws `error` (the store started without a usable folder). */
  stopWriting(error: StoreWriteError): void {
    this.blocked = error;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  capacity(): HistoryCapacity {
    return { stored: this.records.length - this.first, limit: this.limit, dropped: this.dropped };
  }

  onDropped(listener: HistoryDropListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends one line to the newest segment (a new segment when it is full). Throws StoreWriteError when refused. */
  append(record: HistoryRecord): void {
    if (this.blocked) throw this.blocked;
    const line = jsonLine(record);
    let segment = this.segments.at(-1);
    if (segment === undefined || segment.count >= segmentSizeFor(this.limit)) {
      const seq = (segment?.seq ?? 0) + 1;
      const file = segmentFile(this.dir, seq);
      guardFile('write', file, () => {
        mkdirSync(this.dir, { recursive: true });
        writeFileSync(file, headerLine(HISTORY_FORMAT) + line, { flag: 'wx' });
      });
      segment = { seq, file, count: 0 };
      this.segments.push(segment);
    } else {
      const { file } = segment;
      guardFile('write', file, () => appendFileSync(file, line));
    }
    segment.count++;
    this.records.push(Object.freeze({ ...record }));
    this.ids.add(record.id);
    this.trim();
  }

  /** A new bound applies at once; lowering it drops (and reports) the oldest calls beyond it. */
  setLimit(limit: number): void {
    this.limit = limit;
    this.trim();
  }

  private trim(): void {
    let dropped = 0;
    while (this.records.length - this.first > this.limit) {
      this.ids.delete((this.records[this.first] as HistoryRecord).id);
      this.first++;
      dropped++;
    }
    if (this.first > 4096 && this.first * 2 > this.records.length) {
      this.records = this.records.slice(this.first);
      this.first = 0;
    }
    this.removeDroppedSegments();
    if (dropped > 0) {
      this.dropped += dropped;
      const capacity = this.capacity();
      for (const listener of this.listeners) listener(dropped, capacity);
    }
  }

  /** Deletes the oldest segments while every call in them is beyond the bound; the newest segment always stays. */
  private removeDroppedSegments(): void {
    let onDisk = 0;
    for (const segment of this.segments) onDisk += segment.count;
    let beyond = onDisk - (this.records.length - this.first);
    while (this.segments.length > 1 && (this.segments[0] as Segment).count <= beyond) {
      const oldest = this.segments[0] as Segment;
      try {
        rmSync(oldest.file, { force: true });
      } catch (error) {
        // Kept on disk for now (it is tried again after the next call); the calls in it are no longer listed.
        if (storeProblemOf(error)) return;
        throw error;
      }
      this.segments.shift();
      beyond -= oldest.count;
    }
  }

  /** Matching calls, newest first, at most `limit`. */
  list(filter: HistoryFilter = {}, limit = Number.POSITIVE_INFINITY): HistoryRecord[] {
    const matches = historyMatcher(filter);
    const out: HistoryRecord[] = [];
    for (let i = this.records.length - 1; i >= this.first && out.length < limit; i--) {
      const record = this.records[i] as HistoryRecord;
      if (matches(record)) out.push(record);
    }
    return out;
  }

  /** One page of the matching calls, newest first, with how many match in all. */
  query(query: HistoryQuery): HistoryPage {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE;
    const matches = historyMatcher(query);
    const records: HistoryRecord[] = [];
    let total = 0;
    for (let i = this.records.length - 1; i >= this.first; i--) {
      const record = this.records[i] as HistoryRecord;
      if (!matches(record)) continue;
      if (total >= offset && records.length < limit) records.push(record);
      total++;
    }
    return { records, total, offset, capacity: this.capacity() };
  }
}
