// The IPC gate on its own, with stand-in handlers: who may call, what payloads pass, and how every kind of thrown
// error reaches the window. The real handlers are covered by tests/integration/ipc-*.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../common/ipc-contract';
import type { IpcResult } from '../../common/ipc-error';
import { ApiError, NetworkError, TimeoutError, UnknownOutcomeError } from '../../main/api/errors';
import { unknownCallError } from '../../main/calls/call-errors';
import { NOT_CONFIGURED, OperatorFailure } from '../../common/operator-error';
import {
  createDispatcher,
  registerHandlers,
  type IpcHandlers,
  type IpcListener,
  type SenderInfo,
} from '../../main/ipc/register';
import { InvalidProfileError } from '../../main/vault/credential-vault';
import { KeychainUnavailableError } from '../../main/vault/secret-store';
import { APP_SENDER, recordingLog } from '../helpers/ipc-harness';

function stubHandlers(impl: (channel: Channel, request: unknown) => unknown = (channel) => ({ channel })) {
  const calls: { channel: Channel; request: unknown }[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (request: unknown) => {
        calls.push({ channel, request });
        return impl(channel, request);
      },
    ]),
  ) as unknown as IpcHandlers;
  return { handlers, calls };
}

function gate(impl?: (channel: Channel, request: unknown) => unknown) {
  const log = recordingLog();
  const { handlers, calls } = stubHandlers(impl);
  const dispatch = createDispatcher(handlers, { allowedOrigins: ['app://room-dialer'], log });
  return { dispatch, calls, log };
}

