// Search-as-you-type over the address book: name, location, address (or Rooms ID), group and tags, plus the pinyin
// of their Chinese parts, full ("huiyishi") and initials ("hys"). The text of every room is prepared once when the
// room list changes, never per keystroke: a keystroke only runs `includes` over ready strings. Pinyin is the slow
// part (pinyin-pro segments words, and its dictionary is a download of its own), so it is kept apart and filled in
// after the first paint, through a reader handed in by whoever loaded it (search/pinyin-reader.ts); until then a
// room is found by its text as written.
//
// Per keystroke the work is one pass over flat arrays kept in the list's own order (looking 10,000 ids up in a Map
// on every keystroke cost five times as much as the matching itself), with a bit mask of each room's characters
// ruling most rooms out before any string is read.
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
  /** charMask(haystack). */
  mask: number;
  /** Whether `haystack` holds the pinyin (always true when there is no Chinese). */
  pinyin: boolean;
}

/**
 * Which characters a text holds, coarsely, as 32 bits: one per Latin letter, one for all digits, five shared by
 * everything else. A haystack lacking a bit of a term cannot contain the term, which an integer test tells far
 * faster than `includes` ("cj" is ruled out of every room without a j).
 */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << 26;
    else mask |= 1 << (27 + (code % 5));
  }
  return mask;
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
  return { text, chinese, haystack: text, mask: charMask(text), pinyin: chinese === '' };
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
  entry.mask = charMask(entry.haystack);
  entry.pinyin = true;
}

/** The query as terms: lower-cased, half-width (a Chinese input method's full-width letters), split on spaces. */
export function queryTerms(query: string): string[] {
  return normalise(query)
    .split(/\s+/)
    .filter((term) => term !== '');
}

/** Stands in for a room the index does not know: matches no term. */
const UNKNOWN: RoomSearchEntry = Object.freeze({ text: '', chinese: '', haystack: '', mask: 0, pinyin: true });

/** A list's haystacks and masks, position for position: what a keystroke reads, in two flat arrays. */
export interface SearchColumns {
  readonly haystacks: readonly string[];
  readonly masks: Int32Array;
}

/**
 * The entries of the address book, kept across list changes: a room whose searchable text did not change keeps
 * its entry and its pinyin, so editing one room of 10,000 recomputes one.
 */
export class RoomSearchIndex {
  private readonly byId = new Map<string, { key: string; entry: RoomSearchEntry }>();
  /** Per list searched, its columns; rebuilt when the index changed since (a sync, or pinyin filled in). */
  private readonly ordered = new WeakMap<readonly Room[], { version: number; columns: SearchColumns }>();
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

  /** The haystacks and masks of `list`, position for position. */
  columnsOf(list: readonly Room[]): SearchColumns {
    const known = this.ordered.get(list);
    if (known && known.version === this.version) return known.columns;
    const entries = list.map((room) => this.byId.get(room.id)?.entry ?? UNKNOWN);
    const columns = {
      haystacks: entries.map((entry) => entry.haystack),
      masks: Int32Array.from(entries, (entry) => entry.mask),
    };
    this.ordered.set(list, { version: this.version, columns });
    return columns;
  }
}

interface Searched {
  /** Normalised, as typed. */
  readonly query: string;
  /** Where its matches sit in the list searched. */
  readonly positions: Uint32Array;
  readonly result: readonly Room[];
}

/** At most this many searches are remembered behind the current one (a query is rarely longer). */
const TRAIL_LIMIT = 32;

/**
 * One search box's searches over the index. It remembers the searches behind the current one, each query the
 * beginning of the next ("c", "ch", "cha"), which makes typing cheap three ways: a query that grew at its end only
 * searches the result of the longest remembered beginning (each of its terms is part of a new term, so every new
 * match was an old match); erasing back to a remembered query gives its result without searching; and a keystroke
 * that leaves the result as it was gives back the very same array, so nothing that shows it has anything to update.
 */
