// One front-desk operator's session in the built renderer, in real Chromium, against the real main-process handlers
// (run here), the simulator, a temp store and the real keychain (keytar → gnome-keyring in npm test's D-Bus
// session). The tests run in order on one page, as an operator would work: first run, rooms, a bad CSV, meeting
// lookup, dialing, a rejecting and a failing room, a cancel, Redial failed, Cancel all, the language switch; then
// the secret-leak check over everything the session produced (issue #5). Waits are generous and on UI state;
// nothing asserts timing.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import keytar from '@github/keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALL_STATE_LABELS } from '../../common/call-model';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../main/vault/keytar-store';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { findInFiles, findInTexts } from './harness/find-secret';
import { ARTIFACTS_DIR, REPO_ROOT, startSession, type Session } from './harness/session';
import { fill, OperatorUi } from './harness/ui';

/** Distinctive, so any occurrence anywhere is this secret and nothing else. */
const SECRET_KEY = 'E2eCanarySecretKey-7c41d9f2b8a6e053';
const PROFILE = `e2e-${process.pid}-${Date.now().toString(36)}`;
const UI_WAIT = { timeout: 30_000 } as const;
// The simulator rings for this long before the scripted answer, so "ringing" is on screen for a moment.
const ANSWER_DELAY_MS = 1500;
const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';

const MEETING = { code: '806146667', formatted: '806-146-667', subject: 'Weekly sync with the Shenzhen office' };
const SIP_ROOM = { name: '大会议室 A', address: 'room101@sip.example.com' };
const H323_ROOM = { name: 'Board room H.323', address: '192.0.2.10' };
const CSV_ROOMS = {
  reject: { name: 'Reject lobby', address: 'reject@sip.example.com' },
  ringing: { name: 'Ringing hall', address: 'noanswer@sip.example.com' },
  offline: { name: 'Offline annex', address: 'offline@sip.example.com' },
};
// Rows 1-3 are good; 4 has no name, 5 a SIP address with a space, 6 an H.323 address that is no IP or number.
const BAD_CSV = [
  'name,kind,address,location',
  `${CSV_ROOMS.reject.name},sip,${CSV_ROOMS.reject.address},3F`,
  `${CSV_ROOMS.ringing.name},sip,${CSV_ROOMS.ringing.address},4F`,
  `${CSV_ROOMS.offline.name},sip,${CSV_ROOMS.offline.address},5F`,
  ',sip,nameless@sip.example.com,6F',
  'Bad SIP,sip,not a sip address,7F',
  'Bad H323,h323,999.1.1.1,8F',
].join('\n');

let session: Session;
let ui: OperatorUi;

/** room-call requests the simulator has received: each is a room rung. */
function roomCalls(): number {
  return session.sim.requests.filter((request) => request.method === 'PUT' && request.path === ROOM_CALL_PATH).length;
}

async function shot(name: string): Promise<void> {
  // Let the "saved" toasts of earlier steps fade first: they would cover the board in the picture.
  await session.page
    .locator('.el-message')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await session.page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: false });
}

beforeAll(async () => {
  try {
    await keytar.getPassword(KEYCHAIN_SERVICE, `${PROFILE}-probe`);
  } catch (error) {
    throw new Error(
      `No usable Secret Service (${String(error)}). Run the end-to-end suite with npm run test:e2e (or npm test), ` +
        'which starts it in a throw-away D-Bus session with an unlocked gnome-keyring.',
      { cause: error },
    );
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  session = await startSession({
    secretStore: new KeytarSecretStore(),
    profile: PROFILE,
    simulator: { credentials: { ...DEMO_CREDENTIALS, secretKey: SECRET_KEY }, answerDelayMs: ANSWER_DELAY_MS },
    browserLocale: 'zh-CN',
  });
  // One line before the operator starts, so the log file exists and the leak search below covers a real file.
  session.backend.log.info('e2e: operator session started', { profile: PROFILE });
  ui = new OperatorUi(session.page, 'zh-CN');
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !session) return;
  const name = context.task.name.replace(/[^\w-]+/g, '-').slice(0, 60);
  await shot(`failed-${name}.png`).catch(() => undefined);
  if (session.pageErrors.length) console.error(`page errors:\n${session.pageErrors.join('\n')}`);
});