function errorOf(result: IpcResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('registerHandlers', () => {
  it('registers every channel of the contract once, each answering through the gate', async () => {
    const registered = new Map<Channel, IpcListener<SenderInfo>>();
    const { handlers } = stubHandlers();
    registerHandlers<SenderInfo>((channel, listener) => registered.set(channel, listener), handlers, {
      allowedOrigins: ['app://room-dialer'],
      senderOf: (event) => event,
      log: recordingLog(),
    });
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    const listener = registered.get('rooms:list');
    expect(await listener?.(APP_SENDER, {})).toEqual({ ok: true, value: { channel: 'rooms:list' } });
  });

  it('answers forbidden when the shell cannot tell who sent the request', async () => {
    const registered = new Map<Channel, IpcListener<object>>();
    const { handlers, calls } = stubHandlers();
    registerHandlers<object>((channel, listener) => registered.set(channel, listener), handlers, {
      allowedOrigins: ['app://room-dialer'],
      senderOf: () => {
        throw new Error('frame destroyed');
      },
      log: recordingLog(),
    });
    const result = await registered.get('rooms:list')?.({}, {});
    expect(result && errorOf(result).kind).toBe('forbidden');
    expect(calls).toEqual([]);
  });

  it('refuses to start with a handler missing', () => {
    const { handlers } = stubHandlers();
    const incomplete = { ...handlers, 'calls:dial': undefined } as unknown as IpcHandlers;
    expect(() => createDispatcher(incomplete, { allowedOrigins: [], log: recordingLog() })).toThrow(/calls:dial/);
  });
});

describe('the sender check', () => {
  it.each([
    ['another origin', { url: 'https://evil.example.com/', isMainFrame: true }],
    ['a subframe of the app', { url: 'app://room-dialer/index.html', isMainFrame: false }],
    ['a frame that is gone', { url: '', isMainFrame: false }],
  ])('refuses %s before looking at the payload, and logs no payload', async (_label, sender) => {
    const { dispatch, calls, log } = gate();
    const error = errorOf(await dispatch('credentials:save', sender, { secretKey: 'do-not-log-me-please' }));
    expect(error.kind).toBe('forbidden');
    expect(error.message['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(calls).toEqual([]);
    expect(JSON.stringify(log.entries)).not.toContain('do-not-log-me-please');
    expect(log.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });
});

describe('payload validation', () => {
  const MEGABYTE = 'x'.repeat(1024 * 1024);

  it.each<[string, Channel, unknown, string, RegExp]>([
    ['a wrong type', 'settings:update', { pollIntervalMs: '2000' }, 'pollIntervalMs', /wrong type/],
    ['an extra field', 'rooms:list', { all: true }, 'all', /not a known field/],
    [
      'an extra nested field',
      'calls:dial',
      { meeting: { meetingId: '1', x: 1 }, roomIds: ['a'] },
      'meeting.x',
      /known/,
    ],
    ['a missing field', 'rooms:delete', {}, 'id', /required/],
    ['a 1 MB string', 'meetings:lookup', { meeting: MEGABYTE }, 'meeting', /too long/],
    [
      'a 1 MB string deep inside',
      'rooms:import',
      { rows: [{ room: { name: MEGABYTE, kind: 'sip' } }] },
      'rows[0].room.name',
      /too long/,
    ],
    ['a bad enum value', 'rooms:add', { name: 'A', kind: 'isdn' }, 'kind', /one of/],
    ['an empty list', 'calls:dial', { meeting: { meetingId: '1' }, roomIds: [] }, 'roomIds', /at least 1/],
    ['a payload that is not an object', 'rooms:list', 'hello', 'request', /wrong type/],
    // Nothing is a request without fields (plain-data.ts): here the required ones are missing.
    ['no payload at all', 'rooms:add', undefined, 'name', /required/],
    ['an array payload', 'history:list', [], 'request', /wrong type/],
  ])('refuses %s naming the field, without running the handler', async (_label, channel, payload, field, en) => {
    const { dispatch, calls } = gate();
    const error = errorOf(await dispatch(channel, APP_SENDER, payload));
    expect(error).toMatchObject({ kind: 'validation', code: 'bad_input', field });
    expect(error.message['en-US']).toMatch(en);
    expect(error.message['en-US'].startsWith(`${field}: `)).toBe(true);
    expect(error.message['zh-CN'].startsWith(`${field}：`)).toBe(true);
    expect(calls).toEqual([]);
    expect(JSON.stringify(error).length).toBeLessThan(2000);
  });

  it('passes the parsed request to the handler', async () => {
    const { dispatch, calls } = gate((_channel, request) => request);
    const result = await dispatch('rooms:update', APP_SENDER, { id: 'r1', patch: { name: 'B' } });
    expect(result).toEqual({ ok: true, value: { id: 'r1', patch: { name: 'B' } } });
    expect(calls).toEqual([{ channel: 'rooms:update', request: { id: 'r1', patch: { name: 'B' } } }]);
  });
});

describe('errors thrown by handlers', () => {
  async function thrown(error: unknown) {
    const { dispatch, log } = gate(() => {
      throw error;
    });
    const result = await dispatch('rooms:list', APP_SENDER, {});
    return { error: errorOf(result), log };
  }

  it('an API error explains itself with its error_code', async () => {
    const { error } = await thrown(new ApiError(500, 9003, 9003, 'MEETING NOT EXIST'));
    expect(error).toMatchObject({ kind: 'api', code: 9003 });
    expect(error.message['en-US']).toContain('9003');
    expect(error.hint['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it.each([
    ['network', new NetworkError('ECONNREFUSED', false)],
    ['timeout', new TimeoutError(10_000)],
    ['unknown_outcome', new UnknownOutcomeError(new TimeoutError(10_000))],
  ])('a %s failure keeps its kind', async (kind, cause) => {
    const { error } = await thrown(cause);
    expect(error.kind).toBe(kind);
    expect(error.message['en-US']).not.toBe('');
    expect(error.message['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('an unavailable keychain becomes kind keychain with its advice', async () => {
    const { error } = await thrown(new KeychainUnavailableError('save', 'no_service', 'Could not connect', 'linux'));
    expect(error).toMatchObject({ kind: 'keychain', code: 'keychain_unavailable' });
    expect(error.message['en-US']).toMatch(/NOT saved/);
    expect(error.hint['en-US']).toMatch(/gnome-keyring/);
  });

  it('a bad profile name is a validation error naming the field', async () => {
    const { error } = await thrown(
      new InvalidProfileError({ field: 'profile', message: { 'zh-CN': 'profile：坏', 'en-US': 'profile: bad' } }),
    );
    expect(error).toMatchObject({ kind: 'validation', field: 'profile' });
  });

  it('an OperatorFailure is passed on as it is', async () => {
    const { error } = await thrown(new OperatorFailure(NOT_CONFIGURED));
    expect(error).toEqual(NOT_CONFIGURED);
  });

  it("the tracker's errors keep their kind, code and field", async () => {
    const { error } = await thrown(unknownCallError('c-404'));
    expect(error).toMatchObject({ kind: 'not_found', code: 'call_not_found', field: 'callId' });
  });

  it.each([
    ['an Error', new TypeError("Cannot read properties of undefined (reading 'x') at /work/secret/path.ts:12")],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('%s becomes a generic internal error; the details go to the log only', async (_label, cause) => {
    const { error, log } = await thrown(cause);
    expect(error).toMatchObject({ kind: 'internal', code: 'internal' });
    expect(JSON.stringify(error)).not.toMatch(/Cannot read|secret\/path|boom|at \//);
    const logged = log.entries.find((entry) => entry.level === 'error');
    expect(logged?.data?.['channel']).toBe('rooms:list');
    if (cause instanceof Error) expect(logged?.data?.['stack']).toContain('TypeError');
  });

  it('a rejected promise is handled like a throw, and nothing ever rejects across IPC', async () => {
    const { dispatch } = gate(() => Promise.reject(new Error('late')));
    await expect(dispatch('rooms:list', APP_SENDER, {})).resolves.toMatchObject({ ok: false });
  });
});

describe('logging', () => {
  it('never logs a refused payload', async () => {
    const { dispatch, log } = gate();
    await dispatch('credentials:save', APP_SENDER, {
      appId: 1,
      secretId: 'x',
      secretKey: 'SUPERSECRETKEY123',
      operatorId: 'a',
    });
    await dispatch('credentials:save', APP_SENDER, {
      appId: '1',
      secretId: 'x',
      secretKey: 'SUPERSECRETKEY123',
      operatorId: 'a',
      extra: 'SUPERSECRETKEY123',
    });
    expect(JSON.stringify(log.entries)).not.toContain('SUPERSECRETKEY123');
    expect(log.entries.length).toBeGreaterThan(0);
  });

  it('logs handled API failures with kind and code only', async () => {
    const { dispatch, log } = gate(() => {
      throw new ApiError(400, 200003, 200003, 'Signature failed');
    });
    await dispatch('rooms:list', APP_SENDER, {});
    expect(log.entries).toEqual([
      { level: 'warn', message: 'ipc: request failed', data: { channel: 'rooms:list', kind: 'api', code: 200003 } },
    ]);
  });
});

it('the stand-in handlers see exactly one call per accepted request', async () => {
  const { dispatch, calls } = gate();
  const spy = vi.fn();
  for (const channel of ['rooms:list', 'calls:list', 'app:info'] as const) spy(await dispatch(channel, APP_SENDER, {}));
  expect(spy).toHaveBeenCalledTimes(3);
  expect(calls.map((c) => c.channel)).toEqual(['rooms:list', 'calls:list', 'app:info']);
});
