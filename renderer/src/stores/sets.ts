// The room sets as the window sees them: the list (sorted by name, filtered as the operator types), its changes
// through main (which checks every field and keeps names unique), the CSV import's preview and apply, and each
// set's gap: rooms the address book no longer has, computed from the address book on screen so that it follows a
// delete or an undo there at once. Dialing a set is the calls store's (dialSet) and the view's (use-set-dial.ts).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { RequestOf } from '../../../common/ipc-contract';
import { nameKey, type SetImportReport, type SetImportRow } from '../../../common/room-set';
import type { RoomSet } from '../../../common/store-schema';
import { api, unwrap } from '../api';
import { useRoomsStore } from './rooms';

export type SetInput = RequestOf<'sets:create'>;
export type SetPatch = RequestOf<'sets:update'>['patch'];

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export const useSetsStore = defineStore('sets', () => {
  const sets = shallowRef<readonly RoomSet[]>([]);
  const loaded = ref(false);
  const rooms = useRoomsStore();

  const sorted = computed(() => [...sets.value].sort((a, b) => collator.compare(a.name, b.name)));

  /** Sets whose name holds the text (without regard to case or width). */
  function matching(query: string): readonly RoomSet[] {
    const key = nameKey(query);
    return key === '' ? sorted.value : sorted.value.filter((set) => nameKey(set.name).includes(key));
  }

  /** The set's rooms the address book no longer has; none until the address book is loaded. */
  function missing(set: RoomSet): string[] {
    if (!rooms.loaded) return [];
    const byId = rooms.byId;
    return set.roomIds.filter((id) => !byId.has(id));
  }

  async function load(): Promise<void> {
    sets.value = await unwrap(api().listSets());
    loaded.value = true;
  }

  async function create(input: SetInput): Promise<RoomSet> {
    const set = await unwrap(api().createSet(input));
    sets.value = [...sets.value, set];
    return set;
  }

  async function update(id: string, patch: SetPatch): Promise<RoomSet> {
    const set = await unwrap(api().updateSet({ id, patch }));
    sets.value = sets.value.map((s) => (s.id === id ? set : s));
    return set;
  }

  async function remove(id: string): Promise<RoomSet> {
    const set = await unwrap(api().deleteSet({ id }));
    sets.value = sets.value.filter((s) => s.id !== id);
    return set;
  }

  /** `apply` false: what the import would do (nothing changes). True: saved, and the list read again. */
  async function importRows(rows: readonly SetImportRow[], apply: boolean): Promise<SetImportReport> {
    const report = await unwrap(api().importSets({ rows: [...rows], apply }));
    if (apply) await load();
    return report;
  }

  return { sets, loaded, sorted, matching, missing, load, create, update, remove, importRows };
});
