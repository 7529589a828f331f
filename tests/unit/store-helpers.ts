// Shared fixtures for the store-*.test.ts files: conf in a temp dir as the backend (what electron-store wraps),
// an in-memory backend for the cap test that would otherwise rewrite a 2 MB file 5,000 times, and a fixed clock.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import { afterEach, expect } from 'vitest';
import { openAppStore, type AppStoreOptions, type OpenedAppStore } from '../../main/store/app-store';
import type { StoreBackend, StoreBackendFactory } from '../../main/store/backend';
import type { StoreData } from '../../common/store-schema';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-store-'));
  dirs.push(dir);
  return dir;
}

/** The real engine: conf with the derived JSON schema, in the given folder. */
export const confBackend: StoreBackendFactory = (options) =>
  new Conf<StoreData>({ ...options, projectName: 'room-dialer-test' } as unknown as Options<StoreData>);

/** Keeps the document in memory; `writes` counts how often the service stored it. */
export function memoryBackend(): { factory: StoreBackendFactory; writes: () => number } {
  let writes = 0;
  const factory: StoreBackendFactory = (options) => {
    let data = options.defaults;
    const backend: StoreBackend = {
      path: path.resolve(options.cwd, `${options.configName}.json`),
      get store() {
        return data;
      },
      set store(value) {
        writes++;
        data = value;
      },
    };
    return backend;
  };
  return { factory, writes: () => writes };
}

/** A clock that starts at 2026-11-22T10:00:00Z and moves one second per reading. */
export function steppingClock(start = Date.parse('2026-11-22T10:00:00.000Z')): () => Date {
  let t = start - 1000;
  return () => new Date((t += 1000));
}

export function open(dir: string, extra: Partial<AppStoreOptions> = {}): OpenedAppStore {
  return openAppStore({ cwd: dir, backend: confBackend, now: steppingClock(), ...extra });
}

export function configPath(dir: string): string {
  return path.join(dir, 'config.json');
}

export function readConfig(dir: string): unknown {
  return JSON.parse(readFileSync(configPath(dir), 'utf8'));
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Runs `fn` and checks the store file is byte-for-byte what it was. */
export function expectFileUnchanged<T>(dir: string, fn: () => T): T {
  const before = readFileSync(configPath(dir));
  const result = fn();
  expect(readFileSync(configPath(dir)).equals(before)).toBe(true);
  return result;
}

/** Unwraps an ok Validated, failing the test with the field error otherwise. */
export function ok<T>(result: { ok: true; value: T } | { ok: false; error: { field: string; message: object } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The field of a failed Validated, after checking both languages name it. */
export function failedField(
  result: { ok: true } | { ok: false; error: { field: string; message: Record<string, string> } },
): string {
  if (result.ok) throw new Error('expected a field error, got ok');
  const { field, message } = result.error;
  expect(message['zh-CN']).toContain(field);
  expect(message['en-US']).toContain(field);
  return field;
}

export const sipRoom = { name: '大会议室 A', kind: 'sip', address: 'room-a@video.example.com' } as const;
export const h323Room = { name: 'Board room', kind: 'h323', address: '192.168.1.20' } as const;
export const tencentRoom = { name: 'Rooms 5F', kind: 'rooms', meetingRoomId: '2489756789' } as const;
