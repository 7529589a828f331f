// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallView, DialConfirmation, DialResult, SkippedRoom } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import type { MeetingInfo } from '../../common/wemeet-types';
import { useCallsStore } from '../../renderer/src/stores/calls';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import DialBoard from '../../renderer/src/views/DialBoard.vue';
import { makeCall, makeRoom, MEETING } from './fixtures';
import { installFakeApi, NOTHING_DIALED, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf, typeInto } from './helpers/mount';

const roomA = makeRoom({ name: 'Alpha 101', address: 'alpha@sip.example.com' });
const roomB = makeRoom({ name: 'Bravo 102', kind: 'h323', address: '10.0.0.5' });
const roomC = makeRoom({ name: 'Charlie 103', address: 'charlie@sip.example.com' });
const roomD = makeRoom({ name: 'Delta 104', address: 'delta@sip.example.com' });
const roomE = makeRoom({ name: 'Echo 105', address: 'echo@sip.example.com' });
const roomF = makeRoom({ name: 'Foxtrot 106', address: 'foxtrot@sip.example.com' });
const ROOMS = [roomA, roomB, roomC, roomD, roomE, roomF];
const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };
const OTHER: MeetingInfo = { ...MEETING, meetingId: '1234567890123456789', meetingCode: '123456789', subject: '月会' };

const roomById = (id: string): Room => ROOMS.find((room) => room.id === id) ?? makeRoom({ id, name: `Room ${id}` });
const answer = (result: Partial<DialResult>) => ok<DialResult>({ ...NOTHING_DIALED, ...result });
const unknownOutcome = (...rooms: Room[]): DialConfirmation => ({
  kind: 'unknown_outcome',
  roomIds: rooms.map((room) => room.id),
  roomNames: rooms.map((room) => room.name),
});
const skippedAsUnknown = (room: Room): SkippedRoom => ({
  roomId: room.id,
  roomName: room.name,
  reason: 'unknown_outcome',
  message: { 'zh-CN': `${room.name} 已跳过`, 'en-US': `${room.name}: outcome unknown; skipped` },
});

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
  fake.lookupMeeting.mockReturnValue(ok(MEETING));
  // The dialer in main, as far as these tests need it: every room asked for is queued.
  fake.dial.mockImplementation(({ roomIds }: { roomIds: string[] }) =>
    answer({ calls: roomIds.map((id) => makeCall(roomById(id), 'calling')) }),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  pendingConfirm.value = null;
});

async function board(rooms: readonly Room[] = [roomA, roomB]) {
  const wrapper = mountApp(DialBoard);
  useRoomsStore().setRooms([...rooms]);
  await useCallsStore().start();
  await settle();
  return wrapper;
}

function row(room: Room): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid="room-row"][data-room-id="${room.id}"]`);
  if (!element) throw new Error(`no row for ${room.name}`);
  return element;
}

function inRow(room: Room, testId: string): HTMLElement | null {
  return row(room).querySelector<HTMLElement>(`[data-testid="${testId}"]`);
}

/** The room's tile in the live roster (its call into the meeting on screen). */
function tile(room: Room): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid="roster-tile"][data-room-id="${room.id}"]`);
  if (!element) throw new Error(`no roster tile for ${room.name}`);
  return element;
}

function inTile(room: Room, testId: string): HTMLElement | null {
  return tile(room).querySelector<HTMLElement>(`[data-testid="${testId}"]`);
}

const stateOf = (room: Room) => inRow(room, 'room-state')?.dataset['state'];
const button = (testId: string) => byTestId(testId) as HTMLButtonElement;

async function lookUp(code = '806146667'): Promise<void> {
  await typeInto('meeting-input', code);
  byTestId('meeting-lookup')?.click();
  await settle();
}

/** Answers the question on screen as the operator would, and lets the board act on it. */
async function reply(yes: boolean): Promise<void> {
  const question = pendingConfirm.value;
  if (!question) throw new Error('no question is asked');
  question.answer(yes);
  await settle();
}

/** The texts of the info notices (ElMessage) on screen. */
const notices = () => [...document.querySelectorAll('.notify-info')].map((element) => element.textContent ?? '');

