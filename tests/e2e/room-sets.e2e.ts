// Room sets (issue 13) in the built renderer, in real Chromium, against the real main-process handlers and the
// simulator, in zh-CN and en-US: a set made in the dialog (rooms found as typed, Enter adds, a default meeting, its
// own retry rules), two more from a CSV whose unknown room is reported on its spreadsheet row, a room deleted in the
// address book showing as the set's gap, Enter on the set with no meeting on screen (the default meeting is looked
// up, the set's other room rings, the deleted one is skipped with the reason, history says "set: <name>"), and the
// export with column names in the operator's language. Screenshots of the view at 1366×768 and 1920×1080, of the
// dialog and of the import preview. Waits are on UI state; nothing asserts timing.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale } from '../../common/locale';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { roomsFromSpecs, writeStoreWithRooms } from './harness/many-rooms';
import { screenshot } from './harness/screenshot';
import { ARTIFACTS_DIR, startSession, type Session } from './harness/session';
import { fill, MESSAGES, type Messages } from './harness/ui';

const UI_WAIT = { timeout: 30_000 } as const;
const SMALL = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };
const MEETING = { code: '806146667', formatted: '806-146-667', subject: 'Weekly sync with the Shenzhen office' };
const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';

const SPECS = [
  { name: '董事会会议室', kind: 'sip', address: 'room101@sip.example.com' },
  { name: 'Overflow A 分会场', kind: 'sip', address: 'overflow-a@sip.example.com' },
  { name: 'Overflow B', kind: 'h323', address: '192.0.2.10' },
  { name: '前台 Lobby', kind: 'sip', address: 'lobby@sip.example.com' },
  { name: '培训室 3F', kind: 'sip', address: 'train3@sip.example.com' },
  { name: 'Huddle room 5', kind: 'sip', address: 'huddle5@sip.example.com' },
] as const;

const SET_NAME: Record<Locale, string> = { 'zh-CN': '周一董事会', 'en-US': 'Monday board meeting' };

/** Rows 2–3 make "Lobby screens", 4–6 "Training"; row 6 names a room the address book does not have. */
const CSV = [
  'Room set,Room',
  'Lobby screens,前台 Lobby',
  'Lobby screens,192.0.2.10',
  'Training,培训室 3F',
  'Training,huddle room 5',
  'Training,Broom cupboard',
].join('\n');

/** A vue-i18n plural message ("a | b | c") in the form vue-i18n picks for `n`. */
function plural(message: string, n: number): string {
  const forms = message.split('|').map((form) => form.trim());
  const form = forms.length === 3 ? forms[Math.min(n, 2)] : forms.length === 2 ? forms[n === 1 ? 0 : 1] : forms[0];
  return fill(form ?? message, { n, count: n });
}

function roomCalls(session: Session): number {
  return session.sim.requests.filter((request) => request.method === 'PUT' && request.path === ROOM_CALL_PATH).length;
}

beforeAll(() => mkdirSync(ARTIFACTS_DIR, { recursive: true }));

