// Search-as-you-type over the address book: name, location, address (or Rooms ID), group and tags, plus the pinyin
// of their Chinese parts, full ("huiyishi") and initials ("hys"). The text of every room is prepared once when the
// room list changes, never per keystroke: a keystroke only runs `includes` over ready strings. Pinyin is the slow
// part (pinyin-pro segments words, and its dictionary is a download of its own), so it is kept apart and filled in
// after the first paint, through a reader handed in by whoever loaded it (search/pinyin-reader.ts); until then a
// room is found by its text as written.
//
// Per keystroke the work is one pass over an array of entries kept in the list's own order: looking 10,000 ids up
// in a Map on every keystroke cost five times as much as the matching itself.
import { toHalfWidth } from '../../../common/input-text';
import type { Room } from '../../../common/store-schema';

/** The syllables of a run of Chinese characters, lower-case, without tones, ü as v ("绿园" → ['lv', 'yuan']). */
export type PinyinReader = (run: string) => readonly string[];

/** Between fields, so that a search term (never whitespace) cannot match across two of them. */
const FIELD_SEPARATOR = '\n';
const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /(\p{Script=Han}+)/u;
/** What toHalfWidth changes: full-width ASCII, the ideographic space and full stop. Most text has none of it. */
const FULL_WIDTH = /[\u3000\u3002\uff01-\uff5e]/u;

export interface RoomSearchEntry {
  /** Every searchable field, lower-cased and half-width, joined by FIELD_SEPARATOR. */
  readonly text: string;
  /** The fields the pinyin is computed from (the ones with Chinese in them), joined. '' when none. */
  readonly chinese: string;
  /** What a term is looked for in: `text`, then (once computed) full pinyin and initials, per field. */
  haystack: string;
  /** Whether `haystack` holds the pinyin (always true when there is no Chinese). */
  pinyin: boolean;
}

/** The fields a room is found by, in display order. */
export function searchableFields(room: Room): string[] {
  const dial = room.kind === 'rooms' ? room.meetingRoomId : room.address;
  return [room.name, room.location, dial, room.group, ...room.tags].filter((field) => field !== '');
}

function normalise(text: string): string {
  return (FULL_WIDTH.test(text) ? toHalfWidth(text) : text).toLowerCase();
}

function entryOf(fields: readonly string[]): RoomSearchEntry {
  const chinese = fields.filter((field) => HAN.test(field)).join(FIELD_SEPARATOR);
  const text = fields.map(normalise).join(FIELD_SEPARATOR);
  return { text, chinese, haystack: text, pinyin: chinese === '' };
}

/**
 * Full pinyin and initials of a text: Chinese runs become syllables ("会议室" → huiyishi / hys), everything else
 * stays as typed, lower-cased and without spaces ("3楼 Room" → 3louroom / 3lroom), so "3l" or "3lou" find it.
 */
