// The simulator's per-app limits (reference §8.1): 190310 above N requests in a rolling minute, 190311 above M a
// Beijing day; every request counts, refused ones too. A fake clock drives the windows; nothing asserts timings.
import { afterEach, describe, expect, it } from 'vitest';
import { busiestWindow, RateLimiter } from '../../simulator/rate-limit';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server';
import { errorCodeOf, signed } from './signed-http';

const T0 = Date.UTC(2024, 5, 3, 2, 0, 0); // 10:00 in Beijing
const ROOMS = '/v1/meeting-rooms?operator_id=admin1&operator_id_type=1&page=1&page_size=1';
const ROOM_CALL = '/v1/meeting-rooms/room-call';
const ROOM_CALL_BODY = {
  operator_id: 'admin1',
  operator_id_type: 1,
  meeting_room_id: '2489756789',
  meeting_id: '13434567890123927028',
};

let now = T0;
let sim: Simulator | undefined;

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  now = T0;
  sim = await startSimulator({ clock: () => now, ...options });
  return sim;
}
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const get = (s: Simulator, path = ROOMS) => signed(s, { path, nowMs: now });

describe('RateLimiter', () => {
  it('admits perMinute requests in any 60 s, refuses the next, and forgets a request 60 s later', () => {
    const limiter = new RateLimiter({ perMinute: 3, perDay: 0 });
    expect([0, 10, 20].map((t) => limiter.admit('app', t, t))).toEqual([undefined, undefined, undefined]);
    expect(limiter.admit('app', 59_999, 59_999)).toBe('minute');
    // At 60 000 the request at 0 has left the window; the refused one at 59 999 has not.
    expect(limiter.admit('app', 60_000, 60_000)).toBe('minute');
    expect(limiter.admit('app', 60_020, 60_020)).toBe(undefined);
    expect(limiter.admit('other app', 60_020, 60_020)).toBe(undefined);
  });

  it('counts a Beijing calendar day, from midnight UTC+8', () => {
    const limiter = new RateLimiter({ perMinute: 0, perDay: 2 });
    const beforeMidnight = Date.UTC(2024, 5, 3, 15, 59, 0); // 23:59 Beijing
    expect(limiter.admit('app', 0, beforeMidnight)).toBe(undefined);
    expect(limiter.admit('app', 1, beforeMidnight)).toBe(undefined);
    expect(limiter.admit('app', 2, beforeMidnight)).toBe('day');
    expect(limiter.admit('app', 3, beforeMidnight + 60_000)).toBe(undefined);
  });

  it('refuses limits that are not whole numbers ≥ 0', () => {
    expect(() => new RateLimiter({ perMinute: -1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ perDay: 1.5 })).toThrow(RangeError);
  });
});

describe('busiestWindow', () => {
  it('finds the most timestamps within any window, in any order', () => {
    expect(busiestWindow([], 60_000)).toBe(0);
    expect(busiestWindow([0, 59_999, 60_000, 60_001, 119_999], 60_000)).toBe(3);
    expect(busiestWindow([200_000, 10, 60_009, 20, 59_999], 60_000)).toBe(4);
    expect(busiestWindow([120_000, 0, 60_000], 60_000)).toBe(1);
  });
});

describe('per-app limits over HTTP', () => {
  it('the 301st request in a minute gets 190310 (HTTP 500, error shape), unprocessed; the window rolls', async () => {
    const s = await start();
    for (let i = 0; i < 299; i += 1) expect((await get(s)).status).toBe(200);
    now += 30_000;
    expect((await get(s)).status).toBe(200); // the 300th
    const refused = await signed(s, { method: 'PUT', path: ROOM_CALL, body: ROOM_CALL_BODY, nowMs: now });
    expect(refused.status).toBe(500);
    expect(refused.json).toEqual({
      error_info: { error_code: 190310, new_error_code: 190310, message: expect.stringContaining('300') },
    });
    expect(s.invites()).toEqual([]);
    expect(s.busiestWindow()).toBe(301);
    // 60 s after the first 299 they have left the window: 300th + refused one remain.
    now = T0 + 60_000;
    expect((await get(s)).status).toBe(200);
    expect(s.busiestWindow()).toBe(301);
    expect(s.busiestWindow(1000)).toBe(299);
  });

  it('requests refused by the limit count too: a client that keeps sending stays refused', async () => {
    const s = await start({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect((await get(s)).status).toBe(200);
    now += 30_000;
    expect(errorCodeOf(await get(s))).toBe(190310);
    now = T0 + 60_000;
    // In the window now: the refused request at +30 s. Two more fit, the third does not.
    expect((await get(s)).status).toBe(200);
    expect((await get(s)).status).toBe(200);
    expect(errorCodeOf(await get(s))).toBe(190310);
  });

  it('failed-authentication requests count; another AppId is another app', async () => {
    const s = await start({ rateLimitPerMinute: 2 });
    expect(errorCodeOf(await signed(s, { path: ROOMS, nowMs: now, secretKey: 'wrong' }))).toBe(200003);
    expect(errorCodeOf(await signed(s, { path: '/v1/nowhere', nowMs: now }))).toBe(404);
    expect(errorCodeOf(await get(s))).toBe(190310);
    // Not limited by admin1's app: it answers as what it is (an unknown AppId).
    expect(errorCodeOf(await signed(s, { path: ROOMS, nowMs: now, headers: { AppId: '200000002' } }))).toBe(50000);
  });

  it('190311 above the daily limit until Beijing midnight', async () => {
    const s = await start({ rateLimitPerDay: 2 });
    expect((await get(s)).status).toBe(200);
    expect((await get(s)).status).toBe(200);
    const refused = await get(s);
    expect({ status: refused.status, code: errorCodeOf(refused) }).toEqual({ status: 500, code: 190311 });
    now = Date.UTC(2024, 5, 3, 16, 0, 0); // 00:00 next day in Beijing
    expect((await get(s)).status).toBe(200);
  });

  it('limits can be changed or turned off (0) while running', async () => {
    const s = await start({ rateLimitPerMinute: 1 });
    expect((await get(s)).status).toBe(200);
    expect(errorCodeOf(await get(s))).toBe(190310);
    s.setRateLimits({ perMinute: 0 });
    for (let i = 0; i < 5; i += 1) expect((await get(s)).status).toBe(200);
    expect(() => s.setRateLimits({ perMinute: -3 })).toThrow(RangeError);
  });
});
