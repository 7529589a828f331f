// Reading an address book CSV into room inputs, with every problem per row (checked by the same validators as the
// room form). One reader for the window's CSV import (renderer/src/csv/room-csv.ts, which also writes the export
// this reads back) and for IT's shared address book (main/managed/shared-book.ts).
import Papa from 'papaparse';
import { guessProtocol } from './address';
import { unescapeCell } from './csv-cells';
import { withFieldLabel } from './field-labels';
import type { Localized } from './locale';
import { formulaWarning, ROOM_INPUT_FIELDS, roomInputErrors, type RoomInput, type RoomKind } from './room-input';
import { splitTags } from './room-tags';
import type { FieldError } from './validation';

/** The columns of an address book file: the room input fields, in form order. */
export const ROOM_CSV_COLUMNS = ROOM_INPUT_FIELDS;
export type RoomCsvColumn = (typeof ROOM_CSV_COLUMNS)[number];
type Column = RoomCsvColumn;

/** The same limit as the import channel (common/ipc-contract.ts). */
export const MAX_CSV_ROWS = 10_000;

/** Header spellings people actually use, normalised (lower case, no spaces, dashes or underscores). */
const HEADER_ALIASES: Readonly<Record<string, Column>> = {
  name: 'name',
  roomname: 'name',
  名称: 'name',
  会议室名称: 'name',
  会议室: 'name',
  kind: 'kind',
  type: 'kind',
  protocol: 'kind',
  类型: 'kind',
  协议: 'kind',
  address: 'address',
  地址: 'address',
  meetingroomid: 'meetingRoomId',
  roomid: 'meetingRoomId',
  roomsid: 'meetingRoomId',
  会议室id: 'meetingRoomId',
  location: 'location',
  位置: 'location',
  group: 'group',
  分组: 'group',
  tags: 'tags',
  标签: 'tags',
  notes: 'notes',
  备注: 'notes',
  favorite: 'favorite',
  favourite: 'favorite',
  收藏: 'favorite',
};

const KIND_ALIASES: Readonly<Record<string, RoomKind>> = {
  sip: 'sip',
  h323: 'h323',
  'h.323': 'h323',
  rooms: 'rooms',
  room: 'rooms',
  tencentrooms: 'rooms',
  腾讯会议rooms: 'rooms',
};

const YES = new Set(['true', 'yes', 'y', '1', '是', '★']);
const NO = new Set(['', 'false', 'no', 'n', '0', '否']);

export interface CsvRoomRow {
  /** The row as a spreadsheet numbers it: the header is row 1, and blank lines count. */
  readonly row: number;
  readonly input: RoomInput;
  /** Every problem of the row; empty when it can be imported. */
  readonly errors: readonly FieldError[];
  /** Allowed, but worth a look before importing (a name that starts like a formula), led by the field's label. */
  readonly warnings: readonly Localized[];
}

export type RoomCsvParse =
  { readonly ok: true; readonly rows: readonly CsvRoomRow[] } | { readonly ok: false; readonly error: Localized };

function columnOf(header: string): Column | undefined {
  return HEADER_ALIASES[
    header
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '')
  ];
}

function fileError(zh: string, en: string): RoomCsvParse {
  return { ok: false, error: { 'zh-CN': zh, 'en-US': en } };
}

function rowError(field: string, zh: string, en: string): FieldError {
  return { field, message: { 'zh-CN': `${field}：${zh}`, 'en-US': `${field}: ${en}` } };
}

/** One record of the file, on the spreadsheet row where it starts. */
interface CsvRecord {
  readonly cells: readonly string[];
  readonly row: number;
  /** A quote opened in this row is not closed where a CSV quote must close. */
  readonly openQuote: boolean;
}

const hasQuoteProblem = (errors: readonly Papa.ParseError[]) => errors.some((error) => error.type === 'Quotes');

/**
 * The file's records with their spreadsheet row numbers. A quote that opens inside a value and never closes
 * properly (an unquoted =HYPERLINK("…","点我") typed in by hand: its comma splits it and the second part starts
 * with a quote) makes a CSV parser run on through the following lines into one cell until some later quote. A
 * spreadsheet reads those lines as rows of their own, and so does this: the record that ran on is reported on the
 * row where it started, and every line it swallowed is read as its own row, one line each.
 */
function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let start = 0;
  let row = 1;
  Papa.parse<string[]>(text, {
    step: (results) => {
      const end = results.meta.cursor;
      if (!hasQuoteProblem(results.errors)) {
        records.push({ cells: results.data, row, openQuote: false });
        row += 1;
      } else {
        const delimiter = results.meta.delimiter;
        const lines = text.slice(start, end).split(/\r\n|\n|\r/);
        if (lines.length > 1 && lines.at(-1) === '') lines.pop();
        lines.forEach((line, i) => {
          const alone = Papa.parse<string[]>(line, { delimiter });
          records.push({
            cells: alone.data[0] ?? [''],
            row,
            openQuote: i === 0 || hasQuoteProblem(alone.errors),
          });
          row += 1;
        });
      }
      start = end;
    },
  });
  return records;
}

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '');

