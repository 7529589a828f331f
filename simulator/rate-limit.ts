// Tencent's per-app request limits (reference §8.1): more than `perMinute` requests in any 60 s → 190310, more than
// `perDay` in one Beijing calendar day → 190311. Every PC with the same credentials shares them, so the app is
// identified by the AppId, SdkId and X-TC-Key headers as sent.
//
// Every request that reaches the service counts, whatever its answer: failed authentication, 404/405, injected faults
// and requests refused by the limit itself. A client cannot know which of its requests the real service counted, so
// its budget must count every send; and a client that keeps sending while refused stays refused, as it should.
const MINUTE_MS = 60_000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RateLimits {
  /** Requests allowed in any rolling 60 s; 0 turns the limit off. Default 300. */
  readonly perMinute: number;
  /** Requests allowed per Beijing calendar day; 0 turns the limit off. Default 200,000. */
  readonly perDay: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({ perMinute: 300, perDay: 200_000 });

export type LimitHit = 'minute' | 'day';

interface Bucket {
  /** clock() of the requests of the last 60 s, oldest first. */
  readonly recent: number[];
  /** Beijing day number and the requests counted in it. */
  day: number;
  dayCount: number;
}

export function checkRateLimits(limits: Partial<RateLimits>): RateLimits {
  const result = { ...DEFAULT_RATE_LIMITS, ...limits };
  for (const [name, value] of Object.entries(result)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`rate limit ${name} must be an integer ≥ 0`);
  }
  return result;
}

export class RateLimiter {
  private limits: RateLimits;
  private readonly buckets = new Map<string, Bucket>();

  constructor(limits: Partial<RateLimits> = {}) {
    this.limits = checkRateLimits(limits);
  }

  get current(): RateLimits {
    return this.limits;
  }

  set(limits: Partial<RateLimits>): void {
    this.limits = checkRateLimits({ ...this.limits, ...limits });
  }

  /**
   * Counts one request of `app` and says which limit it is over, if any (the day limit first: it lasts longer).
   * `nowMs` drives the rolling minute; `serverNowMs` (the server's wall clock) decides the calendar day.
   */
  admit(app: string, nowMs: number, serverNowMs: number): LimitHit | undefined {
    const bucket = this.bucket(app);
    while (bucket.recent.length > 0 && (bucket.recent[0] as number) <= nowMs - MINUTE_MS) bucket.recent.shift();
    const day = Math.floor((serverNowMs + BEIJING_OFFSET_MS) / DAY_MS);
    if (day !== bucket.day) {
      bucket.day = day;
      bucket.dayCount = 0;
    }
    const { perMinute, perDay } = this.limits;
    const hit: LimitHit | undefined =
      perDay > 0 && bucket.dayCount >= perDay
        ? 'day'
        : perMinute > 0 && bucket.recent.length >= perMinute
          ? 'minute'
          : undefined;
    bucket.recent.push(nowMs);
    bucket.dayCount += 1;
    return hit;
  }

  private bucket(app: string): Bucket {
    let bucket = this.buckets.get(app);
    if (!bucket) {
      bucket = { recent: [], day: -1, dayCount: 0 };
      this.buckets.set(app, bucket);
    }
    return bucket;
  }
}

/** The most timestamps that fall in any window of `windowMs` (half-open: [t, t + windowMs)). */
export function busiestWindow(timesMs: readonly number[], windowMs: number): number {
  const sorted = [...timesMs].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