export function pinyinKeys(text: string, read: PinyinReader): { full: string; initials: string } {
  let full = '';
  let initials = '';
  for (const run of text.split(HAN_RUNS)) {
    if (run === '') continue;
    if (HAN.test(run)) {
      const syllables = read(run);
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

function addPinyinTo(entry: RoomSearchEntry, read: PinyinReader): void {
  if (entry.pinyin) return;
  const fields = entry.chinese.split(FIELD_SEPARATOR).map((field) => pinyinKeys(field, read));
  entry.haystack = [entry.text, ...fields.map((keys) => keys.full), ...fields.map((keys) => keys.initials)].join(
    FIELD_SEPARATOR,
  );
  entry.pinyin = true;
}

/** The query as terms: lower-cased, half-width (a Chinese input method's full-width letters), split on spaces. */
export function queryTerms(query: string): string[] {
  return normalise(query)
    .split(/\s+/)
    .filter((term) => term !== '');
}

/** Stands in for a room the index does not know: matches no term. */
const UNKNOWN: RoomSearchEntry = Object.freeze({ text: '', chinese: '', haystack: '', pinyin: true });

/**
 * The entries of the address book, kept across list changes: a room whose searchable text did not change keeps
 * its entry and its pinyin, so editing one room of 10,000 recomputes one.
 */
export class RoomSearchIndex {
  private readonly byId = new Map<string, { key: string; entry: RoomSearchEntry }>();
  /** Per list searched, its entries in the same order; rebuilt only after a sync (pinyin is filled in place). */
  private readonly ordered = new WeakMap<readonly Room[], { syncs: number; entries: RoomSearchEntry[] }>();
  private syncs = 0;
  /** Bumped whenever any entry changes, so a remembered result is never narrowed across index changes. */
  version = 0;

  /** Brings the index in line with `rooms`; returns the ids whose pinyin still has to be computed. */
  sync(rooms: readonly Room[]): string[] {
    this.syncs++;
    this.version++;
    const seen = new Set<string>();
    const pending: string[] = [];
    for (const room of rooms) {
      seen.add(room.id);
      const fields = searchableFields(room);
      const key = fields.join(FIELD_SEPARATOR);
      let cached = this.byId.get(room.id);
      if (!cached || cached.key !== key) {
        cached = { key, entry: entryOf(fields) };
        this.byId.set(room.id, cached);
      }
      if (!cached.entry.pinyin) pending.push(room.id);
    }
    if (this.byId.size > seen.size) {
      for (const id of this.byId.keys()) if (!seen.has(id)) this.byId.delete(id);
    }
    return pending;
  }

  /** Computes the pinyin of these rooms (ids no longer in the index are skipped). */
  addPinyin(ids: readonly string[], read: PinyinReader): void {
    this.version++;
    for (const id of ids) {
      const cached = this.byId.get(id);
      if (cached) addPinyinTo(cached.entry, read);
    }
  }

  /** The entries of `list`, position for position. */
  entriesOf(list: readonly Room[]): readonly RoomSearchEntry[] {
    const known = this.ordered.get(list);
    if (known && known.syncs === this.syncs) return known.entries;
    const entries = list.map((room) => this.byId.get(room.id)?.entry ?? UNKNOWN);
    this.ordered.set(list, { syncs: this.syncs, entries });
    return entries;
  }
}

/** Whether every term is in the entry's text or pinyin. */
function matches(entry: RoomSearchEntry, terms: readonly string[]): boolean {
  const haystack = entry.haystack;
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/**
 * One search box's searches over the index. It remembers its last result, which makes typing cheap twice over:
 * when the query only grew at its end over the same list, every new match was an old match (each old term is part
 * of a new term), so only the old result is searched; and when a keystroke leaves the result as it was, the very
 * same array is returned, so nothing that shows it has anything to update.
 */
export class SearchSession {
  private last:
    | { list: readonly Room[]; query: string; version: number; positions: Uint32Array; result: readonly Room[] }
    | undefined;

  /** `prepare` runs before each search that needs the index: a store that syncs the index lazily does it there. */
  constructor(
    private readonly index: RoomSearchIndex,
    private readonly prepare: () => void = () => {},
  ) {}

  /** The rooms of `list` matching the query, in the list's order. An empty query keeps them all (`list` itself). */
  filter<T extends Room>(list: readonly T[], query: string): readonly T[] {
    const terms = queryTerms(query);
    if (terms.length === 0) {
      this.last = undefined;
      return list;
    }
    this.prepare();
    const normalised = normalise(query);
    const entries = this.index.entriesOf(list);
    const last = this.last?.list === list ? this.last : undefined;
    const narrowing = last !== undefined && last.version === this.index.version && normalised.startsWith(last.query);

    const found = new Uint32Array(narrowing ? last.positions.length : list.length);
    let count = 0;
    if (narrowing) {
      for (const at of last.positions) if (matches(entries[at] as RoomSearchEntry, terms)) found[count++] = at;
    } else {
      for (let at = 0; at < entries.length; at++)
        if (matches(entries[at] as RoomSearchEntry, terms)) found[count++] = at;
    }
    const positions = found.subarray(0, count);
    const result =
      last !== undefined && samePositions(last.positions, positions)
        ? (last.result as readonly T[])
        : Array.from(positions, (at) => list[at] as T);
    this.last = { list, query: normalised, version: this.index.version, positions, result };
    return result;
  }
}

function samePositions(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
