// Profiles (issue 14) in the built renderer, in real Chromium, against the real main-process handlers and the
// simulator, in zh-CN and en-US: a second profile added in Settings (an empty name refused on its field first), a
// room dialed with the first profile, the switch asked about while it rings (saying the call keeps going on the first
// profile, and that its armed schedule will not dial until it is back), the call's tile then naming its profile, the window title naming the profile in use, the new profile's
// empty address book, the call cancelled with its own profile's credentials, rooms copied over with main's summary
// (then again: already there), and the copies found in the other profile. Screenshots at 1366×768 and 1920×1080.
// Waits are on UI state; nothing asserts timing.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import { withFieldLabel } from '../../common/field-labels';
import type { Locale } from '../../common/locale';
import { validateProfileDisplayName } from '../../common/profiles';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS, HOST_JOINS_LATER_MEETING_ID } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { roomsFromSpecs, writeStoreWithRooms } from './harness/many-rooms';
import { screenshot } from './harness/screenshot';
import { ARTIFACTS_DIR, startSession, type Session } from './harness/session';
import { fill, MESSAGES, OperatorUi, type Messages } from './harness/ui';

const UI_WAIT = { timeout: 30_000 } as const;
const SMALL = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };
const MEETING = { code: '806146667', formatted: '806-146-667', subject: 'Weekly sync with the Shenzhen office' };
const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';

/** The lobby rings without an answer for the simulator's ring window: long enough to switch while it rings. */
const RINGING_ROOM = '前台 Lobby';
const SPECS = [
  { name: '董事会会议室 Board', kind: 'sip', address: 'room101@sip.example.com' },
  { name: 'Board overflow 分会场', kind: 'h323', address: '192.0.2.10' },
  { name: RINGING_ROOM, kind: 'sip', address: 'noanswer@sip.example.com' },
  { name: '培训室 3F', kind: 'sip', address: 'leave@sip.example.com' },
] as const;
const COPIED = ['董事会会议室 Board', 'Board overflow 分会场'];

const SECOND: Record<Locale, string> = { 'zh-CN': '分公司', 'en-US': 'Branch office' };
/** Armed on the first profile for a meeting whose host has not joined: it waits, and crowds the header. */
const SCHEDULE = 'Monday board: lobby screens 周一董事会';

/** A vue-i18n plural message ("a | b") in the form vue-i18n picks for `n`, its parameters filled. */
function plural(message: string, values: Readonly<Record<string, string | number>> & { n: number }): string {
  const forms = message.split('|').map((form) => form.trim());
  return fill((forms.length === 2 ? forms[values.n === 1 ? 0 : 1] : forms[0]) ?? message, values);
}

function roomCalls(session: Session): number {
  return session.sim.requests.filter((request) => request.method === 'PUT' && request.path === ROOM_CALL_PATH).length;
}

beforeAll(() => mkdirSync(ARTIFACTS_DIR, { recursive: true }));

