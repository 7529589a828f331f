// @vitest-environment happy-dom
// Profiles in the window: the header's switch and main's question when calls ring, retries wait or schedules are
// armed (asked in the operator's words, switched only on yes, and then the profile's data read again); Settings ›
// Profiles (add with field errors that change nothing, remove only after a confirmation that says what happens to
// the keychain entry and the address book); copying rooms into another profile with main's summary; history's
// profile column and CSV; the board's tag on a call placed by another profile.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfilesState, ProfileSwitchResult, ProfileView } from '../../common/profiles';
import type { HistoryRecord } from '../../common/store-schema';
import App from '../../renderer/src/App.vue';
import RosterTile from '../../renderer/src/components/RosterTile.vue';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import { useProfilesStore } from '../../renderer/src/stores/profiles';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import AddressBook from '../../renderer/src/views/AddressBook.vue';
import HistoryView from '../../renderer/src/views/HistoryView.vue';
import SettingsView from '../../renderer/src/views/SettingsView.vue';
import { makeCall, makeRoom, MEETING } from './fixtures';
import { installFakeApi, ONE_PROFILE, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, clickOn, fakeLayout, mountApp, settle, textOf, typeInto } from './helpers/mount';

const DEFAULT: ProfileView = { id: 'default', name: '', endpoint: null, configured: true, managed: false };
const HQ: ProfileView = {
  id: 'head-office',
  name: 'Head office',
  endpoint: 'https://hq.example.com',
  configured: false,
  managed: false,
};
const IT: ProfileView = { id: 'it-desk', name: 'IT desk', endpoint: null, configured: true, managed: true };
const THREE: ProfilesState = { active: 'default', profiles: [DEFAULT, HQ, IT] };
const ON_HQ: ProfilesState = { ...THREE, active: HQ.id };

const ASK: ProfileSwitchResult = {
  kind: 'ask',
  question: { from: 'default', to: HQ.id, activeCalls: 2, pendingRetries: 1, armedSchedules: 3 },
};

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
  fake.listProfiles.mockReturnValue(ok(THREE));
});
afterEach(() => {
  vi.restoreAllMocks();
  pendingConfirm.value = null;
  document.body.innerHTML = '';
  document.title = '';
});

