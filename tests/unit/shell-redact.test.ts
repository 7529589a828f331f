// redact() and the electron-log set-up: no secret reaches the log file, whatever shape it is logged in.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { afterAll, describe, expect, it } from 'vitest';
import { signature, stringToSign, type SignatureInput } from '../../main/api/signing';
import { configureLogger, LOG_MAX_BYTES, redactionHook, serviceLog } from '../../main/shell/logger';
import {
  isSecretName,
  MAX_LOGGED_CHARS,
  MAX_LOGGED_VALUES,
  redact,
  REDACTED,
  redactString,
} from '../../main/shell/redact';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { busyMs, HOSTILE_BUDGET_MS } from '../helpers/busy-time';

// Key-shaped values: a Tencent-style SecretKey and SecretId, and reference §1.3's X-TC-Signature.
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SIGNATURE = 'NTIwNmVmNmU2ZmU3NTIzNjJmNzY5YzFiOWE0NzhhMDcwMTM3YmVhNGViMWU5NTdlMzk5N2E0NzY3MGI5YjY2OQ==';

describe('redactString', () => {
  it('masks values after secret-looking names in every common text form', () => {
    const cases: [string, string][] = [
      [`secretKey=${SECRET_KEY}`, `secretKey=${REDACTED}`],
      [`secret_key: abc123`, `secret_key: ${REDACTED}`],
      [`SecretId = short1`, `SecretId = ${REDACTED}`],
      [`{"secretKey":"abc def","appId":"200000001"}`, `{"secretKey":"${REDACTED}","appId":"200000001"}`],
      [`{\\"secretKey\\":\\"abc\\",\\"x\\":1}`, `{\\"secretKey\\":\\"${REDACTED}\\",\\"x\\":1}`],
      [`'password': 'hunter2'`, `'password': '${REDACTED}'`],
      [`X-TC-Signature: abc`, `X-TC-Signature: ${REDACTED}`],
      [`x-tc-key: AKIDexample`, `x-tc-key: ${REDACTED}`],
      [`Authorization: Bearer eyJhbGci.abc`, `Authorization: ${REDACTED}`],
      [`authorization=Basic dXNlcjpwYXNz, next`, `authorization=${REDACTED}, next`],
      [`?token=abc&meeting_id=123`, `?token=${REDACTED}&meeting_id=123`],
      [`Cookie: session=abc; x=1`, `Cookie: ${REDACTED}; x=1`],
      [`api_key=k1 apiKey=k2`, `api_key=${REDACTED} apiKey=${REDACTED}`],
      [`X-TC-Key=AKIDexample&X-TC-Nonce=12345`, `X-TC-Key=${REDACTED}&X-TC-Nonce=12345`],
    ];
    for (const [input, expected] of cases) expect(redactString(input), input).toBe(expected);
  });

  it('masks anything that looks like a key, even without a name', () => {
    expect(redactString(`failed with ${SECRET_KEY} today`)).toBe(`failed with ${REDACTED} today`);
    expect(redactString(`sig ${SIGNATURE}.`)).toBe(`sig ${REDACTED}.`);
    expect(redactString(`hmac 5206ef6e6fe752362f769c1b9a478a070137bea4eb1e957e3997a47670b9b669`)).toBe(
      `hmac ${REDACTED}`,
    );
  });

  it('keeps what support needs: meeting ids and codes, invite ids, room ids, paths, field names', () => {
    for (const text of [
      'meeting_id 7567173273889276131 code 123456789',
      'invite_id 33faef6b-1a2b-4c3d-8e9f-9d715cc33f95',
      'room 12345678901234567890123456789012345678901234',
      '/home/operator/.config/Room Dialer/logs/main.log',
      'C:\\Users\\Operator2024\\AppData\\Roaming\\Room Dialer\\config.json',
      'operator_id admin1, appId 200000001, sdkId 28370276',
      'hasSecretKey true',
    ]) {
      expect(redactString(text), text).toBe(text);
    }
  });

  it('errs on the side of masking: a word after "secretKey:" in prose is masked too', () => {
    expect(redactString('secretKey: must not be empty')).toBe(`secretKey: ${REDACTED} not be empty`);
  });

  it('masks known secret values wherever they appear, longest first', () => {
    expect(redactString('key=nope; token-less text with s3cr3t-demo inside', ['s3cr3t-demo'])).toBe(
      `key=nope; token-less text with ${REDACTED} inside`,
    );
    expect(redactString('a s3cr3t-demo-longer b', ['s3cr3t-demo-longer', 's3cr3t-demo'])).toBe(`a ${REDACTED} b`);
    // Searched as text, not as a pattern; too-short values are not searched at all (they would mask everyday words).
    expect(redact('x a+b(c)* y', { secrets: ['a+b(c)*'] })).toBe(`x ${REDACTED} y`);
    expect(redact('the key abc', { secrets: ['abc'] })).toBe('the key abc');
  });
});

