// One timer for several watchers of the same list: each watcher asks for its own pace while it is on screen, the
// list is read at the fastest pace asked for, and nothing runs once the last watcher has gone. Reads never overlap:
// a tick while one is still out waits for the next tick.
export interface Poller {
  /** Starts watching at `everyMs` (reads once at once); returns the function that stops this watcher. */
  follow(everyMs: number): () => void;
  /** The pace in use now, or undefined when nobody watches (for tests and the components' tick). */
  readonly pace: number | undefined;
}

export function createPoller(read: () => Promise<void>): Poller {
  const watchers = new Map<symbol, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let pace: number | undefined;
  let inFlight = false;

  const tick = () => {
    if (inFlight) return;
    inFlight = true;
    void read().finally(() => {
      inFlight = false;
    });
  };

  const restart = () => {
    const fastest = watchers.size === 0 ? undefined : Math.min(...watchers.values());
    if (fastest === pace) return;
    clearInterval(timer);
    timer = undefined;
    pace = fastest;
    if (fastest !== undefined) timer = setInterval(tick, fastest);
  };

  return {
    follow(everyMs) {
      const key = Symbol('watcher');
      watchers.set(key, everyMs);
      restart();
      tick();
      return () => {
        watchers.delete(key);
        restart();
      };
    },
    get pace() {
      return pace;
    },
  };
}