describe.each(['zh-CN', 'en-US'] as const)('room sets in %s', (locale) => {
  const m: Messages = MESSAGES[locale];
  const setName = SET_NAME[locale];
  let session: Session;
  let page: Page;

  const row = (name: string): Locator => page.locator(`[data-testid="set-row"][data-set-name="${name}"]`);
  const shot = (name: string, settled = true) => screenshot(page, path.join(ARTIFACTS_DIR, name), settled);

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
      simulator: { answerDelayMs: 1500 },
    });
    const language = session.backend.store.updateSettings({ locale });
    if (!language.ok) throw new Error(language.error.message['en-US']);
    page = session.page;
    await page.setViewportSize(SMALL);
    await page.reload();
    await page.getByTestId('dial-board').waitFor(UI_WAIT);
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    await shot(`failed-sets-${locale}-${context.task.name.replace(/[^\w-]+/g, '-').slice(0, 50)}.png`, false);
    if (session.pageErrors.length) console.error(`page errors:\n${session.pageErrors.join('\n')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens from its tab in the main navigation, empty, offering New set and Import CSV', async () => {
    const tab = page.getByRole('tab', { name: m.sets.tab, exact: true });
    if ((await tab.count()) === 0) {
      throw new Error(
        `No "${m.sets.tab}" tab: renderer/src/App.vue does not place views/RoomSetsView.vue yet (an el-tab-pane ` +
          "named 'sets' with the label t('sets.tab'), as the other views are placed).",
      );
    }
    await tab.click();
    await page.getByTestId('sets-view').waitFor(UI_WAIT);
    await page.getByTestId('sets-empty').waitFor(UI_WAIT);
    expect(await page.getByTestId('sets-empty').textContent()).toContain(m.sets.emptyTitle);
    expect(await page.getByTestId('sets-target').textContent()).toContain(m.sets.targetNone);
  });

  it('makes a set in the dialog: rooms found as typed (Enter adds the first), a default meeting, its own rules', async () => {
    await page.getByTestId('set-new').click();
    const dialog = page.getByRole('dialog', { name: m.sets.form.newTitle });
    await dialog.waitFor(UI_WAIT);
    // The dialog puts the focus in the name once it has opened: typing starts there.
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id'), UI_WAIT).toBe('set-name');
    await page.getByTestId('set-name').fill(setName);
    const search = page.getByTestId('set-room-search');
    await search.fill('董事会');
    await page.getByTestId('set-room-match').first().waitFor(UI_WAIT);
    await search.press('Enter');
    await search.fill('overflow a');
    await page.getByTestId('set-room-match').first().click();
    await expect
      .poll(() =>
        page.getByTestId('set-member').evaluateAll((items) => items.map((i) => i.getAttribute('data-room-name'))),
      )
      .toEqual(['董事会会议室', 'Overflow A 分会场']);
    await page.getByTestId('set-default-meeting').fill(MEETING.formatted);
    await page.getByTestId('set-own-rules').click();
    await page.getByTestId('set-rules').waitFor(UI_WAIT);
    await shot(`room-set-dialog-${locale}-1366.png`);
    await dialog.getByTestId('set-save').click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    await row(setName).waitFor(UI_WAIT);
    expect(await row(setName).getByTestId('set-default-meeting').textContent()).toContain(MEETING.formatted);
    const stored = session.backend.store.sets.findSetByName(setName);
    expect(stored).toMatchObject({ defaultMeeting: MEETING.code, retry: { retries: 2 } });
    expect(stored?.roomIds).toHaveLength(2);
  });

  it('imports sets from a CSV after a preview that reports the unknown room on its spreadsheet row', async () => {
    await page.getByTestId('set-import').click();
    const dialog = page.getByTestId('set-csv-dialog');
    await dialog.waitFor(UI_WAIT);
    await page.getByTestId('set-csv-file').setInputFiles({
      name: 'room-sets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByTestId('set-csv-summary').waitFor(UI_WAIT);
    const problem = page.getByTestId('set-csv-problem');
    expect(await problem.getAttribute('data-row')).toBe('6');
    expect(await problem.textContent()).toContain('Broom cupboard');
    expect(await page.getByTestId('set-csv-entry').count()).toBe(2);
    await shot(`room-set-import-${locale}-1366.png`);
    expect(session.backend.store.sets.listSets()).toHaveLength(1);
    await page.getByTestId('set-csv-import').click();
    await page.getByTestId('set-csv-done').waitFor(UI_WAIT);
    await page.getByTestId('set-csv-close').click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    await row('Training').waitFor(UI_WAIT);
    expect(await row('Training').getByTestId('set-count').textContent()).toBe(plural(m.sets.roomCount, 2));
  });

  it('shows the gap a room deleted from the address book leaves in its set', async () => {
    await page.getByRole('tab', { name: m.app.tabs.rooms, exact: true }).click();
    const bookRow = page
      .getByTestId('book-list')
      .locator('[data-testid="book-row"][data-room-name="Overflow A 分会场"]');
    await bookRow.waitFor(UI_WAIT);
    await bookRow.getByTestId('book-delete').click();
    await page.getByTestId('confirm-yes').click();
    await bookRow.waitFor({ state: 'detached', ...UI_WAIT });
    await page.getByRole('tab', { name: m.sets.tab, exact: true }).click();
    const gap = row(setName).getByTestId('set-gap');
    await gap.waitFor(UI_WAIT);
    expect((await gap.textContent())?.trim()).toBe(plural(m.sets.gap, 1));
    await page
      .locator('.el-message')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await shot(`room-sets-${locale}-1366.png`);
    await page.setViewportSize(LARGE);
    await shot(`room-sets-${locale}-1920.png`);
    await page.setViewportSize(SMALL);
  });

  it('Enter on the set with no meeting on screen looks its default meeting up and rings the rooms still there', async () => {
    const before = roomCalls(session);
    await row(setName).focus();
    await page.keyboard.press('Enter');
    const target = page.getByTestId('sets-target');
    await expect.poll(() => target.textContent(), UI_WAIT).toContain(MEETING.formatted);
    const note = page.getByTestId('sets-view').getByTestId('status-note');
    await expect.poll(() => note.textContent(), UI_WAIT).toContain(fill(plural(m.sets.dialing, 1), { name: setName }));
    // The deleted room is named as skipped, with why (main's text, in the operator's language).
    expect(await note.textContent()).toContain(
      locale === 'zh-CN'
        ? '列表中有一个会议室已从通讯录删除，已跳过'
        : 'A room of this list was deleted from the address book',
    );
    await expect.poll(() => roomCalls(session), UI_WAIT).toBe(before + 1);
    await shot(`room-sets-dialed-${locale}-1366.png`);
    await expect
      .poll(() => session.backend.store.listHistory().map((record) => record.origin), UI_WAIT)
      .toContain(`set: ${setName}`);
  });

  it('exports the sets with column names in the operator language', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('set-export').click()]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    const [header, ...lines] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(locale === 'zh-CN' ? '会议室组,会议室,地址或会议室 ID' : 'Room set,Room,Address or Rooms ID');
    // 3 sets: the dialog's (its deleted room has no row), Lobby screens (2), Training (2).
    expect(lines).toHaveLength(5);
    expect(lines).toContain(`${setName},董事会会议室,room101@sip.example.com`);
    expect(session.pageErrors).toEqual([]);
  });
});
