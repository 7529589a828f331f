import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { StoreBackendFactory } from '../../main/store/backend';
import { confSchemaOptions } from '../../main/store/conf-schema';
import {
  DEFAULT_HISTORY_LIMIT,
  DEFAULT_SETTINGS,
  defaultSettingsDocument,
  roomsDocument,
} from '../../main/store/defaults';
import {
  CURRENT_SCHEMA_VERSION,
  recentMeetingSchema,
  roomsDocumentSchema,
  settingsDocumentSchema,
  type HistoryRecord,
  type Room,
  type SettingsDocument,
  type StoreData,
} from '../../common/store-schema';
import { fieldErrorFromZod } from '../../main/store/field-error';
import {
  configPath,
  confBackend,
  filesIn,
  historyDir,
  historyInFiles,
  ok,
  open,
  readConfig,
  roomsInFile,
  roomsPath,
  sipRoom,
  tempDir,
  v1SettingsOf,
} from './store-helpers';

const ROOM_ID = '0b6f3c1e-4d5a-4f6b-8c7d-9e0f1a2b3c4d';
const T = '2026-01-05T08:00:00.000Z';

const ROOMS: Room[] = [
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
];

const CALL: HistoryRecord = {
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
};

/** config.json using every field, for the zod / ajv agreement checks. */
function fullSettings(): SettingsDocument {
  const defaults = defaultSettingsDocument();
  return {
    ...defaults,
    settings: { ...defaults.settings, window: { x: -10, y: 0, width: 1200, height: 800 } },
    recentMeetings: [{ meetingId: '7567173273889276131', meetingCode: '806146667', subject: '周会', usedAt: T }],
  };
}

/** Version 1's single file. */
function v1File(): unknown {
  const settings = v1SettingsOf(fullSettings().settings);
  return {
    schemaVersion: 1,
    rooms: ROOMS,
    settings,
    recentMeetings: fullSettings().recentMeetings,
    history: [CALL],
  };
}

/** Does conf (ajv with the derived JSON schema) open a file holding `doc`? */
function confAccepts(schema: z.ZodType, doc: unknown): boolean {
  const dir = tempDir();
  writeFileSync(configPath(dir), JSON.stringify(doc));
  try {
    new Conf<StoreData>({
      cwd: dir,
      projectName: 'room-dialer-test',
      ...confSchemaOptions(schema),
    } as unknown as Options<StoreData>);
    return true;
  } catch {
    return false;
  }
}

const backupPattern = (name: string, label: string) =>
  new RegExp(`${name.replace('.', '\\.')}\\.${label}-2026-11-22T10-00-00Z\\.json$`);

