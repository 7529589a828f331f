import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAppStore, type HistoryInput, type RecentMeetingInput } from '../../main/store/app-store';
import { defaultStoreData } from '../../main/store/defaults';
import { HISTORY_LIMIT, RECENT_MEETINGS_LIMIT, type HistoryRecord } from '../../common/store-schema';
import {
  configPath,
  expectFileUnchanged,
  failedField,
  memoryBackend,
  ok,
  open,
  readConfig,
  steppingClock,
  tempDir,
} from './store-helpers';

const ROOM_ID = '0b6f3c1e-4d5a-4f6b-8c7d-9e0f1a2b3c4d';
const BASE = Date.parse('2026-11-01T00:00:00.000Z');

function call(n: number, extra: Partial<HistoryInput> = {}): HistoryInput {
  const startedAt = new Date(BASE + n * 60_000).toISOString();
  return {
    meetingId: '7567173273889276131',
    meetingCode: '806146667',
    subject: `Meeting ${n}`,
    roomId: ROOM_ID,
    roomName: 'Board room',
    target: 'SIP board@example.com',
    startedAt,
    endedAt: new Date(BASE + n * 60_000 + 30_000).toISOString(),
    outcome: 'joined',
    ...extra,
  };
}

const historyInFile = (dir: string): HistoryRecord[] => (readConfig(dir) as { history: HistoryRecord[] }).history;

describe('call history', () => {
  it('appends records (assigning ids), lists them newest first and filters', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const first = ok(store.appendHistory(call(1)));
    const second = ok(store.appendHistory(call(2, { outcome: 'rejected', errorCode: '9002', errorMessage: 'busy' })));
    const third = ok(
      store.appendHistory(call(3, { roomId: '1c7a4d2f-5e6b-4a7c-9d8e-0f1a2b3c4d5e', meetingCode: undefined })),
    );
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(historyInFile(dir)).toEqual([first, second, third]);
    expect(store.listHistory()).toEqual([third, second, first]);
    expect(store.listHistory({ roomId: ROOM_ID })).toEqual([second, first]);
    expect(store.listHistory({ outcome: 'rejected' })).toEqual([second]);
    expect(store.listHistory({ since: call(2).startedAt })).toEqual([third, second]);
    expect(store.listHistory({ until: call(2).startedAt })).toEqual([first]);
    expect(store.listHistory({ limit: 1 })).toEqual([third]);
  });

  it('refuses a bad record, naming the field, and leaves the file byte-identical', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const kept = ok(store.appendHistory(call(1)));
    const cases: [unknown, string][] = [
      [{ ...call(2), meetingId: 75671732 }, 'meetingId'],
      [{ ...call(2), meetingCode: '12345' }, 'meetingCode'],
      [{ ...call(2), roomId: 'room-1' }, 'roomId'],
      [{ ...call(2), roomName: '' }, 'roomName'],
      [{ ...call(2), startedAt: '2026-11-22 10:00' }, 'startedAt'],
      [{ ...call(2), endedAt: call(1).startedAt }, 'endedAt'],
      [{ ...call(2), outcome: undefined }, 'outcome'],
      [{ ...call(2), errorMessage: 'x'.repeat(1001) }, 'errorMessage'],
      [{ ...call(2), secret: 'no' }, 'secret'],
      [{ ...call(2), id: kept.id }, 'id'],
    ];
    for (const [record, field] of cases) {
      expect(expectFileUnchanged(dir, () => failedField(store.appendHistory(record as HistoryInput)))).toBe(field);
    }
    expect(store.listHistory()).toEqual([kept]);
  });

  it(`keeps at most ${HISTORY_LIMIT} records, dropping the oldest first (5,003 appends)`, () => {
    // In memory: through conf this would rewrite a ~2 MB file 5,003 times. The cap lives in the service, not conf.
    const memory = memoryBackend();
    const { store } = openAppStore({ cwd: tempDir(), backend: memory.factory, now: steppingClock() });
    for (let n = 0; n < HISTORY_LIMIT + 3; n++) ok(store.appendHistory(call(n)));
    const all = store.listHistory();
    expect(all).toHaveLength(HISTORY_LIMIT);
    expect(all[0]!.subject).toBe(`Meeting ${HISTORY_LIMIT + 2}`);
    expect(all.at(-1)!.subject).toBe('Meeting 3');
    expect(memory.writes()).toBe(HISTORY_LIMIT + 3);
  });

  it('applies the cap through conf to a full file too', () => {
    const dir = tempDir();
    const seeded = Array.from({ length: HISTORY_LIMIT - 1 }, (_, n) => ({ ...call(n), id: randomUUID() }));
    writeFileSync(configPath(dir), JSON.stringify({ ...defaultStoreData(), history: seeded }));
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    for (const n of [HISTORY_LIMIT - 1, HISTORY_LIMIT, HISTORY_LIMIT + 1]) ok(store.appendHistory(call(n)));
    const inFile = historyInFile(dir);
    expect(inFile).toHaveLength(HISTORY_LIMIT);
    expect(inFile[0]!.subject).toBe('Meeting 2');
    expect(inFile.at(-1)!.subject).toBe(`Meeting ${HISTORY_LIMIT + 1}`);
  });
});

