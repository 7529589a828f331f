// The live board (issue 11) in the built renderer, in real Chromium, against the real main-process handlers and the
// simulator: the keyboard flow (the meeting field has the focus, Enter looks up, Ctrl+F, arrows, Space, Enter dials,
// Esc cancels the highlighted ringing call, Alt+R redials the failed rooms), each safety display (In the meeting,
// a closed meeting, a room that cannot be called, Redial failed's count, Cancel all asking), the failure triage of a
// mixed batch (problems first, plain causes, one-click fixes), and the screenshots of the board idle, with a batch
// under way and after it, at 1366×768 and 1920×1080, in zh-CN and en-US. Waits are on UI state; nothing asserts
// timing.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALL_STATE_LABELS, REDIAL_FAILED_STATES, type CallState } from '../../common/call-model';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { Locale } from '../../common/locale';
import { roomSchema, type Room } from '../../common/store-schema';
import { CredentialVault } from '../../main/vault/credential-vault';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { writeStoreWithRooms } from './harness/many-rooms';
import { ARTIFACTS_DIR, startSession, type Session } from './harness/session';
import { fill, OperatorUi } from './harness/ui';

const UI_WAIT = { timeout: 30_000 } as const;
const MEETING = { code: '806146667', subject: 'Weekly sync with the Shenzhen office' };
const ENDED_MEETING = '987654321';
const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';
const SMALL = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };
const NARROW = { width: 1024, height: 768 };
const PROBLEM_STATES: readonly CallState[] = ['failed', 'unknown', 'rejected', 'no_answer', 'left'];

type Spec = { name: string; kind: 'sip' | 'h323'; address: string };
/** Rooms of the mixed batch; the simulator's script is in the address (offline → 10004, fail, reject, noanswer). */
const BATCH: readonly Spec[] = [
  { name: '大会议室 A', kind: 'sip', address: 'room101@sip.example.com' },
  { name: 'Board room H.323', kind: 'h323', address: '192.0.2.10' },
  { name: '培训室 3F', kind: 'sip', address: 'train3@sip.example.com' },
  { name: 'Huddle room 5', kind: 'sip', address: 'huddle5@sip.example.com' },
  { name: '前台 Lobby', kind: 'sip', address: 'lobby@sip.example.com' },
  { name: '洽谈室 B', kind: 'sip', address: 'reject-b@sip.example.com' },
  { name: '视频会议室 7F', kind: 'sip', address: 'noanswer7@sip.example.com' },
  { name: 'Harbor room', kind: 'h323', address: 'noanswer@192.0.2.12' },
  { name: 'Offline annex', kind: 'sip', address: 'offline@sip.example.com' },
  { name: 'Maple room', kind: 'sip', address: 'fail-maple@sip.example.com' },
];
/** Dialed alone with its room-call answer dropped: its outcome is unknown. */
const UNKNOWN_ROOM: Spec = { name: 'Summit room', kind: 'sip', address: 'summit@sip.example.com' };
/** Rung from the keyboard and cancelled with Esc (they ring until the ring window ends). */
const KEYBOARD_ROOMS: readonly Spec[] = [
  { name: 'Ring test A', kind: 'sip', address: 'ringa-noanswer@sip.example.com' },
  { name: 'Ring test B', kind: 'sip', address: 'ringb-noanswer@sip.example.com' },
];
const NOT_CALLABLE = { name: 'Rooms 东区（不可呼叫）', meetingRoomId: '2489000123' };

function makeRooms(): Room[] {
  const at = '2026-11-01T08:00:00.000Z';
  const base = (name: string, i: number) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name,
    location: `${(i % 9) + 1}F`,
    group: i % 2 ? '总部' : 'Shenzhen',
    tags: [],
    notes: '',
    favorite: i < 2,
    callable: true,
    createdAt: at,
    updatedAt: at,
  });
  const specs = [...BATCH, UNKNOWN_ROOM, ...KEYBOARD_ROOMS];
  const rooms = specs.map((spec, i) =>
    roomSchema.parse({ ...base(spec.name, i), kind: spec.kind, address: spec.address }),
  );
  rooms.push(
    roomSchema.parse({
      ...base(NOT_CALLABLE.name, specs.length),
      kind: 'rooms',
      meetingRoomId: NOT_CALLABLE.meetingRoomId,
      callable: false,
    }),
  );
  return rooms;
}

