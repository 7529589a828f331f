// @vitest-environment happy-dom
// The live board's two parts against the fake window API: the roster (order, wording, fixes), the picker (a click
// selects, rooms that cannot be called), the keyboard (arrows, Space, Enter, Esc, Alt+R), the safety displays and
// the empty address book; the header's status and the shortcut list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallView, DialResult } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import HeaderStatus from '../../renderer/src/components/HeaderStatus.vue';
import ShortcutHelp from '../../renderer/src/components/ShortcutHelp.vue';
import { useCallsStore } from '../../renderer/src/stores/calls';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import { SHORTCUTS } from '../../renderer/src/util/keyboard';
import DialBoard from '../../renderer/src/views/DialBoard.vue';
import { makeCall, makeRoom, MEETING } from './fixtures';
import { fail, installFakeApi, ipcError, NOTHING_DIALED, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf, typeInto } from './helpers/mount';

const alpha = makeRoom({ name: 'Alpha 101', address: 'alpha@sip.example.com' });
const bravo = makeRoom({ name: 'Bravo 102', kind: 'h323', address: '10.0.0.5' });
const charlie = makeRoom({ name: 'Charlie 103', address: 'charlie@sip.example.com' });
const locked = makeRoom({ name: 'Delta Rooms', kind: 'rooms', meetingRoomId: '2489000123', callable: false });
const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };
const later = (seconds: number) => new Date(Date.parse('2026-11-22T02:00:00.000Z') + seconds * 1000).toISOString();
const answer = (result: Partial<DialResult>) => ok<DialResult>({ ...NOTHING_DIALED, ...result });

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
  fake.lookupMeeting.mockReturnValue(ok(MEETING));
  fake.dial.mockImplementation(({ roomIds }: { roomIds: string[] }) =>
    answer({ calls: roomIds.map((id) => makeCall(roomOf(id), 'calling')) }),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  pendingConfirm.value = null;
});

const ALL = [alpha, bravo, charlie, locked];
const roomOf = (id: string): Room => ALL.find((room) => room.id === id) ?? makeRoom({ id });

async function board(rooms: readonly Room[] = ALL, calls: readonly CallView[] = [], locale?: 'zh-CN' | 'en-US') {
  fake.listCalls.mockReturnValue(ok([...calls]));
  const wrapper = mountApp(DialBoard, locale ? { locale } : {});
  useRoomsStore().setRooms([...rooms]);
  await useCallsStore().start();
  await typeInto('meeting-input', MEETING.meetingCode);
  byTestId('meeting-lookup')?.click();
  await settle();
  return wrapper;
}

const row = (room: Room) =>
  document.querySelector<HTMLElement>(`[data-testid="room-row"][data-room-id="${room.id}"]`) as HTMLElement;
const tile = (room: Room) =>
  document.querySelector<HTMLElement>(`[data-testid="roster-tile"][data-room-id="${room.id}"]`) as HTMLElement;
const inTile = (room: Room, testId: string) => tile(room).querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const tileOrder = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="roster-tile"]')].map((el) => el.dataset['roomName']);
const key = (target: Element | null, init: KeyboardEventInit) =>
  target?.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
const search = () => byTestId('room-search') as HTMLInputElement;
const list = () => byTestId('room-list') as HTMLElement;
const selected = () => [...useRoomsStore().selected];

