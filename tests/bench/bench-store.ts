// npm run bench:store — the store at a large front desk's size, through conf (the engine electron-store wraps) in a
// temp folder. Prints:
//   1. main-process time per finished call (what the dialer does: appendHistory + markDialed) with 10,000 rooms and
//      100,000 calls in history, the bound reached so every call also drops the oldest (goal ≤ 5 ms);
//   2. opening that store, and opening an address book of 50,000 rooms;
//   3. a room lookup and a duplicate check at 50,000 rooms, and one room edit (which rewrites the address book).
// The files are written straight in the store's own formats first (appending 100,000 calls one by one would take
// minutes). Figures depend on the machine and its load, printed with them; nothing here is a pass/fail test.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf, { type Options } from 'conf';
import type { HistoryRecord, Room, StoreData } from '../../common/store-schema';
import { openAppStore, type AppStore } from '../../main/store/app-store';
import type { StoreBackendFactory } from '../../main/store/backend';
import { defaultSettingsDocument, roomsDocument } from '../../main/store/defaults';
import { HISTORY_FORMAT, segmentSizeFor } from '../../main/store/history-log';
import { jsonLinesText } from '../../main/store/jsonl';

const ROOMS = 10_000;
const HISTORY = 100_000;
const BIG_BOOK = 50_000;
const CALLS = 1000;
const LOOKUPS = 10_000;
const GOAL_MS = 5;

const confBackend: StoreBackendFactory = (options) =>
  new Conf<StoreData>({ ...options, projectName: 'room-dialer-bench' } as unknown as Options<StoreData>);

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function makeRooms(count: number): Room[] {
  return Array.from({ length: count }, (_, i): Room => {
    const base = {
      id: randomUUID(),
      name: `${['会议室', 'Board room', '培训室'][i % 3]} ${i}`,
      location: `${(i % 30) + 1}F`,
      group: ['行政', 'Engineering', 'Sales', ''][i % 4] as string,
      tags: i % 5 === 0 ? ['vip'] : [],
      notes: '',
      favorite: i % 50 === 0,
      callable: true,
      createdAt: iso(T0),
      updatedAt: iso(T0),
    };
    return i % 4 === 3
      ? { ...base, kind: 'rooms', meetingRoomId: String(2_400_000_000 + i) }
      : { ...base, kind: 'sip', address: `room${i}@sip.example.com` };
  });
}

function call(n: number, room: Room): HistoryRecord {
  const started = T0 + n * 60_000;
  return {
    id: randomUUID(),
    meetingId: '7567173273889276131',
    meetingCode: '806146667',
    subject: `周会 Weekly ${n % 100}`,
    roomId: room.id,
    roomName: room.name,
    target: room.kind === 'rooms' ? `Rooms ${room.meetingRoomId}` : `SIP ${room.address}`,
    startedAt: iso(started),
    endedAt: iso(started + 45_000),
    outcome: n % 7 === 0 ? 'rejected' : 'joined',
    ...(n % 7 === 0 ? { errorCode: '9002', errorMessage: '会议室忙 / The room is busy' } : {}),
  };
}