const MB = 1024 * 1024;
/** `unit` repeated to exactly 1 MB, after `prefix` and before `suffix`. */
function oneMb(unit: string, prefix = '', suffix = ''): string {
  const body = MB - prefix.length - suffix.length;
  return prefix + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + suffix;
}

// Text shaped to make a backtracking pattern work hard: long runs of name characters (a field name), secret words
// without a value, separators followed by nothing, unclosed quotes, key-looking and hex-looking runs.
const HOSTILE_TEXT: Record<string, string> = {
  'a 1 MB field name': oneMb('a'),
  'secret words without a value': oneMb('secret'),
  'a name, "=" and then only spaces': oneMb(' ', 'secretKey='),
  'an unclosed quoted value': oneMb('a', '"secretKey": "'),
  'name characters with dots and dashes': oneMb('x.y-'),
  'escaped JSON quotes': oneMb('\\"secret\\":\\"'),
  'an auth scheme over and over': oneMb('Bearer ', 'Authorization: '),
  'thousands of pairs': oneMb('token=a&'),
  'key-like characters': oneMb('aB1'),
  'hex ending in a non-hex letter': oneMb('a', '', 'g'),
  'names and colons with spaces': oneMb('password :'),
  'Chinese text': oneMb('腾讯会议错误'),
};

describe('hostile sizes', () => {
  it.each(Object.entries(HOSTILE_TEXT))('1 MB of %s is redacted within the time budget', (_shape, text) => {
    expect(busyMs(() => redactString(text))).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);
    expect(busyMs(() => redact({ [text]: text, error: new Error(text) }))).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);
  });

  it('keeps the pattern itself linear: a whole cap of name characters still costs next to nothing', () => {
    // Just under the cap, so nothing is cut: the quadratic pattern took over 400 ms on 16 KB.
    const name = 'a'.repeat(MAX_LOGGED_CHARS - 32);
    expect(busyMs(() => redactString(`${name}=value`))).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);
    // Compared as booleans: a failure must not print 16 KB.
    expect(redactString(`${name}secret=value`) === `${name}secret=${REDACTED}`).toBe(true);
  });

  it('logs at most MAX_LOGGED_CHARS of a string, and says how much was left out', () => {
    const out = redactString(oneMb('word '));
    expect(out.length).toBeLessThan(MAX_LOGGED_CHARS + 64);
    expect(out).toMatch(/…\[\d+ more characters not logged\]$/);
  });

  it('never logs the first part of a key the cut falls into', () => {
    // Cut in half, neither part is 32 characters: without dropping the cut token its head would be logged.
    const head = 'x '.repeat((MAX_LOGGED_CHARS - 20) / 2);
    const out = redactString(`${head}${SECRET_KEY} trailing text`);
    expect(out.startsWith(head)).toBe(true);
    expect(out).not.toContain(SECRET_KEY.slice(0, 8));
    const known = redactString(`${head}s3cr3t-demo-value-long tail`, ['s3cr3t-demo-value-long']);
    expect(known).not.toContain('s3cr3t');
  });

  it('visits at most MAX_LOGGED_VALUES values of one entry, and marks what it left out', () => {
    const many = Array.from({ length: MAX_LOGGED_VALUES * 2 }, (_, i) => ({ i }));
    const out = redact({ many }) as { many: unknown[] };
    expect(out.many.length).toBeLessThan(MAX_LOGGED_VALUES);
    expect(out.many.at(-1)).toBe('[omitted: log entry too large]');
    // The million-entry list is built outside the measurement: only the redaction's own work counts.
    const million = Array.from({ length: MB }, () => 'x');
    expect(busyMs(() => redact({ many: million }))).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);
  });

  it('masks property names like any text: a name may come from outside too', () => {
    expect(redact({ [`room ${SECRET_KEY}`]: 1 })).toEqual({ [`room ${REDACTED}`]: 1 });
  });
});

