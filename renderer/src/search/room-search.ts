// Search-as-you-type over the address book: name, location, address (or Rooms ID), group and tags, plus the pinyin
// of their Chinese parts, full ("huiyishi") and initials ("hys"), through pinyin-pro. The text of every room is
// prepared once when the room list changes, never per keystroke: a keystroke only runs `includes` over ready
// strings, which keeps 10,000 rooms well inside one frame. Pinyin is the slow part (pinyin-pro segments words), so
// it is kept apart and can be filled in after the first paint (RoomSearchIndex.pending / addPinyin).
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../../../common/input-text';
import type { Room } from '../../../common/store-schema';

/** Between fields, so that a search term never matches across two of them. */
const FIELD_SEPARATOR = '\n';
const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /(\p{Script=Han}+)/u;

export interface RoomSearchEntry {
  /** Every searchable field, lower-cased and half-width, joined by FIELD_SEPARATOR. */
  readonly text: string;
  /** The fields the pinyin is computed from (the ones with Chinese in them), joined. '' when none. */
  readonly chinese: string;
  /** Pinyin without spaces or tones (ü as v), per field; undefined until computed. '' when there is no Chinese. */
  pinyinFull: string | undefined;
  pinyinInitials: string | undefined;
}

/** The fields a room is found by, in display order. */
export function searchableFields(room: Room): string[] {
  const dial = room.kind === 'rooms' ? room.meetingRoomId : room.address;
  return [room.name, room.location, dial, room.group, ...room.tags].filter((field) => field !== '');
}

function normalise(text: string): string {
  return toHalfWidth(text).toLowerCase();
}

/** The entry of one room, without pinyin (see withPinyin). */
export function buildEntry(room: Room): RoomSearchEntry {
  const fields = searchableFields(room);
  const chinese = fields.filter((field) => HAN.test(field)).join(FIELD_SEPARATOR);
  return {
    text: fields.map(normalise).join(FIELD_SEPARATOR),
    chinese,
    pinyinFull: chinese === '' ? '' : undefined,
    pinyinInitials: chinese === '' ? '' : undefined,
  };
}

/**
 * Full pinyin and initials of a text: Chinese runs become syllables ("会议室" → huiyishi / hys), everything else
 * stays as typed, lower-cased and without spaces ("3楼 Room" → 3louroom / 3lroom), so "3l" or "3lou" find it.
 */
export function pinyinKeys(text: string): { full: string; initials: string } {
  let full = '';
  let initials = '';
  for (const run of text.split(HAN_RUNS)) {
    if (run === '') continue;
    if (HAN.test(run)) {
      const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
      full += syllables.join('');
      initials += syllables.map((s) => s.charAt(0)).join('');
    } else {
      const plain = normalise(run).replace(/\s+/g, '');
      full += plain;
      initials += plain;
    }
  }
  return { full, initials };
}

/** Fills in the pinyin of an entry (idempotent). */
export function withPinyin(entry: RoomSearchEntry): RoomSearchEntry {
  if (entry.pinyinFull !== undefined) return entry;
  const fields = entry.chinese.split(FIELD_SEPARATOR).map(pinyinKeys);
  entry.pinyinFull = fields.map((keys) => keys.full).join(FIELD_SEPARATOR);
  entry.pinyinInitials = fields.map((keys) => keys.initials).join(FIELD_SEPARATOR);
  return entry;
}

/** The query as terms: lower-cased, half-width (a Chinese input method's full-width letters), split on spaces. */
export function queryTerms(query: string): string[] {
  return normalise(query)
    .split(/\s+/)
    .filter((term) => term !== '');
}

/** Every term must be found in some field, literally or as pinyin (full or initials). */
export function entryMatches(entry: RoomSearchEntry, terms: readonly string[]): boolean {
  for (const term of terms) {
    if (entry.text.includes(term)) continue;
    if (entry.pinyinFull?.includes(term)) continue;
    if (entry.pinyinInitials?.includes(term)) continue;
    return false;
  }
  return true;
}

/** What an entry is built from: when this is unchanged, the cached entry (and its pinyin) is still right. */
function sourceKey(room: Room): string {
  return searchableFields(room).join(FIELD_SEPARATOR);
}

/**
 * The entries of a room list, kept across list changes: a room whose searchable text did not change keeps its
 * entry and its pinyin, so editing one room of 10,000 recomputes one.
 */
export class RoomSearchIndex {
  private readonly entries = new Map<string, { key: string; entry: RoomSearchEntry }>();
  /** Bumped whenever an entry changes, so a remembered result is never reused across index changes. */
  private version = 0;
  /** The last search, so typing on ("bei" → "beij") only narrows the previous result instead of all rooms. */
  private last: { rooms: readonly Room[]; query: string; version: number; result: readonly Room[] } | undefined;

  /** Brings the index in line with `rooms`; returns the ids whose pinyin still has to be computed. */
  sync(rooms: readonly Room[]): string[] {
    this.version++;
    const seen = new Set<string>();
    const pending: string[] = [];
    for (const room of rooms) {
      seen.add(room.id);
      const key = sourceKey(room);
      let cached = this.entries.get(room.id);
      if (!cached || cached.key !== key) {
        cached = { key, entry: buildEntry(room) };
        this.entries.set(room.id, cached);
      }
      if (cached.entry.pinyinFull === undefined) pending.push(room.id);
    }
    for (const id of this.entries.keys()) if (!seen.has(id)) this.entries.delete(id);
    return pending;
  }

  /** Computes the pinyin of these rooms (ids no longer in the index are skipped). */
  addPinyin(ids: readonly string[]): void {
    this.version++;
    for (const id of ids) {
      const cached = this.entries.get(id);
      if (cached) withPinyin(cached.entry);
    }
  }

  /**
   * The rooms matching the query, in the order given. An empty query keeps them all. When the query only grew
   * at its end over the same list, every new match was an old match (each old term is part of a new term), so
   * only the previous result is searched.
   */
  filter<T extends Room>(rooms: readonly T[], query: string): readonly T[] {
    const normalised = normalise(query);
    const terms = queryTerms(query);
    if (terms.length === 0) {
      this.last = undefined;
      return rooms;
    }
    const last = this.last;
    const narrowing =
      last !== undefined && last.rooms === rooms && last.version === this.version && normalised.startsWith(last.query);
    const base = narrowing ? (last.result as readonly T[]) : rooms;
    const result = base.filter((room) => {
      const cached = this.entries.get(room.id);
      return cached !== undefined && entryMatches(cached.entry, terms);
    });
    this.last = { rooms, query: normalised, version: this.version, result };
    return result;
  }
}
