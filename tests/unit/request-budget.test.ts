import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestBudget, WINDOW_MS, type RequestPriority } from '../../main/api/request-budget';

/** The most starts inside any window of WINDOW_MS. */
function busiestWindow(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to += 1) {
    while ((sorted[to] as number) - (sorted[from] as number) >= WINDOW_MS) from += 1;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

describe('RequestBudget', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-29T09:00:30+08:00') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets at most perMinute requests start in any 60 s window, however many ask', async () => {
    const budget = new RequestBudget({ perMinute: 20 });
    const starts: number[] = [];
    const all = Array.from({ length: 75 }, () => budget.take('normal').then(() => starts.push(Date.now())));
    await vi.advanceTimersByTimeAsync(4 * WINDOW_MS);
    await Promise.all(all);
    expect(starts).toHaveLength(75);
    expect(busiestWindow(starts)).toBe(20);
  });

  it('serves waiting room-calls and cancels before lookups, and lookups before status polls', async () => {
    const budget = new RequestBudget({ perMinute: 2 });
    await budget.take('normal');
    await budget.take('normal');
    const order: RequestPriority[] = [];
    const asked: RequestPriority[] = ['poll', 'normal', 'urgent', 'poll', 'urgent'];
    const waiting = asked.map((p) => budget.take(p).then(() => order.push(p)));
    await vi.advanceTimersByTimeAsync(4 * WINDOW_MS);
    await Promise.all(waiting);
    expect(order).toEqual(['urgent', 'urgent', 'normal', 'poll', 'poll']);
  });

  it('pauses everything until the next minute after 190310, and says so', async () => {
    const budget = new RequestBudget({ perMinute: 100 });
    budget.rateLimited(190310);
    const pause = budget.state().pause;
    expect(pause?.code).toBe(190310);
    expect(pause?.until).toBe(new Date('2026-11-29T09:01:00+08:00').getTime());
    let started = 0;
    const next = budget.take('urgent').then(() => (started = Date.now()));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(started).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    await next;
    expect(started).toBeGreaterThanOrEqual(pause?.until ?? Infinity);
    expect(budget.state().pause).toBeUndefined();
  });

  it('pauses until local midnight after 190311 (the daily limit)', () => {
    const budget = new RequestBudget();
    budget.rateLimited(190311);
    const midnight = new Date();
    midnight.setHours(24, 0, 0, 0);
    expect(budget.state().pause).toEqual({ until: midnight.getTime(), code: 190311 });
  });

  it('an aborted wait gives its place up and rejects with the reason', async () => {
    const budget = new RequestBudget({ perMinute: 1 });
    await budget.take('normal');
    const controller = new AbortController();
    const waiting = budget.take('poll', controller.signal);
    expect(budget.state().waiting).toBe(1);
    controller.abort(new Error('call ended'));
    await expect(waiting).rejects.toThrow('call ended');
    expect(budget.state().waiting).toBe(0);
  });

  it('never goes above Tencent’s 300 a minute, whatever the setting says', () => {
    expect(new RequestBudget({ perMinute: 10_000 }).perMinute).toBe(300);
    expect(new RequestBudget({ perMinute: 0 }).perMinute).toBe(1);
  });

  it("spreads polls: 100 active calls at 240/min, 80 % for polls, are each polled every 32.8 s (with the window's safety margin)", () => {
    expect(new RequestBudget({ perMinute: 240 }).pollIntervalFor(100)).toBe(32_813);
    expect(new RequestBudget({ perMinute: 240 }).pollIntervalFor(1)).toBe(329);
  });
});
