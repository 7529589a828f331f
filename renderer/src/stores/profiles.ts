// The desk's profiles (common/profiles.ts: one enterprise account each) and the one in use, as main keeps them, and
// the operator's actions on them: add, rename or re-point, remove, switch, copy rooms into another profile. Main
// decides everything (names unique, what may be removed, whether a switch must be asked about first); this store
// sends the request and keeps main's answer. A switch reads again what belongs to a profile: its address book, room
// sets, schedules, credentials, today's meetings and the retries main cancelled. Calls and history stay: a call
// placed by the old profile keeps polling with it in main and keeps showing on the board until it ends.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type {
  CopyRoomsSummary,
  ProfileRecord,
  ProfilesState,
  ProfileSwitchQuestion,
  ProfileView,
} from '../../../common/profiles';
import type { RequestOf, StoreNoticeView } from '../../../common/ipc-contract';
import { api, toIpcError, unwrap, ApiError } from '../api';
import { usePendingRedialsStore } from './pending-redials';
import { useRoomsStore } from './rooms';
import { useSchedulesStore } from './schedules';
import { useSetsStore } from './sets';
import { useSettingsStore } from './settings';
import { useTodayMeetingsStore } from './today-meetings';

export type ProfileAdd = RequestOf<'profiles:add'>;
export type ProfilePatch = Omit<RequestOf<'profiles:update'>, 'id'>;

/** The operator's answer to a switch question: true switches (main is asked again, confirmed). */
export type AskSwitch = (question: ProfileSwitchQuestion) => Promise<boolean>;

export type SwitchOutcome =
  /** In use now; `reloadErrors` are the reads of its data that failed (the rest is shown). */
  | {
      readonly kind: 'switched';
      readonly profile: ProfileView | undefined;
      readonly reloadErrors: readonly ApiError[];
      /** Main's notices about the profile's files (one moved aside as unreadable). */
      readonly notices: readonly StoreNoticeView[];
    }
  /** The operator said no to the question: nothing changed. */
  | { readonly kind: 'kept' };

/** rooms:copy-to-profile takes at most this many ids per request (the contract's batch bound is larger). */
const COPY_CHUNK = 5000;

export const useProfilesStore = defineStore('profiles', () => {
  const state = shallowRef<ProfilesState | null>(null);
  const loaded = ref(false);
  /** A switch is being asked or done: the switchers wait. */
  const switching = ref(false);

  const profiles = computed<readonly ProfileView[]>(() => state.value?.profiles ?? []);
  const activeId = computed(() => state.value?.active);
  const active = computed(() => profiles.value.find((p) => p.id === activeId.value));
  /** More than one profile: the header offers the switch, history and the board name each call's profile. */
  const several = computed(() => profiles.value.length > 1);
  /** The profile in use when the window names it (title, credentials): on a desk of several, or once it has a name. */
  const activeNamed = computed(() => {
    const current = active.value;
    return current && (several.value || current.name !== '') ? current : undefined;
  });
  /** The profiles as the shared validators (common/profiles.ts) compare names against. */
  const records = computed<readonly ProfileRecord[]>(() =>
    profiles.value.map((p) => ({ id: p.id, name: p.name, ...(p.endpoint ? { endpoint: p.endpoint } : {}) })),
  );

  function byId(id: string): ProfileView | undefined {
    return profiles.value.find((p) => p.id === id);
  }

  /** The other profiles, as validateProfileDisplayName wants them for a rename of `id` (all of them for an add). */
  function othersThan(id?: string): readonly ProfileRecord[] {
    return records.value.filter((p) => p.id !== id);
  }

  async function load(): Promise<void> {
    state.value = await unwrap(api().listProfiles());
    loaded.value = true;
  }

  function put(view: ProfileView): void {
    const current = state.value;
    if (!current) return;
    const at = current.profiles.findIndex((p) => p.id === view.id);
    state.value = {
      ...current,
      profiles: at === -1 ? [...current.profiles, view] : current.profiles.map((p, i) => (i === at ? view : p)),
    };
  }

  async function add(input: ProfileAdd): Promise<ProfileView> {
    const view = await unwrap(api().addProfile(input));
    put(view);
    return view;
  }

  async function update(id: string, patch: ProfilePatch): Promise<ProfileView> {
    const view = await unwrap(api().updateProfile({ id, ...patch }));
    put(view);
    return view;
  }

  async function remove(id: string): Promise<void> {
    state.value = await unwrap(api().removeProfile({ id }));
  }

  /**
   * What depends on the profile, read again: the address book, its sets and schedules, its credentials (the
   * settings screen's form edits the profile in use), today's meetings if they were shown, the retries main
   * cancelled. Each on its own: one that fails leaves the others shown.
   */
  async function reloadProfileData(): Promise<ApiError[]> {
    const sets = useSetsStore();
    const today = useTodayMeetingsStore();
    const results = await Promise.allSettled([
      useRoomsStore().load(),
      sets.loaded ? sets.load() : Promise.resolve(),
      useSchedulesStore().load(),
      useSettingsStore().load(),
      today.today !== null ? today.refresh() : Promise.resolve(),
      usePendingRedialsStore().load(),
    ]);
    return results.flatMap((r) => (r.status === 'rejected' ? [new ApiError(toIpcError(r.reason))] : []));
  }

  /**
   * Makes `id` the profile in use. When main answers with a question (calls ringing, retries waiting, schedules
   * armed), `ask` puts it to the operator; yes sends the switch again, confirmed.
   */
  async function switchTo(id: string, ask: AskSwitch): Promise<SwitchOutcome> {
    switching.value = true;
    try {
      let result = await unwrap(api().switchProfile({ id }));
      if (result.kind === 'ask') {
        if (!(await ask(result.question))) return { kind: 'kept' };
        result = await unwrap(api().switchProfile({ id, confirmed: true }));
        // Main asks once; a second question (a call started meanwhile) is not answered for the operator.
        if (result.kind === 'ask') return { kind: 'kept' };
      }
      state.value = result.state;
      const reloadErrors = await reloadProfileData();
      return { kind: 'switched', profile: byId(result.state.active), reloadErrors, notices: result.notices };
    } finally {
      switching.value = false;
    }
  }

  /** Copies rooms of the profile in use into another profile's address book, in requests of COPY_CHUNK ids. */
  async function copyRooms(roomIds: readonly string[], profileId: string): Promise<CopyRoomsSummary> {
    const total = { copied: 0, alreadyThere: 0, notFound: 0 };
    for (let at = 0; at < roomIds.length; at += COPY_CHUNK) {
      const part = await unwrap(api().copyRoomsToProfile({ roomIds: roomIds.slice(at, at + COPY_CHUNK), profileId }));
      total.copied += part.copied;
      total.alreadyThere += part.alreadyThere;
      total.notFound += part.notFound;
    }
    return total;
  }

  return {
    state,
    loaded,
    switching,
    profiles,
    activeId,
    active,
    several,
    activeNamed,
    byId,
    othersThan,
    load,
    add,
    update,
    remove,
    switchTo,
    copyRooms,
  };
});
