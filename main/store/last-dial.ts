// Each room's latest dial (lastDialedAt, lastOutcome), kept out of the address book file so that a finished call
// appends one short line here instead of rewriting every room. The address book file is written with the rooms'
// latest dials whenever a room changes; this log is then cleared, so it only holds what happened since.
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { lastDialSchema, type LastDial } from '../../common/store-schema';
import { headerLine, jsonLine, jsonLinesText, readJsonLines, type JsonLinesFormat } from './jsonl';
import type { OpenContext } from './open-context';
import { guardFile, storeProblemOf, type StoreWriteError } from './store-errors';

export const LAST_DIAL_FORMAT: JsonLinesFormat = { name: 'room-dialer-last-dial', version: 1 };
/** Lines beyond one per room that make the log worth rewriting at start. */
const COMPACT_AFTER = 1000;

function checkLastDial(json: unknown): LastDial | undefined {
  const parsed = lastDialSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export class LastDialLog {
  private blocked: StoreWriteError | undefined;

  private constructor(
    private readonly file: string,
    private exists: boolean,
  ) {}

  /** The log, and the latest dial of each room in it (a result older than one already there is ignored). */
  static open(file: string, ctx: OpenContext): { log: LastDialLog; latest: Map<string, LastDial> } {
    const latest = new Map<string, LastDial>();
    const state = ctx.read(file, () => readJsonLines(file, LAST_DIAL_FORMAT, checkLastDial));
    if (state?.kind === 'unreadable') ctx.setAside('last-dial', file, state.reason, state.detail, state.version);
    if (state?.kind !== 'readable') return { log: new LastDialLog(file, false), latest };
    for (const entry of state.entries) {
      const known = latest.get(entry.roomId);
      if (known === undefined || Date.parse(known.at) <= Date.parse(entry.at)) latest.set(entry.roomId, entry);
    }
    if (state.badLines > 0 || !state.endsCleanly || state.entries.length > latest.size + COMPACT_AFTER) {
      ctx.repair('last-dial', file, state.badLines, jsonLinesText(LAST_DIAL_FORMAT, [...latest.values()]));
    }
    return { log: new LastDialLog(file, true), latest };
  }

  stopWriting(error: StoreWriteError): void {
    this.blocked = error;
  }

  /** One line; the file (with its header) is created by the first. Throws StoreWriteError when refused. */
  append(entry: LastDial): void {
    if (this.blocked) throw this.blocked;
    const line = jsonLine(entry);
    guardFile('write', this.file, () => {
      if (this.exists) appendFileSync(this.file, line);
      else writeFileSync(this.file, headerLine(LAST_DIAL_FORMAT) + line);
    });
    this.exists = true;
  }

  /** After the address book file was written with every room's latest dial: what is here is in there now. */
  clear(): void {
    if (this.blocked || !this.exists) return;
    try {
      rmSync(this.file, { force: true });
      this.exists = false;
    } catch (error) {
      // Left as it is: replaying it at the next start changes nothing (its dials are not newer than the file's).
      if (!storeProblemOf(error)) throw error;
    }
  }
}