async function openBoard(locale: Locale, rooms: readonly Room[]): Promise<Session> {
  const secretStore = new MemorySecretStore();
  const saved = await new CredentialVault(secretStore).save(DEFAULT_PROFILE, { ...DEMO_CREDENTIALS });
  if (!saved.ok) throw new Error(saved.error.message['en-US']);
  const session = await startSession({
    secretStore,
    profile: DEFAULT_PROFILE,
    presetEndpoint: true,
    browserLocale: locale,
    beforeStoreOpens: (storeDir) => writeStoreWithRooms(storeDir, rooms),
    // Calls ring for a while (so "ringing" is on screen), and "noanswer" rooms give up soon after.
    simulator: { answerDelayMs: 4000, ringWindowMs: 20_000 },
  });
  // The operator's language, as Settings would save it; the page opened before, so it is loaded again.
  const language = session.backend.store.updateSettings({ locale });
  if (!language.ok) throw new Error(language.error.message['en-US']);
  await session.page.setViewportSize(SMALL);
  await session.page.reload();
  await session.page.getByTestId('dial-board').waitFor(UI_WAIT);
  return session;
}

class Board {
  readonly ui: OperatorUi;
  constructor(
    readonly session: Session,
    locale: Locale,
  ) {
    this.ui = new OperatorUi(session.page, locale);
  }
  get page(): Page {
    return this.session.page;
  }
  get m() {
    return this.ui.m;
  }
  tile(name: string): Locator {
    return this.page.getByTestId('live-roster').locator(`[data-testid="roster-tile"][data-room-name="${name}"]`);
  }
  tileState(name: string): Promise<string | null> {
    return this.tile(name).getAttribute('data-state');
  }
  async tileStates(): Promise<string[]> {
    return this.page
      .getByTestId('roster-tile')
      .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-state') ?? ''));
  }
  async settled(): Promise<boolean> {
    const states = await this.tileStates();
    return states.every((state) => !['queued', 'calling', 'ringing'].includes(state));
  }
  async shot(name: string): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: false });
  }
  async focusedTestId(): Promise<string | null> {
    return this.page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");
  }
  async lookUp(code: string): Promise<void> {
    await this.page.keyboard.press('Control+L');
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }
}

/** Rooms a room-call has been sent for. */
function roomCalls(session: Session): number {
  return session.sim.requests.filter((request) => request.method === 'PUT' && request.path === ROOM_CALL_PATH).length;
}

