// Scheduled dialing (issue 13) in the built renderer, in real Chromium, against the real main-process handlers, the
// schedule runner and the simulator: today's meetings show the meeting whose host has not joined; the operator arms
// a schedule for a room set from it ("when the host joins", the default); the schedules list says it is watching
// for the host with a countdown; the simulator's host joins; the runner dials the set by itself and both rooms join;
// picking the meeting shows them on the dial board; history names the schedule as the origin of each call. axe-core
// checks the view (no serious or critical finding); screenshots of the view at 1366×768 and 1920×1080 in zh-CN and
// en-US go to tests/e2e/artifacts/. Waits are on UI state; nothing asserts timing.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale } from '../../common/locale';
import { roomSchema, type Room } from '../../common/store-schema';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS, HOST_JOINS_LATER_MEETING_ID } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { axeInitScript, runAxe, seriousOnly } from './harness/axe';
import { writeStoreWithRooms } from './harness/many-rooms';
import { ARTIFACTS_DIR, startSession, type Session } from './harness/session';
import { fill, MESSAGES, type Messages } from './harness/ui';

const UI_WAIT = { timeout: 30_000 } as const;
/** The runner reads the host's presence every 30 s: the dial comes within one read of the host joining. */
const DIAL_WAIT = { timeout: 90_000 } as const;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SUBJECT = '主持人稍后入会 Host joins later';
const SET_NAME = 'Board rooms';
const SCHEDULE_NAME = `${SET_NAME} · ${SUBJECT}`;

/** Two Tencent Rooms rooms the simulator answers (the demo "answer" room and a reachable generic one). */
const ROOMS: readonly Room[] = [
  { id: '00000000-0000-4000-8000-00000000b001', name: 'Board room 5F', meetingRoomId: '2489756789' },
  { id: '00000000-0000-4000-8000-00000000b002', name: 'Overflow room 27F', meetingRoomId: '2489701048' },
].map((room) =>
  roomSchema.parse({
    ...room,
    kind: 'rooms',
    location: 'HQ',
    group: '',
    tags: [],
    notes: '',
    favorite: false,
    callable: true,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
  }),
);

beforeAll(() => mkdirSync(ARTIFACTS_DIR, { recursive: true }));

