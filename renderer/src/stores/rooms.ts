// The address book as the window sees it: the rooms, the search and filters over them, and the selection.
// Built for 10,000 rooms and more: the list is a shallowRef (no deep proxies), sorting happens when the rooms change,
// the protocol / group / favorites narrowing when those filters change, and a keystroke only searches prepared
// text (search/room-search.ts). A keystroke that leaves the list as it was gives back the same array, so the list
// on screen has nothing to update. Pinyin (its reader is a chunk of its own) is loaded after the list is shown and
// computed in small idle slices, so the first paint never waits for it; until then rooms are found by their text.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ImportRowResult, RequestOf, TencentImportSummary } from '../../../common/ipc-contract';
import type { RoomInput, RoomKind } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';
import { api, unwrap } from '../api';
import { DuplicateFinder } from '../rooms/duplicates';
import { RoomSearchIndex, SearchSession, type PinyinReader } from '../search/room-search';

export type ProtocolFilter = 'all' | RoomKind;
export type ImportRows = RequestOf<'rooms:import'>['rows'];

/** Pinyin for this many rooms per slice: a few milliseconds, so typing stays smooth while it runs. */
const PINYIN_SLICE = 500;
/** Chinese names sort by pinyin under the zh collation, Latin names alphabetically; digits as numbers. */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

function byFavoriteThenName(a: Room, b: Room): number {
  return Number(b.favorite) - Number(a.favorite) || collator.compare(a.name, b.name);
}

const nextSlice: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run) : (run) => setTimeout(run, 0);

/** The pinyin reader, fetched once, on first need. */
let pinyinReader: Promise<PinyinReader> | undefined;
function loadPinyinReader(): Promise<PinyinReader> {
  pinyinReader ??= import('../search/pinyin-reader').then(
    (module) => module.readPinyin,
    (error: unknown) => {
      pinyinReader = undefined; // the next room change tries again; search by written text works meanwhile
      throw error;
    },
  );
  return pinyinReader;
}

