// Error classification and the retry rules: reads retry, room-call never does.
import { describe, expect, it, vi } from 'vitest';
import { RequestBudget } from '../../main/api/request-budget';
import { WemeetClient, type FetchLike } from '../../main/api/client';
import {
  ApiError,
  ClockSkewError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  UnknownOutcomeError,
} from '../../main/api/errors';
import { apiError, fakeFetch, json, systemError, type Answer } from '../helpers/fake-fetch';

const MEETING_ID = '7567173273889276131';
const ROOM = { kind: 'rooms', meetingRoomId: '2489756789' } as const;
const SIP = { kind: 'mra', protocol: 1, dialString: 'room@example.com' } as const;

function setup(answers: Answer[], extra: Partial<ConstructorParameters<typeof WemeetClient>[0]> = {}) {
  const { fetch, calls } = fakeFetch(...answers);
  const sleeps: number[] = [];
  const client = new WemeetClient({
    endpoint: 'https://api.meeting.qq.com',
    credentials: { appId: '1', secretId: 'AKID', secretKey: 'SK', operatorId: 'admin1' },
    fetch,
    appVersion: '0.1.0',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...extra,
  });
  return { client, calls, sleeps };
}

/** A fetch that never answers until its signal aborts, like a server that swallowed the request. */
const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

describe('room-call is never retried', () => {
  it.each([
    ['a 502 gateway page', () => new Response('<html>Bad Gateway</html>', { status: 502 })],
    ['a dropped connection', systemError('ECONNRESET')],
    ['a 200 with cut-off JSON', () => new Response('{"invite_id":"ab', { status: 200 })],
    ['a 200 with the wrong shape', () => json({ inviteId: 'x' })],
  ])('%s leaves the outcome unknown after exactly one request', async (_name, answer) => {
    const { client, calls } = setup([answer as Answer, json({ invite_id: 'second' })]);
    const error = await client.roomCall(MEETING_ID, SIP).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as UnknownOutcomeError).kind).toBe('unknown_outcome');
    expect(calls).toHaveLength(1);
  });

  it('a timeout after sending is unknown, not a failure, and not retried', async () => {
    let count = 0;
    const fetch: FetchLike = (url, init) => {
      count += 1;
      return hangingFetch(url, init);
    };
    const { client } = setup([], { fetch, timeoutMs: 30 });
    const error = await client.roomCall(MEETING_ID, ROOM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as UnknownOutcomeError).underlying).toBeInstanceOf(TimeoutError);
    const payload = (error as UnknownOutcomeError).toPayload('en-US');
    expect(payload.kind).toBe('unknown_outcome');
    expect(payload.message.toLowerCase()).not.toContain('failed');
    expect(count).toBe(1);
  });

  it('a connection refused before sending is a plain network failure', async () => {
    const { client, calls } = setup([systemError('ECONNREFUSED')]);
    const error = await client.roomCall(MEETING_ID, ROOM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', mayHaveBeenSent: false });
    expect(calls).toHaveLength(1);
  });

  it('Electron net.fetch style errors are classified by their net:: code', async () => {
    const { client } = setup([new Error('net::ERR_NAME_NOT_RESOLVED')]);
    await expect(client.roomCall(MEETING_ID, ROOM)).rejects.toMatchObject({
      kind: 'network',
      code: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });

  it('an API error is a definite failure with code, HTTP status and both messages', async () => {
    const { client, calls } = setup([apiError(10004, 500, '会议室呼叫失败')]);
    const error = await client.roomCall(MEETING_ID, ROOM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      httpStatus: 500,
      errorCode: 10004,
      newErrorCode: 10004,
      serverMessage: '会议室呼叫失败',
    });
    expect(calls).toHaveLength(1);
  });

  it('a permission error on a SIP/H.323 call tells the operator to be host or co-host', async () => {
    const { client } = setup([apiError(9042, 400, 'no permission')]);
    const error = (await client.roomCall(MEETING_ID, SIP).catch((e: unknown) => e)) as ApiError;
    expect(error.toPayload('en-US').hint.toLowerCase()).toContain('co-host');
    expect(error.toPayload('zh-CN').hint).toContain('联席主持人');
  });
});

