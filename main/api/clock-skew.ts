// How far this PC's clock is from Tencent's, read from the Date header of every answer. Tencent refuses a
// signature whose timestamp is more than 5 minutes off (reference §1.3), so the window warns from one minute on,
// with the size and the fix, before calls start failing. The transport uses the same reading to explain a refusal.
import { capText } from '../../common/text-cap';
import type { FetchLike } from './transport';

/** Shown to the operator from this much on; Tencent refuses from 5 minutes. */
export const CLOCK_SKEW_WARN_MS = 60_000;

/** A Date header is 29 characters; anything far longer is cut before it is searched. */
const MAX_DATE_HEADER = 256;

const DAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`;
const TIME = String.raw`\d{2}:\d{2}:\d{2}`;
/**
 * The three forms RFC 9110 §5.6.7 makes recipients accept: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the
 * obsolete RFC 850 form ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994", in GMT).
 */
const HTTP_DATE = new RegExp(
  String.raw`${DAY}, \d{2} ${MONTH} \d{4} ${TIME} GMT|${DAY}[a-z]{0,6}, \d{2}-${MONTH}-\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \d]\d ${TIME} \d{4}`,
  'g',
);

/**
 * The server's time (ms since the epoch) from a Date header, or undefined when it holds none. A response with two
 * Date headers reaches us as one value joined with ", " (fetch does that, and an HTTP date has a comma of its own,
 * so Date.parse gives up on it): the first valid date wins.
 */
export function serverTimeOf(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  for (const [date] of capText(header, MAX_DATE_HEADER).matchAll(HTTP_DATE)) {
    // asctime carries no zone but means GMT; without the suffix Date.parse would read it as local time.
    const ms = Date.parse(date.endsWith('GMT') ? date : `${date} GMT`);
    if (!Number.isNaN(ms)) return ms;
  }
  return undefined;
}

/** The last measured difference between Tencent's clock and this PC's, from every answer any client gets. */
export class ClockSkewMonitor {
  private latestMs: number | undefined;

  constructor(private readonly now: () => number) {}

  /** `fetch`, telling this monitor the Date of every answer (success or refusal) as it arrives. */
  watch(fetch: FetchLike): FetchLike {
    return async (url, init) => {
      const response = await fetch(url, init);
      this.record(response.headers.get('date'));
      return response;
    };
  }

  record(dateHeader: string | null | undefined): void {
    const serverMs = serverTimeOf(dateHeader);
    if (serverMs !== undefined) this.latestMs = serverMs - this.now();
  }

  /** Server minus local time in ms when the last answer showed more than CLOCK_SKEW_WARN_MS, else null. */
  current(): number | null {
    return this.latestMs !== undefined && Math.abs(this.latestMs) > CLOCK_SKEW_WARN_MS ? this.latestMs : null;
  }
}