describe('dial board', () => {
  it('keeps Dial disabled, saying why, until a meeting is looked up', async () => {
    await board();
    const dial = inRow(roomA, 'room-dial') as HTMLButtonElement;
    expect(dial.disabled).toBe(true);
    expect(dial.title).toBe('Look up the meeting first, then dial rooms into it');
    await lookUp();
    expect(await textOf('meeting-subject')).toBe('周会 (806-146-667)');
    expect(await textOf('meeting-host')).toBe('admin1');
    expect((inRow(roomA, 'room-dial') as HTMLButtonElement).disabled).toBe(false);
  });

  it('formats the code as it is typed and shows a bad one inline without asking main', async () => {
    await board();
    await typeInto('meeting-input', '8061466');
    expect((byTestId('meeting-input') as HTMLInputElement).value).toBe('806-146-6');
    byTestId('meeting-lookup')?.click();
    await settle();
    expect(await textOf('meeting-error')).toContain('a meeting code has 9 digits, but 7 were given');
    expect(fake.lookupMeeting).not.toHaveBeenCalled();
  });

  it('dials one room with one click, then offers Cancel while it rings', async () => {
    await board();
    await lookUp();
    inRow(roomA, 'room-dial')?.click();
    await settle();
    expect(fake.dial).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef, roomIds: [roomA.id] });
    expect(stateOf(roomA)).toBe('calling');
    fake.push(makeCall(roomA, 'ringing', { updatedAt: '2026-11-22T02:00:03.000Z', inviteId: 'inv-1' }));
    await settle();
    expect(stateOf(roomA)).toBe('ringing');
    expect(inRow(roomA, 'room-dial')).toBeNull();
    fake.cancelCall.mockReturnValue(ok(makeCall(roomA, 'cancelled', { updatedAt: '2026-11-22T02:00:04.000Z' })));
    inTile(roomA, 'room-cancel')?.click();
    await settle();
    expect(fake.cancelCall).toHaveBeenCalledWith({ callId: `call-${roomA.id}` });
    expect(stateOf(roomA)).toBe('cancelled');
  });

  it('dials the selected rooms on Enter in the search box and shows the batch progress', async () => {
    await board();
    await lookUp();
    (inRow(roomA, 'room-select')?.querySelector('input') as HTMLInputElement).click();
    (inRow(roomB, 'room-select')?.querySelector('input') as HTMLInputElement).click();
    await settle();
    expect(await textOf('selected-count')).toBe('Selected: 2');
    byTestId('room-search')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(fake.dial).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef, roomIds: [roomA.id, roomB.id] });
    fake.push(makeCall(roomA, 'joined', { updatedAt: '2026-11-22T02:00:05.000Z' }));
    fake.push(
      makeCall(roomB, 'rejected', {
        updatedAt: '2026-11-22T02:00:05.000Z',
        error: {
          kind: 'api',
          code: 'rejected',
          message: { 'zh-CN': '会议室拒绝了呼叫', 'en-US': 'The room declined the call' },
          hint: { 'zh-CN': '请联系会议室', 'en-US': 'Ask someone in the room to accept' },
        },
      }),
    );
    await settle();
    expect(await textOf('dial-progress')).toBe('1 of 2 joined · 1 failed · 0 unknown · 0 cancelled · 0 ringing');
    expect(inTile(roomB, 'room-state-reason')?.textContent).toBe('The room declined the call');
    expect(inTile(roomB, 'room-state-hint')?.textContent?.trim()).toBe('Ask someone in the room to accept');
    expect(await textOf('selected-count')).toBe('Selected: 0');
  });

  it('sends one request for a large selection, whatever its size', async () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      makeRoom({ name: `Room ${i}`, address: `room${i}@sip.example.com` }),
    );
    await board(many);
    await lookUp();
    fake.dial.mockReturnValue(answer({}));
    useRoomsStore().selectMany(many.map((room) => room.id));
    await settle();
    button('dial-selected').click();
    await settle();
    expect(fake.dial).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef, roomIds: many.map((room) => room.id) });
  });

  it('does not dial a room twice while its request is out', async () => {
    await board();
    await lookUp();
    let respond!: (value: unknown) => void;
    fake.dial.mockReturnValueOnce(new Promise((resolve) => (respond = resolve)));
    inRow(roomA, 'room-dial')?.click();
    await settle();
    expect((inRow(roomA, 'room-dial') as HTMLButtonElement).disabled).toBe(true);
    inRow(roomA, 'room-dial')?.click();
    respond({ ok: true, value: { calls: [makeCall(roomA, 'calling')], skipped: [] } });
    await settle();
    expect(fake.dial).toHaveBeenCalledTimes(1);
  });
});

