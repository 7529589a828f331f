import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryInput, RecentMeetingInput } from '../../main/store/app-store';
import { RECENT_MEETINGS_LIMIT } from '../../common/store-schema';
import {
  expectFileUnchanged,
  failedField,
  filesIn,
  historyDir,
  historyInFiles,
  memoryBackend,
  ok,
  open,
  readConfig,
  tempDir,
} from './store-helpers';

const ROOM_ID = '0b6f3c1e-4d5a-4f6b-8c7d-9e0f1a2b3c4d';
const OTHER_ROOM = '1c7a4d2f-5e6b-4a7c-9d8e-0f1a2b3c4d5e';
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

describe('call history', () => {
  it('appends records (assigning ids), lists them newest first and filters', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const first = ok(store.appendHistory(call(1)));
    const second = ok(store.appendHistory(call(2, { outcome: 'rejected', errorCode: '9002', errorMessage: 'busy' })));
    const third = ok(
      store.appendHistory(
        call(3, { roomId: OTHER_ROOM, roomName: '上海培训室', target: 'Rooms 2489756789', meetingCode: undefined }),
      ),
    );
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(historyInFiles(dir)).toEqual([first, second, third]);
    expect(store.listHistory()).toEqual([third, second, first]);
    expect(store.listHistory({ roomId: ROOM_ID })).toEqual([second, first]);
    expect(store.listHistory({ outcome: 'rejected' })).toEqual([second]);
    expect(store.listHistory({ since: call(2).startedAt })).toEqual([third, second]);
    expect(store.listHistory({ until: call(2).startedAt })).toEqual([first]);
    expect(store.listHistory({ limit: 1 })).toEqual([third]);
    // The window's filters: part of the room name or of the target, any case; a meeting by ID or by code.
    expect(store.listHistory({ room: 'BOARD' })).toEqual([second, first]);
    expect(store.listHistory({ room: '培训' })).toEqual([third]);
    expect(store.listHistory({ room: '2489756' })).toEqual([third]);
    expect(store.listHistory({ meeting: '806146667' })).toEqual([second, first]);
    expect(store.listHistory({ meeting: '7567173273889276131' })).toEqual([third, second, first]);
    expect(open(dir).store.listHistory()).toEqual([third, second, first]);
  });

  it('pages in main: offset and limit over the filtered calls, newest first, with the total', () => {
    const { store } = open(tempDir());
    const saved = Array.from({ length: 12 }, (_, n) =>
      ok(store.appendHistory(call(n, { outcome: n % 3 === 0 ? 'rejected' : 'joined' }))),
    );
    const newestFirst = [...saved].reverse();
    const page = store.queryHistory({ offset: 5, limit: 5 });
    expect(page.records).toEqual(newestFirst.slice(5, 10));
    expect(page).toMatchObject({ total: 12, offset: 5, capacity: { stored: 12, limit: 100_000, dropped: 0 } });
    expect(store.queryHistory({ offset: 10, limit: 5 }).records).toEqual(newestFirst.slice(10));
    expect(store.queryHistory({ offset: 20 }).records).toEqual([]);
    const rejected = store.queryHistory({ outcome: 'rejected', limit: 2 });
    expect(rejected.total).toBe(4);
    expect(rejected.records.map((r) => r.subject)).toEqual(['Meeting 9', 'Meeting 6']);
  });

  it('refuses a bad record, naming the field, and leaves every file byte-identical', () => {
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

  it('a finished call appends to history and the last-dial log only: settings and address book stay untouched', () => {
    const dir = tempDir();
    const memory = memoryBackend();
    const { store } = open(dir, { backend: memory.factory });
    const room = ok(store.addRoom({ name: 'Board room', kind: 'sip', address: 'board@example.com' }));
    const writes = memory.writes();
    const record = ok(store.appendHistory(call(1, { roomId: room.id })));
    ok(store.markDialed(room.id, record.outcome, record.startedAt));
    expect(memory.writes()).toBe(writes);
    expect(filesIn(dir)).toEqual(['config.history/000001.jsonl', 'config.last-dial.jsonl']);
  });

  it('keeps at most settings.historyLimit calls: the oldest are dropped, reported, and their segments deleted', () => {
    const dir = tempDir();
    const { store } = open(dir);
    ok(store.updateSettings({ historyLimit: 1000 }));
    const drops: number[] = [];
    store.onHistoryDropped((dropped, capacity) => {
      drops.push(dropped);
      expect(capacity).toMatchObject({ stored: 1000, limit: 1000 });
    });
    for (let n = 0; n < 1250; n++) ok(store.appendHistory(call(n)));
    const all = store.listHistory();
    expect(all).toHaveLength(1000);
    expect(all[0]!.subject).toBe('Meeting 1249');
    expect(all.at(-1)!.subject).toBe('Meeting 250');
    expect(drops).toEqual(Array.from({ length: 250 }, () => 1));
    expect(store.historyCapacity()).toEqual({ stored: 1000, limit: 1000, dropped: 250 });
    // Segments of 100 calls: the two whose every call is beyond the bound are gone; no file was rewritten.
    const segments = readdirSync(historyDir(dir));
    expect(segments).toHaveLength(11);
    expect(segments.sort()[0]).toBe('000003.jsonl');
    expect(historyInFiles(dir)).toHaveLength(1050);
    const reopened = open(dir).store;
    expect(reopened.listHistory()).toEqual(all);
    expect(reopened.historyCapacity()).toEqual({ stored: 1000, limit: 1000, dropped: 0 });
  });

  it('lowering the bound drops the oldest calls at once, and says so', () => {
    const { store } = open(tempDir());
    for (let n = 0; n < 1500; n++) ok(store.appendHistory(call(n)));
    const drops: number[] = [];
    store.onHistoryDropped((dropped) => drops.push(dropped));
    ok(store.updateSettings({ historyLimit: 1000 }));
    expect(drops).toEqual([500]);
    expect(store.listHistory().at(-1)!.subject).toBe('Meeting 500');
  });

  it('reads back what a crash left: a torn last line is left out, kept in a copy, and the file repaired', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const kept = [ok(store.appendHistory(call(1))), ok(store.appendHistory(call(2)))];
    const segment = path.join(historyDir(dir), '000001.jsonl');
    const before = readFileSync(segment, 'utf8');
    appendFileSync(segment, '{"id":"4f0a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c","meetingId":"75');
    const { store: reopened, notices } = open(dir);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'repaired', file: 'history', badLines: 1 });
    expect(readFileSync(notice.backupPath, 'utf8')).toBe(
      `${before}{"id":"4f0a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c","meetingId":"75`,
    );
    expect(readFileSync(segment, 'utf8')).toBe(before);
    expect(reopened.listHistory()).toEqual([...kept].reverse());
    // The next call starts on a line of its own.
    const third = ok(reopened.appendHistory(call(3)));
    expect(open(dir).store.listHistory()).toEqual([third, ...[...kept].reverse()]);
  });

  it('moves a segment from a newer version aside instead of reading half of it', () => {
    const dir = tempDir();
    mkdirSync(historyDir(dir));
    const original = '{"format":"room-dialer-history","version":9}\n{"anything":1}\n';
    writeFileSync(path.join(historyDir(dir), '000001.jsonl'), original);
    const { store, notices } = open(dir);
    expect(notices[0]).toMatchObject({ kind: 'moved-aside', file: 'history', reason: 'newer-version' });
    expect(readFileSync(notices[0]!.backupPath, 'utf8')).toBe(original);
    expect(store.listHistory()).toEqual([]);
    ok(store.appendHistory(call(1)));
    expect(open(dir).store.listHistory()).toHaveLength(1);
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
    expect(readConfig(dir).recentMeetings).toEqual(list);
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
