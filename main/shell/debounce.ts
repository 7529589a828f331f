// Debounce with an explicit flush: moving a window fires dozens of events a second, and each store write rewrites
// the whole file; the last position is written once things are still, and at once when the window closes.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Debounced {
  /** (Re)starts the wait; `run` happens once `delayMs` passes without another call. */
  schedule(): void;
  /** Runs now if something is waiting (on close/quit), and not again until the next schedule(). */
  flush(): void;
  /** Drops what is waiting without running it. */
  cancel(): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function debounce(run: () => void, delayMs: number, timers: Timers = realTimers): Debounced {
  let pending: unknown;
  let waiting = false;
  const cancel = () => {
    if (waiting) timers.clearTimeout(pending);
    waiting = false;
  };
  const flush = () => {
    if (!waiting) return;
    cancel();
    run();
  };
  return {
    schedule() {
      cancel();
      waiting = true;
      pending = timers.setTimeout(flush, delayMs);
    },
    flush,
    cancel,
  };
}