afterAll(async () => {
  await session?.close();
  await keytar.deletePassword(KEYCHAIN_SERVICE, PROFILE).catch(() => false);
});

describe('an operator session in the built renderer', () => {
  it('first run opens Settings with the admin-console guide; credentials are saved and the connection tested', async () => {
    const { m } = ui;
    await session.page.getByText(m.settings.firstRunTitle).waitFor(UI_WAIT);
    expect(await ui.tab('settings').getAttribute('aria-selected')).toBe('true');

    await ui.field(m.settings.endpoint).fill(session.sim.url);
    await ui.button(m.settings.savePreferences).click();
    await expect.poll(() => session.backend.store.getSettings().endpoint, UI_WAIT).toBe(session.sim.url);

    await ui.field(m.settings.appId).fill(DEMO_CREDENTIALS.appId);
    await ui.field(m.settings.sdkId).fill(DEMO_CREDENTIALS.sdkId ?? '');
    await ui.field(m.settings.secretId).fill(DEMO_CREDENTIALS.secretId);
    await ui.field(m.settings.secretKey).fill(SECRET_KEY);
    await ui.field(m.settings.operatorId).fill(DEMO_CREDENTIALS.operatorId);
    await ui.button(m.settings.save).click();
    await session.page.getByText(m.settings.saved).first().waitFor(UI_WAIT);
    // Write-only: the field is emptied and says a key is saved; the guide for a first run is gone.
    expect(await ui.field(m.settings.secretKey).inputValue()).toBe('');
    expect(await ui.field(m.settings.secretKey).getAttribute('placeholder')).toBe(m.settings.keepSaved);
    await session.page.getByText(m.settings.firstRunTitle).waitFor({ state: 'detached', ...UI_WAIT });

    await ui.button(m.settings.test).click();
    const result = session.page.getByTestId('cred-test-result');
    await result.waitFor(UI_WAIT);
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain(m.settings.testOk);
  });

  it('adds a SIP room and an H.323 room, checking the address as it is typed', async () => {
    const { m, page } = ui;
    await ui.tab('rooms').click();

    await ui.button(m.rooms.add).click();
    const dialog = page.getByRole('dialog', { name: m.rooms.addTitle });
    await dialog.waitFor(UI_WAIT);
    await ui.field(m.rooms.fields.name).fill(SIP_ROOM.name);
    await ui.field(m.rooms.fields.address).fill('room 101');
    const addressError = page.getByTestId('room-address-error');
    await addressError.waitFor(UI_WAIT);
    expect(await addressError.textContent()).toMatch(/address|地址/);
    await ui.field(m.rooms.fields.address).fill(SIP_ROOM.address);
    await addressError.waitFor({ state: 'detached', ...UI_WAIT });
    await dialog.getByRole('button', { name: m.common.save, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });

    await ui.button(m.rooms.add).click();
    await dialog.waitFor(UI_WAIT);
    await ui.field(m.rooms.fields.name).fill(H323_ROOM.name);
    await dialog.getByRole('radio', { name: m.protocol.h323, exact: true }).check({ force: true });
    await ui.field(m.rooms.fields.address).fill(H323_ROOM.address);
    await dialog.getByRole('button', { name: m.common.save, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });

    await ui.bookRow(SIP_ROOM.name).waitFor(UI_WAIT);
    await ui.bookRow(H323_ROOM.name).waitFor(UI_WAIT);
    const saved = session.backend.store
      .listRooms()
      .map((room) => [room.name, room.kind, 'address' in room && room.address]);
    expect(saved).toEqual(
      expect.arrayContaining([
        [SIP_ROOM.name, 'sip', expect.stringContaining('room101@sip.example.com')],
        [H323_ROOM.name, 'h323', H323_ROOM.address],
      ]),
    );
  });

  it('a bad CSV import reports every refused row with its reason and imports the good rows', async () => {
    const { m, page } = ui;
    await ui.button(m.rooms.importCsv).click();
    const dialog = page.getByRole('dialog', { name: m.csv.title });
    await dialog.waitFor(UI_WAIT);
    await dialog.getByLabel(m.csv.choose, { exact: true }).setInputFiles({
      name: 'rooms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_CSV, 'utf8'),
    });
    const summary = dialog.getByTestId('csv-summary');
    await summary.waitFor(UI_WAIT);
    expect(await summary.textContent()).toContain(fill(m.csv.summary, { valid: 3, invalid: 3, conflicts: 0 }));
    const statuses = await dialog
      .getByTestId('csv-row-status')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-status')));
    expect(statuses.filter((status) => status === 'invalid')).toHaveLength(3);

    await dialog.getByRole('button', { name: fill(m.csv.import, { n: 3 }), exact: true }).click();
    const report = dialog.getByTestId('csv-result');
    await report.waitFor(UI_WAIT);
    expect(await report.textContent()).toContain(fill(m.csv.result, { imported: 3, failed: 3 }));
    const refused = await dialog
      .getByTestId('csv-refused-row')
      .evaluateAll((items) => items.map((item) => [item.getAttribute('data-row'), item.textContent ?? '']));
    // As the spreadsheet numbers them: the header is row 1.
    expect(refused.map(([row]) => row)).toEqual(['5', '6', '7']);
    expect(refused[0]?.[1]).toMatch(/name|名称/);
    expect(refused[1]?.[1]).toMatch(/address|地址/);
    expect(refused[2]?.[1]).toMatch(/address|地址/);

    await dialog.getByRole('button', { name: m.common.close, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    for (const room of Object.values(CSV_ROOMS)) await ui.bookRow(room.name).waitFor(UI_WAIT);
    expect(session.backend.store.listRooms()).toHaveLength(5);
  });

  it('looks up a seeded meeting by its code, after inline errors for a malformed and an unknown one', async () => {
    const { m, page } = ui;
    await ui.tab('dial').click();
    const input = page.getByRole('textbox', { name: m.meeting.label, exact: true });
    const lookup = ui.button(m.meeting.lookup);
    const problem = page.getByTestId('meeting-error');

    const sent = session.sim.requests.length;
    await input.fill('12345');
    await lookup.click();
    await problem.waitFor(UI_WAIT);
    // Refused in the window: nothing went to Tencent.
    expect(session.sim.requests.length).toBe(sent);

    await input.fill('111222333');
    await lookup.click();
    await expect.poll(() => session.sim.requests.length, UI_WAIT).toBeGreaterThan(sent);
    await problem.waitFor(UI_WAIT);

    await input.fill('');
    await input.pressSequentially(MEETING.code);
    expect(await input.inputValue()).toBe(MEETING.formatted);
    await lookup.click();
    const subject = page.getByTestId('meeting-subject');
    await subject.waitFor(UI_WAIT);
    expect(await subject.textContent()).toContain(MEETING.subject);
    expect(await page.getByTestId('meeting-host').textContent()).toContain(DEMO_CREDENTIALS.operatorId);
    // The window title names the meeting the operator is dialing into.
    await expect.poll(() => page.title(), UI_WAIT).toContain(MEETING.subject);
    await problem.waitFor({ state: 'detached', ...UI_WAIT });
    await page.locator(`[data-testid="recent-meeting"][data-meeting-code="${MEETING.code}"]`).waitFor(UI_WAIT);
  });

  it('dials the SIP and the H.323 room together and shows both joined', async () => {
    const { m, page } = ui;
    await ui.select(SIP_ROOM.name);
    await ui.select(H323_ROOM.name);
    await expect.poll(() => ui.selectBox(H323_ROOM.name).isChecked(), UI_WAIT).toBe(true);
    await ui.button(m.board.dialSelected).click();
    await expect.poll(() => ui.stateOf(SIP_ROOM.name).getAttribute('data-state'), UI_WAIT).toBe('joined');
    await expect.poll(() => ui.stateOf(H323_ROOM.name).getAttribute('data-state'), UI_WAIT).toBe('joined');
    expect(await ui.stateOf(SIP_ROOM.name).textContent()).toContain(CALL_STATE_LABELS.joined['zh-CN']);
    const progress = page.getByTestId('dial-progress');
    expect(await progress.getAttribute('data-joined')).toBe('2');
    expect(await progress.getAttribute('data-total')).toBe('2');
    // A room in the meeting says so where its Dial button was: it is not rung again by a stray click.
    for (const name of [SIP_ROOM.name, H323_ROOM.name]) {
      const inMeeting = ui.dialRow(name).getByTestId('room-in-meeting');
      await inMeeting.waitFor(UI_WAIT);
      expect((await inMeeting.textContent())?.trim()).toBe(m.board.inMeeting);
      expect(await ui.dialButton(name).count()).toBe(0);
    }
    await shot('dial-board-zh-CN.png');
  });

  it('a rejecting room ends rejected, and an unreachable room failed with the reason and next step', async () => {
    await ui.dialButton(CSV_ROOMS.reject.name).click();
    await expect.poll(() => ui.stateOf(CSV_ROOMS.reject.name).getAttribute('data-state'), UI_WAIT).toBe('rejected');
    expect(await ui.stateOf(CSV_ROOMS.reject.name).textContent()).toContain(CALL_STATE_LABELS.rejected['zh-CN']);

    await ui.dialButton(CSV_ROOMS.offline.name).click();
    await expect.poll(() => ui.stateOf(CSV_ROOMS.offline.name).getAttribute('data-state'), UI_WAIT).toBe('failed');
    const tile = ui.rosterTile(CSV_ROOMS.offline.name);
    expect(await tile.getAttribute('data-state')).toBe('failed');
    expect((await tile.getByTestId('room-state-reason').textContent())?.trim()).not.toBe('');
    expect((await tile.getByTestId('room-state-hint').textContent())?.trim()).not.toBe('');
    await shot('failed-call-zh-CN.png');
  });

  it('cancels a call while the room is ringing', async () => {
    const name = CSV_ROOMS.ringing.name;
    await ui.dialButton(name).click();
    await expect.poll(() => ui.stateOf(name).getAttribute('data-state'), UI_WAIT).toBe('ringing');
    await ui.cancelButton(name).click();
    await expect.poll(() => ui.stateOf(name).getAttribute('data-state'), UI_WAIT).toBe('cancelled');
    const invite = session.sim
      .invites()
      .find((record) => record.target.kind === 'mra' && record.outcome === 'noanswer');
    expect(invite?.cancelledAtMs).toBeTypeOf('number');
  });

  it('Redial failed counts the rejected and the failed room, not the cancelled one, and rings exactly those again', async () => {
    const { m, page } = ui;
    const progress = page.getByTestId('dial-progress');
    await expect.poll(() => progress.getAttribute('data-cancelled'), UI_WAIT).toBe('1');
    expect(await progress.getAttribute('data-failed')).toBe('2');
    expect(await progress.getAttribute('data-joined')).toBe('2');
    expect(await progress.getAttribute('data-total')).toBe('5');
    const redial = ui.button(`${m.board.redialFailed} (2)`);
    await redial.waitFor(UI_WAIT);

    const rejectInvites = () =>
      session.sim.invites().filter((invite) => invite.target.kind === 'mra' && invite.outcome === 'reject');
    const roomCallsBefore = roomCalls();
    const rejectInvitesBefore = rejectInvites().length;
    await redial.click();
    // Two room-calls: the rejecting room and the unreachable one. Not the cancelled room, not the joined ones.
    await expect.poll(() => roomCalls() - roomCallsBefore, UI_WAIT).toBe(2);
    await expect.poll(() => rejectInvites().length, UI_WAIT).toBe(rejectInvitesBefore + 1);
    await expect.poll(() => ui.stateOf(CSV_ROOMS.reject.name).getAttribute('data-state'), UI_WAIT).toBe('rejected');
    await expect.poll(() => ui.stateOf(CSV_ROOMS.offline.name).getAttribute('data-state'), UI_WAIT).toBe('failed');
    await redial.waitFor(UI_WAIT);
    expect(await ui.stateOf(CSV_ROOMS.ringing.name).getAttribute('data-state')).toBe('cancelled');
    expect(roomCalls() - roomCallsBefore).toBe(2);
    expect(await progress.getAttribute('data-total')).toBe('5'); // a redialed room counts once
    expect(session.bridge.crossings.some((crossing) => crossing.channel === 'calls:redial-failed')).toBe(true);
  });

  it('Cancel all asks first; keeping the calls leaves the room ringing, confirming stops it', async () => {
    const { m, page } = ui;
    const name = CSV_ROOMS.ringing.name;
    await ui.dialButton(name).click();
    await expect.poll(() => ui.stateOf(name).getAttribute('data-state'), UI_WAIT).toBe('ringing');
    const ringingInvite = () =>
      session.sim
        .invites()
        .find((invite) => invite.target.kind === 'mra' && invite.outcome === 'noanswer' && !invite.replaced);
    expect(ringingInvite()).toBeDefined();
    expect(ringingInvite()?.cancelledAtMs).toBeUndefined();

    // In Chinese the toolbar's button and the dialog's yes read the same: the toolbar's is the board's own.
    const cancelAll = page.getByTestId('dial-board').getByRole('button', { name: m.board.cancelAll, exact: true });
    const dialog = page.getByRole('dialog', { name: m.board.cancelAllTitle, exact: true });
    await cancelAll.click();
    await dialog.waitFor(UI_WAIT);
    expect(await dialog.textContent()).toContain(m.board.cancelAllConfirm);
    await dialog.getByRole('button', { name: m.board.keepCalling, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    expect(await ui.stateOf(name).getAttribute('data-state')).toBe('ringing');
    expect(ringingInvite()?.cancelledAtMs).toBeUndefined();

    await cancelAll.click();
    await dialog.waitFor(UI_WAIT);
    await dialog.getByRole('button', { name: m.board.cancelAllYes, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });
    await expect.poll(() => ui.stateOf(name).getAttribute('data-state'), UI_WAIT).toBe('cancelled');
    expect(ringingInvite()?.cancelledAtMs).toBeTypeOf('number');
    await expect.poll(() => cancelAll.isDisabled(), UI_WAIT).toBe(true);
  });

  it('switches the language to English, keeps it after a reload, and shows the dial board in English', async () => {
    const { page } = ui;
    await page.getByRole('button', { name: 'Switch to English', exact: true }).click();
    ui.locale = 'en-US';
    await ui.tab('dial').waitFor(UI_WAIT);
    await expect.poll(() => page.locator('html').getAttribute('lang'), UI_WAIT).toBe('en-US');
    expect(await ui.stateOf(SIP_ROOM.name).textContent()).toContain(CALL_STATE_LABELS.joined['en-US']);
    await expect.poll(() => session.backend.store.getSettings().locale, UI_WAIT).toBe('en-US');
    await shot('dial-board-en-US.png');

    await page.reload();
    await ui.tab('dial').waitFor(UI_WAIT);
    await ui.button(ui.m.board.dialSelected).waitFor(UI_WAIT);
  });

  it('the secret key never left the keychain: not in the store, the logs, the window or out/ (issue #5)', async () => {
    // The session really used it: the keychain holds it and signed requests were accepted.
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, PROFILE)).toContain(SECRET_KEY);
    expect(session.sim.requests.some((request) => request.status === 200)).toBe(true);

    const { backend, bridge, page } = session;
    const stateFiles = findInFiles(session.dir, SECRET_KEY);
    expect(stateFiles.found).toEqual([]);
    expect(stateFiles.searched).toBeGreaterThanOrEqual(2);
    expect(findInFiles(backend.storeDir, SECRET_KEY).searched).toBeGreaterThanOrEqual(1);
    expect(findInFiles(path.dirname(backend.logFile), SECRET_KEY).searched).toBeGreaterThanOrEqual(1);

    expect(backend.log.lines.length).toBeGreaterThan(0);
    expect(findInTexts([{ label: 'Log calls', text: backend.log.lines.join('\n') }], SECRET_KEY)).toEqual([]);

    const channels = new Set(bridge.crossings.map((crossing) => crossing.channel));
    for (const channel of ['credentials:save', 'credentials:get', 'credentials:test', 'calls:update']) {
      expect(channels).toContain(channel);
    }
    const crossings = bridge.crossings.map((crossing, index) => ({
      label: `#${index} ${crossing.kind} ${crossing.channel}`,
      text: crossing.json,
    }));
    expect(findInTexts(crossings, SECRET_KEY)).toEqual([]);

    // What the window holds now: the document, every field's value, and web storage.
    const html = await page.content();
    const values = await page
      .locator('input, textarea')
      .evaluateAll((fields) => fields.map((field) => (field as unknown as { value: string }).value));
    const storage = await page.evaluate<string>(
      'JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })',
    );
    const windowTexts = [
      { label: 'document', text: html },
      { label: 'field values', text: values.join('\n') },
      { label: 'web storage', text: storage },
    ];
    expect(findInTexts(windowTexts, SECRET_KEY)).toEqual([]);

    expect(findInFiles(path.join(REPO_ROOT, 'out'), SECRET_KEY).found).toEqual([]);
  });
});
