import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettingsDocument } from '../../main/store/defaults';
import { CURRENT_SCHEMA_VERSION } from '../../common/store-schema';
import { readRoomsDocument, upgradeConfig, UnreadableStoreError, type SplitStore } from '../../main/store/upgrade';
import { v1SettingsOf } from './store-helpers';

const ID_1 = '0b6f3c1e-4d5a-4f6b-8c7d-9e0f1a2b3c4d';
const ID_2 = '1c7a4d2f-5e6b-4a7c-9d8e-0f1a2b3c4d5e';
const ID_3 = '2d8b5e3a-6f7c-4b8d-ae9f-1a2b3c4d5e6f';
const T = '2025-03-01T08:00:00.000Z';

/** A prototype (v0) file: no schemaVersion, `sipUri` for SIP and H.323 addresses, no `callable`, partial settings. */
const v0 = {
  rooms: [
    {
      id: ID_1,
      name: 'Board room',
      kind: 'sip',
      sipUri: 'sip:board@video.example.com',
      location: '5F',
      group: 'HQ',
      tags: ['vip'],
      notes: '',
      favorite: true,
      createdAt: T,
      updatedAt: T,
      lastDialedAt: T,
      lastOutcome: 'joined',
    },
    {
      id: ID_2,
      name: 'MCU',
      kind: 'h323',
      sipUri: '10.0.0.5',
      location: '',
      group: '',
      tags: [],
      notes: '',
      favorite: false,
      createdAt: T,
      updatedAt: T,
    },
    {
      id: ID_3,
      name: 'Rooms 3F',
      kind: 'rooms',
      sipUri: '',
      meetingRoomId: '2489756789',
      location: '3F',
      group: '',
      tags: [],
      notes: '',
      favorite: false,
      createdAt: T,
      updatedAt: T,
    },
  ],
  settings: { locale: 'zh-CN', pollIntervalMs: 3000 },
  recentMeetings: [{ meetingId: '7567173273889276131', meetingCode: '806146667', subject: '周会', usedAt: T }],
};

function unreadable(data: unknown): UnreadableStoreError {
  try {
    upgradeConfig(data);
  } catch (error) {
    if (error instanceof UnreadableStoreError) return error;
    throw error;
  }
  throw new Error('expected upgrade to refuse the document');
}

/** The three v2 parts of an old single file. */
function split(data: unknown): { from: number; parts: SplitStore } {
  const content = upgradeConfig(data);
  if (content.kind !== 'split') throw new Error(`expected an old file to be split, got ${content.kind}`);
  return content;
}

const HISTORY_RECORD = {
  id: '3e9c6f4b-7a8d-4c9e-bf0a-2b3c4d5e6f70',
  meetingId: '7567173273889276131',
  roomId: ID_1,
  roomName: 'Board room',
  target: 'SIP sip:board@video.example.com',
  startedAt: T,
  endedAt: T,
  outcome: 'joined',
};

describe('store upgrade', () => {
  it('upgrades v0 and splits it: sipUri becomes address, rooms become callable, missing settings take defaults', () => {
    const { from, parts } = split(structuredClone(v0));
    expect(from).toBe(0);
    expect(parts.settings.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(parts.rooms.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const rooms = parts.rooms.rooms;
    expect(rooms[0]).toMatchObject({
      kind: 'sip',
      address: 'sip:board@video.example.com',
      callable: true,
      favorite: true,
      lastOutcome: 'joined',
    });
    expect(rooms[0]).not.toHaveProperty('sipUri');
    expect(rooms[1]).toMatchObject({ kind: 'h323', address: '10.0.0.5', callable: true });
    expect(rooms[2]).toMatchObject({ kind: 'rooms', meetingRoomId: '2489756789', callable: true });
    expect(rooms[2]).not.toHaveProperty('address');
    expect(parts.settings.settings).toEqual({ ...DEFAULT_SETTINGS, locale: 'zh-CN', pollIntervalMs: 3000 });
    expect(parts.settings.recentMeetings).toEqual(v0.recentMeetings);
    expect(parts.history).toEqual([]);
  });

  it('splits a v1 file, keeping every room, setting, recent meeting and call, and adds the history bound', () => {
    const v1 = { ...split(structuredClone(v0)).parts, history: [HISTORY_RECORD] };
    const v1Settings = v1SettingsOf(v1.settings.settings);
    const file = {
      schemaVersion: 1,
      rooms: v1.rooms.rooms,
      settings: v1Settings,
      recentMeetings: v1.settings.recentMeetings,
      history: v1.history,
    };
    const { from, parts } = split(JSON.parse(JSON.stringify(file)));
    expect(from).toBe(1);
    expect(parts.rooms.rooms).toEqual(v1.rooms.rooms);
    expect(parts.settings.settings).toEqual({ ...DEFAULT_SETTINGS, ...v1Settings });
    expect(parts.settings.recentMeetings).toEqual(v1.settings.recentMeetings);
    expect(parts.history).toEqual([HISTORY_RECORD]);
  });

  it('treats an empty v0 file ({}) as a fresh store', () => {
    const { parts } = split({});
    expect(parts.settings).toEqual(defaultSettingsDocument());
    expect(parts.rooms.rooms).toEqual([]);
    expect(parts.history).toEqual([]);
  });

  it('leaves a current-version config.json exactly as it is', () => {
    const current = { ...defaultSettingsDocument(), recentMeetings: v0.recentMeetings };
    expect(upgradeConfig(structuredClone(current))).toEqual({ kind: 'current', document: current });
  });

  it('refuses a document from a newer version instead of dropping what it does not know', () => {
    const error = unreadable({
      ...defaultSettingsDocument(),
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      newThing: [1],
    });
    expect(error.reason).toBe('newer-version');
    expect(error.version).toBe(CURRENT_SCHEMA_VERSION + 1);
  });

  it('refuses documents that are not a store, naming what is wrong', () => {
    expect(unreadable([1, 2]).reason).toBe('invalid');
    expect(unreadable({ schemaVersion: 'one' }).detail['en-US']).toContain('schemaVersion');
    const badRoom = structuredClone(v0);
    badRoom.rooms[0]!.sipUri = '';
    const error = unreadable(badRoom);
    expect(error.reason).toBe('invalid');
    expect(error.detail['en-US']).toContain('rooms[0].address');
    expect(error.detail['zh-CN']).toContain('rooms[0].address');
    const settings = defaultSettingsDocument();
    expect(
      unreadable({ ...settings, settings: { ...settings.settings, endpoint: 'http://evil.example' } }).detail['en-US'],
    ).toContain('settings.endpoint');
    expect(unreadable({ ...settings, extra: true }).detail['en-US']).toContain('extra');
    // A v2 config.json never holds rooms: they live in config.rooms.json.
    expect(unreadable({ ...settings, rooms: [] }).detail['en-US']).toContain('rooms');
  });

  it('reads the address book file, refusing a newer one or one that is not an address book', () => {
    const rooms = split(structuredClone(v0)).parts.rooms;
    expect(readRoomsDocument(JSON.parse(JSON.stringify(rooms)))).toEqual(rooms);
    expect(() => readRoomsDocument({ ...rooms, schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(/newer/);
    expect(() => readRoomsDocument({ schemaVersion: CURRENT_SCHEMA_VERSION, rooms: {} })).toThrow(/rooms/);
  });
});