const rowOf = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="profile-row"][data-profile-id="${id}"]`);
const inRow = (id: string, testId: string) => rowOf(id)?.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

async function settingsView(locale: 'en-US' | 'zh-CN' = 'en-US') {
  mountApp(SettingsView, { locale });
  await settle();
}

describe('switching profiles', () => {
  it('asks first while calls ring, retries wait and schedules are armed, and switches only on yes', async () => {
    fake.switchProfile.mockReturnValueOnce(ok(ASK));
    mountApp(App);
    await settle();
    expect(await textOf('profile-active-name')).toBe('Default');
    expect(document.title).toBe('Room Dialer — Default');

    await clickOn('profile-switcher-button');
    (await vi.waitFor(() => byTestId(`profile-option-${HQ.id}`) ?? Promise.reject(new Error('no menu')))).click();
    await settle();
    expect(fake.switchProfile).toHaveBeenCalledWith({ id: HQ.id });
    expect(pendingConfirm.value?.title).toBe('Switch to the profile “Head office”?');
    expect(pendingConfirm.value?.message).toBe(
      'Switching from “Default” to “Head office” now: 2 calls keep going on “Default” with its credentials until ' +
        'they end. 1 automatic retry waiting to dial will be cancelled. 3 armed schedules of “Default” will not ' +
        'dial until you switch back.',
    );
    expect(pendingConfirm.value?.confirmText).toBe('Switch to “Head office”');
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.switchProfile).toHaveBeenCalledTimes(1);
    expect(fake.listRooms).toHaveBeenCalledTimes(1);
    expect(document.title).toBe('Room Dialer — Default');

    fake.switchProfile.mockReturnValueOnce(ok(ASK));
    fake.switchProfile.mockReturnValueOnce(ok({ kind: 'switched', state: ON_HQ, notices: [] }));
    const hqRoom = makeRoom({ name: 'HQ lobby' });
    fake.listRooms.mockReturnValue(ok([hqRoom]));
    fake.getCredentials.mockReturnValue(ok({ profile: HQ.id, configured: false }));
    await clickOn('profile-switcher-button');
    byTestId(`profile-option-${HQ.id}`)?.click();
    await settle();
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.switchProfile).toHaveBeenLastCalledWith({ id: HQ.id, confirmed: true });
    expect(await textOf('profile-active-name')).toBe('Head office');
    expect(document.title).toBe('Room Dialer — Head office');
    // What belongs to the profile is read again; the calls stay as main tracks them.
    expect(useRoomsStore().rooms).toEqual([hqRoom]);
    expect(fake.listSchedules).toHaveBeenCalled();
    expect(fake.getCredentials).toHaveBeenCalledTimes(2);
    expect(fake.listCalls).toHaveBeenCalledTimes(1);
  });

  it("keeps the meeting on the board: the old profile's calls in it stay in view, and cancellable", async () => {
    fake.switchProfile.mockReturnValueOnce(ok({ kind: 'switched', state: ON_HQ, notices: [] }));
    fake.listProfiles.mockReturnValueOnce(ok(THREE)).mockReturnValue(ok(ON_HQ));
    await settingsView();
    const meeting = useMeetingStore();
    meeting.setInput(MEETING.meetingCode);
    meeting.meeting = MEETING;
    inRow(HQ.id, 'profile-use')?.click();
    await settle();
    // Dialing the new profile's rooms into it is the dialer's to refuse (it reads the meeting with that account).
    expect(meeting.meeting).toEqual(MEETING);
    expect(fake.lookupMeeting).not.toHaveBeenCalled();
  });

  it('says only what is there, in Chinese too', async () => {
    fake.switchProfile.mockReturnValueOnce(
      ok({
        kind: 'ask',
        question: { from: 'default', to: HQ.id, activeCalls: 1, pendingRetries: 0, armedSchedules: 0 },
      }),
    );
    await settingsView('zh-CN');
    inRow(HQ.id, 'profile-use')?.click();
    await settle();
    expect(pendingConfirm.value?.title).toBe('切换到配置“Head office”？');
    expect(pendingConfirm.value?.message).toBe(
      '现在从“默认”切换到“Head office”：1 个呼叫继续使用“默认”的凭据进行，直到结束。',
    );
    pendingConfirm.value?.answer(false);
  });

  it('switches at once when nothing is under way, and names the profile in the credentials heading', async () => {
    fake.switchProfile.mockReturnValueOnce(ok({ kind: 'switched', state: ON_HQ, notices: [] }));
    fake.getCredentials.mockReturnValue(ok({ profile: HQ.id, configured: false }));
    fake.listProfiles.mockReturnValueOnce(ok(THREE)).mockReturnValue(ok(ON_HQ));
    await settingsView();
    expect(await textOf('credentials-heading')).toBe('API credentials of the profile “Default”');
    inRow(HQ.id, 'profile-use')?.click();
    await settle();
    expect(pendingConfirm.value).toBeNull();
    expect(await textOf('credentials-heading')).toBe('API credentials of the profile “Head office”');
    expect(await textOf('status-note')).toBe('Now using the profile “Head office”: enter its credentials to dial');
    expect(inRow(HQ.id, 'profile-in-use')).not.toBeNull();
  });
  it("says once when the profile's address book could not be read and was kept aside", async () => {
    const backupPath = '/data/config.head-office.rooms.corrupt-20261129T230000Z.json';
    fake.switchProfile.mockReturnValueOnce(
      ok({
        kind: 'switched',
        state: ON_HQ,
        notices: [
          {
            message: { 'zh-CN': '通讯录文件无法读取，已另存', 'en-US': 'The address book file could not be read' },
            backupPath,
          },
        ],
      }),
    );
    fake.listProfiles.mockReturnValueOnce(ok(THREE)).mockReturnValue(ok(ON_HQ));
    await settingsView();
    inRow(HQ.id, 'profile-use')?.click();
    await settle();
    const notices = [...document.querySelectorAll('.store-notice')].map((el) => el.textContent ?? '');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('The address book file could not be read');
    expect(notices[0]).toContain(backupPath);
  });
});

describe('Settings › Profiles', () => {
  it('lists each profile with its address, its credentials, and IT’s locked', async () => {
    await settingsView();
    expect(inRow('default', 'profile-row-name')?.textContent?.trim()).toBe('Default');
    expect(inRow('default', 'profile-row-endpoint')?.textContent?.trim()).toBe("The desk's API address");
    expect(inRow(HQ.id, 'profile-row-endpoint')?.textContent?.trim()).toBe('https://hq.example.com');
    expect(inRow(HQ.id, 'profile-configured')?.textContent?.trim()).toBe('No credentials yet');
    expect(inRow(IT.id, 'profile-managed')?.textContent?.trim()).toBe('Set by your IT department');
    expect(inRow(IT.id, 'profile-edit')).toBeNull();
    expect(inRow(IT.id, 'profile-remove')).toBeNull();
    expect(inRow('default', 'profile-use')).toBeNull();
    expect(inRow('default', 'profile-remove')?.hasAttribute('disabled')).toBe(true);
    expect(inRow('default', 'profile-remove')?.getAttribute('title')).toBe(
      'The profile in use cannot be removed: use another profile first',
    );
  });

  it('refuses a bad name as it is typed, naming the field, and sends nothing', async () => {
    await settingsView();
    await clickOn('profile-add');
    await clickOn('profile-save');
    expect(await textOf('profile-name-error')).toBe('Name: the profile name must not be empty, e.g. Head office');
    await typeInto('profile-name', 'head OFFICE');
    expect(await textOf('profile-name-error')).toBe('Name: a profile named "head OFFICE" already exists');
    await typeInto('profile-endpoint', 'http://branch.example.com');
    expect(await textOf('profile-endpoint-error')).toMatch(/^API address: must use https:\/\//);
    // From the window only Tencent's API (or the simulator in demo mode): as main's handler says.
    await typeInto('profile-endpoint', 'https://gateway.example.com');
    expect(await textOf('profile-endpoint-error')).toMatch(/^API address: only Tencent Meeting's API address/);
    await clickOn('profile-save');
    expect(fake.addProfile).not.toHaveBeenCalled();
    expect(byTestId('profile-form')).not.toBeNull();
    expect(useProfilesStore().profiles).toEqual(THREE.profiles);
  });

  it('names the field in Chinese too', async () => {
    await settingsView('zh-CN');
    await clickOn('profile-add');
    await typeInto('profile-name', 'IT desk');
    expect(await textOf('profile-name-error')).toBe('名称：已有名为“IT desk”的配置');
  });

  it('adds a good one (the desk’s address when none is typed) and offers to use it', async () => {
    const branch: ProfileView = { id: 'Branch', name: 'Branch', endpoint: null, configured: false, managed: false };
    fake.addProfile.mockReturnValue(ok(branch));
    await settingsView();
    await clickOn('profile-add');
    await typeInto('profile-name', '  Branch ');
    await clickOn('profile-save');
    expect(fake.addProfile).toHaveBeenCalledWith({ name: '  Branch ' });
    expect(rowOf('Branch')).not.toBeNull();
    expect(await textOf('status-note')).toContain('Profile “Branch” added. Use it, then enter its credentials.');
    expect(byTestId('profile-use-now')).not.toBeNull();
    // Switched to it from the header: the offer is stale, and goes.
    const store = useProfilesStore();
    store.state = { active: 'Branch', profiles: store.profiles };
    await settle();
    expect(byTestId('profile-use-now')).toBeNull();
  });

  it('removes a profile only after a yes that says what happens to its credentials and its address book', async () => {
    await settingsView();
    inRow(HQ.id, 'profile-remove')?.click();
    await settle();
    expect(pendingConfirm.value?.title).toBe('Remove the profile “Head office”');
    expect(pendingConfirm.value?.message).toBe(
      'Remove the profile “Head office”? Its saved credentials are deleted from the system keychain. Its address ' +
        'book, room sets and schedules are not deleted: they are kept aside in a file.',
    );
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.removeProfile).not.toHaveBeenCalled();
    expect(rowOf(HQ.id)).not.toBeNull();

    fake.removeProfile.mockReturnValue(ok({ active: 'default', profiles: [DEFAULT, IT] }));
    inRow(HQ.id, 'profile-remove')?.click();
    await settle();
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.removeProfile).toHaveBeenCalledWith({ id: HQ.id });
    expect(rowOf(HQ.id)).toBeNull();
    expect(await textOf('status-note')).toBe('Profile “Head office” removed');
  });

  it('says it in Chinese', async () => {
    await settingsView('zh-CN');
    inRow(HQ.id, 'profile-remove')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toBe(
      '删除配置“Head office”？它保存的凭据会从系统钥匙串中删除。它的通讯录、会议室组和定时呼叫不会删除，而是另存到一个文件中。',
    );
  });
});

describe('copying rooms to another profile', () => {
  const rooms = [makeRoom({ name: 'Board A' }), makeRoom({ name: 'Board B' }), makeRoom({ name: 'Lobby' })];

  async function addressBook() {
    mountApp(AddressBook);
    useRoomsStore().setRooms(rooms);
    await useProfilesStore().load();
    await settle();
  }

  it('copies the rooms shown and says what main did', async () => {
    fake.copyRoomsToProfile.mockReturnValue(ok({ copied: 1, alreadyThere: 1, notFound: 0 }));
    await addressBook();
    await typeInto('book-search', 'Board');
    await clickOn('copy-to-profile-open');
    expect(await textOf('copy-what')).toBe('The 2 rooms shown in the list');
    await clickOn('copy-confirm');
    expect(fake.copyRoomsToProfile).toHaveBeenCalledTimes(1);
    const [request] = fake.copyRoomsToProfile.mock.calls[0] as [{ roomIds: string[]; profileId: string }];
    expect(request.profileId).toBe(HQ.id);
    expect([...request.roomIds].sort()).toEqual([rooms[0]?.id, rooms[1]?.id].sort());
    expect(await textOf('copy-summary')).toBe('Copied to “Head office”: 1 copied, 1 already there, 0 not found');
  });

  it('is not offered on a desk of one profile', async () => {
    fake.listProfiles.mockReturnValue(ok(ONE_PROFILE));
    await addressBook();
    expect(byTestId('copy-to-profile-open')).toBeNull();
  });
});

describe('history and the board name the profile of a call', () => {
  function record(n: number, profile?: { id: string; name: string }, origin?: string): HistoryRecord {
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      meetingId: '15550001112223334445',
      meetingCode: '614203758',
      roomId: '00000000-0000-4000-8000-000000000999',
      roomName: `Room ${n}`,
      target: `Rooms 24897${n}`,
      startedAt: new Date(Date.UTC(2026, 10, 22, 10, 60 - n)).toISOString(),
      endedAt: new Date(Date.UTC(2026, 10, 22, 10, 60 - n, 30)).toISOString(),
      outcome: 'joined',
      ...(profile ? { profile } : {}),
      ...(origin ? { origin } : {}),
    };
  }
  const RECORDS = [
    record(1, { id: HQ.id, name: 'Head office' }, 'schedule: Monday board'),
    record(2, { id: 'default', name: '' }),
    record(3),
  ];

  function history(records: HistoryRecord[]) {
    fake.listHistory.mockReturnValue(
      ok({ records, total: records.length, offset: 0, capacity: { stored: 3, limit: 100_000, dropped: 0 } }),
    );
  }
  const cells = () =>
    [...document.querySelectorAll('[data-testid="history-profile"]')].map((cell) => cell.textContent?.trim());

  async function exported(): Promise<string[][]> {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:history';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await clickOn('history-export');
    await vi.waitFor(() => expect(blob).toBeDefined());
    return Papa.parse<string[]>((await blob!.text()).replace(/^\uFEFF/, '')).data;
  }

  it('shows the column when a call was placed by another profile, and exports origin and profile', async () => {
    fake.listProfiles.mockReturnValue(ok(ONE_PROFILE));
    history(RECORDS);
    mountApp(HistoryView);
    await useProfilesStore().load();
    await settle();
    await vi.waitFor(() => expect(cells()).toEqual(['Head office', 'Default', '']));
    // The column came once the profiles were read: the outcome column kept its own cells.
    expect(document.querySelectorAll('[data-testid="history-outcome"] .state-badge')).toHaveLength(3);
    expect(document.querySelectorAll('[data-testid="history-outcome"]')).toHaveLength(3);
    const [header, first, second] = await exported();
    expect(header?.slice(-2)).toEqual(['Origin', 'Profile']);
    expect(first?.slice(-2)).toEqual(['Schedule: Monday board', 'Head office']);
    expect(second?.slice(-2)).toEqual(['', 'Default']);
  });

  it('in Chinese', async () => {
    history(RECORDS);
    mountApp(HistoryView, { locale: 'zh-CN' });
    await useProfilesStore().load();
    await settle();
    await vi.waitFor(() => expect(cells()).toEqual(['Head office', '默认', '']));
    const [header, first, second] = await exported();
    expect(header?.slice(-2)).toEqual(['来源', '配置']);
    expect(first?.slice(-2)).toEqual(['计划：Monday board', 'Head office']);
    expect(second?.slice(-1)).toEqual(['默认']);
  });

  it('leaves the column out on a desk of one profile whose calls are all its own', async () => {
    fake.listProfiles.mockReturnValue(ok(ONE_PROFILE));
    history([record(2, { id: 'default', name: '' }), record(3)]);
    mountApp(HistoryView);
    await useProfilesStore().load();
    await settle();
    expect(byTestId('history-table')?.textContent).toContain('Room 2');
    expect(cells()).toEqual([]);
  });

  it('tags a call on the board placed by a profile other than the one in use', async () => {
    const room = makeRoom({ name: 'Board A' });
    const tile = (profile: { id: string; name: string }) =>
      mountApp(RosterTile, {
        props: {
          call: makeCall(room, 'ringing', { profile }),
          room,
          now: Date.parse('2026-11-22T02:00:10.000Z'),
          pending: false,
          blockedReason: '',
        },
      });
    const other = tile({ id: HQ.id, name: 'Head office' });
    await useProfilesStore().load();
    await settle();
    expect(await textOf('tile-profile')).toBe('Head office');
    expect(byTestId('tile-profile')?.getAttribute('title')).toContain('not the one in use');
    expect(byTestId('roster-tile')?.getAttribute('aria-label')).toBe('Board A (Head office): Ringing');
    other.unmount();
    document.body.innerHTML = '';

    tile({ id: 'default', name: '' });
    await useProfilesStore().load();
    await settle();
    expect(byTestId('roster-tile')).not.toBeNull();
    expect(byTestId('tile-profile')).toBeNull();
  });
});