describe('dial board: what the dialer asks the operator', () => {
  async function selectAndDial(rooms: readonly Room[]): Promise<void> {
    useRoomsStore().selectMany(rooms.map((room) => room.id));
    await settle();
    button('dial-selected').click();
    await settle();
  }

  it('asks to confirm a large batch with the count and the meeting subject, and sends the count on yes', async () => {
    await board();
    await lookUp();
    fake.dial.mockReturnValueOnce(answer({ confirm: { kind: 'large_batch', count: 2, meeting: meetingRef } }));
    await selectAndDial([roomA, roomB]);
    expect(pendingConfirm.value).toMatchObject({
      title: 'Dial 2 rooms?',
      message: 'Dial 2 rooms into "周会"? Every one of them will ring.',
      confirmText: 'Dial 2 rooms',
    });
    expect(fake.dial).toHaveBeenCalledTimes(1);
    await reply(true);
    expect(fake.dial).toHaveBeenLastCalledWith({
      meeting: meetingRef,
      roomIds: [roomA.id, roomB.id],
      confirmedCount: 2,
    });
    expect(stateOf(roomA)).toBe('calling');
    expect(await textOf('selected-count')).toBe('Selected: 0');
  });

  it('sends nothing more when the operator says no to a large batch, and keeps the selection', async () => {
    await board();
    await lookUp();
    fake.dial.mockReturnValueOnce(answer({ confirm: { kind: 'large_batch', count: 2, meeting: meetingRef } }));
    await selectAndDial([roomA, roomB]);
    await reply(false);
    expect(fake.dial).toHaveBeenCalledTimes(1);
    expect(stateOf(roomA)).toBe('none');
    expect(await textOf('selected-count')).toBe('Selected: 2');
    expect((inRow(roomA, 'room-dial') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks before ringing again the one room dialed whose last outcome is unknown, and rings it on yes', async () => {
    await board();
    await lookUp();
    useCallsStore().apply(makeCall(roomA, 'unknown'));
    fake.dial.mockReturnValueOnce(answer({ confirm: unknownOutcome(roomA) }));
    await settle();
    inRow(roomA, 'room-dial')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toBe(
      'The outcome of the last call to Alpha 101 is unknown; it may still be ringing. Dial it again?',
    );
    expect(pendingConfirm.value?.confirmText).toBe('Dial again');
    await reply(true);
    expect(fake.dial.mock.calls).toEqual([
      [{ meeting: meetingRef, roomIds: [roomA.id] }],
      [{ meeting: meetingRef, roomIds: [roomA.id], unknownOutcome: 'ring' }],
    ]);
  });

  it('sends nothing more when the one room dialed is unknown and the operator says no', async () => {
    await board();
    await lookUp();
    useCallsStore().apply(makeCall(roomA, 'unknown'));
    fake.dial.mockReturnValueOnce(answer({ confirm: unknownOutcome(roomA) }));
    await settle();
    inRow(roomA, 'room-dial')?.click();
    await settle();
    await reply(false);
    expect(fake.dial).toHaveBeenCalledTimes(1);
    expect(stateOf(roomA)).toBe('unknown');
    expect((inRow(roomA, 'room-dial') as HTMLButtonElement).disabled).toBe(false);
    expect(notices()).toEqual([]);
  });

  it.each([
    { yes: true, sent: 'ring' },
    { yes: false, sent: 'skip' },
  ] as const)(
    'asks once for several unknown rooms of a selection and sends $sent when the operator says yes=$yes',
    async ({ yes, sent }) => {
      await board([roomA, roomB, roomC]);
      await lookUp();
      fake.dial.mockReturnValueOnce(answer({ confirm: unknownOutcome(roomA, roomB) }));
      await selectAndDial([roomA, roomB, roomC]);
      expect(pendingConfirm.value).toMatchObject({
        message:
          '2 of the selected rooms had a last call whose outcome is unknown; they may still be ringing. Dial them again too?',
        confirmText: 'Dial again',
        cancelText: 'Skip them',
      });
      await reply(yes);
      expect(fake.dial).toHaveBeenCalledTimes(2);
      expect(fake.dial).toHaveBeenLastCalledWith({
        meeting: meetingRef,
        roomIds: [roomA.id, roomB.id, roomC.id],
        unknownOutcome: sent,
      });
    },
  );

  it('skips a single unknown room of a selection on no and still dials the rest, saying what was not rung', async () => {
    await board([roomA, roomB, roomC]);
    await lookUp();
    fake.dial
      .mockReturnValueOnce(answer({ confirm: unknownOutcome(roomA) }))
      .mockReturnValueOnce(
        answer({ calls: [makeCall(roomB, 'calling'), makeCall(roomC, 'calling')], skipped: [skippedAsUnknown(roomA)] }),
      );
    await selectAndDial([roomA, roomB, roomC]);
    expect(pendingConfirm.value?.cancelText).toBe('Skip them');
    await reply(false);
    expect(fake.dial).toHaveBeenLastCalledWith({
      meeting: meetingRef,
      roomIds: [roomA.id, roomB.id, roomC.id],
      unknownOutcome: 'skip',
    });
    expect([stateOf(roomB), stateOf(roomC)]).toEqual(['calling', 'calling']);
    expect(notices().join('\n')).toContain('Not rung: Alpha 101: outcome unknown; skipped');
  });
});

describe('dial board: the meeting on screen', () => {
  it('shows the rows and the progress of the meeting on screen only', async () => {
    fake.listCalls.mockReturnValue(
      ok([
        makeCall(roomA, 'joined'),
        makeCall(roomA, 'failed', { callId: 'a-other', meetingId: OTHER.meetingId }),
        makeCall(roomB, 'rejected', { callId: 'b-other', meetingId: OTHER.meetingId }),
      ]),
    );
    await board();
    await lookUp();
    expect([stateOf(roomA), stateOf(roomB)]).toEqual(['joined', 'none']);
    expect(byTestId('dial-progress')?.dataset).toMatchObject({ total: '1', joined: '1', failed: '0' });
    expect(await textOf('redial-failed')).toBe('Redial failed');

    fake.lookupMeeting.mockReturnValue(ok(OTHER));
    await lookUp(OTHER.meetingCode);
    expect(await textOf('meeting-subject')).toBe('月会 (123-456-789)');
    expect([stateOf(roomA), stateOf(roomB)]).toEqual(['failed', 'rejected']);
    expect(byTestId('dial-progress')?.dataset).toMatchObject({ total: '2', joined: '0', failed: '2' });
    expect(await textOf('redial-failed')).toBe('Redial failed (2)');
  });

  it('counts for Redial failed only rejected, unanswered and failed rooms, and asks the dialer to redial them', async () => {
    fake.listCalls.mockReturnValue(
      ok([
        makeCall(roomA, 'rejected'),
        makeCall(roomB, 'no_answer'),
        makeCall(roomC, 'failed'),
        makeCall(roomD, 'cancelled'),
        makeCall(roomE, 'unknown'),
        makeCall(roomF, 'joined'),
      ]),
    );
    await board(ROOMS);
    await lookUp();
    expect(byTestId('dial-progress')?.dataset).toMatchObject({
      total: '6',
      joined: '1',
      failed: '3',
      unknown: '1',
      cancelled: '1',
      ringing: '0',
    });
    expect(await textOf('redial-failed')).toBe('Redial failed (3)');
    const again: CallView[] = [roomA, roomB, roomC].map((room) =>
      makeCall(room, 'calling', { callId: `again-${room.id}`, queuedAt: '2026-11-22T02:01:00.000Z' }),
    );
    fake.redialFailed.mockReturnValueOnce(answer({ calls: again }));
    button('redial-failed').click();
    await settle();
    expect(fake.redialFailed).toHaveBeenCalledExactlyOnceWith({ meeting: meetingRef });
    expect(fake.dial).not.toHaveBeenCalled();
    expect([roomA, roomB, roomC, roomD, roomE].map(stateOf)).toEqual([
      'calling',
      'calling',
      'calling',
      'cancelled',
      'unknown',
    ]);
    expect(await textOf('redial-failed')).toBe('Redial failed');
    expect(button('redial-failed').disabled).toBe(true);
  });

  it('asks before Cancel all, and then cancels the calls of the meeting on screen', async () => {
    fake.listCalls.mockReturnValue(ok([makeCall(roomA, 'ringing'), makeCall(roomB, 'queued')]));
    await board();
    await lookUp();
    button('cancel-all').click();
    await settle();
    expect(pendingConfirm.value).toMatchObject({ title: 'Cancel all calls?', confirmText: 'Cancel all calls' });
    await reply(false);
    expect(fake.cancelAllCalls).not.toHaveBeenCalled();
    expect(stateOf(roomA)).toBe('ringing');

    const cancelledAt = '2026-11-22T02:00:09.000Z';
    fake.cancelAllCalls.mockReturnValue(
      ok([
        makeCall(roomA, 'cancelled', { updatedAt: cancelledAt }),
        makeCall(roomB, 'cancelled', { updatedAt: cancelledAt }),
      ]),
    );
    button('cancel-all').click();
    await settle();
    await reply(true);
    expect(fake.cancelAllCalls).toHaveBeenCalledExactlyOnceWith({ meetingId: MEETING.meetingId });
    expect([stateOf(roomA), stateOf(roomB)]).toEqual(['cancelled', 'cancelled']);
    expect(button('cancel-all').disabled).toBe(true);
  });

  it('shows "In the meeting" instead of Dial for a joined room', async () => {
    fake.listCalls.mockReturnValue(ok([makeCall(roomA, 'joined')]));
    await board();
    await lookUp();
    expect(inRow(roomA, 'room-in-meeting')?.textContent?.trim()).toBe('In the meeting');
    expect(inRow(roomA, 'room-dial')).toBeNull();
    expect(inRow(roomA, 'room-cancel')).toBeNull();
    expect(inRow(roomB, 'room-in-meeting')).toBeNull();
    expect((inRow(roomB, 'room-dial') as HTMLButtonElement).disabled).toBe(false);
  });

  it('disables dialing into a closed meeting, saying why', async () => {
    fake.listCalls.mockReturnValue(ok([makeCall(roomB, 'rejected')]));
    fake.lookupMeeting.mockReturnValue(ok({ ...MEETING, status: 'MEETING_STATE_ENDED' }));
    await board();
    await lookUp();
    expect(await textOf('meeting-subject')).toBe('周会 (806-146-667)');
    const reason = 'No room can be dialed: the meeting has ended and was deleted.';
    for (const room of [roomA, roomB]) {
      const dial = inRow(room, 'room-dial') as HTMLButtonElement;
      expect(dial.disabled).toBe(true);
      expect(dial.title).toBe(reason);
    }
    useRoomsStore().selectMany([roomA.id]);
    await settle();
    expect(button('dial-selected').disabled).toBe(true);
    expect(button('dial-selected').title).toBe(reason);
    expect(await textOf('redial-failed')).toBe('Redial failed (1)');
    expect(button('redial-failed').disabled).toBe(true);
    byTestId('room-search')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(fake.dial).not.toHaveBeenCalled();
  });
});

describe('dial board: search', () => {
  it('filters as the operator types, pinyin included', async () => {
    await board();
    useRoomsStore().setRooms([roomA, roomB, makeRoom({ name: '北京大会议室', address: 'bj@sip.example.com' })]);
    await useRoomsStore().flushPinyin();
    await typeInto('room-search', 'bjdh');
    // On a loaded machine the list may follow the search box some ticks after settle(): wait for it, not for a count.
    await vi.waitFor(() =>
      expect([...document.querySelectorAll('[data-testid="room-name"]')].map((e) => e.textContent)).toEqual([
        '北京大会议室',
      ]),
    );
    expect(await textOf('room-count')).toBe('Rooms: 1 of 3');
  });
});
