// @vitest-environment happy-dom
// A dial a room-dialer:// link staged in the window: shown with the meeting and the rooms as the address book has
// them, rung only on Enter or Dial (through the calls store, with origin "link"), dropped by Esc or Cancel; a refused
// link says why and dials nothing; the board behind never sees the keys.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialResult } from '../../common/call-model';
import type { StagedDialEvent } from '../../common/dial-link';
import type { RoomSet } from '../../common/store-schema';
import { parseDialLink } from '../../common/dial-link';
import { listenForStagedDials, resolveStagedRooms, stagedDialEvent } from '../../renderer/src/calls/staged-dial';
import StagedDialDialog from '../../renderer/src/components/StagedDialDialog.vue';
import { useMeetingStore } from '../../renderer/src/stores/meeting';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import { makeCall, makeRoom, MEETING } from './fixtures';
import { fail, installFakeApi, ipcError, NOTHING_DIALED, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, gone, mountApp, settle, textOf } from './helpers/mount';

const alpha = makeRoom({ name: 'Alpha 101', address: 'alpha@sip.example.com' });
const bravo = makeRoom({ name: 'Bravo 102', kind: 'h323', address: '10.0.0.5' });
const twinA = makeRoom({ name: 'Lobby' });
const twinB = makeRoom({ name: 'Lobby' });
const ROOMS = [alpha, bravo, twinA, twinB];
const meetingRef = { meetingId: MEETING.meetingId, meetingCode: MEETING.meetingCode, subject: MEETING.subject };

const stage = (rooms: string[], extra: { set?: string } = {}): StagedDialEvent => ({
  kind: 'staged',
  dial: { meeting: MEETING.meetingCode, rooms, ...extra },
});

// The dialog listens on the window: one left mounted from an earlier test would answer this test's keys too.
enableAutoUnmount(afterEach);

let fake: FakeApi;
let stopListening: () => void;
/** Keys that got past the dialog to the window (where App hands them to the board). */
let reachedWindow: string[];
const recordWindowKey = (event: KeyboardEvent) => reachedWindow.push(event.key);

beforeEach(async () => {
  fake = installFakeApi();
  fake.lookupMeeting.mockReturnValue(ok(MEETING));
  fake.dial.mockImplementation(({ roomIds }: { roomIds: string[] }) =>
    ok<DialResult>({
      ...NOTHING_DIALED,
      calls: roomIds.map((id) =>
        makeCall(
          ROOMS.find((room) => room.id === id)!,
          'calling',
        ),
      ),
    }),
  );
  reachedWindow = [];
  window.addEventListener('keydown', recordWindowKey);
  mountApp(StagedDialDialog);
  useRoomsStore().setRooms([...ROOMS]);
  stopListening = listenForStagedDials();
  await settle();
});