describe('read-only calls retry', () => {
  it('retries network errors up to 3 times with growing backoff, then gives up', async () => {
    const { client, calls, sleeps } = setup([
      systemError('ECONNRESET'),
      systemError('ECONNRESET'),
      systemError('ECONNRESET'),
      systemError('ECONNRESET'),
      json({ status: 4 }),
    ]);
    await expect(client.roomCallInfo(MEETING_ID, ROOM)).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[0]!).toBeLessThan(sleeps[1]!);
    expect(sleeps[1]!).toBeLessThan(sleeps[2]!);
  });

  it('recovers when a retry succeeds, signing each attempt afresh', async () => {
    const { client, calls } = setup([
      () => new Response('<html>502</html>', { status: 502 }),
      apiError(9061, 500, 'rate limited'),
      json({ status: 2 }),
    ]);
    await expect(client.roomCallInfo(MEETING_ID, ROOM)).resolves.toMatchObject({ state: 'joined' });
    expect(new Set(calls.map((c) => c.headers['X-TC-Nonce'])).size).toBe(3);
  });

  it('waits longer after a rate limit than after a network error', async () => {
    const a = setup([apiError(9061, 500), json({ status: 2 })]);
    await a.client.roomCallInfo(MEETING_ID, ROOM);
    const b = setup([systemError('ECONNRESET'), json({ status: 2 })]);
    await b.client.roomCallInfo(MEETING_ID, ROOM);
    expect(a.sleeps[0]!).toBeGreaterThan(b.sleeps[0]!);
  });

  it('190310 is answered at once and pauses the budget until the next minute; the client does not retry it', async () => {
    const budget = new RequestBudget({ perMinute: 240 });
    const { client, calls } = setup([apiError(190310, 500), json({ status: 2 })], { budget });
    await expect(client.roomCallInfo(MEETING_ID, ROOM)).rejects.toMatchObject({ kind: 'api', code: 190310 });
    expect(calls).toHaveLength(1);
    expect(budget.state().pause).toMatchObject({ code: 190310, until: expect.any(Number) });
    budget.close();
  });

  it.each([
    [9003, 500],
    [200003, 400],
    [190004, 400],
    [20000, 500],
  ])('does not retry the definite API error %i', async (code, status) => {
    const { client, calls } = setup([apiError(code, status), json({ status: 2 })]);
    await expect(client.getMeetingById(MEETING_ID)).rejects.toMatchObject({ errorCode: code });
    expect(calls).toHaveLength(1);
  });

  it('times out each attempt after the configured limit and retries', async () => {
    let count = 0;
    const fetch: FetchLike = (url, init) => {
      count += 1;
      return count < 3 ? hangingFetch(url, init) : Promise.resolve(json({ status: 0 }));
    };
    const { client } = setup([], { fetch, timeoutMs: 20 });
    await expect(client.roomCallInfo(MEETING_ID, ROOM)).resolves.toMatchObject({ state: 'no_answer' });
    expect(count).toBe(3);
  });

  it('cancel is retried like a read (cancelling twice is harmless)', async () => {
    const { client, calls } = setup([systemError('ECONNRESET'), json({})]);
    await client.cancelRoomCall(MEETING_ID, 'inv', ROOM);
    expect(calls).toHaveLength(2);
  });
});

describe('answers that are not the documented JSON', () => {
  it('rejects a status outside 0..6', async () => {
    const { client } = setup([json({ status: 9 })]);
    await expect(client.roomCallInfo(MEETING_ID, ROOM)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('rejects a meeting whose meeting_id is a number (precision already lost)', async () => {
    const { client } = setup([
      json({ meeting_number: 1, meeting_info_list: [{ meeting_id: 1, meeting_code: '1', subject: 's', status: 'x' }] }),
    ]);
    await expect(client.getMeetingByCode('123456789')).rejects.toMatchObject({ kind: 'invalid_response' });
  });

  it('an error status with an unreadable error_info is an invalid response, after retries', async () => {
    const { client, calls } = setup([
      json({ error_info: 'oops' }, 500),
      json({ error_info: 'oops' }, 500),
      json({ error_info: 'oops' }, 500),
      json({ error_info: 'oops' }, 500),
    ]);
    await expect(client.roomCallInfo(MEETING_ID, ROOM)).rejects.toBeInstanceOf(InvalidResponseError);
    expect(calls).toHaveLength(4);
  });
});

describe('clock skew', () => {
  const local = Date.parse('2026-11-22T10:00:00Z');
  const serverDate = (offsetMs: number) => new Date(local + offsetMs).toUTCString();

  it('explains a rejection by a server 6 minutes ahead as clock skew, saying by how much', async () => {
    const { client } = setup([apiError(200003, 400, 'Signature failed')], { now: () => local });
    const answer = apiError(200003, 400, 'Signature failed');
    answer.headers.set('date', serverDate(6 * 60_000));
    const skewed = setup([answer], { now: () => local });
    const error = (await skewed.client.getMeetingByCode('123456789').catch((e: unknown) => e)) as ClockSkewError;
    expect(error).toBeInstanceOf(ClockSkewError);
    expect(error.skewMs).toBe(6 * 60_000);
    expect(error.toPayload('en-US').message).toMatch(/6 min/);
    expect(error.toPayload('zh-CN').message).toMatch(/6 分钟/);
    // Without a Date header the same rejection stays a signature error.
    await expect(client.getMeetingByCode('123456789')).rejects.toBeInstanceOf(ApiError);
  });

  it('reports skew on a successful answer without failing it', async () => {
    const onClockSkew = vi.fn();
    const answer = json({ invite_id: 'inv' }, 200, { date: serverDate(-5 * 60_000) });
    const { client } = setup([answer], { now: () => local, onClockSkew });
    await expect(client.roomCall(MEETING_ID, ROOM)).resolves.toEqual({ inviteId: 'inv', meetingId: MEETING_ID });
    expect(onClockSkew).toHaveBeenCalledWith(-5 * 60_000);
  });

  it('stays quiet within 4 minutes', async () => {
    const onClockSkew = vi.fn();
    const answer = json({ status: 2 }, 200, { date: serverDate(3 * 60_000) });
    const { client } = setup([answer], { now: () => local, onClockSkew });
    await client.roomCallInfo(MEETING_ID, ROOM);
    expect(onClockSkew).not.toHaveBeenCalled();
  });
});