describe('redact', () => {
  it('masks values under secret names at any depth, keeping booleans and empties', () => {
    const input = {
      appId: '200000001',
      secretId: SECRET_ID,
      credentials: { secretKey: 'short', operatorId: 'admin1', hasSecretKey: true, secret_key: null },
      headers: { 'X-TC-Signature': SIGNATURE, 'X-TC-Key': 'AKIDexample', 'Content-Type': 'application/json' },
      list: [{ password: 123 }, 'secretKey=abc'],
    };
    expect(redact(input)).toEqual({
      appId: '200000001',
      secretId: REDACTED,
      credentials: { secretKey: REDACTED, operatorId: 'admin1', hasSecretKey: true, secret_key: null },
      headers: { 'X-TC-Signature': REDACTED, 'X-TC-Key': REDACTED, 'Content-Type': 'application/json' },
      list: [{ password: REDACTED }, `secretKey=${REDACTED}`],
    });
  });

  it('never changes its input', () => {
    const input = { secretKey: SECRET_KEY, nested: { token: 't' }, list: [SECRET_KEY] };
    const copy = structuredClone(input);
    redact(input);
    expect(input).toEqual(copy);
  });

  it('handles Maps, Sets, Headers, URLs, binary data, dates and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'a', secretKey: 'x' };
    cyclic['self'] = cyclic;
    const out = redact({
      map: new Map<unknown, unknown>([
        ['authorization', 'Bearer abc'],
        [1, `v ${SECRET_KEY}`],
      ]),
      set: new Set([`secretKey=abc`]),
      headers: new Headers({ 'x-tc-signature': SIGNATURE, 'x-tc-nonce': '12345' }),
      url: new URL(`https://api.meeting.qq.com/v1/x?token=abc&userid=u1`),
      buffer: Buffer.from(SECRET_KEY),
      date: new Date(0),
      cyclic,
    }) as Record<string, unknown>;
    expect(out['map']).toEqual(
      new Map<unknown, unknown>([
        ['authorization', REDACTED],
        [1, `v ${REDACTED}`],
      ]),
    );
    expect(out['set']).toEqual(new Set([`secretKey=${REDACTED}`]));
    expect(out['headers']).toEqual({ 'x-tc-signature': REDACTED, 'x-tc-nonce': '12345' });
    expect(out['url']).toBe(`https://api.meeting.qq.com/v1/x?token=${REDACTED}&userid=u1`);
    expect(out['buffer']).toBe(`[binary, ${SECRET_KEY.length} bytes]`);
    expect(out['date']).toEqual(new Date(0));
    const copy = out['cyclic'] as Record<string, unknown>;
    expect(copy['secretKey']).toBe(REDACTED);
    expect(copy['self']).toBe(copy);
  });

  it('keeps errors as errors of their class, with message, stack, cause and properties masked', () => {
    class ApiFailure extends Error {
      readonly body: unknown;
      constructor(message: string, body: unknown, options?: ErrorOptions) {
        super(message, options);
        this.name = 'ApiFailure';
        this.body = body;
      }
    }
    const cause = new Error(`socket said secretKey=${SECRET_KEY}`);
    const error = new ApiFailure(`signed with ${SIGNATURE}`, { secretId: SECRET_ID, code: 200003 }, { cause });
    const out = redact(error) as ApiFailure;
    expect(out).toBeInstanceOf(ApiFailure);
    expect(out).not.toBe(error);
    expect(out.name).toBe('ApiFailure');
    expect(out.message).toBe(`signed with ${REDACTED}`);
    expect(out.stack).not.toContain(SIGNATURE);
    expect(out.stack).toContain('signed with');
    expect(out.body).toEqual({ secretId: REDACTED, code: 200003 });
    expect((out.cause as Error).message).toBe(`socket said secretKey=${REDACTED}`);
    expect(error.message).toBe(`signed with ${SIGNATURE}`);
  });

  it('stops at a safe depth and survives throwing getters', () => {
    let deep: Record<string, unknown> = { secretKey: 'x' };
    for (let i = 0; i < 20; i += 1) deep = { child: deep };
    expect(JSON.stringify(redact(deep))).toContain('[nested too deep]');
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(redact(hostile)).toEqual({ boom: '[getter threw]' });
  });

  it('passes primitives through', () => {
    for (const value of [1, true, null, undefined, 10n]) expect(redact(value)).toBe(value);
  });

  it('recognises secret names', () => {
    for (const name of [
      'secretKey',
      'SECRET_ID',
      'X-TC-Signature',
      'x-tc-key',
      'Authorization',
      'password',
      'apiKey',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['appId', 'sdkId', 'operatorId', 'meetingId', 'inviteId', 'X-TC-Nonce', 'keyboard']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});

describe('the app log (electron-log)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a redacted, rotating file: no secret in any shape reaches it', () => {
    const logger = electronLog.create({ logId: 'room-dialer-test' });
    logger.transports.console.level = false;
    const filePath = path.join(dir, 'main.log');
    const redaction = configureLogger(logger, { filePath, maxSize: 2000 });
    redaction.addSecret(DEMO_CREDENTIALS.secretKey);
    const log = serviceLog(logger);

    const input: SignatureInput = {
      method: 'PUT',
      uri: '/v1/meeting-rooms/room-call',
      body: '{"operator_id":"admin1"}',
      secretId: DEMO_CREDENTIALS.secretId,
      nonce: '12345',
      timestamp: '1700000000',
    };
    const signed = signature(DEMO_CREDENTIALS.secretKey, input);
    const headers = { 'X-TC-Key': input.secretId, 'X-TC-Nonce': '12345', 'X-TC-Signature': signed };
    log.info('api request', { headers, toSign: stringToSign(input), credentials: { ...DEMO_CREDENTIALS } });
    log.error('api failed', { error: new Error(`key ${DEMO_CREDENTIALS.secretKey} rejected`) });
    logger.warn(`raw text secretKey=${SECRET_KEY} and X-TC-Signature: ${SIGNATURE}`);
    for (let i = 0; i < 30; i += 1) log.info('filler line to force a rotation', { i });

    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.log', 'main.old.log']);
    const written = files.map((name) => readFileSync(path.join(dir, name), 'utf8')).join('\n');
    expect(written).toContain('api request');
    expect(written).toContain(REDACTED);
    for (const secret of [DEMO_CREDENTIALS.secretKey, DEMO_CREDENTIALS.secretId, SECRET_KEY, SIGNATURE, signed]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('X-TC-Nonce');
  });

  it('the hook masks a message without touching the original', () => {
    const data = [{ secretKey: 'abcdef' }];
    const message = { data, date: new Date(0), level: 'info' as const };
    const out = redactionHook()(message);
    expect(out).not.toBe(false);
    expect((out as typeof message).data).toEqual([{ secretKey: REDACTED }]);
    expect(data).toEqual([{ secretKey: 'abcdef' }]);
    expect(LOG_MAX_BYTES).toBe(5 * 1024 * 1024);
  });
});
