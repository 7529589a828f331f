// Shared fixtures for the store-*.test.ts files: conf in a temp dir as the backend (what electron-store wraps), an
// in-memory backend that counts writes, a fixed clock, and readers for each of the store's files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import { afterEach, expect } from 'vitest';
import { openAppStore, type AppStoreOptions, type OpenedAppStore } from '../../main/store/app-store';
import type { StoreBackend, StoreBackendFactory } from '../../main/store/backend';
import {
  settingsV1Schema,
  type HistoryRecord,
  type Room,
  type Settings,
  type SettingsDocument,
  type StoreData,
} from '../../common/store-schema';

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

/** Keeps each document in memory; `writes` counts how often the service stored one, per file name. */
export function memoryBackend(): { factory: StoreBackendFactory; writes: (configName?: string) => number } {
  const writes = new Map<string, number>();
  const factory: StoreBackendFactory = (options) => {
    let data = options.defaults;
    const backend: StoreBackend = {
      path: path.resolve(options.cwd, `${options.configName}.json`),
      get store() {
        return data;
      },
      set store(value) {
        writes.set(options.configName, (writes.get(options.configName) ?? 0) + 1);
        data = value;
      },
    };
    return backend;
  };
  const count = (configName?: string): number =>
    configName === undefined ? [...writes.values()].reduce((a, b) => a + b, 0) : (writes.get(configName) ?? 0);
  return { factory, writes: count };
}

/** A clock that starts at 2026-11-22T10:00:00Z and moves one second per reading. */
export function steppingClock(start = Date.parse('2026-11-22T10:00:00.000Z')): () => Date {
  let t = start - 1000;
  return () => new Date((t += 1000));
}

export function open(dir: string, extra: Partial<AppStoreOptions> = {}): OpenedAppStore {
  return openAppStore({ cwd: dir, backend: confBackend, now: steppingClock(), ...extra });
}

export const configPath = (dir: string): string => path.join(dir, 'config.json');
export const roomsPath = (dir: string): string => path.join(dir, 'config.rooms.json');
export const lastDialPath = (dir: string): string => path.join(dir, 'config.last-dial.jsonl');
export const historyDir = (dir: string): string => path.join(dir, 'config.history');

export function readConfig(dir: string): SettingsDocument {
  return JSON.parse(readFileSync(configPath(dir), 'utf8')) as SettingsDocument;
}

export function roomsInFile(dir: string): Room[] {
  return (JSON.parse(readFileSync(roomsPath(dir), 'utf8')) as { rooms: Room[] }).rooms;
}

/** The calls in the history segments, oldest first (header lines left out). */
export function historyInFiles(dir: string): HistoryRecord[] {
  return readdirSync(historyDir(dir))
    .filter((name) => /^\d{6}\.jsonl$/.test(name))
    .sort()
    .flatMap((name) =>
      readFileSync(path.join(historyDir(dir), name), 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => JSON.parse(line) as HistoryRecord),
    );
}

/** Every file under `dir` (recursively), sorted, as paths relative to it. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .sort();
}

/** Every file of the store folder with its bytes, to compare before and after. */
export function storeSnapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesIn(dir).map((name) => [name, readFileSync(path.join(dir, name), 'base64')]));
}

/** Runs `fn` and checks no file in the store folder changed, appeared or went. */
export function expectFileUnchanged<T>(dir: string, fn: () => T): T {
  const before = storeSnapshot(dir);
  const result = fn();
  expect(storeSnapshot(dir)).toEqual(before);
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

/** What a version-1 file held of these settings: the fields version 2 added are left out. */
export function v1SettingsOf(settings: Settings): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => key in settingsV1Schema.shape));
}
