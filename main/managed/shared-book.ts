// IT's shared address book as rooms: a CSV in the app's own import/export format (common/room-csv.ts, any of its
// column spellings, zh-CN or en-US) or JSON `{"rooms": [{name, kind, address | meetingRoomId, location, group, tags,
// notes}]}`. Every room is checked by the validators the room form runs; one bad room, or two for the same device,
// refuses the whole copy with a message naming it, so the desk keeps the last good copy instead of half a book.
// A room's `favorite` is ignored: the star is each desk's own.
import { SHARED_BOOK_LIMITS, type SharedAddressBookConfig } from '../../common/managed-config';
import type { Localized } from '../../common/locale';
import { dialKey } from '../../common/room-dial-key';
import { parseRoomCsv } from '../../common/room-csv';
import { validateRoomInput } from '../../common/room-input';
import type { ManagedRoomInput } from '../store/managed-rooms';

export type BookFormat = 'csv' | 'json';

/** The configured format, else the name's extension, else JSON. */
export function bookFormatOf(book: SharedAddressBookConfig): BookFormat {
  if (book.format) return book.format;
  let name = book.path ?? '';
  if (book.url !== undefined) {
    try {
      name = new URL(book.url).pathname;
    } catch {
      name = book.url;
    }
  }
  return /\.csv$/i.test(name) ? 'csv' : 'json';
}

export type ParsedBook =
  { readonly ok: true; readonly rooms: readonly ManagedRoomInput[] } | { readonly ok: false; readonly why: Localized };

const fail = (zh: string, en: string): ParsedBook => ({ ok: false, why: { 'zh-CN': zh, 'en-US': en } });

function tooMany(count: number): ParsedBook {
  const max = SHARED_BOOK_LIMITS.rooms;
  return fail(`会议室过多（${count} 个，最多 ${max} 个）`, `it has too many rooms (${count}, at most ${max})`);
}

function fromJson(text: string): ParsedBook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return fail(`不是有效的 JSON（${why}）`, `it is not valid JSON (${why})`);
  }
  const list =
    typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { rooms?: unknown }).rooms : undefined;
  if (!Array.isArray(list)) return fail('缺少 rooms 列表', 'it has no "rooms" list');
  if (list.length > SHARED_BOOK_LIMITS.rooms) return tooMany(list.length);
  const rooms: ManagedRoomInput[] = [];
  for (const [index, item] of list.entries()) {
    const entry = typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...item } : item;
    if (typeof entry === 'object' && entry !== null) delete (entry as { favorite?: unknown }).favorite;
    const checked = validateRoomInput(entry);
    if (!checked.ok) {
      const at = `rooms[${index}]`;
      return fail(`${at}：${checked.error.message['zh-CN']}`, `${at}: ${checked.error.message['en-US']}`);
    }
    rooms.push({ ...checked.value, favorite: false });
  }
  return { ok: true, rooms };
}

function fromCsv(text: string): ParsedBook {
  const parsed = parseRoomCsv(text);
  if (!parsed.ok) return { ok: false, why: parsed.error };
  if (parsed.rows.length > SHARED_BOOK_LIMITS.rooms) return tooMany(parsed.rows.length);
  const rooms: ManagedRoomInput[] = [];
  for (const row of parsed.rows) {
    const error = row.errors[0];
    const checked = error ? undefined : validateRoomInput({ ...row.input, favorite: false });
    if (error || !checked?.ok) {
      const message = error?.message ?? (checked && !checked.ok ? checked.error.message : undefined);
      return fail(`第 ${row.row} 行：${message?.['zh-CN'] ?? ''}`, `row ${row.row}: ${message?.['en-US'] ?? ''}`);
    }
    rooms.push(checked.value);
  }
  return { ok: true, rooms };
}

/** Two entries for the same device would be one room at the desk: IT has to say which one it means. */
function withoutRepeats(book: ParsedBook, format: BookFormat): ParsedBook {
  if (!book.ok) return book;
  const seen = new Map<string, number>();
  for (const [index, room] of book.rooms.entries()) {
    const key = dialKey(room.kind, room.kind === 'rooms' ? room.meetingRoomId : room.address);
    const first = seen.get(key);
    if (first !== undefined) {
      // CSV rows as a spreadsheet numbers them would need the blank lines; the names say it as well.
      const where = (i: number) => (format === 'json' ? `rooms[${i}]` : `“${book.rooms[i]?.name ?? ''}”`);
      const whereEn = (i: number) => (format === 'json' ? `rooms[${i}]` : `"${book.rooms[i]?.name ?? ''}"`);
      return fail(
        `${where(first)} 和 ${where(index)} 是同一台设备（${room.kind}），请只保留一个`,
        `${whereEn(first)} and ${whereEn(index)} ring the same device (${room.kind}); keep one of them`,
      );
    }
    seen.set(key, index);
  }
  return book;
}

export function parseSharedBook(text: string, format: BookFormat): ParsedBook {
  return withoutRepeats(format === 'csv' ? fromCsv(text) : fromJson(text), format);
}