describe('recent meetings', () => {
  const meeting = (n: number, extra: Partial<RecentMeetingInput> = {}): RecentMeetingInput => ({
    meetingId: String(7_000_000_000 + n),
    meetingCode: String(800_000_000 + n),
    subject: `周会 ${n}`,
    ...extra,
  });

  it('puts the latest first, stamps usedAt, and writes it', () => {
    const dir = tempDir();
    const { store } = open(dir);
    ok(store.addRecentMeeting(meeting(1)));
    const list = ok(store.addRecentMeeting(meeting(2, { usedAt: '2026-11-22T12:00:00.000Z' })));
    expect(list.map((m) => m.subject)).toEqual(['周会 2', '周会 1']);
    expect(list[0]!.usedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(list[1]!.usedAt).toBe('2026-11-22T10:00:00.000Z');
    expect((readConfig(dir) as { recentMeetings: unknown }).recentMeetings).toEqual(list);
  });

  it('moves a meeting used again to the top instead of listing it twice (same id or same code)', () => {
    const { store } = open(tempDir());
    for (const n of [1, 2, 3]) ok(store.addRecentMeeting(meeting(n)));
    ok(store.addRecentMeeting(meeting(1, { subject: 'renamed' })));
    expect(store.recentMeetings().map((m) => m.subject)).toEqual(['renamed', '周会 3', '周会 2']);
    // A new meeting that reuses meeting 2's code replaces the stale entry.
    ok(store.addRecentMeeting(meeting(99, { meetingCode: meeting(2).meetingCode })));
    expect(store.recentMeetings().map((m) => m.meetingId)).toEqual([
      meeting(99).meetingId,
      meeting(1).meetingId,
      meeting(3).meetingId,
    ]);
  });

  it(`keeps at most ${RECENT_MEETINGS_LIMIT}, dropping the least recent`, () => {
    const { store } = open(tempDir());
    for (let n = 1; n <= RECENT_MEETINGS_LIMIT + 5; n++) ok(store.addRecentMeeting(meeting(n)));
    const list = store.recentMeetings();
    expect(list).toHaveLength(RECENT_MEETINGS_LIMIT);
    expect(list[0]!.subject).toBe(`周会 ${RECENT_MEETINGS_LIMIT + 5}`);
    expect(list.at(-1)!.subject).toBe('周会 6');
  });

  it('refuses a bad meeting, naming the field, and changes nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    ok(store.addRecentMeeting(meeting(1)));
    const cases: [unknown, string][] = [
      [meeting(2, { meetingCode: '80614666' }), 'meetingCode'],
      [meeting(2, { meetingId: '' }), 'meetingId'],
      [meeting(2, { subject: 's'.repeat(256) }), 'subject'],
      [meeting(2, { usedAt: 'now' }), 'usedAt'],
      [{ ...meeting(2), host: 'x' }, 'host'],
    ];
    for (const [input, field] of cases) {
      expect(expectFileUnchanged(dir, () => failedField(store.addRecentMeeting(input as RecentMeetingInput)))).toBe(
        field,
      );
    }
    expect(store.recentMeetings()).toHaveLength(1);
  });
});
