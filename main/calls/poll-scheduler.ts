// The room-call-info loop of every active call, in one place, so that polling fits the request budget (reference
// §8.1: 10 rooms polled every 2 s already use Tencent's whole 300/min). Each call is polled no more often than its
// own interval, and no more often than the budget allows for the number of calls being polled now: with 100 active
// calls at 240/min each is checked about every 31 s, and every call knows when its next check is (the window shows
// "next check in …"). Never two checks at once for one call; a give-up deadline and a limit on consecutive
// failures per call. The timer is the global one, so fake timers in tests drive it.
import type { RoomAnswer } from '../../common/wemeet-types';

/**
 * Failed status checks in a row before the call is marked unknown. Each check already carries the client's own
 * retries (3, with back-off), so five in a row means the API has been unreachable for well over ten seconds.
 */
export const MAX_CONSECUTIVE_POLL_FAILURES = 5;

export interface PollHandlers {
  /** The call's own interval (settings.pollIntervalMs when it was dialed). */
  readonly intervalMs: number;
  /** now() at or after which the call is given up. */
  readonly giveUpAtMs: number;
  readonly poll: () => Promise<RoomAnswer>;
  readonly onAnswer: (answer: RoomAnswer) => void;
  /** A check failed but polling goes on. */
  readonly onFailure: (error: unknown, consecutive: number) => void;
  /** MAX_CONSECUTIVE_POLL_FAILURES checks failed in a row; polling of this call has stopped. */
  readonly onLost: (lastError: unknown) => void;
  /** The deadline passed; polling of this call has stopped. `lastError` is set when the latest check had failed. */
  readonly onGiveUp: (lastError: unknown) => void;
  /** When the next check is due (ms since the epoch), each time it is planned. */
  readonly onNextCheck?: (atMs: number) => void;
}

interface Entry {
  readonly handlers: PollHandlers;
  nextAtMs: number;
  inFlight: boolean;
  failures: number;
  lastError: unknown;
}

export interface PollSchedulerOptions {
  readonly now: () => number;
  /**
   * The shortest interval the budget allows when `active` calls are being polled (RequestBudget.pollIntervalFor);
   * 0 without a budget.
   */
  readonly spacingMs?: (active: number) => number;
}

export class PollScheduler {
  private readonly entries = new Map<string, Entry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAtMs = Infinity;
  private closed = false;

  constructor(private readonly options: PollSchedulerOptions) {}

  get active(): number {
    return this.entries.size;
  }

  /** Starts polling a call; its first check is one interval from now. */
  add(id: string, handlers: PollHandlers): void {
    if (this.closed || this.entries.has(id)) return;
    const entry: Entry = { handlers, nextAtMs: 0, inFlight: false, failures: 0, lastError: undefined };
    this.entries.set(id, entry);
    this.plan(entry);
    this.arm();
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  close(): void {
    this.closed = true;
    this.entries.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The interval a call gets now: its own, stretched to the budget's share for this many calls. */
  private intervalOf(entry: Entry): number {
    const spacing = this.options.spacingMs?.(this.entries.size) ?? 0;
    return Math.max(entry.handlers.intervalMs, spacing);
  }

  private plan(entry: Entry): void {
    entry.nextAtMs = this.options.now() + this.intervalOf(entry);
    entry.handlers.onNextCheck?.(entry.nextAtMs);
  }

  /** One timer for everything: it fires at the earliest check or deadline due. */
  private arm(): void {
    if (this.closed) return;
    let earliest = Infinity;
    for (const entry of this.entries.values()) {
      earliest = Math.min(earliest, entry.handlers.giveUpAtMs, entry.inFlight ? Infinity : entry.nextAtMs);
    }
    if (earliest === Infinity) return;
    if (this.timer !== undefined && this.timerAtMs <= earliest) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAtMs = earliest;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAtMs = Infinity;
        this.tick();
      },
      Math.max(0, earliest - this.options.now()),
    );
  }

  private tick(): void {
    const nowMs = this.options.now();
    for (const [id, entry] of [...this.entries]) {
      if (nowMs >= entry.handlers.giveUpAtMs) {
        this.entries.delete(id);
        entry.handlers.onGiveUp(entry.failures > 0 ? entry.lastError : undefined);
        continue;
      }
      if (!entry.inFlight && nowMs >= entry.nextAtMs) this.check(id, entry);
    }
    this.arm();
  }

  private check(id: string, entry: Entry): void {
    entry.inFlight = true;
    const { handlers } = entry;
    handlers
      .poll()
      .then(
        (answer) => {
          entry.failures = 0;
          if (this.entries.get(id) === entry) handlers.onAnswer(answer);
        },
        (error: unknown) => {
          entry.failures += 1;
          entry.lastError = error;
          if (this.entries.get(id) !== entry) return;
          handlers.onFailure(error, entry.failures);
          if (entry.failures >= MAX_CONSECUTIVE_POLL_FAILURES) {
            this.entries.delete(id);
            handlers.onLost(error);
          }
        },
      )
      .finally(() => {
        entry.inFlight = false;
        if (this.entries.get(id) !== entry) return;
        this.plan(entry);
        this.arm();
      });
  }
}
