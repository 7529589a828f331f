// The address book as CSV: reading a file into room inputs with every problem per row (checked by the same
// validators as the room form), and writing rooms out, with column names, protocols and yes/no in the operator's
// language, so that the file reads back to the same rooms.
import type { Locale } from '../../../common/locale';
import { ROOM_CSV_COLUMNS, type RoomCsvColumn as Column } from '../../../common/room-csv';
import type { RoomKind } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';
import { joinTags } from '../rooms/tags';
import { toCsv } from './cells';

// The reading half lives in common/, shared with IT's shared address book in main.
export { MAX_CSV_ROWS, parseRoomCsv, ROOM_CSV_COLUMNS } from '../../../common/room-csv';
export type { CsvRoomRow, RoomCsvParse } from '../../../common/room-csv';

/** Exported column names, in ROOM_CSV_COLUMNS order; each one reads back through common/room-csv.ts. */
const EXPORT_HEADERS: Readonly<Record<Locale, Readonly<Record<Column, string>>>> = {
  'zh-CN': {
    name: '名称',
    kind: '类型',
    address: '地址',
    meetingRoomId: '会议室ID',
    location: '位置',
    group: '分组',
    tags: '标签',
    notes: '备注',
    favorite: '收藏',
  },
  'en-US': {
    name: 'Name',
    kind: 'Type',
    address: 'Address',
    meetingRoomId: 'Meeting room ID',
    location: 'Location',
    group: 'Group',
    tags: 'Tags',
    notes: 'Notes',
    favorite: 'Favorite',
  },
};

/** Protocols as the window shows them (KIND_ALIASES reads them back). */
const EXPORT_KINDS: Readonly<Record<RoomKind, string>> = { sip: 'SIP', h323: 'H.323', rooms: 'Rooms' };
const EXPORT_YES_NO: Readonly<Record<Locale, readonly [yes: string, no: string]>> = {
  'zh-CN': ['是', '否'],
  'en-US': ['yes', 'no'],
};

function cellsOf(room: Room, locale: Locale): string[] {
  const [yes, no] = EXPORT_YES_NO[locale];
  return [
    room.name,
    EXPORT_KINDS[room.kind],
    room.kind === 'rooms' ? '' : room.address,
    room.kind === 'rooms' ? room.meetingRoomId : '',
    room.location,
    room.group,
    joinTags(room.tags, ';'),
    room.notes,
    room.favorite ? yes : no,
  ];
}

export function roomsToCsv(rooms: readonly Room[], locale: Locale): string {
  const headers = EXPORT_HEADERS[locale];
  return toCsv(
    ROOM_CSV_COLUMNS.map((column) => headers[column]),
    rooms.map((room) => cellsOf(room, locale)),
  );
}