export function parseRoomCsv(text: string): RoomCsvParse {
  const [header, ...records] = readRecords(text.replace(/^\uFEFF/, '')).filter((record) => !isBlank(record));
  if (!header) return fileError('文件是空的', 'The file is empty');
  const columns = header.cells.map(columnOf);
  if (!columns.includes('name')) {
    return fileError(
      '第一行必须是列名，并包含 name（名称）列',
      'The first row must hold the column names, including a name column',
    );
  }
  if (!columns.includes('address') && !columns.includes('meetingRoomId')) {
    return fileError(
      '缺少 address（地址）或 meetingRoomId（会议室ID）列',
      'An address or a meetingRoomId column is missing',
    );
  }
  if (records.length > MAX_CSV_ROWS) {
    return fileError(
      `行数过多（${records.length} 行，最多 ${MAX_CSV_ROWS} 行）`,
      `Too many rows (${records.length}, at most ${MAX_CSV_ROWS})`,
    );
  }
  return { ok: true, rows: records.map((record) => readRow(record, columns)) };
}

const OPEN_QUOTE = rowError(
  'row',
  '这一行有一个引号没有正确结束，后面的几行本会被并进同一个单元格（已分开读取）。请把整个值放进双引号，并把其中的引号写两遍，例如 "=HYPERLINK(""https://…"",""点我"")"',
  'a quote opened in this row is not closed properly, so the rows after it would have run into one cell (they were read on their own). Put the whole value in double quotes and double the quotes inside it, e.g. "=HYPERLINK(""https://…"",""click"")"',
);

function readRow(record: CsvRecord, columns: readonly (Column | undefined)[]): CsvRoomRow {
  const cells: Partial<Record<Column, string>> = {};
  columns.forEach((column, i) => {
    const cell = record.cells[i];
    if (column && cell !== undefined && cells[column] === undefined) cells[column] = unescapeCell(cell.trim());
  });
  const errors: FieldError[] = [];
  // An open quote is why a row has too many values (the formula's comma split it): only the cause is reported.
  if (record.openQuote) errors.push(OPEN_QUOTE);
  else if (record.cells.length > columns.length) {
    errors.push(
      rowError(
        'row',
        `有 ${record.cells.length} 个值，但列名只有 ${columns.length} 个（地址或名称里有逗号时请加引号）`,
        `has ${record.cells.length} values but there are ${columns.length} columns (quote values that contain commas)`,
      ),
    );
  }
  const kind = readKind(cells, errors);
  const favorite = readFavorite(cells.favorite ?? '', errors);
  const input: RoomInput = {
    name: cells.name ?? '',
    kind: kind as RoomKind,
    ...(kind === 'rooms' ? { meetingRoomId: cells.meetingRoomId ?? '' } : { address: cells.address ?? '' }),
    location: cells.location ?? '',
    group: cells.group ?? '',
    tags: splitTags(cells.tags ?? ''),
    notes: cells.notes ?? '',
    favorite,
  };
  // The kind error (if any) is already in `errors`; the validators would only repeat it less helpfully.
  const inputErrors = roomInputErrors(input).filter((error) => !errors.some((e) => e.field === error.field));
  const warning = formulaWarning(input.name);
  const warnings = warning ? [withFieldLabel('name', warning)] : [];
  return { row: record.row, input, errors: [...errors, ...inputErrors], warnings };
}

/** The kind column, or a guess from what was filled in when it is empty. Unreadable values go to the validator. */
function readKind(cells: Partial<Record<Column, string>>, errors: FieldError[]): string {
  const text = (cells.kind ?? '').toLowerCase().replace(/\s+/g, '');
  if (text !== '') return KIND_ALIASES[text] ?? (cells.kind as string);
  if ((cells.meetingRoomId ?? '') !== '' && (cells.address ?? '') === '') return 'rooms';
  const guess = guessProtocol(cells.address ?? '');
  if (guess) return guess;
  errors.push(
    rowError(
      'kind',
      '请填写类型 sip、h323 或 rooms：无法从地址判断',
      'fill in sip, h323 or rooms: the address does not tell which',
    ),
  );
  return '';
}

function readFavorite(text: string, errors: FieldError[]): boolean {
  const value = text.toLowerCase();
  if (YES.has(value)) return true;
  if (!NO.has(value)) {
    errors.push(rowError('favorite', `“${text}”应为 是 或 否`, `"${text}" should be yes or no`));
  }
  return false;
}
