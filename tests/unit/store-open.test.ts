import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import { describe, expect, it } from 'vitest';
import type { StoreBackendFactory } from '../../main/store/backend';
import { confSchemaOptions } from '../../main/store/conf-schema';
import { defaultStoreData } from '../../main/store/defaults';
import {
  CURRENT_SCHEMA_VERSION,
  recentMeetingSchema,
  storeDataSchema,
  type StoreData,
} from '../../common/store-schema';
import { fieldErrorFromZod } from '../../main/store/field-error';
import { configPath, confBackend, filesIn, open, readConfig, sipRoom, tempDir, ok } from './store-helpers';

const ROOM_ID = '0b6f3c1e-4d5a-4f6b-8c7d-9e0f1a2b3c4d';
const T = '2026-01-05T08:00:00.000Z';

/** A document using every field, for the zod / ajv agreement checks. */
function fullDocument(): StoreData {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    rooms: [
      {
        id: ROOM_ID,
        kind: 'sip',
        address: 'sip:room@example.com',
        name: '会议室',
        location: '5F',
        group: 'HQ',
        tags: ['vip'],
        notes: 'a\nb',
        favorite: true,
        callable: true,
        createdAt: T,
        updatedAt: T,
        lastDialedAt: T,
        lastOutcome: 'joined',
      },
      {
        id: '1c7a4d2f-5e6b-4a7c-9d8e-0f1a2b3c4d5e',
        kind: 'rooms',
        meetingRoomId: '2489756789',
        name: 'Rooms',
        location: '',
        group: '',
        tags: [],
        notes: '',
        favorite: false,
        callable: false,
        createdAt: T,
        updatedAt: T,
      },
    ],
    settings: { ...defaultStoreData().settings, window: { x: -10, y: 0, width: 1200, height: 800 } },
    recentMeetings: [{ meetingId: '7567173273889276131', meetingCode: '806146667', subject: '周会', usedAt: T }],
    history: [
      {
        id: '2d8b5e3a-6f7c-4b8d-ae9f-1a2b3c4d5e6f',
        meetingId: '7567173273889276131',
        meetingCode: '806146667',
        subject: '周会',
        roomId: ROOM_ID,
        roomName: '会议室',
        target: 'SIP sip:room@example.com',
        startedAt: T,
        endedAt: T,
        outcome: 'rejected',
        errorCode: '9002',
        errorMessage: 'busy',
      },
    ],
  };
}

/** Does conf (ajv with the derived JSON schema) open a file holding `doc`? */
function confAccepts(doc: unknown): boolean {
  const dir = tempDir();
  writeFileSync(configPath(dir), JSON.stringify(doc));
  try {
    new Conf<StoreData>({
      cwd: dir,
      projectName: 'room-dialer-test',
      ...confSchemaOptions(),
    } as unknown as Options<StoreData>);
    return true;
  } catch {
    return false;
  }
}

const backupPattern = (label: string) => new RegExp(`config\\.${label}-2026-11-22T10-00-00Z\\.json$`);

describe('opening the store', () => {
  it('creates the file with the defaults on first start, and reopens it without touching it', () => {
    const dir = tempDir();
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.path).toBe(configPath(dir));
    expect(readConfig(dir)).toEqual(defaultStoreData());
    expect(store.getSettings()).toEqual({
      locale: 'system',
      pollIntervalMs: 2000,
      maxConcurrentDials: 4,
      instanceId: 1,
      endpoint: 'https://api.meeting.qq.com',
    });
    expect(store.listRooms()).toEqual([]);
    expect(store.recentMeetings()).toEqual([]);
    expect(store.listHistory()).toEqual([]);

    ok(store.addRoom(sipRoom));
    const bytes = readFileSync(configPath(dir));
    const reopened = open(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.store.listRooms()).toEqual(store.listRooms());
    expect(readFileSync(configPath(dir)).equals(bytes)).toBe(true);
    expect(filesIn(dir)).toEqual(['config.json']);
  });

  it('moves a file that is not JSON aside, byte for byte, and starts with defaults', () => {
    const dir = tempDir();
    const original = '{"schemaVersion":1,"rooms":[{"name":"half a fi';
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice.kind).toBe('moved-aside');
    if (notice.kind !== 'moved-aside') return;
    expect(notice.reason).toBe('unparseable');
    expect(notice.backupPath).toMatch(backupPattern('corrupt'));
    expect(path.dirname(notice.backupPath)).toBe(dir);
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(notice.message['zh-CN']).toContain(notice.backupPath);
    expect(notice.message['en-US']).toContain(notice.backupPath);
    expect(store.listRooms()).toEqual([]);
    expect(readConfig(dir)).toEqual(defaultStoreData());
  });

  it('moves a JSON file that fails the schema aside, byte for byte, naming the bad field', () => {
    const dir = tempDir();
    const doc = fullDocument();
    const bad = { ...doc, settings: { ...doc.settings, maxConcurrentDials: 99 } };
    const original = JSON.stringify(bad, null, 2);
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'moved-aside', reason: 'invalid' });
    if (notice.kind !== 'moved-aside') return;
    expect(notice.detail['en-US']).toContain('settings.maxConcurrentDials');
    expect(notice.backupPath).toMatch(backupPattern('corrupt'));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(store.getSettings().maxConcurrentDials).toBe(4);
    expect(store.listRooms()).toEqual([]);
  });

  it('backs up a file from a newer version instead of overwriting it in place', () => {
    const dir = tempDir();
    const original = JSON.stringify({ ...fullDocument(), schemaVersion: CURRENT_SCHEMA_VERSION + 1, futureField: 1 });
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'moved-aside', reason: 'newer-version' });
    if (notice.kind !== 'moved-aside') return;
    expect(notice.backupPath).toMatch(backupPattern(`newer-v${CURRENT_SCHEMA_VERSION + 1}`));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(readFileSync(configPath(dir), 'utf8')).not.toBe(original);
    expect(store.listRooms()).toEqual([]);
  });

  it('upgrades a v0 file, keeping a copy of it as it was', () => {
    const dir = tempDir();
    const v0 = {
      rooms: [{ ...fullDocument().rooms[0], address: undefined, callable: undefined, sipUri: 'room@example.com' }],
    };
    const original = JSON.stringify(v0);
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'upgraded', from: 0 });
    expect(notice.backupPath).toMatch(backupPattern('v0'));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(store.listRooms()[0]).toMatchObject({ kind: 'sip', address: 'room@example.com', callable: true });
    expect(readConfig(dir)).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(open(dir).notices).toEqual([]);
  });

  it('never overwrites an earlier backup taken in the same second', () => {
    const dir = tempDir();
    writeFileSync(configPath(dir), 'first');
    const first = open(dir).notices[0]!.backupPath;
    writeFileSync(configPath(dir), 'second');
    const second = open(dir).notices[0]!.backupPath;
    expect(second).not.toBe(first);
    expect(second).toMatch(/config\.corrupt-2026-11-22T10-00-00Z-2\.json$/);
    expect(readFileSync(first, 'utf8')).toBe('first');
    expect(readFileSync(second, 'utf8')).toBe('second');
  });

  it('keeps the file when the backend refuses it even though the service accepted it', () => {
    const dir = tempDir();
    const original = JSON.stringify(fullDocument());
    writeFileSync(configPath(dir), original);
    let calls = 0;
    const picky: StoreBackendFactory = (options) => {
      if (calls++ === 0) throw new Error('Config schema violation: something only ajv checks');
      return confBackend(options);
    };
    const { store, notices } = open(dir, { backend: picky });
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', reason: 'invalid' });
    expect(readFileSync(notices[0]!.backupPath, 'utf8')).toBe(original);
    expect(store.listRooms()).toEqual([]);
  });

  it('refuses a backend that writes somewhere else than the file it was pointed at', () => {
    const dir = tempDir();
    const elsewhere: StoreBackendFactory = (options) => confBackend({ ...options, configName: 'other' });
    expect(() => open(dir, { backend: elsewhere })).toThrow(/expected/);
  });
});

