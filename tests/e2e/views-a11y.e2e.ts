// The address book, the room and CSV dialogs, history and settings (issue 11, the forms and views) in the built
// renderer, in real Chromium, against the real main-process handlers: in zh-CN and in en-US, every dialog fits a
// 1024×768 window with its buttons in view and Enter saves; field errors are led by the field's label, never a code
// name; results never cover a control; the address book has column headers, whole texts on hover and an empty
// state; history is newest first with one language per error, coloured outcomes and date pickers in the window's
// language; CSV exports are in the operator's language. axe-core checks every view: no serious or critical
// violation in these views, and state text at 4.5:1 or more. Screenshots at 1366×768 and 1920×1080 go to
// tests/e2e/artifacts/. Waits are on UI state; nothing asserts timing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale } from '../../common/locale';
import type { RoomInput } from '../../common/room-input';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { axeInitScript, runAxe, seriousOnly, stillPage, textContrasts, type AxeFinding } from './harness/axe';
import { ARTIFACTS_DIR, startSession, type Session } from './harness/session';
import { fill, OperatorUi } from './harness/ui';

const UI_WAIT = { timeout: 30_000 } as const;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SMALLEST = { width: 1024, height: 768 };
/** Where a dialog's buttons must be: inside the window, and the topmost element at their centre. */
const VIEWS = {
  book: '[data-testid="address-book"]',
  history: '[data-testid="history-view"]',
  settings: '[data-testid="settings-view"]',
  dialog: '.el-overlay-dialog .el-dialog',
  board: '[data-testid="dial-board"]',
  header: '.app__header',
} as const;

const ROOMS: readonly RoomInput[] = [
  {
    name: '大会议室 A',
    kind: 'sip',
    address: 'room101@sip.example.com',
    location: '总部 3 楼东侧',
    group: '总部',
    tags: ['大屏', 'VIP'],
    favorite: true,
  },
  {
    name: 'Board room H.323',
    kind: 'h323',
    address: '192.0.2.10',
    location: 'HQ 5F',
    group: 'Executive',
    tags: ['4K'],
  },
  {
    name: '培训室 3F（可容纳六十人的大型多功能培训教室）',
    kind: 'sip',
    address: 'training-room-3f-with-a-rather-long-address@conference.sip.example.com',
    location: '北京市朝阳区建国路 88 号 SOHO 现代城 C 座 17 层东侧大会议室（靠窗）',
    group: '研发',
    tags: ['录播', '双屏', '临时', 'ptz'],
  },
  { name: 'Rooms 东区', kind: 'rooms', meetingRoomId: '2489000123', location: '东区 2F', group: '行政' },
];

/** A few finished calls, newest last in time; the failed one with its error as main writes it (both languages). */
function seedHistory(session: Session): void {
  const [room] = session.backend.store.listRooms();
  if (!room) throw new Error('no room to write history for');
  const calls = [
    { outcome: 'joined' },
    {
      outcome: 'rejected',
      errorCode: '10003',
      errorMessage: '会议室拒绝了呼叫（10003） / The room declined the call (10003)',
    },
    { outcome: 'failed', errorCode: '10004', errorMessage: '会议室呼叫失败（10004） / The room call failed (10004)' },
    { outcome: 'no_answer' },
    {
      outcome: 'unknown',
      errorCode: 'network',
      errorMessage:
        '呼叫请求已发出，但没有收到回复：会议室可能正在响铃 / The call to the room was sent, but its answer was lost: the room may be ringing now',
    },
    { outcome: 'cancelled' },
  ];
  calls.forEach((call, i) => {
    const at = Date.UTC(2026, 10, 20, 2, i * 7);
    const saved = session.backend.store.appendHistory({
      meetingId: '7567173273889276131',
      meetingCode: '806146667',
      subject: 'Weekly sync with the Shenzhen office',
      roomId: room.id,
      roomName: room.name,
      target: 'SIP room101@sip.example.com',
      startedAt: new Date(at).toISOString(),
      endedAt: new Date(at + 65_000).toISOString(),
      ...call,
    });
    if (!saved.ok) throw new Error(saved.error.message['en-US']);
  });
}

