import { describe, expect, it } from 'vitest';
import { defaultStoreData } from '../../main/store/defaults';
import { CURRENT_SCHEMA_VERSION, type StoreData } from '../../common/store-schema';
import { upgrade, UnreadableStoreError } from '../../main/store/upgrade';

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
    upgrade(data);
  } catch (error) {
    if (error instanceof UnreadableStoreError) return error;
    throw error;
  }
  throw new Error('expected upgrade to refuse the document');
}

describe('store upgrade', () => {
  it('upgrades v0: sipUri becomes address, rooms become callable, missing settings take defaults', () => {
    const { data, from } = upgrade(structuredClone(v0));
    expect(from).toBe(0);
    expect(data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(data.rooms[0]).toMatchObject({
      kind: 'sip',
      address: 'sip:board@video.example.com',
      callable: true,
      favorite: true,
    });
    expect(data.rooms[0]).not.toHaveProperty('sipUri');
    expect(data.rooms[1]).toMatchObject({ kind: 'h323', address: '10.0.0.5', callable: true });
    expect(data.rooms[2]).toMatchObject({ kind: 'rooms', meetingRoomId: '2489756789', callable: true });
    expect(data.rooms[2]).not.toHaveProperty('address');
    expect(data.settings).toEqual({ ...defaultStoreData().settings, locale: 'zh-CN', pollIntervalMs: 3000 });
    expect(data.recentMeetings).toEqual(v0.recentMeetings);
    expect(data.history).toEqual([]);
  });

  it('treats an empty v0 file ({}) as a fresh store', () => {
    expect(upgrade({})).toEqual({ data: defaultStoreData(), from: 0 });
  });

  it('leaves a current-version document exactly as it is', () => {
    const current: StoreData = upgrade(structuredClone(v0)).data;
    const again = upgrade(structuredClone(current));
    expect(again.from).toBe(CURRENT_SCHEMA_VERSION);
    expect(again.data).toEqual(current);
  });

  it('refuses a document from a newer version instead of dropping what it does not know', () => {
    const error = unreadable({ ...defaultStoreData(), schemaVersion: CURRENT_SCHEMA_VERSION + 1, newThing: [1] });
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
    expect(
      unreadable({
        ...defaultStoreData(),
        settings: { ...defaultStoreData().settings, endpoint: 'http://evil.example' },
      }).detail['en-US'],
    ).toContain('settings.endpoint');
    expect(unreadable({ ...defaultStoreData(), extra: true }).detail['en-US']).toContain('extra');
  });
});
