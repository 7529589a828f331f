// The room-call-info loop of one call: one request per interval at most, never two at once for the same call (a
// tick that finds the previous request still out is skipped, so a slow API is not piled on), a give-up deadline,
// and a limit on consecutive failures. Global setInterval/Date.now-free: the clock is injected, the timer is the
// global one so that fake timers in tests drive it.
import type { RoomAnswer } from '../../common/wemeet-types';

/**
 * Failed status checks in a row before the call is marked unknown. Each check already carries the client's own
 * retries (3, with back-off), so five in a row means the API has been unreachable for well over ten seconds.
 */
export const MAX_CONSECUTIVE_POLL_FAILURES = 5;

export interface StatusPollerOptions {
  readonly intervalMs: number;
  /** now() at or after which the call is given up. */
  readonly giveUpAtMs: number;
  readonly now: () => number;
  readonly poll: () => Promise<RoomAnswer>;
  readonly onAnswer: (answer: RoomAnswer) => void;
  /** A check failed but the loop goes on. */
  readonly onFailure: (error: unknown, consecutive: number) => void;
  /** MAX_CONSECUTIVE_POLL_FAILURES checks failed in a row; the loop has stopped. */
  readonly onLost: (lastError: unknown) => void;
  /** The deadline passed; the loop has stopped. `lastError` is set when the latest check had failed. */
  readonly onGiveUp: (lastError: unknown) => void;
}

export class StatusPoller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private inFlight = false;
  private stopped = false;
  private failures = 0;
  private lastError: unknown;

  constructor(private readonly options: StatusPollerOptions) {}

  start(): void {
    if (this.stopped || this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const { options } = this;
    if (options.now() >= options.giveUpAtMs) {
      this.stop();
      options.onGiveUp(this.failures > 0 ? this.lastError : undefined);
      return;
    }
    if (this.inFlight) return;
    this.inFlight = true;
    options
      .poll()
      .then(
        (answer) => {
          this.failures = 0;
          if (!this.stopped) options.onAnswer(answer);
        },
        (error: unknown) => {
          this.failures += 1;
          this.lastError = error;
          if (this.stopped) return;
          options.onFailure(error, this.failures);
          if (this.failures >= MAX_CONSECUTIVE_POLL_FAILURES) {
            this.stop();
            options.onLost(error);
          }
        },
      )
      .finally(() => {
        this.inFlight = false;
      });
  }
}