function writeStore(dir: string, rooms: readonly Room[], history: number): void {
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(defaultSettingsDocument()));
  writeFileSync(path.join(dir, 'config.rooms.json'), JSON.stringify(roomsDocument(rooms), undefined, '\t'));
  if (history === 0) return;
  const historyDir = path.join(dir, 'config.history');
  mkdirSync(historyDir);
  const size = segmentSizeFor(defaultSettingsDocument().settings.historyLimit);
  for (let start = 0, seq = 1; start < history; start += size, seq++) {
    const chunk = Array.from({ length: Math.min(size, history - start) }, (_, k) =>
      call(start + k, rooms[(start + k) % rooms.length] as Room),
    );
    writeFileSync(path.join(historyDir, `${String(seq).padStart(6, '0')}.jsonl`), jsonLinesText(HISTORY_FORMAT, chunk));
  }
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function open(dir: string): AppStore {
  const { store, notices } = openAppStore({ cwd: dir, backend: confBackend });
  if (notices.length > 0) throw new Error(`unexpected notices: ${notices.map((n) => n.message['en-US']).join(' | ')}`);
  return store;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

function main(): void {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-store-'));
  try {
    const callsDir = path.join(root, 'calls');
    const bookDir = path.join(root, 'book');
    mkdirSync(callsDir);
    mkdirSync(bookDir);
    const rooms = makeRooms(ROOMS);
    writeStore(callsDir, rooms, HISTORY);
    const bigBook = makeRooms(BIG_BOOK);
    writeStore(bookDir, bigBook, 0);

    const opened = timed(() => open(callsDir));
    const store = opened.value;

    // A finished call, as the dialer records it: one history record, then the room's last dial.
    const perCall: number[] = [];
    let drops = 0;
    store.onHistoryDropped((dropped) => (drops += dropped));
    for (let n = 0; n < CALLS; n++) {
      const room = rooms[(n * 7919) % rooms.length] as Room;
      const { id: _assigned, ...input } = call(HISTORY + n, room);
      const { ms } = timed(() => {
        const saved = store.appendHistory(input);
        if (!saved.ok) throw new Error(saved.error.message['en-US']);
        const marked = store.markDialed(room.id, saved.value.outcome, saved.value.startedAt);
        if (!marked.ok) throw new Error(marked.error.message['en-US']);
      });
      perCall.push(ms);
    }
    perCall.sort((a, b) => a - b);
    const mean = perCall.reduce((a, b) => a + b, 0) / perCall.length;
    const firstPage = timed(() => store.queryHistory({ limit: 50 }));
    const filtered = timed(() => store.queryHistory({ room: 'board', outcome: 'rejected', limit: 50 }));

    const book = timed(() => open(bookDir));
    const bigStore = book.value;
    const probes = bigBook.filter((_, i) => i % 5 === 0);
    // The device index is built at the first duplicate check (not at start); timed apart from the rest.
    const firstCheck = timed(() => bigStore.findDuplicateAddress('sip', 'nobody@sip.example.com'));
    const lookups = timed(() => {
      for (let i = 0; i < LOOKUPS; i++) bigStore.getRoom((probes[i % probes.length] as Room).id);
    });
    const duplicates = timed(() => {
      for (let i = 0; i < LOOKUPS; i++) bigStore.findDuplicateAddress('sip', `Room${i * 4}@SIP.example.com`);
    });
    const target = bigBook[1] as Room;
    const edit = timed(() => bigStore.updateRoom(target.id, { notes: 'edited' }));
    if (!edit.value.ok) throw new Error(edit.value.error.message['en-US']);

    const verdict = mean <= GOAL_MS ? 'within goal' : 'OVER GOAL';
    console.log(`bench:store  ${ROOMS} rooms and ${HISTORY} calls in history; ${BIG_BOOK} rooms for the lookups`);
    console.log(`  machine                  ${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(2)}`);
    console.log(
      `per finished call: ${mean.toFixed(3)} ms (goal ≤ ${GOAL_MS} ms: ${verdict}; mean of ${CALLS}, ` +
        `median ${quantile(perCall, 0.5).toFixed(3)}, p95 ${quantile(perCall, 0.95).toFixed(3)}, ` +
        `max ${(perCall.at(-1) as number).toFixed(3)}; ${drops} oldest calls dropped by the bound)`,
    );
    console.log(`  open, ${ROOMS} rooms + ${HISTORY} calls   ${opened.ms.toFixed(0)} ms`);
    console.log(`  open, ${BIG_BOOK} rooms          ${book.ms.toFixed(0)} ms`);
    console.log(
      `  history page             first 50 of ${firstPage.value.total}: ${firstPage.ms.toFixed(2)} ms; ` +
        `filtered (room + outcome, ${filtered.value.total} match): ${filtered.ms.toFixed(2)} ms`,
    );
    console.log(
      `  at ${BIG_BOOK} rooms            getRoom ${((lookups.ms * 1000) / LOOKUPS).toFixed(2)} µs, ` +
        `duplicate check ${((duplicates.ms * 1000) / LOOKUPS).toFixed(2)} µs ` +
        `(the first, which builds the device index, ${firstCheck.ms.toFixed(0)} ms), ` +
        `one room edit (rewrites the address book) ${edit.ms.toFixed(0)} ms`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