/** The rooms the window's calls:dial requests since crossing `from` queued, by name. */
function dialedNames(session: Session, from: number): string[] {
  return session.bridge.crossings
    .slice(from)
    .filter((crossing) => crossing.kind === 'response' && crossing.channel === 'calls:dial')
    .flatMap((crossing) => {
      const answer = JSON.parse(crossing.json) as { ok: boolean; value?: { calls: { roomName: string }[] } };
      return answer.value?.calls.map((call) => call.roomName) ?? [];
    });
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

beforeAll(() => mkdirSync(ARTIFACTS_DIR, { recursive: true }));

describe.each(['zh-CN', 'en-US'] as const)('the live board in %s', (locale) => {
  let session: Session;
  let board: Board;
  const rooms = makeRooms();

  beforeAll(async () => {
    session = await openBoard(locale, rooms);
    board = new Board(session, locale);
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    await board.shot(`failed-board-${locale}-${context.task.name.replace(/[^\w-]+/g, '-').slice(0, 50)}.png`);
    if (session.pageErrors.length) console.error(`page errors:\n${session.pageErrors.join('\n')}`);
    const recent = session.sim.requests.slice(-12).map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`);
    console.error(`last simulator requests:\n${recent.join('\n')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens with the meeting field focused; typing the code and Enter looks it up', async () => {
    const { page, m } = board;
    await expect.poll(() => board.focusedTestId(), UI_WAIT).toBe('meeting-input');
    expect(await page.getByTestId('connection-status').getAttribute('data-state')).toBe('unused');
    await page.keyboard.type(MEETING.code);
    await page.keyboard.press('Enter');
    await page.getByTestId('meeting-subject').waitFor(UI_WAIT);
    expect(await page.getByTestId('meeting-subject').textContent()).toContain(MEETING.subject);
    // The keyboard flow goes on in the room search.
    await expect.poll(() => board.focusedTestId(), UI_WAIT).toBe('room-search');
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), UI_WAIT).toBe('ok');
    expect(await page.getByTestId('roster-empty').textContent()).toContain(m.board.roster.empty);
    // Chromium's own clear button is hidden in the search boxes (a rule of the app's stylesheet): Element Plus's is
    // the one. getComputedStyle cannot read that pseudo-element, so the loaded rule is what is checked.
    const nativeClearHidden = await page.evaluate<boolean>(`[...document.styleSheets].some((sheet) =>
      [...sheet.cssRules].some((rule) => rule instanceof CSSStyleRule &&
        rule.selectorText.includes('::-webkit-search-cancel-button') && rule.style.display === 'none'))`);
    expect(nativeClearHidden).toBe(true);
    await board.shot(`board-idle-${locale}-1366.png`);
    await page.setViewportSize(LARGE);
    await board.shot(`board-idle-${locale}-1920.png`);
    await page.setViewportSize(SMALL);
  });

  it('a room that cannot be called says so, cannot be selected, and Select all leaves it out', async () => {
    const { page, ui, m } = board;
    // The list is virtual: only the Rooms rooms listed, so its row is on screen whatever the sort order.
    const protocol = (name: string) => page.getByRole('search').getByText(name, { exact: true });
    await protocol(m.protocol.rooms).click();
    const row = ui.dialRow(NOT_CALLABLE.name);
    await row.getByTestId('room-not-callable').waitFor(UI_WAIT);
    expect((await row.getByTestId('room-not-callable').textContent())?.trim()).toBe(m.board.notCallableShort);
    expect(await row.getByTestId('room-dial').count()).toBe(0);
    expect(await ui.selectBox(NOT_CALLABLE.name).isDisabled()).toBe(true);
    await row.click({ position: { x: 200, y: 20 } });
    expect(await page.getByTestId('selected-count').textContent()).toBe(fill(m.board.selected, { n: 0 }));
    await protocol(m.common.all).click();
    await page.getByTestId('select-visible').click();
    expect(await page.getByTestId('selected-count').textContent()).toBe(
      fill(m.board.selected, { n: rooms.length - 1 }),
    );
    await page.getByTestId('clear-selection').click();
    expect(await page.getByTestId('selected-count').textContent()).toBe(fill(m.board.selected, { n: 0 }));
  });

  it('keyboard: Ctrl+F, type, arrows and Space select, Enter dials; Esc cancels the highlighted ringing call', async () => {
    const { page, ui, m } = board;
    const [first, second] = KEYBOARD_ROOMS as [Spec, Spec];
    await page.keyboard.press('Control+F');
    expect(await board.focusedTestId()).toBe('room-search');
    await page.keyboard.type('ring test');
    await expect.poll(() => page.getByTestId('room-row').count(), UI_WAIT).toBe(2);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => ui.dialRow(first.name).getAttribute('data-highlighted'), UI_WAIT).toBe('true');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => ui.dialRow(second.name).getAttribute('data-highlighted'), UI_WAIT).toBe('true');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('selected-count').textContent()).toBe(fill(m.board.selected, { n: 2 }));

    const before = roomCalls(session);
    await page.keyboard.press('Enter');
    await expect.poll(() => roomCalls(session) - before, UI_WAIT).toBe(2);
    await expect.poll(() => board.tileState(first.name), UI_WAIT).toBe('ringing');
    await expect.poll(() => board.tileState(second.name), UI_WAIT).toBe('ringing');
    const meetingPanel = page.getByTestId('meeting-panel');
    expect(await meetingPanel.getAttribute('data-compact')).toBe('true');
    expect((await meetingPanel.boundingBox())?.height).toBeLessThanOrEqual(48);

    // Esc cancels the highlighted room's call (the second), and only that one.
    await page.keyboard.press('Escape');
    await expect.poll(() => board.tileState(second.name), UI_WAIT).toBe('cancelled');
    expect(await board.tileState(first.name)).toBe('ringing');
    // With no ringing call highlighted, Esc is Cancel all, asked first; Esc in the question keeps the calls.
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: m.board.cancelAllTitle, exact: true });
    await question.waitFor(UI_WAIT);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden', ...UI_WAIT });
    expect(await board.tileState(first.name)).toBe('ringing');
    await board.tile(first.name).getByTestId('room-cancel').click();
    await expect.poll(() => board.tileState(first.name), UI_WAIT).toBe('cancelled');
    const cancelled = session.sim.invites().filter((invite) => invite.cancelledAtMs !== undefined);
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
  });

  it('Enter in the search box rings the only room found; a lost answer shows as unknown with a check-first fix', async () => {
    const { page, m } = board;
    await page.keyboard.press('Control+F');
    await page.keyboard.type('summit');
    await expect.poll(() => page.getByTestId('room-row').count(), UI_WAIT).toBe(1);
    session.sim.injectFault({ kind: 'drop', path: ROOM_CALL_PATH });
    expect(await page.getByTestId('selected-count').textContent()).toBe(fill(m.board.selected, { n: 0 }));
    const sentBefore = session.sim.requests.length;
    const crossed = session.bridge.crossings.length;
    await page.keyboard.press('Enter');
    // The one room found was dialed, and only it.
    await expect.poll(() => dialedNames(session, crossed), UI_WAIT).toEqual([UNKNOWN_ROOM.name]);
    await expect.poll(() => board.tileState(UNKNOWN_ROOM.name), UI_WAIT).toBe('unknown');
    // Sent once, its answer lost: room-call is never sent again by itself.
    const roomCallsSince = session.sim.requests.slice(sentBefore).filter((r) => r.path === ROOM_CALL_PATH);
    expect(roomCallsSince.map((r) => r.status ?? 'dropped')).toEqual(['dropped']);
    const tile = board.tile(UNKNOWN_ROOM.name);
    expect((await tile.getByTestId('room-state-reason').textContent())?.trim()).not.toBe('');
    expect((await tile.getByTestId('room-state-hint').textContent())?.trim()).not.toBe('');
    // "Check, then dial again" goes through the dialer's question; No sends nothing.
    const sent = roomCalls(session);
    await tile.getByTestId('roster-check').click();
    const question = page.getByRole('dialog', { name: m.board.unknownConfirmTitle, exact: true });
    await question.waitFor(UI_WAIT);
    expect(await question.textContent()).toContain(fill(m.board.unknownConfirm, { name: UNKNOWN_ROOM.name }));
    await question.getByRole('button', { name: m.common.cancel, exact: true }).click();
    await question.waitFor({ state: 'hidden', ...UI_WAIT });
    expect(roomCalls(session)).toBe(sent);
    await page.getByTestId('room-search').fill('');
  });

  it('a mixed batch: clicking rows selects, problems come first with plain causes, 10+ rooms fit at 1366×768', async () => {
    const { page, ui, m } = board;
    for (const spec of BATCH) await ui.dialRow(spec.name).click({ position: { x: 160, y: 14 } });
    expect(await page.getByTestId('selected-count').textContent()).toBe(fill(m.board.selected, { n: BATCH.length }));
    await page.getByTestId('dial-selected').click();
    // Under way: failures (10004, a refused call) arrive at once, while the other rooms still ring.
    await expect
      .poll(async () => {
        const states = await board.tileStates();
        return states.includes('ringing') && states.includes('failed');
      }, UI_WAIT)
      .toBe(true);
    await board.shot(`board-batch-${locale}-1366.png`);
    await page.setViewportSize(LARGE);
    await board.shot(`board-batch-${locale}-1920.png`);
    await page.setViewportSize(SMALL);

    await expect.poll(() => board.settled(), { timeout: 60_000 }).toBe(true);
    const states = await board.tileStates();
    const firstSettled = states.findIndex((state) => !PROBLEM_STATES.includes(state as CallState));
    expect(firstSettled).toBeGreaterThan(0);
    expect(states.slice(firstSettled).some((state) => PROBLEM_STATES.includes(state as CallState))).toBe(false);
    expect(states[0]).toBe('failed');

    // Tencent gives no cause for 10004 and for no answer: the tile says exactly that, and what to do next.
    for (const name of ['Offline annex', '视频会议室 7F']) {
      const tile = board.tile(name);
      expect((await tile.getByTestId('room-state-reason').textContent())?.trim()).toBe(m.board.tencentNoCause);
      expect((await tile.getByTestId('room-state-hint').textContent())?.trim()).not.toBe('');
    }
    expect(await board.tileState('洽谈室 B')).toBe('rejected');
    expect((await board.tile('洽谈室 B').getByTestId('room-state-hint').textContent())?.trim()).toBe(
      m.board.next.rejected,
    );
    // The state is a word with an icon, at 20 px or more, in its own tint.
    const badge = board.tile('Offline annex').getByTestId('tile-state');
    expect(await badge.textContent()).toContain(CALL_STATE_LABELS.failed[locale]);
    expect(await badge.locator('svg').count()).toBe(1);
    const fontSize = await badge.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).fontSize);
    expect(parseFloat(fontSize ?? '0')).toBeGreaterThanOrEqual(20);
    const tint = (name: string) =>
      board.tile(name).evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
    expect(await tint('Offline annex')).not.toBe(await tint('大会议室 A'));

    // At 1366×768 at least 10 tiles are wholly on screen.
    const grid = await page.getByTestId('roster-grid').boundingBox();
    const boxes = await page.getByTestId('roster-tile').evaluateAll((tiles) =>
      tiles.map((tile) => {
        const r = tile.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }),
    );
    const visible = boxes.filter((box) => grid && box.top >= grid.y - 1 && box.bottom <= grid.y + grid.height + 1);
    expect(visible.length).toBeGreaterThanOrEqual(10);
    await board.shot(`board-after-${locale}-1366.png`);
    await page.setViewportSize(LARGE);
    await board.shot(`board-after-${locale}-1920.png`);
    // At 1024×768 too, no cause or next step is cut: they wrap.
    await page.setViewportSize(NARROW);
    const cut = await page
      .getByTestId('tile-text')
      .evaluateAll((texts) => texts.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(cut).toBe(0);
    await board.shot(`board-after-${locale}-1024.png`);
    await page.setViewportSize(SMALL);
  });

  it('safety: joined rooms say In the meeting; Redial failed counts exactly the failed rooms and Alt+R rings them', async () => {
    const { page, ui, m } = board;
    for (const name of ['大会议室 A', 'Board room H.323']) {
      const row = ui.dialRow(name);
      expect((await row.getByTestId('room-in-meeting').textContent())?.trim()).toBe(m.board.inMeeting);
      expect(await row.getByTestId('room-dial').count()).toBe(0);
      expect(await board.tileState(name)).toBe('joined');
    }
    const failed = (await board.tileStates()).filter((state) => REDIAL_FAILED_STATES.has(state as CallState)).length;
    expect(failed).toBe(5); // rejected, 2 × no answer, 10004, a refused call; not the unknown, not the cancelled
    const redial = page.getByTestId('redial-failed');
    expect((await redial.textContent())?.trim()).toBe(`${m.board.redialFailed} (${failed})`);
    const before = roomCalls(session);
    await page.getByTestId('live-roster').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+R');
    await expect.poll(() => roomCalls(session) - before, UI_WAIT).toBe(failed);
    // Cancel all asks first; yes stops them.
    await expect.poll(async () => (await board.tileStates()).includes('ringing'), UI_WAIT).toBe(true);
    await page.getByTestId('cancel-all').click();
    const question = page.getByRole('dialog', { name: m.board.cancelAllTitle, exact: true });
    await question.waitFor(UI_WAIT);
    await question.getByRole('button', { name: m.board.cancelAllYes, exact: true }).click();
    await expect.poll(() => board.settled(), UI_WAIT).toBe(true);
  });

  it('failure triage: Copy address, Edit room open the fixes; notices never cover a control', async () => {
    const { page, m } = board;
    const tile = board.tile('Offline annex');
    await tile.getByTestId('roster-copy').click();
    const notice = page.locator('.el-message').filter({ hasText: 'offline@sip.example.com' });
    await notice.waitFor(UI_WAIT);
    const box = await notice.boundingBox();
    const controls = await page
      .locator('button:visible, input:visible, [role="radio"]:visible')
      .evaluateAll((elements) =>
        elements
          .filter((el) => !el.closest('.el-message'))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          })
          .filter((r) => r.width > 0 && r.height > 0),
      );
    expect(box).not.toBeNull();
    expect(controls.filter((control) => box && overlaps(box, control))).toEqual([]);

    await tile.getByTestId('roster-edit').click();
    const form = page.getByRole('dialog', { name: m.rooms.editTitle });
    await form.waitFor(UI_WAIT);
    expect(await form.getByLabel(m.rooms.fields.name, { exact: true }).inputValue()).toBe('Offline annex');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden', ...UI_WAIT });
  });

  it('a closed meeting shows so and disables dialing; ? lists the shortcuts', async () => {
    const { page, ui, m } = board;
    await board.lookUp(ENDED_MEETING);
    const closed = page.getByTestId('meeting-closed');
    await closed.waitFor(UI_WAIT);
    expect(await closed.textContent()).toMatch(/ended|结束/);
    expect(await ui.dialButton('Huddle room 5').isDisabled()).toBe(true);
    await ui.select('Huddle room 5');
    expect(await page.getByTestId('dial-selected').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: m.board.keys.title, exact: true });
    await help.waitFor(UI_WAIT);
    expect(await help.getByTestId('shortcut').count()).toBeGreaterThanOrEqual(8);
    // The dialog fades in: the picture waits for the animation to end.
    // A cancelled animation's `finished` rejects (AbortError): wait for each to end either way.
    await page.evaluate(
      'Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))',
    );
    if (locale === 'en-US') await board.shot('board-shortcuts-en-US.png');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden', ...UI_WAIT });
  });

  it('follows the OS dark theme', async () => {
    const { page } = board;
    await board.lookUp(MEETING.code);
    await page.getByTestId('roster-tile').first().waitFor(UI_WAIT);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.locator('html').getAttribute('class'), UI_WAIT).toContain('dark');
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(20, 20, 20)');
    await board.shot(`board-after-dark-${locale}-1366.png`);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.locator('html').getAttribute('class'), UI_WAIT).not.toContain('dark');
  });
});

describe('the live board with an empty address book', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBoard('en-US', []);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('offers Add room, Import CSV and Import Tencent Rooms right on the board', async () => {
    const ui = new OperatorUi(session.page, 'en-US');
    const empty = session.page.getByTestId('board-empty');
    await empty.waitFor(UI_WAIT);
    for (const label of [ui.m.rooms.add, ui.m.rooms.importCsv, ui.m.rooms.importTencent]) {
      await empty.getByRole('button', { name: label, exact: true }).waitFor(UI_WAIT);
    }
    await empty.getByRole('button', { name: ui.m.rooms.add, exact: true }).click();
    const form = session.page.getByRole('dialog', { name: ui.m.rooms.addTitle });
    await form.waitFor(UI_WAIT);
    await ui.field(ui.m.rooms.fields.name).fill('Front desk test');
    await ui.field(ui.m.rooms.fields.address).fill('frontdesk@sip.example.com');
    await form.getByRole('button', { name: ui.m.common.save, exact: true }).click();
    await ui.dialRow('Front desk test').waitFor(UI_WAIT);
  });
});
