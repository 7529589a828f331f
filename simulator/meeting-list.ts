// Paging of a user's meeting list (GET /v1/meetings without meeting_code, reference §8.3): 20 per page, ordered by
// start time; `pos` is a start time in Unix seconds and `cursory` an opaque cursor the service issued. Several
// meetings can start in the same second, so pos alone cannot say where the last page ended: a client that sends pos
// without the cursory it was given gets the meetings of that second again (as the SDK's comment warns).
import { SimError } from './errors';
import type { SeedMeeting } from './types';

export const LIST_PAGE_SIZE = 20;
/** Issued cursors kept; the oldest are forgotten first (a client does not come back to a list hours later). */
const MAX_CURSORS = 10_000;

interface Cursor {
  readonly userid: string;
  readonly pos: number;
  /** Meetings starting exactly at pos already returned. */
  readonly skip: number;
}

export interface ListPage {
  readonly meetings: readonly SeedMeeting[];
  readonly remaining: number;
  readonly nextPos: number;
  readonly nextCursory: number;
}

export class ListCursors {
  private readonly issued = new Map<number, Cursor>();
  private last = 0;

  /** One page of `listed` (already filtered to the user's meetings) from pos / cursory. */
  page(listed: readonly SeedMeeting[], userid: string, pos: number, cursory: number, serverNowMs: number): ListPage {
    const sorted = [...listed].sort(
      (a, b) => a.startTime - b.startTime || (BigInt(a.meetingId) < BigInt(b.meetingId) ? -1 : 1),
    );
    let skip = 0;
    if (cursory !== 0) {
      const cursor = this.issued.get(cursory);
      if (!cursor || cursor.userid !== userid || cursor.pos !== pos) {
        throw new SimError('invalidParam', `cursory ${cursory} is not a cursor this service gave for pos ${pos}`);
      }
      skip = cursor.skip;
    }
    const from = sorted.filter((m) => m.startTime >= pos);
    const rest = from.slice(Math.min(skip, from.filter((m) => m.startTime === pos).length));
    const page = rest.slice(0, LIST_PAGE_SIZE);
    const next = rest[LIST_PAGE_SIZE];
    if (!next) return { meetings: page, remaining: 0, nextPos: 0, nextCursory: 0 };
    // The meetings of the page that start in next's second, plus those skipped before when the page began there.
    const sameSecond = page.filter((m) => m.startTime === next.startTime).length;
    const carried = page[0]?.startTime === next.startTime && next.startTime === pos ? skip : 0;
    return {
      meetings: page,
      remaining: rest.length - page.length,
      nextPos: next.startTime,
      nextCursory: this.issue({ userid, pos: next.startTime, skip: sameSecond + carried }, serverNowMs),
    };
  }

  /** An opaque token that looks like what Tencent sends (a Unix time in ms); unique per simulator. */
  private issue(cursor: Cursor, serverNowMs: number): number {
    this.last = Math.max(this.last + 1, Math.floor(serverNowMs));
    this.issued.set(this.last, cursor);
    if (this.issued.size > MAX_CURSORS) this.issued.delete(this.issued.keys().next().value as number);
    return this.last;
  }
}
