// Room sets as CSV, one row per room of a set. Export: the set's name, the room's name and its address or Rooms
// ID, with column names in the operator's language (the address makes the file read back to the same rooms even
// after one is renamed). Import: the columns found by name in either language, rows numbered as a spreadsheet
// numbers them (the header is row 1, blank lines count). Which room a row names is main's to decide (sets:import):
// here a row is only read, and a row that cannot even be sent (a cell longer than any name or address, a quote that
// never closes) is reported on its row.
import Papa from 'papaparse';
import type { Locale, Localized } from '../../../common/locale';
import { dialValue } from '../../../common/room-dial-key';
import { ROOM_SET_LIMITS, type SetImportProblem, type SetImportRow } from '../../../common/room-set';
import type { Room, RoomSet } from '../../../common/store-schema';
import { toCsv, unescapeCell } from './cells';

type Column = 'set' | 'room' | 'address';

/** Header spellings, normalised (lower case, no spaces, dashes, underscores or slashes). */
const HEADER_ALIASES: Readonly<Record<string, Column>> = {
  set: 'set',
  setname: 'set',
  roomset: 'set',
  roomsetname: 'set',
  会议室组: 'set',
  会议室组名称: 'set',
  会议室组合: 'set',
  组名: 'set',
  room: 'room',
  roomname: 'room',
  name: 'room',
  会议室: 'room',
  会议室名称: 'room',
  名称: 'room',
  address: 'address',
  addressorid: 'address',
  addressorroomsid: 'address',
  roomsid: 'address',
  meetingroomid: 'address',
  地址: 'address',
  会议室id: 'address',
  地址或会议室id: 'address',
};

const EXPORT_HEADERS: Readonly<Record<Locale, readonly [set: string, room: string, address: string]>> = {
  'zh-CN': ['会议室组', '会议室', '地址或会议室 ID'],
  'en-US': ['Room set', 'Room', 'Address or Rooms ID'],
};

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

function columnOf(header: string): Column | undefined {
  return HEADER_ALIASES[
    header
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_/-]+/g, '')
  ];
}

export type SetCsvParse =
  | {
      readonly ok: true;
      /** The rows to send to main. */
      readonly rows: readonly SetImportRow[];
      /** Rows that could not be sent, with why. */
      readonly problems: readonly SetImportProblem[];
    }
  | { readonly ok: false; readonly error: Localized };

interface CsvRecord {
  readonly cells: readonly string[];
  /** The spreadsheet row it starts on. */
  readonly row: number;
  /** A quote opened in it never closed properly: the lines after it ran into one cell, up to this row. */
  readonly brokenUntil: number | undefined;
}

/**
 * The file's records with their spreadsheet rows. A record with a quote that never closes (a CSV parser then reads
 * the following lines into one cell) is kept as one record spanning those rows, so the rows after it keep their
 * numbers and the operator is told which rows were swallowed.
 */
function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    step: (results) => {
      const end = results.meta.cursor;
      const broken = results.errors.some((error) => error.type === 'Quotes');
      const lines = broken
        ? text
            .slice(start, end)
            .replace(/(\r\n|\n|\r)$/, '')
            .split(/\r\n|\n|\r/).length
        : 1;
      records.push({ cells: results.data, row, brokenUntil: broken ? row + lines - 1 : undefined });
      row += lines;
      start = end;
    },
  });
  return records;
}

export function parseSetCsv(text: string): SetCsvParse {
  const records = readRecords(text.replace(/^\uFEFF/, '')).filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [header, ...data] = records;
  if (!header) return { ok: false, error: both('文件是空的', 'The file is empty') };
  const columns = header.cells.map(columnOf);
  if (!columns.includes('set') || !columns.includes('room')) {
    return {
      ok: false,
      error: both(
        '第一行必须是列名，包含“会议室组”和“会议室”两列（导出的文件还有“地址或会议室 ID”列）',
        'The first row must name the columns, with a "Room set" and a "Room" column (an exported file also has "Address or Rooms ID")',
      ),
    };
  }
  if (data.length > ROOM_SET_LIMITS.importRows) {
    return {
      ok: false,
      error: both(
        `行数过多（${data.length} 行，最多 ${ROOM_SET_LIMITS.importRows} 行）`,
        `Too many rows (${data.length}, at most ${ROOM_SET_LIMITS.importRows})`,
      ),
    };
  }
  const rows: SetImportRow[] = [];
  const problems: SetImportProblem[] = [];
  for (const record of data) {
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      const cell = record.cells[i];
      if (column && cell !== undefined && cells[column] === undefined) cells[column] = unescapeCell(cell.trim());
    });
    const tooLong = (Object.entries(cells) as [Column, string][]).find(
      ([, cell]) => cell.length > ROOM_SET_LIMITS.importCell,
    );
    if (record.brokenUntil !== undefined) {
      const last = record.brokenUntil;
      problems.push({
        row: record.row,
        field: 'room',
        message: both(
          `这一行有一个引号没有正确结束，第 ${record.row}–${last} 行被读成了一个单元格，都未导入；请把整个值放进双引号，并把其中的引号写两遍`,
          `a quote in this row is not closed properly, so rows ${record.row}–${last} ran into one cell and none was imported; put the whole value in double quotes and double the quotes inside it`,
        ),
      });
      continue;
    }
    if (tooLong) {
      problems.push({
        row: record.row,
        field: tooLong[0] === 'set' ? 'set' : 'room',
        message: both(
          `单元格过长（最多 ${ROOM_SET_LIMITS.importCell} 个字符）`,
          `a cell is too long (at most ${ROOM_SET_LIMITS.importCell} characters)`,
        ),
      });
      continue;
    }
    rows.push({
      row: record.row,
      set: cells.set ?? '',
      room: cells.room ?? '',
      ...(cells.address ? { address: cells.address } : {}),
    });
  }
  return { ok: true, rows, problems };
}

/** Every set's rooms, one row each; a deleted room (the set's gap) has nothing to write and is left out. */
export function setsToCsv(
  sets: readonly RoomSet[],
  roomById: (id: string) => Room | undefined,
  locale: Locale,
): string {
  const rows: string[][] = [];
  for (const set of sets) {
    for (const id of set.roomIds) {
      const room = roomById(id);
      if (room) rows.push([set.name, room.name, dialValue(room)]);
    }
  }
  return toCsv(EXPORT_HEADERS[locale], rows);
}
