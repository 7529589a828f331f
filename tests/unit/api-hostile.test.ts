// What a server (or a proxy in front of it) sends is input from outside: huge error messages, huge or doubled
// Date headers, huge fields. Each is bounded before it is logged, matched or shown, within the time budget, and
// the clock reading survives a response with two Date headers.
import { describe, expect, it } from 'vitest';
import { WemeetClient } from '../../main/api/client';
import { ClockSkewMonitor, serverTimeOf } from '../../main/api/clock-skew';
import { ApiError, ClockSkewError, InvalidResponseError } from '../../main/api/errors';
import { toIpcError } from '../../main/ipc/errors';
import { redact } from '../../main/shell/redact';
import { OUTSIDE_TEXT_MAX } from '../../common/text-cap';
import { busyMsAsync, busyMs, HOSTILE_BUDGET_MS } from '../helpers/busy-time';
import { recordingLog } from '../helpers/ipc-harness';
import { apiError, fakeFetch, json, type Answer } from '../helpers/fake-fetch';

const MB = 1024 * 1024;
const LOCAL = Date.parse('2026-11-22T10:00:00Z');
const httpDate = (offsetMs: number) => new Date(LOCAL + offsetMs).toUTCString();

function client(answers: Answer[], now = () => LOCAL) {
  return new WemeetClient({
    endpoint: 'https://api.meeting.qq.com',
    credentials: { appId: '1', secretId: 'AKID', secretKey: 'SK', operatorId: 'admin1' },
    fetch: fakeFetch(...answers).fetch,
    appVersion: '0.1.0',
    retries: 0,
    now,
  });
}

function withDate(response: Response, date: string): Response {
  response.headers.append('date', date);
  return response;
}

describe('the Date header', () => {
  it('reads every form HTTP allows, and the first valid date of several joined with ", "', () => {
    const date = httpDate(0);
    expect(serverTimeOf(date)).toBe(LOCAL);
    expect(serverTimeOf(`${date}, ${httpDate(5000)}`)).toBe(LOCAL);
    expect(serverTimeOf(`not a date, ${date}`)).toBe(LOCAL);
    expect(serverTimeOf('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(serverTimeOf('Sun Nov  6 08:49:37 1994')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    for (const nothing of [null, '', '1', 'yesterday', 'Mon, 99 Foo 2026 10:00:00 GMT']) {
      expect(serverTimeOf(nothing), String(nothing)).toBeUndefined();
    }
  });

  it('still explains a refusal as clock skew when the answer carries two Date headers', async () => {
    const answer = apiError(200003, 400, 'Signature failed');
    answer.headers.append('date', httpDate(6 * 60_000));
    answer.headers.append('date', httpDate(6 * 60_000 + 1000));
    expect(answer.headers.get('date')).toContain(', '); // what fetch hands over
    const error = await client([answer])
      .getMeetingByCode('123456789')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClockSkewError);
    expect((error as ClockSkewError).skewMs).toBe(6 * 60_000);
  });

  it('costs nothing when it is 1 MB long, and then holds no date', async () => {
    const huge = `${'x'.repeat(MB)} ${httpDate(0)}`;
    expect(busyMs(() => serverTimeOf(huge))).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);
    expect(serverTimeOf(huge)).toBeUndefined();
    expect(serverTimeOf(`${httpDate(0)}${'x'.repeat(MB)}`)).toBe(LOCAL);
  });
});

describe('the clock skew monitor', () => {
  it('keeps the last reading of any answer and shows it only beyond a minute, in either direction', async () => {
    let now = LOCAL;
    const monitor = new ClockSkewMonitor(() => now);
    const answers = [
      withDate(json({ meeting_number: 0, meeting_info_list: [] }), httpDate(30_000)),
      withDate(apiError(200003), httpDate(-3 * 60_000)),
      withDate(json({ meeting_number: 0, meeting_info_list: [] }), `${httpDate(90_000)}, ${httpDate(0)}`),
    ];
    const fetch = monitor.watch(fakeFetch(...answers).fetch);
    const read = () => fetch('https://api.meeting.qq.com/v1/x', { method: 'GET' });
    expect(monitor.current()).toBeNull();
    await read();
    expect(monitor.current()).toBeNull(); // 30 s: within what anyone would notice
    await read(); // a refusal carries the server's time too
    expect(monitor.current()).toBe(-3 * 60_000);
    now += 1000;
    await read();
    expect(monitor.current()).toBe(89_000);
  });
});

describe("Tencent's error message", () => {
  it('is cut to OUTSIDE_TEXT_MAX, shown, logged and redacted within the time budget', async () => {
    const message = '签名错误'.repeat(MB / 4);
    const answer = () => apiError(999_999, 400, message);
    const busy = await busyMsAsync(async () => {
      const error = await client([answer()])
        .getMeetingByCode('123456789')
        .catch((e: unknown) => e);
      const log = recordingLog();
      const shown = toIpcError(error, log, 'meetings:lookup');
      redact({ shown, error, entries: log.entries });
    });
    expect(busy).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);

    const error = (await client([answer()])
      .getMeetingByCode('123456789')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.serverMessage.length).toBeLessThanOrEqual(OUTSIDE_TEXT_MAX);
    expect(error.serverMessage.endsWith('…')).toBe(true);
    // An unknown code shows the server's text: cut, not 1 MB of it.
    const shown = toIpcError(error, recordingLog(), 'meetings:lookup');
    expect(shown.message['zh-CN'].length).toBeLessThan(OUTSIDE_TEXT_MAX + 200);
    expect(shown.message['en-US'].length).toBeLessThan(OUTSIDE_TEXT_MAX + 200);
  });

  it('a 1 MB body that is not JSON is quoted by its first characters only', async () => {
    const body = `<html>${' \n'.repeat(MB / 2)}</html>`;
    const error = (await client([() => new Response(body, { status: 502 })])
      .getMeetingByCode('123456789')
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('fields of an answer', () => {
  const meeting = {
    meeting_id: '7567173273889276131',
    meeting_code: '806146667',
    subject: 'Weekly',
    status: 'MEETING_STATE_STARTED',
  };

  it('cuts a 1 MB subject to OUTSIDE_TEXT_MAX for display', async () => {
    const answer = json({ meeting_number: 1, meeting_info_list: [{ ...meeting, subject: '周会'.repeat(MB / 2) }] });
    const found = await client([answer]).getMeetingByCode('806146667');
    expect(found.subject.length).toBeLessThanOrEqual(OUTSIDE_TEXT_MAX);
    expect(found.subject.startsWith('周会周会')).toBe(true);
  });

  it('refuses an answer whose id is longer than any real one, rather than cut it into another id', async () => {
    const answer = json({ meeting_number: 1, meeting_info_list: [{ ...meeting, meeting_code: '8'.repeat(MB) }] });
    const error = await client([answer])
      .getMeetingByCode('806146667')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message.length).toBeLessThan(300);
  });
});
