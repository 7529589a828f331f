// Requests must be plain data. Structured clone lets a page send Date, Map, Set, RegExp, Error, ArrayBuffer and
// typed arrays, which zod reads as `{}`: `credentials:delete(new Date())` used to delete the saved credentials. The
// gate (main/ipc/plain-data.ts) refuses them on every channel, at any depth, naming the field, before the schema.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import { MAX_FIELD_NAME } from '../../main/store/field-error';
import { busyMsAsync, HOSTILE_BUDGET_MS } from '../helpers/busy-time';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

class Evil {
  readonly polluted = true;
}

const NOT_PLAIN: [string, () => unknown][] = [
  ['a Date', () => new Date()],
  ['a Map', () => new Map([['appId', '1']])],
  ['a Set', () => new Set(['x'])],
  ['a RegExp', () => /x/g],
  ['an Error', () => new Error('x')],
  ['an ArrayBuffer', () => new ArrayBuffer(8)],
  ['a Uint8Array', () => new Uint8Array(8)],
  ['a class instance', () => new Evil()],
  ['an object with another prototype', () => Object.create({ inherited: true }) as object],
];

let h: IpcHarness;
beforeEach(async () => {
  h = await startIpcHarness();
});
afterEach(async () => {
  await h.close();
});

describe('no request is anything but plain data', () => {
  it.each(NOT_PLAIN)('credentials:delete(%s) is refused and the credentials stay saved', async (_label, make) => {
    const before = h.snapshot();
    expectFieldError(await h.fail('credentials:delete', make()), 'request');
    expect(h.snapshot()).toBe(before);
    expect((await h.vault.publicView(DEFAULT_PROFILE)).configured).toBe(true);
  });

  it.each(NOT_PLAIN)('%s inside a request is refused, naming where it is', async (_label, make) => {
    const room = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
    const before = h.snapshot();
    expectFieldError(await h.fail('rooms:update', { id: room.id, patch: make() }), 'patch');
    expectFieldError(await h.fail('rooms:restore', { room: make() }), 'room');
    expectFieldError(
      await h.fail('rooms:add', { name: 'x', kind: 'sip', address: 'a@b.com', tags: [make()] }),
      'tags[0]',
    );
    expectFieldError(await h.fail('settings:update', { endpoint: make() }), 'endpoint');
    expect(h.snapshot()).toBe(before);
  });

  it('still takes a plain object, one without a prototype, or nothing, where a request has no fields', async () => {
    expect(await h.ok('credentials:get', {})).toMatchObject({ configured: true });
    expect(await h.ok('credentials:get', Object.create(null))).toMatchObject({ configured: true });
    expect(await h.ok('credentials:get', undefined)).toMatchObject({ configured: true });
  });
});

describe('bounded before the schema walks it', () => {
  it('refuses a sparse list of ten million entries at once, naming it', async () => {
    // Made once, outside the measurement: V8 takes a while to allocate it (in the app, that is Electron's part).
    const request = { rows: new Array(10_000_000) };
    const busy = await busyMsAsync(async () => {
      expectFieldError(await h.fail('rooms:import', request), 'rows');
    });
    expect(busy).toBeLessThanOrEqual(HOSTILE_BUDGET_MS);
  });

  it('refuses 10,000 levels of nesting without running out of stack', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    const error = await h.fail('rooms:restore', { room: deep });
    expect(error.field?.startsWith('room.a.a')).toBe(true);
    expect(error.message['en-US']).toContain('nested too deeply');
  });

  it('names a 1 MB field name by its first characters only, in a small answer', async () => {
    const name = 'k'.repeat(1024 * 1024);
    const error = await h.fail('rooms:delete', { [name]: 1 });
    expect(error.kind).toBe('validation');
    expect(error.field?.length).toBeLessThanOrEqual(MAX_FIELD_NAME);
    expect(error.field?.startsWith('kkkk')).toBe(true);
    expect(JSON.stringify(error).length).toBeLessThan(2048);
    // The log names it the same way.
    expect(JSON.stringify(h.log.entries).length).toBeLessThan(4096);
  });
});