afterEach(() => {
  stopListening();
  stagedDialEvent.value = null;
  pendingConfirm.value = null;
  window.removeEventListener('keydown', recordWindowKey);
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function press(key: string, target: EventTarget = document.body): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await settle();
}

const shownRooms = () => [...document.querySelectorAll('[data-testid="staged-dial-room"]')].map((e) => e.textContent);
const missing = () => [...document.querySelectorAll('[data-testid="staged-dial-missing"]')].map((e) => e.textContent);

describe('a staged dial', () => {
  it('shows the meeting looked up and the rooms found, lists what is not in the address book, and rings nothing', async () => {
    fake.pushStaged(stage(['Alpha 101', bravo.id, 'No such room', 'Lobby']));
    await settle();
    expect(await textOf('staged-dial-meeting')).toBe(`${MEETING.subject} (806-146-667)`);
    expect(fake.lookupMeeting).toHaveBeenCalledWith({ meeting: '806146667' });
    expect(shownRooms()).toEqual(['Alpha 101', 'Bravo 102']);
    expect(missing().map((text) => text?.trim())).toEqual([
      'Not in the address book: “No such room”',
      'Several rooms are named “Lobby”: pick the right one on the dial board',
    ]);
    expect(byTestId('staged-dial-confirm')?.textContent?.trim()).toBe('Dial 2 rooms');
    expect(fake.dial).not.toHaveBeenCalled();
  });

  it('Esc cancels: nothing is dialed, and the board behind never sees the key', async () => {
    fake.pushStaged(stage(['Alpha 101']));
    await settle();
    await textOf('staged-dial-meeting');
    await press('Escape');
    await gone('staged-dial-room');
    expect(stagedDialEvent.value).toBeNull();
    await press('Enter');
    expect(fake.dial).not.toHaveBeenCalled();
    expect(reachedWindow).toEqual(['Enter']);
  });

  it('Cancel drops it too', async () => {
    fake.pushStaged(stage(['Alpha 101']));
    await settle();
    byTestId('staged-dial-cancel')?.click();
    await settle();
    expect(stagedDialEvent.value).toBeNull();
    expect(fake.dial).not.toHaveBeenCalled();
  });

  it('Enter dials the rooms found through the calls store, with origin "link", and the board shows the meeting', async () => {
    fake.pushStaged(stage(['Alpha 101', bravo.id, 'No such room']));
    await settle();
    await textOf('staged-dial-meeting');
    await press('Enter');
    expect(fake.dial).toHaveBeenCalledOnce();
    expect(fake.dial).toHaveBeenCalledWith({
      meeting: meetingRef,
      roomIds: [alpha.id, bravo.id],
      origin: { kind: 'link' },
    });
    expect(reachedWindow).toEqual([]);
    expect(stagedDialEvent.value).toBeNull();
    expect(useMeetingStore().meeting).toEqual(MEETING);
  });

  it('the Dial button does the same', async () => {
    fake.pushStaged(stage(['Alpha 101']));
    await settle();
    await textOf('staged-dial-meeting');
    byTestId('staged-dial-confirm')?.click();
    await settle();
    expect(fake.dial).toHaveBeenCalledWith({ meeting: meetingRef, roomIds: [alpha.id], origin: { kind: 'link' } });
  });

  it('Enter on the focused Cancel button is Cancel’s, not a dial', async () => {
    fake.pushStaged(stage(['Alpha 101']));
    await settle();
    await textOf('staged-dial-meeting');
    await press('Enter', byTestId('staged-dial-cancel')!);
    expect(fake.dial).not.toHaveBeenCalled();
  });

  it('asks the dialer’s questions before ringing, and "no" rings nothing', async () => {
    fake.dial.mockReturnValueOnce(
      ok<DialResult>({ ...NOTHING_DIALED, confirm: { kind: 'large_batch', count: 2, meeting: meetingRef } }),
    );
    fake.pushStaged(stage(['Alpha 101', 'Bravo 102']));
    await settle();
    await textOf('staged-dial-meeting');
    await press('Enter');
    await vi.waitFor(() => expect(pendingConfirm.value?.title).toBe('Dial 2 rooms?'));
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.dial).toHaveBeenCalledOnce();
  });

  it('dials nothing while the meeting is being looked up, or when it cannot be found', async () => {
    fake.lookupMeeting.mockReturnValue(new Promise(() => {}));
    fake.pushStaged(stage(['Alpha 101']));
    await settle();
    expect(await textOf('staged-dial-meeting')).toBe('Looking up the meeting…');
    await press('Enter');
    expect(fake.dial).not.toHaveBeenCalled();

    fake.lookupMeeting.mockReturnValue(fail(ipcError('api', 'The meeting does not exist')));
    fake.pushStaged(stage(['Bravo 102']));
    await settle();
    expect(await textOf('staged-dial-meeting-problem')).toContain('The meeting does not exist');
    expect((byTestId('staged-dial-confirm') as HTMLButtonElement).disabled).toBe(true);
    await press('Enter');
    expect(fake.dial).not.toHaveBeenCalled();
  });

  it('dials a set the link names as that set, origin "link", once the operator confirms', async () => {
    const set: RoomSet = {
      id: 'set-1',
      name: 'Monday board',
      roomIds: [alpha.id, bravo.id],
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
    };
    fake.listSets.mockReturnValue(ok([set]));
    fake.dialSet.mockReturnValue(ok<DialResult>({ ...NOTHING_DIALED, calls: [makeCall(alpha, 'calling')] }));
    fake.pushStaged(stage(['alpha 101'], { set: 'monday BOARD' }));
    await settle();
    await textOf('staged-dial-meeting');
    expect(await textOf('staged-dial-set')).toBe('Room set “Monday board”: 2 rooms');
    // Alpha is in the set too: two rooms in all.
    expect(await textOf('staged-dial-confirm')).toBe('Dial 2 rooms');
    expect(fake.dialSet).not.toHaveBeenCalled();
    await press('Enter');
    expect(fake.dial).toHaveBeenCalledWith(expect.objectContaining({ roomIds: [alpha.id], origin: { kind: 'link' } }));
    expect(fake.dialSet).toHaveBeenCalledWith({ setId: 'set-1', meeting: meetingRef, fromLink: true });
  });

  it('dials nothing when no room of the link is in the address book, nor the set it names', async () => {
    fake.listRooms.mockReturnValue(ok([...ROOMS]));
    fake.listSets.mockReturnValue(ok([]));
    await useRoomsStore().load();
    fake.pushStaged(stage(['Nobody'], { set: 'Monday board' }));
    await settle();
    await textOf('staged-dial-meeting');
    expect(await textOf('staged-dial-set')).toBe('No room set is named “Monday board” in this profile');
    expect(byTestId('staged-dial-nothing')).not.toBeNull();
    await press('Enter');
    expect(fake.dial).not.toHaveBeenCalled();
    expect(fake.dialSet).not.toHaveBeenCalled();
  });

  it('a newer link replaces the one on screen', async () => {
    fake.pushStaged(stage(['Alpha 101']));
    fake.pushStaged(stage(['Bravo 102']));
    await settle();
    await textOf('staged-dial-meeting');
    expect(shownRooms()).toEqual(['Bravo 102']);
  });
});

describe('a refused link', () => {
  it('says why in the operator’s language, led by the field, and dials nothing', async () => {
    const refused = parseDialLink('room-dialer://dial?meeting=806146667&room=A&autodial=1');
    if (refused.ok) throw new Error('expected a refusal');
    fake.pushStaged({ kind: 'refused', error: refused.error });
    await settle();
    expect(await textOf('staged-dial-refused')).toContain(
      'Link: unknown parameter "autodial"; a link takes only meeting, room and set',
    );
    expect(byTestId('staged-dial-confirm')).toBeNull();
    await press('Enter');
    expect(stagedDialEvent.value).toBeNull();
    expect(fake.dial).not.toHaveBeenCalled();
    expect(fake.lookupMeeting).not.toHaveBeenCalled();
  });
});

describe('resolving a link’s rooms', () => {
  it('by id, else by one exact name, else by one name ignoring case; each room once', () => {
    const result = resolveStagedRooms(
      { meeting: '806146667', rooms: ['alpha 101', alpha.id, 'BRAVO 102', 'Lobby', 'Nowhere'] },
      ROOMS,
    );
    expect(result.found).toEqual([alpha, bravo]);
    expect(result.unresolved).toEqual([
      { given: 'Lobby', reason: 'ambiguous' },
      { given: 'Nowhere', reason: 'not_found' },
    ]);
  });
});