export const useRoomsStore = defineStore('rooms', () => {
  const rooms = shallowRef<readonly Room[]>([]);
  const loaded = ref(false);
  const query = ref('');
  const protocol = ref<ProtocolFilter>('all');
  const group = ref('');
  const favoritesOnly = ref(false);
  const selected = shallowRef<ReadonlySet<string>>(new Set());

  const index = new RoomSearchIndex();
  /** The list the index was last brought in line with: it is synced after the paint, or at the first search. */
  let indexed: readonly Room[] = [];
  let pinyinQueue: string[] = [];
  let pinyinScheduled = false;
  function syncIndex(): void {
    if (indexed === rooms.value) return;
    indexed = rooms.value;
    pinyinQueue = index.sync(indexed);
  }
  /** The dial board's search box and the address book's, each narrowing its own last result. */
  const boardSearch = new SearchSession(index, syncIndex);
  const bookSearch = new SearchSession(index, syncIndex);
  /** Bumped when pinyin arrives, so a search typed earlier is run again. */
  const indexVersion = ref(0);

  const sorted = computed(() => [...rooms.value].sort(byFavoriteThenName));
  const groups = computed(() =>
    [...new Set(rooms.value.map((room) => room.group).filter((g) => g !== ''))].sort(collator.compare),
  );
  /** The rooms the protocol, group and favorites filters let through: the same array from keystroke to keystroke. */
  const narrowed = computed(() => {
    const kind = protocol.value;
    const wantedGroup = group.value;
    const onlyFavorites = favoritesOnly.value;
    if (kind === 'all' && wantedGroup === '' && !onlyFavorites) return sorted.value;
    return sorted.value.filter(
      (room) =>
        (kind === 'all' || room.kind === kind) &&
        (wantedGroup === '' || room.group === wantedGroup) &&
        (!onlyFavorites || room.favorite),
    );
  });
  const visible = computed(() => {
    void indexVersion.value;
    return boardSearch.filter(narrowed.value, query.value);
  });
  /** All rooms (favorites first) matching a query: the address book's own search, apart from the dial board's. */
  function matching(text: string): readonly Room[] {
    void indexVersion.value;
    return bookSearch.filter(sorted.value, text);
  }
  const duplicates = computed(() => new DuplicateFinder(rooms.value));
  const byId = computed(() => new Map(rooms.value.map((room) => [room.id, room])));

  function runPinyinSlice(read: PinyinReader): void {
    index.addPinyin(pinyinQueue.splice(0, PINYIN_SLICE), read);
    if (pinyinQueue.length > 0) {
      nextSlice(() => runPinyinSlice(read));
      return;
    }
    pinyinScheduled = false;
    indexVersion.value++;
    if (indexed !== rooms.value) scheduleIndex(); // the rooms changed while these slices ran
  }

  /** After the list is painted: the index is synced, the reader loads, then the pinyin is computed slice by slice. */
  function scheduleIndex(): void {
    if (pinyinScheduled) return;
    pinyinScheduled = true;
    nextSlice(() => {
      syncIndex();
      if (pinyinQueue.length === 0) {
        pinyinScheduled = false;
        return;
      }
      loadPinyinReader().then(runPinyinSlice, () => {
        pinyinScheduled = false;
      });
    });
  }

  function setRooms(list: readonly Room[]): void {
    rooms.value = list;
    scheduleIndex();
    if (selected.value.size === 0) return;
    const ids = byId.value;
    if ([...selected.value].some((id) => !ids.has(id))) {
      selected.value = new Set([...selected.value].filter((id) => ids.has(id)));
    }
  }

  /** Finishes the pinyin now (tests, and anything that needs a complete index right away). */
  async function flushPinyin(): Promise<void> {
    syncIndex();
    const read = await loadPinyinReader();
    index.addPinyin(pinyinQueue.splice(0), read);
    indexVersion.value++;
  }

  async function load(): Promise<void> {
    setRooms(await unwrap(api().listRooms()));
    loaded.value = true;
  }

  function replace(room: Room): void {
    setRooms(rooms.value.map((r) => (r.id === room.id ? room : r)));
  }

  async function add(input: RoomInput): Promise<Room> {
    const room = await unwrap(api().addRoom(toPayload(input)));
    setRooms([...rooms.value, room]);
    return room;
  }

  async function update(id: string, patch: Partial<RoomInput>): Promise<Room> {
    const room = await unwrap(api().updateRoom({ id, patch: toPayload(patch) }));
    replace(room);
    return room;
  }

  /** Resolves with the room as it was, for undo. */
  async function remove(id: string): Promise<Room> {
    const room = await unwrap(api().deleteRoom({ id }));
    setRooms(rooms.value.filter((r) => r.id !== id));
    return room;
  }

  async function restore(room: Room): Promise<Room> {
    const restored = await unwrap(api().restoreRoom({ room: { ...room } }));
    setRooms([...rooms.value, restored]);
    return restored;
  }

  async function importRows(rows: ImportRows): Promise<readonly ImportRowResult[]> {
    const results = await unwrap(api().importRooms({ rows }));
    await load();
    return results;
  }

  async function importTencent(): Promise<TencentImportSummary> {
    const summary = await unwrap(api().importTencentRooms());
    await load();
    return summary;
  }

  function toggleSelected(id: string, on = !selected.value.has(id)): void {
    const next = new Set(selected.value);
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  }

  function selectMany(ids: Iterable<string>): void {
    selected.value = new Set([...selected.value, ...ids]);
  }

  function clearSelection(): void {
    selected.value = new Set();
  }

  return {
    rooms,
    loaded,
    query,
    protocol,
    group,
    favoritesOnly,
    selected,
    sorted,
    groups,
    visible,
    matching,
    duplicates,
    byId,
    setRooms,
    flushPinyin,
    load,
    add,
    update,
    remove,
    restore,
    importRows,
    importTencent,
    toggleSelected,
    selectMany,
    clearSelection,
  };
});

/** Readonly arrays become plain ones for the IPC schema; nothing else changes. */
function toPayload<T extends Partial<RoomInput>>(input: T): Omit<T, 'tags'> & { tags?: string[] } {
  const { tags, ...rest } = input;
  return { ...rest, ...(tags ? { tags: [...tags] } : {}) };
}
