// The address book as the window sees it: the rooms, the search and filters over them, and the selection.
// Built for 10,000 rooms: the list is a shallowRef (no deep proxies), sorting happens when the rooms change, and a
// keystroke only filters prepared search text (search/room-search.ts). Pinyin is computed in small slices after
// the list is shown, so the first paint never waits for it.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ImportRowResult, RequestOf, TencentImportSummary } from '../../../common/ipc-contract';
import type { RoomInput, RoomKind } from '../../../common/room-input';
import type { Room } from '../../../common/store-schema';
import { api, unwrap } from '../api';
import { DuplicateFinder } from '../rooms/duplicates';
import { RoomSearchIndex } from '../search/room-search';

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

export const useRoomsStore = defineStore('rooms', () => {
  const rooms = shallowRef<readonly Room[]>([]);
  const loaded = ref(false);
  const query = ref('');
  const protocol = ref<ProtocolFilter>('all');
  const group = ref('');
  const favoritesOnly = ref(false);
  const selected = shallowRef<ReadonlySet<string>>(new Set());

  const index = new RoomSearchIndex();
  /** Bumped when pinyin arrives, so a search typed earlier is run again. */
  const indexVersion = ref(0);
  let pinyinQueue: string[] = [];
  let pinyinScheduled = false;

  const sorted = computed(() => [...rooms.value].sort(byFavoriteThenName));
  const groups = computed(() =>
    [...new Set(rooms.value.map((room) => room.group).filter((g) => g !== ''))].sort(collator.compare),
  );
  const visible = computed(() => {
    void indexVersion.value;
    const kind = protocol.value;
    const wantedGroup = group.value;
    const onlyFavorites = favoritesOnly.value;
    const narrowed =
      kind === 'all' && wantedGroup === '' && !onlyFavorites
        ? sorted.value
        : sorted.value.filter(
            (room) =>
              (kind === 'all' || room.kind === kind) &&
              (wantedGroup === '' || room.group === wantedGroup) &&
              (!onlyFavorites || room.favorite),
          );
    return index.filter(narrowed, query.value);
  });
  /** All rooms (favorites first) matching a query: the address book's own search, apart from the dial board's. */
  function matching(text: string): readonly Room[] {
    void indexVersion.value;
    return index.filter(sorted.value, text);
  }
  const duplicates = computed(() => new DuplicateFinder(rooms.value));
  const byId = computed(() => new Map(rooms.value.map((room) => [room.id, room])));

  function runPinyinSlice(): void {
    const slice = pinyinQueue.splice(0, PINYIN_SLICE);
    index.addPinyin(slice);
    if (pinyinQueue.length > 0) {
      nextSlice(runPinyinSlice);
      return;
    }
    pinyinScheduled = false;
    indexVersion.value++;
  }

  function setRooms(list: readonly Room[]): void {
    rooms.value = list;
    pinyinQueue = index.sync(list);
    if (pinyinQueue.length > 0 && !pinyinScheduled) {
      pinyinScheduled = true;
      nextSlice(runPinyinSlice);
    }
    const ids = byId.value;
    if ([...selected.value].some((id) => !ids.has(id))) {
      selected.value = new Set([...selected.value].filter((id) => ids.has(id)));
    }
  }

  /** Finishes the pinyin at once (tests, and anything that needs a complete index right now). */
  function flushPinyin(): void {
    index.addPinyin(pinyinQueue.splice(0));
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
