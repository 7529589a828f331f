// Room sets as CSV: the export's column names in the operator's language, read back to the same rows; columns found
// by name in either language; rows numbered as a spreadsheet numbers them; rows that cannot be sent reported.
import { describe, expect, it } from 'vitest';
import type { RoomSet } from '../../common/store-schema';
import { parseSetCsv, setsToCsv } from '../../renderer/src/csv/set-csv';
import { makeRoom, nextId } from './fixtures';

const board = makeRoom({ name: 'Board room', address: 'board@sip.example.com' });
const lobby = makeRoom({ name: '=大堂', kind: 'rooms', meetingRoomId: '2489756789' });
const set: RoomSet = {
  id: nextId(),
  name: '周一董事会',
  roomIds: [board.id, nextId(), lobby.id],
  createdAt: '2026-11-22T02:00:00.000Z',
  updatedAt: '2026-11-22T02:00:00.000Z',
};
const byId = new Map([board, lobby].map((room) => [room.id, room]));

function parsed(text: string) {
  const result = parseSetCsv(text);
  if (!result.ok) throw new Error(result.error['en-US']);
  return result;
}

describe('set CSV export', () => {
  it('writes one row per room with column names in the chosen language; a deleted room has no row', () => {
    const zh = setsToCsv([set], (id) => byId.get(id), 'zh-CN');
    expect(zh.startsWith('\uFEFF会议室组,会议室,地址或会议室 ID\r\n')).toBe(true);
    expect(zh.split('\r\n')).toHaveLength(3);
    const en = setsToCsv([set], (id) => byId.get(id), 'en-US');
    expect(en.split('\r\n')).toEqual([
      '\uFEFFRoom set,Room,Address or Rooms ID',
      '周一董事会,Board room,board@sip.example.com',
      // A name that starts like a formula is written so that a spreadsheet does not run it.
      '周一董事会,"\'=大堂",2489756789',
    ]);
  });

  it('reads back what it wrote, in either language', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const back = parsed(setsToCsv([set], (id) => byId.get(id), locale));
      expect(back.problems).toEqual([]);
      expect(back.rows).toEqual([
        { row: 2, set: '周一董事会', room: 'Board room', address: 'board@sip.example.com' },
        { row: 3, set: '周一董事会', room: '=大堂', address: '2489756789' },
      ]);
    }
  });
});

describe('set CSV import', () => {
  it('numbers rows as a spreadsheet does: header row 1, blank lines counted', () => {
    const { rows } = parsed('set,room\n\nA,Board room\n  ,  \nB,192.0.2.10\n');
    expect(rows).toEqual([
      { row: 3, set: 'A', room: 'Board room' },
      { row: 5, set: 'B', room: '192.0.2.10' },
    ]);
  });

  it('reports a quote that never closes on its row, with the rows it swallowed, and keeps the numbers after it', () => {
    const text = 'set,room\nA,"Board room\nA,Overflow\nA,Lobby';
    const result = parsed(text);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ row: 2, field: 'room' })]);
    expect(result.problems[0]!.message['en-US']).toContain('rows 2–4 ran into one cell');
  });

  it('reports a cell longer than any name or address on its row instead of sending it', () => {
    const result = parsed(`set,room\nA,${'x'.repeat(601)}\nA,Board room\n`);
    expect(result.rows).toEqual([{ row: 3, set: 'A', room: 'Board room' }]);
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([[2, 'room']]);
  });

  it('refuses a file without the set and room columns, saying which are needed', () => {
    const result = parseSetCsv('name,address\nBoard,board@sip.example.com\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error['en-US']).toContain('"Room set" and a "Room" column');
    expect(parseSetCsv('')).toEqual({ ok: false, error: { 'zh-CN': '文件是空的', 'en-US': 'The file is empty' } });
  });
});