describe('zod and the derived JSON schema agree', () => {
  const doc = fullDocument();
  const room = doc.rooms[0]!;
  const cases: [string, unknown, boolean][] = [
    ['the defaults', defaultStoreData(), true],
    ['a document using every field', doc, true],
    ['a 100-emoji name', { ...doc, rooms: [{ ...room, name: '😀'.repeat(100) }] }, true],
    ['a 101-emoji name', { ...doc, rooms: [{ ...room, name: '😀'.repeat(101) }] }, false],
    ['a blank name', { ...doc, rooms: [{ ...room, name: '  ' }] }, false],
    ['an unknown room key', { ...doc, rooms: [{ ...room, extra: 1 }] }, false],
    ['a SIP room without address', { ...doc, rooms: [{ ...room, address: undefined }] }, false],
    ['a Rooms room with an address', { ...doc, rooms: [{ ...doc.rooms[1], address: 'x@y' }] }, false],
    ['an id that is not a UUID', { ...doc, rooms: [{ ...room, id: 'room-1' }] }, false],
    ['a local time without Z', { ...doc, rooms: [{ ...room, createdAt: '2026-01-05T08:00:00' }] }, false],
    ['21 tags', { ...doc, rooms: [{ ...room, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }] }, false],
    ['maxConcurrentDials 17', { ...doc, settings: { ...doc.settings, maxConcurrentDials: 17 } }, false],
    ['pollIntervalMs 1500.5', { ...doc, settings: { ...doc.settings, pollIntervalMs: 1500.5 } }, false],
    [
      'a 10-digit meeting code',
      { ...doc, recentMeetings: [{ ...doc.recentMeetings[0], meetingCode: '1234567890' }] },
      false,
    ],
    ['21 recent meetings', { ...doc, recentMeetings: Array.from({ length: 21 }, () => doc.recentMeetings[0]) }, false],
    ['no schemaVersion', { ...doc, schemaVersion: undefined }, false],
  ];
  it.each(cases)('%s (valid: %s)', (_name, sample, valid) => {
    const json = JSON.parse(JSON.stringify(sample)) as unknown;
    expect(storeDataSchema.safeParse(json).success).toBe(valid);
    expect(confAccepts(json)).toBe(valid);
  });
});

describe('fieldErrorFromZod without reportInput', () => {
  it('says "wrong type" for a value of the wrong type, and "is required" only for a missing one', () => {
    const base = {
      meetingId: '7567173273889276131',
      meetingCode: '806146667',
      subject: 'x',
      usedAt: '2026-11-22T10:00:00.000Z',
    };
    const wrong = recentMeetingSchema.safeParse({ ...base, subject: 42 });
    const missing = recentMeetingSchema.safeParse({ ...base, subject: undefined });
    expect(wrong.success || fieldErrorFromZod(wrong.error, 'meeting').message['en-US']).toBe(
      'subject: has the wrong type (expected string)',
    );
    expect(missing.success || fieldErrorFromZod(missing.error, 'meeting').message['en-US']).toBe(
      'subject: is required',
    );
  });
});