describe('the live roster', () => {
  it('shows the calls of the meeting on screen, problems first, and folds the meeting into one line', async () => {
    await board(ALL, [
      makeCall(alpha, 'joined'),
      makeCall(bravo, 'ringing', { inviteId: 'inv-b' }),
      makeCall(charlie, 'no_answer'),
    ]);
    expect(tileOrder()).toEqual(['Charlie 103', 'Bravo 102', 'Alpha 101']);
    expect(byTestId('meeting-panel')?.dataset['compact']).toBe('true');
    expect(byTestId('roster-empty')).toBeNull();
  });

  it('says in words that Tencent gives no cause for no answer, in both languages, with the next step', async () => {
    await board(ALL, [makeCall(charlie, 'no_answer')]);
    expect(inTile(charlie, 'room-state-reason')?.textContent).toBe(
      'Tencent does not say whether the room was busy, off or unreachable',
    );
    expect(inTile(charlie, 'room-state-hint')?.textContent).toBe(
      'Check that the room system is on, free and registered, then redial',
    );
    expect(inTile(charlie, 'tile-state')?.textContent?.trim()).toBe('No answer');
    document.body.innerHTML = '';
    await board(ALL, [makeCall(charlie, 'no_answer')], 'zh-CN');
    expect(inTile(charlie, 'room-state-reason')?.textContent).toBe('腾讯会议没有说明会议室是占线、关机还是无法连接');
    expect(inTile(charlie, 'tile-state')?.textContent?.trim()).toBe('无应答');
  });

  it('counts the ring time and says when the status is read next', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(later(7)));
    await board(ALL, [
      makeCall(bravo, 'ringing', { startedAt: later(0), nextCheckAt: later(10), updatedAt: later(6) }),
    ]);
    expect(inTile(bravo, 'tile-elapsed')?.textContent?.trim()).toBe('ringing 0:07');
    expect(inTile(bravo, 'tile-next-check')?.textContent?.trim()).toBe('next check in 3 s');
    expect(inTile(bravo, 'room-cancel')).not.toBeNull();
    expect(inTile(bravo, 'roster-redial')).toBeNull();
  });

  it('redials a failed room from its tile, and asks the dialer’s question before dialing an unknown one again', async () => {
    await board(ALL, [makeCall(charlie, 'rejected'), makeCall(alpha, 'unknown')]);
    inTile(charlie, 'roster-redial')?.click();
    await settle();
    expect(fake.dial).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef, roomIds: [charlie.id] });

    fake.dial.mockReturnValueOnce(
      answer({ confirm: { kind: 'unknown_outcome', roomIds: [alpha.id], roomNames: [alpha.name] } }),
    );
    inTile(alpha, 'roster-check')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toBe(
      'The outcome of the last call to Alpha 101 is unknown; it may still be ringing. Dial it again?',
    );
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.dial).toHaveBeenCalledTimes(2);
  });

  it('copies the room’s address, and opens the room form for Edit', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await board(ALL, [makeCall(charlie, 'failed')]);
    inTile(charlie, 'roster-copy')?.click();
    await settle();
    expect(writeText).toHaveBeenCalledExactlyOnceWith('charlie@sip.example.com');
    expect(document.querySelector('.notify-success')?.textContent).toContain('Copied: charlie@sip.example.com');

    inTile(charlie, 'roster-edit')?.click();
    await vi.waitFor(() => {
      const dialog = [...document.querySelectorAll('[role="dialog"]')].find((d) =>
        d.textContent?.includes('Edit room'),
      );
      if (!dialog) throw new Error('no room form');
      expect([...dialog.querySelectorAll('input')].map((input) => input.value)).toContain('Charlie 103');
    });
  });

  it('shows a closed meeting and keeps every Dial disabled', async () => {
    fake.lookupMeeting.mockReturnValue(ok({ ...MEETING, status: 'MEETING_STATE_CANCELLED' }));
    await board();
    expect(await textOf('meeting-closed')).toMatch(/^No room can be dialed: /);
    const dial = row(alpha).querySelector<HTMLButtonElement>('[data-testid="room-dial"]');
    expect(dial?.disabled).toBe(true);
  });
});

describe('the room picker', () => {
  it('selects a room when its row is clicked, and unselects it on a second click', async () => {
    await board();
    row(bravo).querySelector<HTMLElement>('[data-testid="room-name"]')?.click();
    await settle();
    expect(selected()).toEqual([bravo.id]);
    expect(row(bravo).dataset['highlighted']).toBe('true');
    row(bravo).click();
    await settle();
    expect(selected()).toEqual([]);
  });

  it('says a Rooms room cannot be called, does not select it, and Select all leaves it out', async () => {
    await board();
    expect(row(locked).querySelector('[data-testid="room-not-callable"]')?.textContent?.trim()).toBe(
      'Cannot be called',
    );
    expect(row(locked).querySelector('[data-testid="room-dial"]')).toBeNull();
    expect(row(locked).querySelector<HTMLInputElement>('input[type="checkbox"]')?.disabled).toBe(true);
    row(locked).click();
    await settle();
    expect(selected()).toEqual([]);
    byTestId('select-visible')?.click();
    await settle();
    expect(new Set(selected())).toEqual(new Set([alpha.id, bravo.id, charlie.id]));
    expect(await textOf('selected-count')).toBe('Selected: 3');
  });

  it('offers Add room, Import CSV and Import Tencent Rooms on an empty address book', async () => {
    fake.importTencentRooms.mockReturnValue(ok({ added: 2, updated: 0, unchanged: 0, notCallable: 1 }));
    await board([]);
    const empty = byTestId('board-empty');
    expect(empty?.querySelector('[data-testid="board-add-room"]')?.textContent?.trim()).toBe('Add room');
    expect(empty?.querySelector('[data-testid="board-import-csv"]')?.textContent?.trim()).toBe('Import CSV');
    byTestId('board-import-tencent')?.click();
    await settle();
    expect(fake.importTencentRooms).toHaveBeenCalledTimes(1);
    expect(fake.listRooms).toHaveBeenCalled();
  });
});

