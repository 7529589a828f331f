// AppStore.batch: a CSV import of thousands of rows writes the file once, and a failing write keeps none of it.
import { describe, expect, it } from 'vitest';
import { openAppStore } from '../../main/store/app-store';
import type { StoreBackendFactory } from '../../main/store/backend';
import { memoryBackend, steppingClock } from './store-helpers';

const sip = (n: number) => ({ name: `Room ${n}`, kind: 'sip' as const, address: `room${n}@sip.example.com` });

describe('AppStore.batch', () => {
  it('applies every change, checked one by one, and writes the file once', () => {
    const memory = memoryBackend();
    const { store } = openAppStore({ cwd: '/nowhere', backend: memory.factory, now: steppingClock() });
    const writesBefore = memory.writes();
    const results = store.batch(() => [1, 2, 2, 3].map((n) => store.addRoom(sip(n))));
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results[2]).toMatchObject({ ok: false, error: { field: 'address' } });
    expect(store.listRooms().map((room) => room.name)).toEqual(['Room 1', 'Room 2', 'Room 3']);
    expect(memory.writes() - writesBefore).toBe(1);
  });

  it('writes nothing when nothing in the batch changed', () => {
    const memory = memoryBackend();
    const { store } = openAppStore({ cwd: '/nowhere', backend: memory.factory, now: steppingClock() });
    const writesBefore = memory.writes();
    store.batch(() => store.addRoom({ name: '', kind: 'sip', address: 'x@y.z' }));
    expect(memory.writes()).toBe(writesBefore);
  });

  it('keeps none of the batch when the one write fails', () => {
    const memory = memoryBackend();
    let failWrites = false;
    const failing: StoreBackendFactory = (options) => {
      const inner = memory.factory(options);
      return {
        path: inner.path,
        get store() {
          return inner.store;
        },
        set store(value) {
          if (failWrites) throw new Error('disk full');
          inner.store = value;
        },
      };
    };
    const { store } = openAppStore({ cwd: '/nowhere', backend: failing, now: steppingClock() });
    store.addRoom(sip(1));
    failWrites = true;
    expect(() => store.batch(() => [2, 3].map((n) => store.addRoom(sip(n))))).toThrow('disk full');
    expect(store.listRooms().map((room) => room.name)).toEqual(['Room 1']);
  });
});

describe('AppStore.batch and the room index', () => {
  it('a batch whose write fails leaves lookups as they were before it', () => {
    let failWrites = false;
    const memory = memoryBackend();
    const failing: StoreBackendFactory = (options) => {
      const inner = memory.factory(options);
      return {
        path: inner.path,
        get store() {
          return inner.store;
        },
        set store(value) {
          if (failWrites) throw new Error('disk full');
          inner.store = value;
        },
      };
    };
    const { store } = openAppStore({ cwd: '/nowhere', backend: failing, now: steppingClock() });
    const kept = store.addRoom(sip(1));
    if (!kept.ok) throw new Error('setup');
    failWrites = true;
    let added: string | undefined;
    expect(() =>
      store.batch(() => {
        const result = store.addRoom(sip(2));
        added = result.ok ? result.value.id : undefined;
        store.deleteRoom(kept.value.id);
      }),
    ).toThrow('disk full');
    expect(added).toBeDefined();
    expect(store.getRoom(added!)).toBeUndefined();
    expect(store.getRoom(kept.value.id)).toEqual(kept.value);
    expect(store.findDuplicateAddress('sip', sip(2).address)).toBeUndefined();
    expect(store.findDuplicateAddress('sip', sip(1).address)?.id).toBe(kept.value.id);
  });
});