describe('scheduled dialing: arm a schedule, the host joins, the set is dialed, history says so', () => {
  let session: Session;
  let page: Page;
  /** The app opens in the system language, which the test backend makes zh-CN. */
  let locale: Locale = 'zh-CN';
  const m = (): Messages => MESSAGES[locale];
  const findings: Record<string, unknown> = {};

  const row = (): Locator => page.locator(`[data-testid="schedule-row"][data-schedule-name="${SCHEDULE_NAME}"]`);
  const meetingItem = (): Locator =>
    page.locator(`[data-testid="today-meeting"][data-meeting-id="${HOST_JOINS_LATER_MEETING_ID}"]`);

  async function shot(name: string): Promise<void> {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: false });
  }

  async function switchLanguage(to: Locale): Promise<void> {
    if (locale === to) return;
    await page.getByTestId('language-toggle').click();
    locale = to;
    await page.getByRole('tab', { name: m().automation.tab }).waitFor(UI_WAIT);
  }

  beforeAll(async () => {
    const secretStore = new MemorySecretStore();
    const saved = await new CredentialVault(secretStore).save(DEFAULT_PROFILE, { ...DEMO_CREDENTIALS });
    if (!saved.ok) throw new Error(saved.error.message['en-US']);
    session = await startSession({
      secretStore,
      profile: DEFAULT_PROFILE,
      presetEndpoint: true,
      browserLocale: 'en-US',
      beforeStoreOpens: (storeDir) => writeStoreWithRooms(storeDir, ROOMS),
      // The host joins only when the test says so (scriptHostJoin); rooms answer after a short ring.
      simulator: { hostJoinAfterMs: 6 * 60 * 60_000, answerDelayMs: 1500 },
      initScripts: [axeInitScript()],
    });
    page = session.page;
    await page.setViewportSize(SIZES[0]);
    await page.getByTestId('dial-board').waitFor(UI_WAIT);
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    await shot(`failed-automation-${context.task.name.replace(/[^\w-]+/g, '-').slice(0, 50)}.png`);
    if (session.pageErrors.length) console.error(`page errors:\n${session.pageErrors.join('\n')}`);
    const recent = session.sim.requests.slice(-12).map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`);
    console.error(`last simulator requests:\n${recent.join('\n')}`);
  });
  afterAll(async () => {
    writeFileSync(path.join(ARTIFACTS_DIR, 'axe-findings-automation.json'), `${JSON.stringify(findings, null, 2)}\n`);
    await session?.close();
  });

  it("today's meetings show the meeting whose host is not in, with its time and status in words", async () => {
    // The room set, made through the window's own channel (sets:create), as the sets view does.
    const request = { name: SET_NAME, roomIds: ROOMS.map((room) => room.id) };
    const created = await page.evaluate<{ ok: boolean }>(`window.roomDialer.createSet(${JSON.stringify(request)})`);
    expect(created.ok).toBe(true);

    await page.getByRole('tab', { name: m().automation.tab }).click();
    await meetingItem().waitFor(UI_WAIT);
    expect(await meetingItem().textContent()).toContain(SUBJECT);
    expect(await meetingItem().getAttribute('data-host')).toBe('not_started');
    expect(await meetingItem().getByTestId('today-host').textContent()).toContain(m().automation.today.host.notStarted);
    expect(await meetingItem().textContent()).toContain(m().meeting.states.MEETING_STATE_INIT);
    // A meeting in progress whose host is in says so too.
    const inProgress = page.locator('[data-testid="today-meeting"][data-host="in"]').first();
    expect(await inProgress.getByTestId('today-host').textContent()).toContain(m().automation.today.host.in);
  });

  it('arms a schedule for a room set from that meeting: it watches for the host, with a countdown', async () => {
    await page
      .getByRole('button', { name: fill(m().automation.today.armLabel, { subject: SUBJECT }), exact: true })
      .click();
    const dialog = page.getByTestId('schedule-dialog');
    await dialog.waitFor(UI_WAIT);
    // Saving with no set says which field, by its label, and arms nothing.
    await page.getByRole('button', { name: m().automation.dialog.save, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('schedule-set-error').textContent(), UI_WAIT)
      .toContain(m().automation.dialog.set);
    await page.getByRole('combobox', { name: m().automation.dialog.set }).click();
    await page.getByRole('option', { name: new RegExp(SET_NAME) }).click();
    expect(await page.getByTestId('schedule-name').inputValue()).toBe(SCHEDULE_NAME);
    expect(await page.getByRole('radio', { name: m().automation.dialog.triggers.host_joins }).isChecked()).toBe(true);
    findings[`${locale} arm dialog`] = await runAxe(page, ['.el-overlay-dialog .el-dialog']);
    expect(seriousOnly((findings[`${locale} arm dialog`] as never[]) ?? [])).toEqual([]);
    await shot(`automation-arm-dialog-${locale}-1366.png`);
    await page.getByRole('button', { name: m().automation.dialog.save, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', ...UI_WAIT });

    await row().waitFor(UI_WAIT);
    await expect.poll(() => row().getAttribute('data-status'), UI_WAIT).toBe('watching_host');
    expect(await row().getByTestId('schedule-status').textContent()).toContain(
      m().automation.schedules.states.watching_host,
    );
    const watching = m().automation.schedules.nextAction.watching.split('{in}')[0] ?? '';
    await expect.poll(() => row().getByTestId('schedule-next').textContent(), UI_WAIT).toContain(watching);
    expect(await row().textContent()).toContain(SET_NAME);
  });

  it('the view passes axe and is photographed at both sizes in both languages', async () => {
    for (const target of ['en-US', 'zh-CN'] as const) {
      await switchLanguage(target);
      await expect
        .poll(() => row().getByTestId('schedule-status').textContent(), UI_WAIT)
        .toContain(m().automation.schedules.states.watching_host);
      findings[`${target} today & schedules`] = await runAxe(page, ['[data-testid="automation-view"]']);
      expect(seriousOnly((findings[`${target} today & schedules`] as never[]) ?? [])).toEqual([]);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await shot(`automation-${target}-${size.width}.png`);
      }
      await page.setViewportSize(SIZES[0]);
    }
    await switchLanguage('en-US');
    // The OS in dark mode: the window follows it (Element Plus's dark variables and the app's own).
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate<boolean>("document.documentElement.classList.contains('dark')")).toBe(true);
    findings['en-US today & schedules, dark'] = await runAxe(page, ['[data-testid="automation-view"]']);
    expect(seriousOnly((findings['en-US today & schedules, dark'] as never[]) ?? [])).toEqual([]);
    await shot('automation-dark-en-US-1366.png');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the host joins: the runner dials the set by itself and says so', async () => {
    session.sim.scriptHostJoin(HOST_JOINS_LATER_MEETING_ID, Date.now());
    await expect.poll(() => row().getAttribute('data-status'), DIAL_WAIT).toBe('dialed');
    // The runner's own note, in the language on screen.
    expect(await row().getByTestId('schedule-note').textContent()).toBe(
      locale === 'zh-CN' ? '已呼叫 2 个会议室' : 'Dialed 2 rooms',
    );
    expect(await row().getByTestId('schedule-status').textContent()).toContain(m().automation.schedules.states.dialed);
    // The meeting has started and its host is in: Refresh reads it fresh.
    await page.getByTestId('today-refresh').click();
    await expect.poll(() => meetingItem().getAttribute('data-host'), UI_WAIT).toBe('in');
    await shot('automation-dialed-en-US-1366.png');
  });

  it("picking the meeting puts it on the dial board, where the set's rooms have joined", async () => {
    await meetingItem().getByTestId('today-pick').click();
    await page.getByTestId('dial-board').waitFor(UI_WAIT);
    const tile = (name: string) =>
      page.getByTestId('live-roster').locator(`[data-testid="roster-tile"][data-room-name="${name}"]`);
    for (const room of ROOMS) {
      await expect.poll(() => tile(room.name).getAttribute('data-state'), UI_WAIT).toBe('joined');
    }
  });

  it('history names the schedule as the origin of each call', async () => {
    await page.getByRole('tab', { name: m().app.tabs.history }).click();
    const origins = page.getByTestId('history-origin');
    await expect.poll(() => origins.count(), UI_WAIT).toBeGreaterThanOrEqual(0);
    // History is written as each call ends its ringing; reopen the tab until both are there.
    await expect
      .poll(async () => {
        await page.getByRole('tab', { name: m().automation.tab }).click();
        await page.getByRole('tab', { name: m().app.tabs.history }).click();
        await page.getByTestId('history-table').waitFor(UI_WAIT);
        return origins.allTextContents();
      }, UI_WAIT)
      .toEqual(
        Array(2).fill(
          fill(m().automation.origin.labelled, { what: m().automation.origin.schedule, label: SCHEDULE_NAME }),
        ),
      );
    const rows = await page.locator('[data-testid="history-table"] tbody tr').allTextContents();
    expect(rows.some((text) => text.includes('Board room 5F'))).toBe(true);
    expect(rows.some((text) => text.includes('Overflow room 27F'))).toBe(true);
    await shot('automation-history-en-US-1366.png');
  });
});