export class SearchSession {
  private trail: Searched[] = [];
  /** The search before this one, whatever it was: its result is given again when the rooms found are the same. */
  private latest: Searched | undefined;
  /** What the trail was searched over: it is forgotten when the list or the index changes. */
  private over: { list: readonly Room[]; version: number } | undefined;

  /** `prepare` runs before each search that needs the index: a store that syncs the index lazily does it there. */
  constructor(
    private readonly index: RoomSearchIndex,
    private readonly prepare: () => void = () => {},
  ) {}

  /** The rooms of `list` matching the query, in the list's order. An empty query keeps them all (`list` itself). */
  filter<T extends Room>(list: readonly T[], query: string): readonly T[] {
    const terms = queryTerms(query);
    if (terms.length === 0) {
      // Back to the whole list: what was typed is done with, and its results need not be kept.
      this.trail = [];
      this.latest = undefined;
      return list;
    }
    this.prepare();
    const normalised = normalise(query);
    const version = this.index.version;
    if (this.over?.list !== list || this.over.version !== version) {
      this.trail = [];
      this.latest = undefined;
      this.over = { list, version };
    }
    // Only the searches whose query begins this one stay; the longest of them is where this one starts from.
    while (this.trail.length > 0 && !normalised.startsWith((this.trail.at(-1) as Searched).query)) this.trail.pop();
    const from = this.trail.at(-1);
    if (from?.query === normalised) {
      this.latest = from;
      return from.result as readonly T[];
    }

    const columns = this.index.columnsOf(list);
    const found = new Uint32Array(from ? from.positions.length : list.length);
    // Term by term, each a pass over what the one before kept, compacted in place.
    let count = keep(columns, terms[0] as string, from?.positions, found.length, found);
    for (let t = 1; t < terms.length; t++) count = keep(columns, terms[t] as string, found, count, found);
    // A copy of the exact size: a view would keep the whole list-sized buffer alive in the trail.
    const positions = found.slice(0, count);
    let result: readonly T[];
    if (from !== undefined && from.positions.length === count) {
      result = from.result as readonly T[]; // narrowed, and nothing dropped out: the same rooms
    } else if (this.latest !== undefined && samePositions(this.latest.positions, positions)) {
      result = this.latest.result as readonly T[];
    } else {
      result = Array.from(positions, (at) => list[at] as T);
    }
    this.latest = { query: normalised, positions, result };
    this.trail.push(this.latest);
    if (this.trail.length > TRAIL_LIMIT) this.trail.shift();
    return result;
  }
}

/**
 * Writes into `into` the positions (the first `length` of `from`, or 0 … length − 1 without it) whose haystack
 * holds `term`, and returns how many. `into` may be `from`: a position is written at or before where it was read.
 * One tight loop per case, no closure and no branch that does not depend on the room: this runs over up to every
 * room on a keystroke.
 */
function keep(
  { haystacks, masks }: SearchColumns,
  term: string,
  from: Uint32Array | undefined,
  length: number,
  into: Uint32Array,
): number {
  const need = charMask(term);
  let kept = 0;
  if (term.length === 1 && term >= 'a' && term <= 'z') {
    // A single letter has a mask bit of its own: the mask test alone decides, no string is read.
    if (from) {
      for (let i = 0; i < length; i++) {
        const at = from[i] as number;
        if (((masks[at] as number) & need) === need) into[kept++] = at;
      }
    } else {
      for (let at = 0; at < length; at++) if (((masks[at] as number) & need) === need) into[kept++] = at;
    }
    return kept;
  }
  if (from) {
    for (let i = 0; i < length; i++) {
      const at = from[i] as number;
      if (((masks[at] as number) & need) === need && (haystacks[at] as string).includes(term)) into[kept++] = at;
    }
  } else {
    for (let at = 0; at < length; at++) {
      if (((masks[at] as number) & need) === need && (haystacks[at] as string).includes(term)) into[kept++] = at;
    }
  }
  return kept;
}

function samePositions(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
