// The operator-facing error catalog: every code in docs/tencent-api.md §7 explained in both languages with a next step,
// the right retry classification, and the non-API failures with their numbers filled in.
import { describe, expect, it } from 'vitest';
import {
  describeApiError,
  describeFailure,
  isTransientApiError,
  RATE_LIMIT_CODES,
  type ApiErrorInfo,
} from '../../common/api-errors';

/** Every code listed in docs/tencent-api.md §7 (copied here on purpose: the test must not trust the catalog). */
const SECTION_7_CODES = [
  200003, 190301, 190004, 20000, 10004, 10002, 20201, 9002, 9003, 9042, 9061, 9008, 9099, 9100, 9101, 9102, 10000,
  10001, 10005, 20001, 20003, 50000, 50001, 190310, 200001, 202004, 500014,
];
/** Repeating the same read-only request later can succeed. */
// 190310 is not among them: the request budget waits out the per-app limit, so the client does not retry it.
const TRANSIENT_CODES = new Set([9061, 10002, 20201, 10000]);
const HAN = /\p{Script=Han}/u;
const UNKNOWN = describeApiError(987654);

function expectBothLanguages(info: { message: Record<string, string>; hint: Record<string, string> }): void {
  for (const text of [info.message, info.hint]) {
    expect(text['zh-CN']?.trim()).toBeTruthy();
    expect(text['en-US']?.trim()).toBeTruthy();
    expect(text['zh-CN']).toMatch(HAN);
    expect(text['en-US']).not.toMatch(HAN);
  }
}

describe('describeApiError', () => {
  it.each(SECTION_7_CODES)('%i has its own message and hint in zh-CN and en-US', (code) => {
    const info = describeApiError(code);
    expectBothLanguages(info);
    expect(info.message['en-US']).not.toBe(UNKNOWN.message['en-US'].replace('987654', String(code)));
    expect(info.message['en-US']).not.toContain(String(code));
  });

  it.each(SECTION_7_CODES)('%i is transient only if a later repeat can succeed', (code) => {
    expect(describeApiError(code).transient).toBe(TRANSIENT_CODES.has(code));
    expect(isTransientApiError(code, 500)).toBe(TRANSIENT_CODES.has(code));
    expect(isTransientApiError(code, 400)).toBe(TRANSIENT_CODES.has(code));
  });

  it('an unknown code gets a generic text that includes the code, and is not transient', () => {
    const info = describeApiError(123456);
    expectBothLanguages(info);
    expect(info.message['en-US']).toContain('123456');
    expect(info.message['zh-CN']).toContain('123456');
    expect(info.transient).toBe(false);
    expect(isTransientApiError(123456, 503)).toBe(false);
  });

  it('the meeting-query limit 9061 is retried after a longer wait', () => {
    expect(RATE_LIMIT_CODES.has(9061)).toBe(true);
    expect(describeApiError(9061).transient).toBe(true);
    expect(describeApiError(9061).hint['en-US']).toMatch(/wait/i);
    expect(describeApiError(9061).hint['zh-CN']).toContain('等待');
  });

  it.each([190310, 190311, 190313])(
    'the per-app limit %i is not retried by the client: the request budget holds every request until it passes',
    (code) => {
      expect(describeApiError(code).transient).toBe(false);
      expectBothLanguages(describeApiError(code));
      expect(describeApiError(code).hint['en-US']).toMatch(/Room Dialer (holds|sends no request)/);
    },
  );

  describe.each([9042, 9101, 9102])('permission error %i', (code) => {
    it('for a SIP/H.323 call says the operator must be host or co-host', () => {
      const { hint } = describeApiError(code, { target: 'mra' });
      expect(hint['en-US']).toMatch(/SIP\/H\.323/);
      expect(hint['en-US']).toMatch(/host or co-host/);
      expect(hint['zh-CN']).toContain('主持人或联席主持人');
    });

    it('for a Rooms call says an enterprise admin or participant suffices, without the co-host rule', () => {
      const { hint } = describeApiError(code, { target: 'rooms' });
      expect(hint['en-US']).toMatch(/admin/);
      expect(hint['en-US']).toMatch(/participant/);
      expect(hint['en-US']).not.toMatch(/co-host/);
      expect(hint['zh-CN']).toContain('管理员');
      expect(hint['zh-CN']).not.toContain('联席主持人');
    });

    it('without a target mentions both rules', () => {
      const { hint } = describeApiError(code);
      expect(hint['en-US']).toMatch(/co-host/);
      expect(hint['en-US']).toMatch(/participant/);
      expect(hint['zh-CN']).toContain('联席主持人');
    });
  });

  const hintCases: [string, number, RegExp[], string[]][] = [
    ['signature', 200003, [/SecretId/, /SecretKey/, /SdkId/, /clock/], ['SecretId', 'SecretKey', 'SdkId', '时钟']],
    [
      'room call',
      10004,
      [/online/, /powered on/, /registered/, /allowed to be called/],
      ['在线', '开机', '注册', '允许被呼叫'],
    ],
    ['replay', 190301, [/try again/], ['重试']],
    ['missing meeting', 9003, [/meeting code/], ['会议号']],
    ['bad enterprise', 50000, [/AppId/], ['AppId']],
    ['unavailable enterprise', 50001, [/AppId/], ['AppId']],
    ['unknown user', 20001, [/operator userid/], ['userid']],
    ['disabled user', 20003, [/operator userid/], ['userid']],
    ['config', 200001, [/SecretKey/, /AppId/], ['SecretKey', 'AppId']],
    ['config', 202004, [/SecretKey/, /AppId/], ['SecretKey', 'AppId']],
    ['config', 500014, [/SecretKey/, /AppId/], ['SecretKey', 'AppId']],
  ];
  it.each(hintCases)('the %s hint (%i) names the next step', (_name, code, en, zh) => {
    const { hint } = describeApiError(code);
    for (const pattern of en) expect(hint['en-US']).toMatch(pattern);
    for (const word of zh) expect(hint['zh-CN']).toContain(word);
  });

  it('says what each of a few key codes means', () => {
    const meaning = (code: number): ApiErrorInfo['message'] => describeApiError(code).message;
    expect(meaning(200003)['en-US']).toMatch(/signature/i);
    expect(meaning(190301)['en-US']).toMatch(/replay/i);
    expect(meaning(9003)['en-US']).toMatch(/does not exist/);
    expect(meaning(9003)['zh-CN']).toContain('会议不存在');
    expect(meaning(10004)['zh-CN']).toContain('会议室呼叫失败');
  });

  it('a failed Rooms call and a failed SIP/H.323 call get advice that fits each', () => {
    expect(describeApiError(10004, { target: 'rooms' }).hint['en-US']).toMatch(/Rooms room is online/);
    expect(describeApiError(10004, { target: 'mra' }).hint['en-US']).toMatch(/address is right/);
  });
});