describe('the board from the keyboard', () => {
  it('focuses the meeting field when it opens', async () => {
    mountApp(DialBoard);
    await settle();
    expect(document.activeElement).toBe(byTestId('meeting-input'));
  });

  it('moves from the search box into the rooms with arrows, selects with Space and dials the selection on Enter', async () => {
    await board();
    key(search(), { key: 'ArrowDown' });
    await settle();
    const first = useRoomsStore().visible[0] as Room;
    expect(row(first).dataset['highlighted']).toBe('true');
    expect(document.activeElement).toBe(list());
    key(list(), { key: ' ' });
    key(list(), { key: 'ArrowDown' });
    await settle();
    const second = useRoomsStore().visible[1] as Room;
    key(list(), { key: ' ' });
    await settle();
    expect(new Set(selected())).toEqual(new Set([first.id, second.id]));
    key(list(), { key: 'Enter' });
    await settle();
    expect(fake.dial).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef, roomIds: [first.id, second.id] });
    // Up from the first row goes back to the search box.
    key(list(), { key: 'ArrowUp' });
    key(list(), { key: 'ArrowUp' });
    await settle();
    expect(document.activeElement).toBe(search());
  });

  it('dials the only room found on Enter in the search box, and the highlighted one when none is selected', async () => {
    await board();
    await typeInto('room-search', 'charlie');
    key(search(), { key: 'Enter' });
    await settle();
    expect(fake.dial).toHaveBeenLastCalledWith({ meeting: meetingRef, roomIds: [charlie.id] });
    await typeInto('room-search', '');
    key(search(), { key: 'ArrowDown' });
    key(list(), { key: 'Enter' });
    await settle();
    expect(fake.dial).toHaveBeenLastCalledWith({ meeting: meetingRef, roomIds: [useRoomsStore().visible[0]?.id] });
  });

  it('cancels the highlighted ringing call on Esc, and asks before cancelling all when none is highlighted', async () => {
    await board(ALL, [makeCall(alpha, 'ringing', { inviteId: 'a' }), makeCall(bravo, 'ringing', { inviteId: 'b' })]);
    fake.cancelCall.mockReturnValue(ok(makeCall(alpha, 'cancelled', { updatedAt: later(9) })));
    row(alpha).click();
    await settle();
    key(list(), { key: 'Escape' });
    await settle();
    expect(fake.cancelCall).toHaveBeenCalledExactlyOnceWith({ callId: `call-${alpha.id}` });
    // Alpha is no longer ringing: Esc now means Cancel all, asked first.
    key(list(), { key: 'Escape' });
    await settle();
    expect(pendingConfirm.value?.title).toBe('Cancel all calls?');
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.cancelAllCalls).not.toHaveBeenCalled();
  });

  it('cancels the call of a focused roster tile on Esc', async () => {
    await board(ALL, [makeCall(alpha, 'ringing', { inviteId: 'a' }), makeCall(bravo, 'ringing', { inviteId: 'b' })]);
    fake.cancelCall.mockReturnValue(ok(makeCall(bravo, 'cancelled', { updatedAt: later(9) })));
    key(tile(bravo), { key: 'Escape' });
    await settle();
    expect(fake.cancelCall).toHaveBeenCalledExactlyOnceWith({ callId: `call-${bravo.id}` });
  });

  it('redials the failed rooms of the meeting on Alt+R, not while none failed', async () => {
    await board(ALL, [makeCall(alpha, 'joined')]);
    key(list(), { key: 'r', code: 'KeyR', altKey: true });
    await settle();
    expect(fake.redialFailed).not.toHaveBeenCalled();
    useCallsStore().apply(makeCall(charlie, 'no_answer'));
    await settle();
    key(list(), { key: '®', code: 'KeyR', altKey: true });
    await settle();
    expect(fake.redialFailed).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef });
  });

  it('takes no key from a field being typed in or an open question', async () => {
    await board(ALL, [makeCall(alpha, 'ringing', { inviteId: 'a' })]);
    key(byTestId('meeting-input'), { key: 'Escape' });
    key(byTestId('meeting-input'), { key: ' ' });
    await settle();
    expect(pendingConfirm.value).toBeNull();
    expect(selected()).toEqual([]);
  });
});

describe('the header status and the shortcut list', () => {
  it('says the API is unused, then OK after an answer, then failing after a network error', async () => {
    mountApp(HeaderStatus, { props: { clockSkew: null } });
    await settle();
    const state = () => byTestId('connection-status')?.dataset['state'];
    expect(state()).toBe('unused');
    const meeting = useMeetingStore();
    meeting.setInput(MEETING.meetingCode);
    await meeting.lookup();
    await settle();
    expect(state()).toBe('ok');
    expect(byTestId('connection-status')?.textContent?.trim()).toBe('Tencent API: OK');
    fake.lookupMeeting.mockReturnValue(fail(ipcError('network', 'Connection refused')));
    meeting.setInput('111222333');
    await meeting.lookup();
    await settle();
    expect(state()).toBe('failing');
    expect(byTestId('connection-status')?.title).toContain('Connection refused');
    expect(byTestId('clock-skew-status')).toBeNull();
  });

  it('lists every shortcut with what it does', async () => {
    mountApp(ShortcutHelp, { props: { modelValue: true } });
    await settle();
    const rows = [...document.querySelectorAll('[data-testid="shortcut"]')];
    expect(rows).toHaveLength(SHORTCUTS.length);
    expect(rows.map((r) => r.textContent)).toContainEqual(expect.stringContaining('Redial the failed rooms'));
    expect(rows.some((r) => r.textContent?.includes('Alt+R'))).toBe(true);
  });
});