describe.each(['zh-CN', 'en-US'] as const)('profiles in %s', (locale) => {
  const m: Messages = MESSAGES[locale];
  const second = SECOND[locale];
  const first = m.profiles.defaultName;
  let session: Session;
  let page: Page;
  let ui: OperatorUi;
  let secondId = '';

  const tab = (name: string): Locator => page.getByRole('tab', { name, exact: true });
  const shot = (name: string, settled = true) => screenshot(page, path.join(ARTIFACTS_DIR, name), settled);
  const activeName = () => page.getByTestId('profile-active-name').textContent();
  const title = () => page.title();
  /** Picks a profile in the header's menu. */
  const pickInHeader = async (id: string) => {
    await page.getByTestId('profile-switcher-button').click();
    const option = page.getByTestId(`profile-option-${id}`);
    await option.waitFor(UI_WAIT);
    await option.click();
  };
  /** Closes the notices at the bottom (switch results), so that pictures show the window under them. */
  const quietMessages = () =>
    page
      .locator('.el-message')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);

  beforeAll(async () => {
    const secretStore = new MemorySecretStore();
    const saved = await new CredentialVault(secretStore).save(DEFAULT_PROFILE, { ...DEMO_CREDENTIALS });
    if (!saved.ok) throw new Error(saved.error.message['en-US']);
    session = await startSession({
      secretStore,
      profile: DEFAULT_PROFILE,
      presetEndpoint: true,
      browserLocale: locale,
      beforeStoreOpens: (storeDir) => writeStoreWithRooms(storeDir, roomsFromSpecs(SPECS)),
      simulator: { answerDelayMs: 1500, ringWindowMs: 600_000, hostJoinAfterMs: 6 * 60 * 60_000 },
    });
    const language = session.backend.store.updateSettings({ locale });
    if (!language.ok) throw new Error(language.error.message['en-US']);
    page = session.page;
    ui = new OperatorUi(page, locale);
    await page.setViewportSize(SMALL);
    await page.reload();
    await page.getByTestId('dial-board').waitFor(UI_WAIT);
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    await shot(`failed-profiles-${locale}-${context.task.name.replace(/[^\w-]+/g, '-').slice(0, 50)}.png`, false);
    if (session.pageErrors.length) console.error(`page errors:\n${session.pageErrors.join('\n')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts with the one unnamed profile: no switcher in the header, the plain title', async () => {
    expect(await page.getByTestId('profile-switcher').count()).toBe(0);
    expect(await title()).toBe(m.app.name);
  });

  it('adds a second profile in Settings, an empty name refused on its field first', async () => {
    await tab(m.app.tabs.settings).click();
    const section = page.getByTestId('profiles-section');
    await section.waitFor(UI_WAIT);
    await section.getByTestId('profile-add').click();
    const dialog = page.getByRole('dialog', { name: m.profiles.addTitle });
    await dialog.waitFor(UI_WAIT);
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'), UI_WAIT)
      .toBe('profile-name');
    await dialog.getByTestId('profile-save').click();
    const refused = validateProfileDisplayName('', []);
    if (refused.ok) throw new Error('an empty name passed');
    const error = dialog.getByTestId('profile-name-error');
    await error.waitFor(UI_WAIT);
    expect((await error.textContent())?.trim()).toBe(
      withFieldLabel(refused.error.field, refused.error.message)[locale],
    );
    expect(session.backend.store.profiles.list()).toHaveLength(1);
    await shot(`profiles-add-refused-${locale}-1366.png`);

    await dialog.getByTestId('profile-name').fill(second);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    const added = session.backend.store.profiles.list().find((profile) => profile.name === second);
    expect(added).toBeDefined();
    secondId = added?.id ?? '';
    const row = section.locator(`[data-testid="profile-row"][data-profile-id="${secondId}"]`);
    await row.waitFor(UI_WAIT);
    expect((await row.getByTestId('profile-configured').textContent())?.trim()).toBe(m.profiles.notConfigured);
    expect((await row.getByTestId('profile-row-endpoint').textContent())?.trim()).toBe(m.profiles.deskEndpoint);
    // Two profiles: the header offers the switch, and the title names the one in use.
    await page.getByTestId('profile-switcher').waitFor(UI_WAIT);
    expect(await activeName()).toBe(first);
    expect(await title()).toBe(fill(m.profiles.windowTitle, { app: m.app.name, profile: first }));
    await shot(`profiles-settings-${locale}-1366.png`);
  });

  it('asks before switching while a call rings and a schedule is armed; the call stays on its profile', async () => {
    // The first profile's schedule, armed through the window API as the schedule dialog would (automation.e2e.ts
    // arms one through the dialog): it watches for a host who joins hours from now.
    const armed = await page.evaluate<{ ok: boolean }>(`(async () => {
      const set = await window.roomDialer.createSet({ name: ${JSON.stringify(SCHEDULE)}, roomIds: ['00000000-0000-4000-8000-000000000004'] });
      if (!set.ok) return set;
      return window.roomDialer.addSchedule({ name: ${JSON.stringify(SCHEDULE)}, setId: set.value.id,
        meeting: { meetingId: '${HOST_JOINS_LATER_MEETING_ID}' }, recurring: false, trigger: { kind: 'host_joins' } });
    })()`);
    expect(armed.ok).toBe(true);
    await tab(m.app.tabs.dial).click();
    await page.getByTestId('next-schedule').waitFor(UI_WAIT);
    await page.getByTestId('dial-board').waitFor(UI_WAIT);
    await page.getByTestId('meeting-input').fill(MEETING.code);
    await page.getByTestId('meeting-input').press('Enter');
    await page.getByTestId('meeting-subject').waitFor(UI_WAIT);
    const before = roomCalls(session);
    await ui.dialButton(RINGING_ROOM).click();
    const tile = ui.rosterTile(RINGING_ROOM);
    await expect.poll(() => tile.getAttribute('data-state'), UI_WAIT).toBe('ringing');
    expect(roomCalls(session)).toBe(before + 1);
    expect(await tile.getByTestId('tile-profile').count()).toBe(0);

    await pickInHeader(secondId);
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor(UI_WAIT);
    const message = (await page.getByTestId('confirm-message').textContent())?.trim() ?? '';
    expect(message).toContain(fill(m.profiles.ask.intro, { from: first, to: second }));
    expect(message).toContain(plural(m.profiles.ask.calls, { n: 1, from: first }));
    expect(message).toContain(plural(m.profiles.ask.schedules, { n: 1, from: first }));
    await shot(`profiles-switch-question-${locale}-1366.png`);
    await page.getByTestId('confirm-yes').click();
    await expect.poll(activeName, UI_WAIT).toBe(second);
    expect(await title()).toBe(
      fill(m.profiles.windowTitleMeeting, {
        app: m.app.name,
        profile: second,
        subject: MEETING.subject,
        code: MEETING.formatted,
      }),
    );
    expect(session.backend.store.profiles.active().id).toBe(secondId);
    // The first profile's schedule is put away while another profile is in use.
    await page.getByTestId('next-schedule').waitFor({ state: 'detached', ...UI_WAIT });

    // The call keeps ringing on the first profile, and its tile says so.
    expect(await tile.getAttribute('data-state')).toBe('ringing');
    await expect.poll(() => tile.getByTestId('tile-profile').textContent(), UI_WAIT).toBe(first);
    await quietMessages();
    await shot(`profiles-board-other-profile-${locale}-1366.png`);
    await page.setViewportSize(LARGE);
    await shot(`profiles-board-other-profile-${locale}-1920.png`);
    await page.setViewportSize(SMALL);
  });

  it("shows the new profile's own, empty address book; the first profile's call is cancelled with its own account", async () => {
    await tab(m.app.tabs.rooms).click();
    await page.getByTestId('book-empty').waitFor(UI_WAIT);
    await shot(`profiles-book-empty-${locale}-1366.png`);

    await tab(m.app.tabs.dial).click();
    const tile = ui.rosterTile(RINGING_ROOM);
    await ui.cancelButton(RINGING_ROOM).click();
    await expect.poll(() => tile.getAttribute('data-state'), UI_WAIT).toBe('cancelled');
    // History records the profile that placed it, not the one in use when it ended.
    await expect
      .poll(() => session.backend.store.listHistory().find((r) => r.roomName === RINGING_ROOM)?.profile, UI_WAIT)
      .toEqual({ id: DEFAULT_PROFILE, name: '' });
  });

  it('copies the rooms shown into the other profile, then says they are already there', async () => {
    await pickInHeader(DEFAULT_PROFILE);
    await expect.poll(activeName, UI_WAIT).toBe(first);
    expect(await page.getByTestId('confirm-dialog').isVisible()).toBe(false);
    await tab(m.app.tabs.rooms).click();
    await ui.bookRow(RINGING_ROOM).waitFor(UI_WAIT);
    await page.getByTestId('book-search').fill('Board');
    await expect.poll(() => page.getByTestId('book-row').count(), UI_WAIT).toBe(2);
    await page.getByTestId('copy-to-profile-open').click();
    const dialog = page.getByTestId('copy-to-profile');
    await dialog.waitFor(UI_WAIT);
    expect((await dialog.getByTestId('copy-what').textContent())?.trim()).toBe(plural(m.profiles.copy.what, { n: 2 }));
    await dialog.getByTestId('copy-confirm').click();
    const summary = dialog.getByTestId('copy-summary');
    await summary.waitFor(UI_WAIT);
    expect(await summary.textContent()).toContain(
      fill(m.profiles.copy.done, { name: second, copied: 2, alreadyThere: 0, notFound: 0 }),
    );
    await shot(`profiles-copy-${locale}-1366.png`);
    await dialog.getByTestId('copy-confirm').click();
    await expect
      .poll(() => summary.textContent(), UI_WAIT)
      .toContain(fill(m.profiles.copy.done, { name: second, copied: 0, alreadyThere: 2, notFound: 0 }));
    await dialog.getByTestId('copy-close').click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    await page.getByTestId('book-search').fill('');
  });

  it('finds the copies in the other profile, and history names the profile of each call', async () => {
    // The first profile's schedule is armed again: switching away asks once more, about it alone.
    await page.getByTestId('next-schedule').waitFor(UI_WAIT);
    await quietMessages();
    await shot(`profiles-header-crowded-${locale}-1366.png`);
    await pickInHeader(secondId);
    await page.getByTestId('confirm-dialog').waitFor(UI_WAIT);
    const message = (await page.getByTestId('confirm-message').textContent())?.trim() ?? '';
    expect(message).toContain(plural(m.profiles.ask.schedules, { n: 1, from: first }));
    expect(message).not.toContain(plural(m.profiles.ask.calls, { n: 1, from: first }));
    await page.getByTestId('confirm-yes').click();
    await expect.poll(activeName, UI_WAIT).toBe(second);
    await tab(m.app.tabs.rooms).click();
    await expect
      .poll(() =>
        page.getByTestId('book-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-room-name'))),
      )
      .toEqual(expect.arrayContaining(COPIED));
    expect(await page.getByTestId('book-row').count()).toBe(2);
    await quietMessages();
    await shot(`profiles-book-copied-${locale}-1366.png`);
    await page.setViewportSize(LARGE);
    await shot(`profiles-book-copied-${locale}-1920.png`);

    await tab(m.app.tabs.settings).click();
    await page.getByTestId('profiles-section').waitFor(UI_WAIT);
    expect(await page.getByTestId('credentials-heading').textContent()).toBe(
      fill(m.profiles.credentialsOf, { name: second }),
    );
    await shot(`profiles-settings-${locale}-1920.png`);
    await page.setViewportSize(SMALL);
    await shot(`profiles-settings-in-use-${locale}-1366.png`);

    await tab(m.app.tabs.history).click();
    const cell = page.getByTestId('history-profile').first();
    await cell.waitFor(UI_WAIT);
    expect((await cell.textContent())?.trim()).toBe(first);
    await shot(`profiles-history-${locale}-1366.png`);
    expect(session.pageErrors).toEqual([]);
  });
});
