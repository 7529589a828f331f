// One request budget per credential set (reference §8.1): Tencent allows 300 requests a minute per app, shared by
// every PC with the same credentials, so this PC keeps itself to `perMinute` (default 240, leaving room for the
// others). Every request of the client takes a slot here before it is signed and sent.
//
// A sliding window, not a token bucket: a bucket that is full and refills at B/min lets 2B through in some 60 s
// window, and Tencent counts a rolling minute. Here at most `perMinute` requests start in ANY 63 s window (SAFETY_MS).
// Waiting requests are served by priority: room-call and cancel-room-call first (an operator is waiting for them),
// then lookups, then status polls (the poll scheduler stretches its intervals so that it rarely has to wait).
// 190310 (per-minute limit hit anyway, e.g. by another PC) pauses every request until the minute is over; 190311
// (daily limit) until local midnight. The pause is public state, so the window can tell the operator.

export type RequestPriority = 'urgent' | 'normal' | 'poll';

const PRIORITY_ORDER: readonly RequestPriority[] = ['urgent', 'normal', 'poll'];
export const WINDOW_MS = 60_000;
/**
 * The budget's own window is a little longer than Tencent's: Tencent counts a request when it arrives, and a request
 * granted here may leave late (a busy event loop, signing, a slow connect). Measured with bench:dial under load:
 * without the margin the simulator saw 248 in a minute for a budget of 240.
 */
export const SAFETY_MS = 3_000;
const BUDGET_WINDOW_MS = WINDOW_MS + SAFETY_MS;
export const DEFAULT_REQUESTS_PER_MINUTE = 240;
/** Tencent's own per-app limit; the setting may not go above it. */
export const TENCENT_REQUESTS_PER_MINUTE = 300;

export const PER_MINUTE_LIMIT_CODE = 190310;
export const PER_DAY_LIMIT_CODE = 190311;
export const PER_ENDPOINT_LIMIT_CODE = 190313;

export interface BudgetPause {
  readonly until: number;
  /** The error code that caused it. */
  readonly code: number;
}

export interface BudgetState {
  readonly perMinute: number;
  /** Requests started in the last 60 s. */
  readonly usedLastMinute: number;
  readonly waiting: number;
  readonly pause?: BudgetPause;
}

export interface RequestBudgetOptions {
  readonly perMinute?: number;
  readonly now?: () => number;
  /** setTimeout in the app; fake timers in tests drive the global one. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

export class BudgetClosedError extends Error {
  constructor() {
    super('the request budget was closed');
    this.name = 'BudgetClosedError';
  }
}

export class RequestBudget {
  private perMinuteLimit: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  /** Start times of the requests of the last 60 s, oldest first. */
  private readonly started: number[] = [];
  private readonly queues: Record<RequestPriority, Waiter[]> = { urgent: [], normal: [], poll: [] };
  private pausedUntil: BudgetPause | undefined;
  private timer: unknown;
  private closed = false;
  private readonly listeners = new Set<(state: BudgetState) => void>();

  constructor(options: RequestBudgetOptions = {}) {
    this.perMinuteLimit = clampPerMinute(options.perMinute ?? DEFAULT_REQUESTS_PER_MINUTE);
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get perMinute(): number {
    return this.perMinuteLimit;
  }

  /** A settings change applies from the next request on. */
  setPerMinute(perMinute: number): void {
    this.perMinuteLimit = clampPerMinute(perMinute);
    this.drain();
  }

  /** Resolves when this request may start. An aborted signal rejects with its reason and frees the place. */
  take(priority: RequestPriority, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new BudgetClosedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.isEmptyQueue() && this.grant()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues[priority];
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const at = queue.indexOf(waiter);
          if (at !== -1) queue.splice(at, 1);
          reject(signal?.reason);
          this.emit();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      queue.push(waiter);
      this.emit();
      this.schedule();
    });
  }

  /** Tencent said a limit was hit: nothing is sent until it has passed. */
  rateLimited(code: number): void {
    const nowMs = this.now();
    const until =
      code === PER_DAY_LIMIT_CODE ? nextLocalMidnight(nowMs) : Math.ceil((nowMs + 1) / WINDOW_MS) * WINDOW_MS;
    if (this.pausedUntil && this.pausedUntil.until >= until) return;
    this.pausedUntil = { until, code };
    this.emit();
    this.schedule();
  }

  /**
   * How long one more poll would wait now if polls were spread evenly over the minute: the poll scheduler's
   * interval for `activePolls` calls, given the share of the budget polls may use.
   */
  pollIntervalFor(activePolls: number, pollShare = 0.8): number {
    if (activePolls <= 0) return 0;
    return Math.ceil((activePolls * BUDGET_WINDOW_MS) / Math.max(1, Math.floor(this.perMinuteLimit * pollShare)));
  }

  state(): BudgetState {
    const nowMs = this.now();
    this.forget(nowMs);
    const pause = this.pausedUntil && this.pausedUntil.until > nowMs ? { pause: this.pausedUntil } : {};
    return {
      perMinute: this.perMinuteLimit,
      usedLastMinute: this.started.length,
      waiting: PRIORITY_ORDER.reduce((sum, p) => sum + this.queues[p].length, 0),
      ...pause,
    };
  }

  onChange(listener: (state: BudgetState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rejects everything still waiting; later take() calls reject at once. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    for (const priority of PRIORITY_ORDER) {
      for (const waiter of this.queues[priority].splice(0)) {
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.reject(new BudgetClosedError());
      }
    }
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────────────────

  private isEmptyQueue(): boolean {
    return PRIORITY_ORDER.every((p) => this.queues[p].length === 0);
  }

  /** Takes a slot if one is free now. */
  private grant(): boolean {
    const nowMs = this.now();
    if (this.pausedUntil) {
      if (this.pausedUntil.until > nowMs) return false;
      this.pausedUntil = undefined;
      this.emit();
    }
    this.forget(nowMs);
    if (this.started.length >= this.perMinuteLimit) return false;
    this.started.push(nowMs);
    return true;
  }

  private forget(nowMs: number): void {
    let drop = 0;
    while (drop < this.started.length && (this.started[drop] as number) <= nowMs - BUDGET_WINDOW_MS) drop += 1;
    if (drop > 0) this.started.splice(0, drop);
  }

  private drain(): void {
    for (const priority of PRIORITY_ORDER) {
      const queue = this.queues[priority];
      while (queue.length > 0) {
        if (!this.grant()) {
          this.schedule();
          return;
        }
        const waiter = queue.shift() as Waiter;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
    }
    this.emit();
  }

  /** Wakes up when the next slot frees (the oldest start leaves the window) or the pause ends. */
  private schedule(): void {
    if (this.closed || this.timer !== undefined || this.isEmptyQueue()) return;
    const nowMs = this.now();
    const pauseEnd = this.pausedUntil?.until ?? 0;
    const slotFree =
      this.started.length >= this.perMinuteLimit
        ? (this.started[this.started.length - this.perMinuteLimit] as number) + BUDGET_WINDOW_MS
        : nowMs;
    const wait = Math.max(0, Math.max(pauseEnd, slotFree) - nowMs);
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.drain();
    }, wait + 1);
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}

function clampPerMinute(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_REQUESTS_PER_MINUTE;
  return Math.min(TENCENT_REQUESTS_PER_MINUTE, Math.max(1, Math.floor(value)));
}

function nextLocalMidnight(nowMs: number): number {
  const next = new Date(nowMs);
  next.setHours(24, 0, 0, 0);
  return next.getTime();
}