const FINDINGS: Record<string, AxeFinding[]> = {};

function report(): void {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(path.join(ARTIFACTS_DIR, 'axe-findings.json'), `${JSON.stringify(FINDINGS, null, 2)}\n`);
}

async function shot(page: Page, name: string): Promise<void> {
  await stillPage(page);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: false });
}

/** The element's box lies inside the window and nothing covers its centre. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
  const onTop = await locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = element.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && element.contains(hit);
  });
  return inside && onTop;
}

/** Whether two elements' boxes overlap (a message over a control). */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [first, second] = [await a.boundingBox(), await b.boundingBox()];
  if (!first || !second) return false;
  return (
    first.x < second.x + second.width &&
    second.x < first.x + first.width &&
    first.y < second.y + second.height &&
    second.y < first.y + first.height
  );
}

describe.each(['zh-CN', 'en-US'] as const)('the forms and views in %s', (locale: Locale) => {
  let session: Session;
  let ui: OperatorUi;
  const tag = locale;

  beforeAll(async () => {
    const secretStore = new MemorySecretStore();
    const saved = await new CredentialVault(secretStore).save(DEFAULT_PROFILE, { ...DEMO_CREDENTIALS });
    if (!saved.ok) throw new Error(saved.error.message['en-US']);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    session = await startSession({
      secretStore,
      profile: DEFAULT_PROFILE,
      presetEndpoint: true,
      browserLocale: locale,
      initScripts: [axeInitScript()],
    });
    const language = session.backend.store.updateSettings({ locale });
    if (!language.ok) throw new Error(language.error.message['en-US']);
    await session.page.setViewportSize(SIZES[0]);
    await session.page.reload();
    ui = new OperatorUi(session.page, locale);
    await ui.tab('rooms').waitFor(UI_WAIT);
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    const name = context.task.name.replace(/[^\w-]+/g, '-').slice(0, 50);
    await shot(session.page, `failed-views-${tag}-${name}.png`).catch(() => undefined);
    if (session.pageErrors.length) console.error(`page errors:\n${session.pageErrors.join('\n')}`);
  });

  afterAll(async () => {
    report();
    await session?.close();
  });

  it('an empty address book offers Add, Import CSV and Import Tencent Rooms', async () => {
    const { m, page } = ui;
    await ui.tab('rooms').click();
    const empty = page.getByTestId('book-empty');
    await empty.waitFor(UI_WAIT);
    for (const name of [m.rooms.add, m.rooms.importCsv, m.rooms.importTencent]) {
      expect(await inView(page, empty.getByRole('button', { name, exact: true }))).toBe(true);
    }
    await shot(page, `address-book-empty-${tag}-1366x768.png`);
    FINDINGS[`${tag} address book (empty)`] = await runAxe(page, [VIEWS.book]);
    expect(seriousOnly(FINDINGS[`${tag} address book (empty)`] ?? [])).toEqual([]);
  });

  it('the room dialog fits 1024×768 with Save in view, names each field in the operator language, and Enter saves', async () => {
    const { m, page } = ui;
    await page.setViewportSize(SMALLEST);
    await page.getByTestId('book-empty').getByRole('button', { name: m.rooms.add, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: m.rooms.addTitle });
    await dialog.waitFor(UI_WAIT);
    // The name field has the focus: the operator types at once.
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'), UI_WAIT)
      .toBe('room-name');
    await ui.field(m.rooms.fields.address).fill('room 101@sip.example.com');
    await ui.field(m.rooms.fields.tags).fill(`ok; ${'长'.repeat(31)}`);
    await ui.field(m.rooms.fields.name).press('Enter');
    const errors = {
      name: page.getByTestId('room-name-error'),
      address: page.getByTestId('room-address-error'),
      tags: page.getByTestId('room-tags-error'),
    };
    for (const error of Object.values(errors)) await error.waitFor(UI_WAIT);
    expect(await errors.name.textContent()).toMatch(new RegExp(`^\\s*${m.rooms.fields.name}[：:]`));
    expect(await errors.address.textContent()).toMatch(new RegExp(`^\\s*${m.rooms.fields.address}[：:]`));
    expect(await errors.tags.textContent()).toMatch(new RegExp(`^\\s*${m.rooms.fields.tags}`));
    for (const error of Object.values(errors)) {
      expect(await error.textContent()).not.toMatch(/^\s*(name|address|tags(\[\d+\])?|meetingRoomId|kind)[：:]/);
    }
    // With every error showing, Save and Cancel are still on screen and on top.
    const save = dialog.getByRole('button', { name: m.common.save, exact: true });
    expect(await inView(page, save)).toBe(true);
    expect(await inView(page, dialog.getByRole('button', { name: m.common.cancel, exact: true }))).toBe(true);
    expect(session.backend.store.listRooms()).toHaveLength(0);
    FINDINGS[`${tag} room dialog`] = await runAxe(page, [VIEWS.dialog]);
    expect(seriousOnly(FINDINGS[`${tag} room dialog`] ?? [])).toEqual([]);

    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `room-dialog-errors-${tag}-${size.width}x${size.height}.png`);
    }
    await page.setViewportSize(SMALLEST);
    await shot(page, `room-dialog-errors-${tag}-1024x768.png`);

    // Fixed, Enter in a field saves; the result is said on the line above the list.
    await ui.field(m.rooms.fields.name).fill('Front desk');
    await ui.field(m.rooms.fields.address).fill('frontdesk@sip.example.com');
    await ui.field(m.rooms.fields.tags).fill('lobby');
    await ui.field(m.rooms.fields.address).press('Enter');
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    expect(session.backend.store.listRooms().map((room) => room.name)).toEqual(['Front desk']);
    expect(await page.getByTestId('status-note').textContent()).toContain(fill(m.rooms.saved, { name: 'Front desk' }));
  });

  it('the CSV dialog (preview with SIP and H.323) and the delete question fit 1024×768; Undo never covers a control', async () => {
    const { m, page } = ui;
    await page.setViewportSize(SMALLEST);
    await ui.button(m.rooms.importCsv).click();
    const csv = page.getByRole('dialog', { name: m.csv.title });
    await csv.waitFor(UI_WAIT);
    const rows = ['name,kind,address,location'];
    for (let i = 0; i < 30; i++)
      rows.push(`Room ${i},${i % 2 ? 'h323' : 'sip'},${i % 2 ? `192.0.2.${i}` : `r${i}@sip.example.com`},${i}F`);
    rows.push('Broken,fax,x@sip.example.com,');
    await csv.getByLabel(m.csv.choose, { exact: true }).setInputFiles({
      name: 'rooms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n'), 'utf8'),
    });
    await csv.getByTestId('csv-summary').waitFor(UI_WAIT);
    const kinds = await csv
      .locator('[data-testid="csv-preview"] tbody tr td:nth-child(3)')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
    expect(new Set(kinds)).toEqual(new Set(['fax', 'SIP', 'H.323']));
    const importButton = csv.getByRole('button', { name: fill(m.csv.import, { n: 30 }), exact: true });
    expect(await inView(page, importButton)).toBe(true);
    expect(await inView(page, csv.getByRole('button', { name: m.common.close, exact: true }))).toBe(true);
    FINDINGS[`${tag} CSV dialog`] = await runAxe(page, [VIEWS.dialog]);
    expect(seriousOnly(FINDINGS[`${tag} CSV dialog`] ?? [])).toEqual([]);
    await shot(page, `csv-dialog-${tag}-1024x768.png`);
    await csv.getByRole('button', { name: m.common.close, exact: true }).click();
    await csv.waitFor({ state: 'hidden', ...UI_WAIT });

    // The other rooms of the scenario, straight into the store; the window reads them on reload.
    for (const room of ROOMS) {
      const added = session.backend.store.addRoom(room);
      if (!added.ok) throw new Error(added.error.message['en-US']);
    }
    seedHistory(session);
    await page.reload();
    await ui.tab('rooms').click();
    await ui.bookRow('Front desk').waitFor(UI_WAIT);

    await ui
      .bookRow('Front desk')
      .getByRole('button', { name: fill(m.rooms.deleteRoom, { name: 'Front desk' }) })
      .click();
    const question = page.getByRole('dialog', { name: m.rooms.confirmDeleteTitle });
    await question.waitFor(UI_WAIT);
    expect(await inView(page, question.getByRole('button', { name: m.common.delete, exact: true }))).toBe(true);
    FINDINGS[`${tag} confirm dialog`] = await runAxe(page, [VIEWS.dialog]);
    expect(seriousOnly(FINDINGS[`${tag} confirm dialog`] ?? [])).toEqual([]);
    await shot(page, `confirm-dialog-${tag}-1024x768.png`);
    await question.getByRole('button', { name: m.common.delete, exact: true }).click();
    const undo = page.getByTestId('undo-delete');
    await undo.waitFor(UI_WAIT);
    await shot(page, `address-book-undo-${tag}-1024x768.png`);
    // The Undo line is in the view's own layout: no toolbar button, row or header under it.
    const controls = page.locator(`${VIEWS.book} button, ${VIEWS.book} input, .app__header button, [role="tab"]`);
    const note = page.getByTestId('status-note');
    for (const control of await controls.all()) {
      if (await control.evaluate((element) => element.closest('[data-testid="status-note"]') !== null)) continue;
      expect(await overlaps(note, control)).toBe(false);
    }
    await undo.click();
    await ui.bookRow('Front desk').waitFor(UI_WAIT);
    expect(await note.textContent()).toContain(fill(m.rooms.restored, { name: 'Front desk' }));
  });

  it('the address book: column headers, whole texts on hover, no serious axe finding; its export is in the operator language', async () => {
    const { m, page } = ui;
    const header = page.getByTestId('book-header');
    await header.waitFor(UI_WAIT);
    const names = await header
      .locator('span')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
    expect(names.filter(Boolean)).toEqual([
      m.rooms.columns.name,
      m.rooms.columns.protocol,
      m.rooms.columns.address,
      m.rooms.columns.location,
      m.rooms.columns.group,
      m.rooms.columns.tags,
      m.rooms.columns.actions,
    ]);
    const long = ROOMS[2] as RoomInput;
    const location = ui.bookRow(long.name).getByTestId('book-location');
    expect(await location.getAttribute('title')).toBe(long.location);
    // Cut with an ellipsis, not mid-character: the box is narrower than the text and ends it with "…".
    expect(await location.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).textOverflow)).toBe(
      'ellipsis',
    );
    expect(await location.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The header's columns line up with the rows'.
    const headerX = await header.locator('span').nth(4).boundingBox();
    const cellX = await location.boundingBox();
    expect(Math.abs((headerX?.x ?? 0) - (cellX?.x ?? 99))).toBeLessThanOrEqual(1);

    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `address-book-${tag}-${size.width}x${size.height}.png`);
    }
    FINDINGS[`${tag} address book`] = await runAxe(page, [VIEWS.book]);
    expect(seriousOnly(FINDINGS[`${tag} address book`] ?? [])).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), ui.button(m.rooms.exportCsv).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const [firstLine, ...lines] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(firstLine).toBe(
      locale === 'zh-CN'
        ? '名称,类型,地址,会议室ID,位置,分组,标签,备注,收藏'
        : 'Name,Type,Address,Meeting room ID,Location,Group,Tags,Notes,Favorite',
    );
    const favorite = lines.find((line) => line.startsWith('大会议室 A'));
    expect(favorite).toMatch(locale === 'zh-CN' ? /^大会议室 A,SIP,.*,是$/ : /^大会议室 A,SIP,.*,yes$/);
  });

  it('history: newest first, one language per error, coloured outcomes at 4.5:1 or more, date pickers in the window language', async () => {
    const { m, page } = ui;
    await page.setViewportSize(SIZES[0]);
    await ui.tab('history').click();
    const outcomes = page.getByTestId('history-outcome');
    await expect.poll(() => outcomes.count(), UI_WAIT).toBe(6);
    expect(await outcomes.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-outcome')))).toEqual([
      'cancelled',
      'unknown',
      'no_answer',
      'failed',
      'rejected',
      'joined',
    ]);
    const errors = await page
      .getByTestId('history-error')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()).filter(Boolean));
    expect(errors).toContain(
      locale === 'zh-CN' ? '10004 会议室呼叫失败（10004）' : '10004 The room call failed (10004)',
    );
    for (const error of errors) expect(error).not.toContain(' / ');
    const tones = await page
      .locator('[data-testid="history-outcome"] .state-badge')
      .evaluateAll(
        (cells) => new Set(cells.map((cell) => cell.ownerDocument.defaultView?.getComputedStyle(cell).color)).size,
      );
    expect(tones).toBeGreaterThanOrEqual(4);
    for (const { text, ratio } of await textContrasts(page, '[data-testid="history-outcome"] .state-badge')) {
      expect(ratio, text).toBeGreaterThanOrEqual(4.5);
    }
    expect(await page.locator(`${VIEWS.history} input[type="date"]`).count()).toBe(0);

    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `history-${tag}-${size.width}x${size.height}.png`);
    }
    FINDINGS[`${tag} history`] = await runAxe(page, [VIEWS.history]);
    expect(seriousOnly(FINDINGS[`${tag} history`] ?? [])).toEqual([]);

    // The calendar speaks the window's language (Element Plus's locale), whatever the browser's.
    await page.setViewportSize(SIZES[0]);
    await page.getByRole('combobox', { name: m.history.since, exact: true }).click();
    const panel = page.locator('.el-picker-panel').filter({ visible: true }).first();
    await panel.waitFor(UI_WAIT);
    expect(await panel.textContent()).toMatch(
      locale === 'zh-CN' ? /年|日|一|二/ : /Su|Mo|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/,
    );
    await shot(page, `history-date-picker-${tag}-1366x768.png`);
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), ui.button(m.history.export).click()]);
    const header = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0];
    expect(header?.startsWith(locale === 'zh-CN' ? '开始时间,结束时间' : 'Started,Ended')).toBe(true);
  });

  it('settings: no serious axe finding; errors led by the label; the result said beside the buttons', async () => {
    const { m, page } = ui;
    await ui.tab('settings').click();
    const view = page.getByTestId('settings-view');
    await view.waitFor(UI_WAIT);
    await ui.field(m.settings.appId).fill('20000a');
    const appIdError = page.getByTestId('cred-app-id-error');
    await appIdError.waitFor(UI_WAIT);
    expect(await appIdError.textContent()).toMatch(
      new RegExp(`^\\s*${m.settings.appId.replace(/[()（）]/g, '.')}[：:]`),
    );
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `settings-${tag}-${size.width}x${size.height}.png`);
    }
    FINDINGS[`${tag} settings`] = await runAxe(page, [VIEWS.settings]);
    expect(seriousOnly(FINDINGS[`${tag} settings`] ?? [])).toEqual([]);
    await ui.field(m.settings.appId).fill(DEMO_CREDENTIALS.appId);
    await ui.button(m.settings.savePreferences).click();
    const note = view.locator('.preferences [data-testid="status-note"]');
    await expect.poll(() => note.textContent(), UI_WAIT).toContain(m.settings.preferencesSaved);
    expect(await overlaps(note, ui.button(m.settings.savePreferences))).toBe(false);
  });

  it('the dial board and the window header: no serious axe finding but the colour contrast the board team owns', async () => {
    const { page } = ui;
    await page.setViewportSize(SIZES[0]);
    await ui.tab('dial').click();
    await page.locator(VIEWS.board).waitFor(UI_WAIT);
    const findings = await runAxe(page, [VIEWS.board, VIEWS.header]);
    FINDINGS[`${tag} dial board and header`] = findings;
    // The board and the header are the other half of issue 11: Element Plus's default blue, grey and tag colours
    // there are below 4.5:1 (styles/readable-colors.css has the palette that fixes it for the other views). Those
    // are reported, with their selectors, in axe-findings.json; any other serious finding fails here.
    const contrast = seriousOnly(findings).filter((finding) => finding.rule === 'color-contrast');
    if (contrast.length) console.warn(`${tag} board and header, colour contrast: ${contrast[0]?.targets.join(' | ')}`);
    expect(seriousOnly(findings).filter((finding) => finding.rule !== 'color-contrast')).toEqual([]);
  });
});