describe('opening the store', () => {
  it('creates the settings and address book files on first start, and reopens them without touching them', () => {
    const dir = tempDir();
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.path).toBe(configPath(dir));
    expect(readConfig(dir)).toEqual(defaultSettingsDocument());
    expect(roomsInFile(dir)).toEqual([]);
    expect(store.getSettings()).toEqual({
      locale: 'system',
      pollIntervalMs: 2000,
      maxConcurrentDials: 4,
      instanceId: 1,
      endpoint: 'https://api.meeting.qq.com',
      historyLimit: DEFAULT_HISTORY_LIMIT,
      batchConfirmAbove: 50,
      requestsPerMinute: 240,
      retry: { retries: 2, backoffMs: [60_000, 180_000], rejoinOnDrop: false, rejoins: 2 },
      otherHosts: [],
    });
    expect(store.listRooms()).toEqual([]);
    expect(store.recentMeetings()).toEqual([]);
    expect(store.listHistory()).toEqual([]);

    ok(store.addRoom(sipRoom));
    const bytes = readFileSync(roomsPath(dir));
    const reopened = open(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.store.listRooms()).toEqual(store.listRooms());
    expect(readFileSync(roomsPath(dir)).equals(bytes)).toBe(true);
    expect(filesIn(dir)).toEqual(['config.json', 'config.rooms.json']);
  });

  it('moves a settings file that is not JSON aside, byte for byte, and keeps the address book', () => {
    const dir = tempDir();
    writeFileSync(roomsPath(dir), JSON.stringify(roomsDocument(ROOMS)));
    const original = '{"schemaVersion":2,"settings":{"locale":"zh-C';
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'moved-aside', file: 'settings', reason: 'unparseable' });
    expect(notice.backupPath).toMatch(backupPattern('config', 'corrupt'));
    expect(path.dirname(notice.backupPath)).toBe(dir);
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(notice.message['zh-CN']).toContain(notice.backupPath);
    expect(notice.message['en-US']).toContain(notice.backupPath);
    expect(store.getSettings()).toEqual(defaultSettingsDocument().settings);
    expect(readConfig(dir)).toEqual(defaultSettingsDocument());
    expect(store.listRooms()).toEqual(ROOMS);
  });

  it('moves an address book that fails the schema aside, byte for byte, naming the bad field; settings stay', () => {
    const dir = tempDir();
    writeFileSync(configPath(dir), JSON.stringify(fullSettings()));
    const original = JSON.stringify(roomsDocument([{ ...ROOMS[0]!, name: ' ' }]), null, 2);
    writeFileSync(roomsPath(dir), original);
    const { store, notices } = open(dir);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'moved-aside', file: 'rooms', reason: 'invalid' });
    if (notice.kind !== 'moved-aside') return;
    expect(notice.detail['en-US']).toContain('rooms[0].name');
    expect(notice.message['en-US']).toContain('address book');
    expect(notice.backupPath).toMatch(backupPattern('config.rooms', 'corrupt'));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(store.listRooms()).toEqual([]);
    expect(store.getSettings()).toEqual(fullSettings().settings);
  });

  it('backs up a file from a newer version instead of overwriting it in place', () => {
    const dir = tempDir();
    const original = JSON.stringify({ ...fullSettings(), schemaVersion: CURRENT_SCHEMA_VERSION + 1, futureField: 1 });
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'moved-aside', reason: 'newer-version' });
    expect(notice.backupPath).toMatch(backupPattern('config', `newer-v${CURRENT_SCHEMA_VERSION + 1}`));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(readFileSync(configPath(dir), 'utf8')).not.toBe(original);
    expect(store.recentMeetings()).toEqual([]);
  });

  it('reads files a text editor saved with a UTF-8 byte-order mark as the valid files they are', () => {
    const dir = tempDir();
    writeFileSync(configPath(dir), `\uFEFF${JSON.stringify(fullSettings())}`);
    writeFileSync(roomsPath(dir), `\uFEFF${JSON.stringify(roomsDocument(ROOMS))}`);
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.listRooms()).toEqual(ROOMS);
    expect(store.getSettings()).toEqual(fullSettings().settings);
    expect(filesIn(dir)).toEqual(['config.json', 'config.rooms.json']);
    // And it is written back as plain JSON at the next change, which conf can then read too.
    ok(store.addRoom(sipRoom));
    ok(store.updateSettings({ locale: 'en-US' }));
    expect(readFileSync(roomsPath(dir), 'utf8').startsWith('{')).toBe(true);
    expect(open(dir).store.listRooms()).toHaveLength(3);
  });

  it('upgrades a version-1 file in place: a copy as it was, then rooms, history and settings in their own files', () => {
    const dir = tempDir();
    const original = JSON.stringify(v1File());
    writeFileSync(configPath(dir), `\uFEFF${original}`);
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'upgraded', from: 1 });
    expect(notice.backupPath).toMatch(backupPattern('config', 'v1'));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(`\uFEFF${original}`);
    expect(notice.message['en-US']).toContain(notice.backupPath);

    expect(readConfig(dir)).toEqual({
      ...fullSettings(),
      settings: { ...DEFAULT_SETTINGS, ...v1SettingsOf(fullSettings().settings) },
    });
    expect(roomsInFile(dir)).toEqual(ROOMS);
    expect(historyInFiles(dir)).toEqual([CALL]);
    expect(store.listRooms()).toEqual(ROOMS);
    expect(store.listHistory()).toEqual([CALL]);
    expect(store.getRoom(ROOM_ID)?.lastOutcome).toBe('joined');

    const again = open(dir);
    expect(again.notices).toEqual([]);
    expect(again.store.listHistory()).toEqual([CALL]);
  });

  it('upgrades a v0 file, keeping a copy of it as it was', () => {
    const dir = tempDir();
    const v0 = { rooms: [{ ...ROOMS[0], address: undefined, callable: undefined, sipUri: 'room@example.com' }] };
    const original = JSON.stringify(v0);
    writeFileSync(configPath(dir), original);
    const { store, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'upgraded', from: 0 });
    expect(notice.backupPath).toMatch(backupPattern('config', 'v0'));
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(original);
    expect(store.listRooms()[0]).toMatchObject({ kind: 'sip', address: 'room@example.com', callable: true });
    expect(readConfig(dir)).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(open(dir).notices).toEqual([]);
  });

  it('runs an interrupted upgrade again, keeping what the first attempt left under a "replaced" name', () => {
    const dir = tempDir();
    writeFileSync(configPath(dir), JSON.stringify(v1File()));
    // The first attempt got as far as a half-written address book and a history folder; config.json is still v1.
    writeFileSync(roomsPath(dir), '{"schemaVersion":2,"rooms":[{"id":');
    mkdirSync(historyDir(dir));
    writeFileSync(path.join(historyDir(dir), '000001.jsonl'), '{"format":"room-dialer-history","version":1}\n');
    const { store, notices } = open(dir);
    expect(notices.map((n) => n.kind)).toEqual(['upgraded']);
    expect(store.listRooms()).toEqual(ROOMS);
    expect(store.listHistory()).toEqual([CALL]);
    expect(historyInFiles(dir)).toEqual([CALL]);
    expect(filesIn(dir).filter((name) => name.includes('replaced'))).toHaveLength(2);
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
    const original = JSON.stringify(roomsDocument(ROOMS));
    writeFileSync(roomsPath(dir), original);
    const picky: StoreBackendFactory = (options) => {
      if (options.configName === 'config.rooms' && options.defaults !== undefined && 'rooms' in options.defaults) {
        if (options.defaults.rooms.length > 0) throw new Error('Config schema violation: something only ajv checks');
      }
      return confBackend(options);
    };
    const { store, notices } = open(dir, { backend: picky });
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', file: 'rooms', reason: 'invalid' });
    expect(readFileSync(notices[0]!.backupPath, 'utf8')).toBe(original);
    expect(store.listRooms()).toEqual([]);
    expect(roomsInFile(dir)).toEqual([]);
  });

  it('refuses a backend that writes somewhere else than the file it was pointed at', () => {
    const dir = tempDir();
    const elsewhere: StoreBackendFactory = (options) => confBackend({ ...options, configName: 'other' });
    expect(() => open(dir, { backend: elsewhere })).toThrow(/expected/);
  });
});