describe('describeFailure', () => {
  it('network: names the system error and points at network and proxy', () => {
    const info = describeFailure('network', { code: 'ECONNREFUSED' });
    expectBothLanguages(info);
    expect(info.message['en-US']).toContain('ECONNREFUSED');
    expect(info.message['zh-CN']).toContain('ECONNREFUSED');
    expect(info.hint['en-US']).toMatch(/proxy/);
    expect(info.hint['zh-CN']).toContain('代理');
  });

  it('network without a system code: names the endpoint tried and shows no placeholder code', () => {
    const info = describeFailure('network', { code: 'UNKNOWN', endpoint: 'http://127.0.0.1:8787' });
    expectBothLanguages(info);
    expect(info.message['en-US']).toBe('Cannot reach the Tencent Meeting API at http://127.0.0.1:8787');
    expect(info.message['zh-CN']).toBe('无法连接腾讯会议 API http://127.0.0.1:8787');
    expect(JSON.stringify(info)).not.toContain('UNKNOWN');
  });

  it.each([
    [10_000, '10 s', '10 秒'],
    [1500, '1.5 s', '1.5 秒'],
    [30, '30 ms', '30 毫秒'],
  ])('timeout after %i ms says "%s"', (timeoutMs, en, zh) => {
    const info = describeFailure('timeout', { timeoutMs });
    expectBothLanguages(info);
    expect(info.message['en-US']).toContain(`within ${en}`);
    expect(info.message['zh-CN']).toContain(zh);
  });

  it('invalid_response: shows the HTTP status', () => {
    const info = describeFailure('invalid_response', { httpStatus: 502 });
    expectBothLanguages(info);
    expect(info.message['en-US']).toMatch(/not the Tencent Meeting API's documented JSON \(HTTP 502\)/);
    expect(info.message['zh-CN']).toContain('HTTP 502');
  });

  it.each([
    [6 * 60_000, /6 min behind/, '慢 6 分钟'],
    [-7 * 60_000 - 20_000, /7 min ahead of/, '快 7 分钟'],
    [40_000, /40 s behind/, '慢 40 秒'],
  ])('clock_skew of %i ms says by how much and which way', (skewMs, en, zh) => {
    const info = describeFailure('clock_skew', { skewMs });
    expectBothLanguages(info);
    expect(info.message['en-US']).toMatch(en);
    expect(info.message['zh-CN']).toContain(zh);
    expect(info.hint['en-US']).toMatch(/Windows: Settings → Time.*Sync now/);
    expect(info.hint['zh-CN']).toContain('立即同步');
  });

  it.each([['timeout'], ['network'], ['invalid_response'], [undefined]])(
    'unknown_outcome (cause %s) says the room may be ringing, never that the call failed',
    (cause) => {
      const info = describeFailure('unknown_outcome', cause === undefined ? {} : { cause });
      expectBothLanguages(info);
      for (const text of [info.message['en-US'], info.hint['en-US']]) expect(text).not.toMatch(/fail/i);
      for (const text of [info.message['zh-CN'], info.hint['zh-CN']]) expect(text).not.toContain('失败');
      expect(info.message['en-US']).toMatch(/may be ringing/);
      expect(info.message['zh-CN']).toContain('可能正在响铃');
      expect(info.hint['en-US']).toMatch(/check the room's call status before dialing again/i);
      expect(info.hint['zh-CN']).toContain('呼叫状态');
    },
  );

  it('missing_credentials lists what is missing', () => {
    const info = describeFailure('missing_credentials', { missing: ['SecretId', 'SecretKey'] });
    expectBothLanguages(info);
    expect(info.message['en-US']).toContain('SecretId, SecretKey');
    expect(info.message['zh-CN']).toContain('SecretId、SecretKey');
    expect(info.hint['en-US']).toMatch(/Settings/);
  });
});
