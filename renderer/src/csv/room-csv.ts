// The address book as CSV: reading a file into room inputs with every problem per row (checked by the same
// validators as the room form), and writing rooms out so that the file reads back to the same rooms.
import Papa from 'papaparse';
import { guessProtocol } from '../../../common/address';
import type { Localized } from '../../../common/locale';
import { ROOM_INPUT_FIELDS, roomInputErrors, type RoomInput, type RoomKind } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';
import type { FieldError } from '../../../common/validation';
import { joinTags, splitTags } from '../rooms/tags';
import { toCsv, unescapeCell } from './cells';

/** The columns of an exported file: the room input fields, in form order. */
export const ROOM_CSV_COLUMNS = ROOM_INPUT_FIELDS;
type Column = (typeof ROOM_CSV_COLUMNS)[number];

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
  /** 1-based number of the data row (the header is row 0), as the operator counts them in a spreadsheet. */
  readonly row: number;
  readonly input: RoomInput;
  /** Every problem of the row; empty when it can be imported. */
  readonly errors: readonly FieldError[];
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

export function parseRoomCsv(text: string): RoomCsvParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...records] = parsed.data;
  if (!header) return fileError('文件是空的', 'The file is empty');
  const columns = header.map(columnOf);
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
  // Papa counts rows from 0 including the header; a quote left open is the only error it can report here.
  const quoteErrors = new Set(parsed.errors.map((error) => error.row).filter((row) => row !== undefined));
  return {
    ok: true,
    rows: records.map((record, index) => readRow(record, columns, index + 1, quoteErrors.has(index + 1))),
  };
}

function readRow(record: readonly string[], columns: readonly (Column | undefined)[], row: number, badQuotes: boolean) {
  const cells: Partial<Record<Column, string>> = {};
  columns.forEach((column, i) => {
    const cell = record[i];
    if (column && cell !== undefined && cells[column] === undefined) cells[column] = unescapeCell(cell.trim());
  });
  const errors: FieldError[] = [];
  if (badQuotes) errors.push(rowError('row', '引号没有成对', 'a quote is not closed'));
  if (record.length > columns.length) {
    errors.push(
      rowError(
        'row',
        `有 ${record.length} 个值，但列名只有 ${columns.length} 个（地址或名称里有逗号时请加引号）`,
        `has ${record.length} values but there are ${columns.length} columns (quote values that contain commas)`,
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
  return { row, input, errors: [...errors, ...inputErrors] };
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

function cellsOf(room: Room): string[] {
  return [
    room.name,
    room.kind,
    room.kind === 'rooms' ? '' : room.address,
    room.kind === 'rooms' ? room.meetingRoomId : '',
    room.location,
    room.group,
    joinTags(room.tags, ';'),
    room.notes,
    room.favorite ? 'yes' : 'no',
  ];
}

export function roomsToCsv(rooms: readonly Room[]): string {
  return toCsv(ROOM_CSV_COLUMNS, rooms.map(cellsOf));
}