describe('zod and the derived JSON schemas agree', () => {
  const settings = fullSettings();
  const rooms = roomsDocument(ROOMS);
  const room = ROOMS[0]!;
  const cases: [string, z.ZodType, unknown, boolean][] = [
    ['the default settings', settingsDocumentSchema, defaultSettingsDocument(), true],
    ['settings using every field', settingsDocumentSchema, settings, true],
    ['an empty address book', roomsDocumentSchema, roomsDocument(), true],
    ['an address book using every field', roomsDocumentSchema, rooms, true],
    ['a 100-emoji name', roomsDocumentSchema, roomsDocument([{ ...room, name: '😀'.repeat(100) }]), true],
    ['a 101-emoji name', roomsDocumentSchema, roomsDocument([{ ...room, name: '😀'.repeat(101) }]), false],
    ['a blank name', roomsDocumentSchema, roomsDocument([{ ...room, name: '  ' }]), false],
    ['an unknown room key', roomsDocumentSchema, { ...rooms, rooms: [{ ...room, extra: 1 }] }, false],
    ['a SIP room without address', roomsDocumentSchema, { ...rooms, rooms: [{ ...room, address: undefined }] }, false],
    [
      'a Rooms room with an address',
      roomsDocumentSchema,
      { ...rooms, rooms: [{ ...ROOMS[1], address: 'x@y' }] },
      false,
    ],
    ['an id that is not a UUID', roomsDocumentSchema, roomsDocument([{ ...room, id: 'room-1' }]), false],
    [
      'a local time without Z',
      roomsDocumentSchema,
      roomsDocument([{ ...room, createdAt: '2026-01-05T08:00:00' }]),
      false,
    ],
    [
      '21 tags',
      roomsDocumentSchema,
      roomsDocument([{ ...room, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }]),
      false,
    ],
    ['rooms in config.json', settingsDocumentSchema, { ...settings, rooms: [] }, false],
    [
      'maxConcurrentDials 17',
      settingsDocumentSchema,
      { ...settings, settings: { ...settings.settings, maxConcurrentDials: 17 } },
      false,
    ],
    [
      'pollIntervalMs 1500.5',
      settingsDocumentSchema,
      { ...settings, settings: { ...settings.settings, pollIntervalMs: 1500.5 } },
      false,
    ],
    [
      'historyLimit 999',
      settingsDocumentSchema,
      { ...settings, settings: { ...settings.settings, historyLimit: 999 } },
      false,
    ],
    [
      'no historyLimit',
      settingsDocumentSchema,
      { ...settings, settings: { ...settings.settings, historyLimit: undefined } },
      false,
    ],
    [
      'a 10-digit meeting code',
      settingsDocumentSchema,
      { ...settings, recentMeetings: [{ ...settings.recentMeetings[0], meetingCode: '1234567890' }] },
      false,
    ],
    [
      '21 recent meetings',
      settingsDocumentSchema,
      { ...settings, recentMeetings: Array.from({ length: 21 }, () => settings.recentMeetings[0]) },
      false,
    ],
    ['no schemaVersion', settingsDocumentSchema, { ...settings, schemaVersion: undefined }, false],
    ['version 1 rooms file', roomsDocumentSchema, { ...rooms, schemaVersion: 1 }, false],
  ];
  it.each(cases)('%s (valid: %s)', (_name, schema, sample, valid) => {
    const json = JSON.parse(JSON.stringify(sample)) as unknown;
    expect(schema.safeParse(json).success).toBe(valid);
    expect(confAccepts(schema, json)).toBe(valid);
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
