// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Room } from '../../common/store-schema';
import { useCallsStore } from '../../renderer/src/stores/calls';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import DialBoard from '../../renderer/src/views/DialBoard.vue';
import { makeCall, makeRoom, MEETING } from './fixtures';
import { installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf, typeInto } from './helpers/mount';

const roomA = makeRoom({ name: 'Alpha 101', address: 'alpha@sip.example.com' });
const roomB = makeRoom({ name: 'Bravo 102', kind: 'h323', address: '10.0.0.5' });
const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
  fake.lookupMeeting.mockReturnValue(ok(MEETING));
  fake.dial.mockImplementation(({ roomIds }: { roomIds: string[] }) =>
    ok(roomIds.map((id) => makeCall(id === roomA.id ? roomA : roomB, 'calling'))),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  pendingConfirm.value = null;
});

async function board() {
  const wrapper = mountApp(DialBoard);
  useRoomsStore().setRooms([roomA, roomB]);
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

async function lookUp(code = '806146667'): Promise<void> {
  await typeInto('meeting-input', code);
  byTestId('meeting-lookup')?.click();
  await settle();
}

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
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [roomA.id] });
    expect(inRow(roomA, 'room-state')?.dataset['state']).toBe('calling');
    fake.push(makeCall(roomA, 'ringing', { updatedAt: '2026-11-22T02:00:03.000Z', inviteId: 'inv-1' }));
    await settle();
    expect(inRow(roomA, 'room-state')?.dataset['state']).toBe('ringing');
    expect(inRow(roomA, 'room-dial')).toBeNull();
    fake.cancelCall.mockReturnValue(ok(makeCall(roomA, 'cancelled', { updatedAt: '2026-11-22T02:00:04.000Z' })));
    inRow(roomA, 'room-cancel')?.click();
    await settle();
    expect(fake.cancelCall).toHaveBeenCalledWith({ callId: `call-${roomA.id}` });
    expect(inRow(roomA, 'room-state')?.dataset['state']).toBe('cancelled');
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
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [roomA.id, roomB.id] });
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
    expect(await textOf('dial-progress')).toBe('1 of 2 joined · 1 failed · 0 ringing');
    expect(inRow(roomB, 'room-state-reason')?.textContent).toBe('The room declined the call');
    expect(inRow(roomB, 'room-state-hint')?.textContent).toBe('Ask someone in the room to accept');
    expect(await textOf('selected-count')).toBe('Selected: 0');
  });

  it('does not dial a room twice while its call is under way', async () => {
    await board();
    await lookUp();
    let answer!: (value: unknown) => void;
    fake.dial.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    inRow(roomA, 'room-dial')?.click();
    await settle();
    expect((inRow(roomA, 'room-dial') as HTMLButtonElement).disabled).toBe(true);
    inRow(roomA, 'room-dial')?.click();
    answer({ ok: true, value: [makeCall(roomA, 'calling')] });
    await settle();
    expect(fake.dial).toHaveBeenCalledTimes(1);
  });

  it('asks before dialing again a room whose last outcome is unknown', async () => {
    await board();
    await lookUp();
    useCallsStore().apply(makeCall(roomA, 'unknown'));
    await settle();
    inRow(roomA, 'room-dial')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toContain('it may still be ringing');
    expect(fake.dial).not.toHaveBeenCalled();
    pendingConfirm.value?.answer(true);
    await settle();
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [roomA.id] });
  });

  it('asks before Dial selected rings again a room whose last outcome is unknown, and skips it on no', async () => {
    await board();
    await lookUp();
    useCallsStore().apply(makeCall(roomA, 'unknown'));
    useRoomsStore().selectMany([roomA.id, roomB.id]);
    await settle();
    byTestId('dial-selected')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toContain('may still be ringing');
    expect(fake.dial).not.toHaveBeenCalled();
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.dial).toHaveBeenCalledTimes(1);
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [roomB.id] });
  });

  it('filters as the operator types, pinyin included', async () => {
    await board();
    useRoomsStore().setRooms([roomA, roomB, makeRoom({ name: '北京大会议室', address: 'bj@sip.example.com' })]);
    await useRoomsStore().flushPinyin();
    await typeInto('room-search', 'bjdh');
    expect([...document.querySelectorAll('[data-testid="room-name"]')].map((e) => e.textContent)).toEqual([
      '北京大会议室',
    ]);
    expect(await textOf('room-count')).toBe('Rooms: 1 of 3');
  });
});
