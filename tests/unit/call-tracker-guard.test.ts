// The call tracker's duplicate-dial guard and its one-shot room-call, against a fake client (no network): what must
// never happen is a second room-call ringing a device that is already being rung into the same meeting.
import { describe, expect, it } from 'vitest';
import type { RoomTarget } from '../../common/room-target';
import type { RoomCallResult } from '../../common/wemeet-types';
import { CallTracker, type CallApi } from '../../main/calls/call-tracker';
import { memoryBackend, open, tempDir } from './store-helpers';

const MEETING = { meetingId: '13434567890123927028' };
/** Lets the tracker's queued promise steps (client, then room-call) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** room-call answers only when told to; status checks never answer (the call stays where room-call left it). */
function fakeClient() {
  const roomCalls: RoomTarget[] = [];
  const pending: ((result: RoomCallResult) => void)[] = [];
  const client: CallApi = {
    roomCall: (meetingId, target) => {
      roomCalls.push(target);
      return new Promise((resolve) =>
        pending.push(() => resolve({ inviteId: `invite-${roomCalls.length}`, meetingId })),
      );
    },
    roomCallInfo: () => new Promise(() => undefined),
    cancelRoomCall: async () => undefined,
  };
  return { client, roomCalls, answerAll: () => pending.splice(0).forEach((answer) => answer({} as RoomCallResult)) };
}

function setup() {
  const { store } = open(tempDir(), { backend: memoryBackend().factory });
  const fake = fakeClient();
  const tracker = new CallTracker({ getClient: () => fake.client, store, pollIntervalMs: 60_000 });
  const addRoom = (name: string, address: string) => {
    const added = store.addRoom({ name, kind: 'sip', address });
    if (!added.ok) throw new Error(added.error.message['en-US']);
    return added.value;
  };
  return { store, fake, tracker, addRoom };
}

describe('the duplicate-dial guard compares devices as the address book does', () => {
  it('an address edited from sip:x to x while its call is out does not ring the device again', async () => {
    const { store, fake, tracker, addRoom } = setup();
    const room = addRoom('Board room', 'sip:board@sip.example.com');
    const [first] = tracker.dial(MEETING, [room.id]);
    expect(store.updateRoom(room.id, { address: 'board@sip.example.com' }).ok).toBe(true);
    const [second] = tracker.dial(MEETING, [room.id]);
    expect(second?.callId).toBe(first?.callId);
    await settle();
    expect(fake.roomCalls).toHaveLength(1);
    tracker.shutdown();
  });

  it('a room re-added as x (other case, no sip:) while the old entry still rings is the same device', async () => {
    const { store, fake, tracker, addRoom } = setup();
    const old = addRoom('Old entry', 'sip:board@sip.example.com');
    const [first] = tracker.dial(MEETING, [old.id]);
    expect(store.deleteRoom(old.id).ok).toBe(true);
    const again = addRoom('New entry', 'Board@SIP.example.com');
    const [second] = tracker.dial(MEETING, [again.id]);
    expect(second?.callId).toBe(first?.callId);
    await settle();
    expect(fake.roomCalls).toHaveLength(1);
    tracker.shutdown();
  });

  it('sips: (TLS) stays a different dial from sip:, as the address book keeps them apart', async () => {
    const { fake, tracker, addRoom } = setup();
    const plain = addRoom('Plain', 'sip:board@sip.example.com');
    const tls = addRoom('TLS', 'sips:board@sip.example.com');
    const [a, b] = tracker.dial(MEETING, [plain.id, tls.id]);
    expect(a?.callId).not.toBe(b?.callId);
    await settle();
    expect(fake.roomCalls).toHaveLength(2);
    tracker.shutdown();
  });
});

describe('a cancel that comes before room-call has left', () => {
  it('while the client is still loading (keychain), cancels without ringing the room', async () => {
    const { store } = open(tempDir(), { backend: memoryBackend().factory });
    const fake = fakeClient();
    let giveClient: (client: CallApi) => void = () => undefined;
    const loading = new Promise<CallApi>((resolve) => (giveClient = resolve));
    const tracker = new CallTracker({ getClient: () => loading, store, pollIntervalMs: 60_000 });
    const added = store.addRoom({ name: 'Board room', kind: 'sip', address: 'board@sip.example.com' });
    if (!added.ok) throw new Error(added.error.field);
    const [call] = tracker.dial(MEETING, [added.value.id]);
    expect(call?.state).toBe('calling');

    const cancelled = await tracker.cancel(call!.callId);
    expect(cancelled.state).toBe('cancelled');
    giveClient(fake.client);
    await settle();
    expect(fake.roomCalls).toHaveLength(0);
    expect(store.listHistory()[0]).toMatchObject({ outcome: 'cancelled' });
    // Never dialed: the room's last dial is not touched.
    expect(store.getRoom(added.value.id)?.lastDialedAt).toBeUndefined();
    tracker.shutdown();
  });

  it('at shutdown, a call whose room-call was not sent yet is cancelled, not "may still be ringing"', async () => {
    const { store } = open(tempDir(), { backend: memoryBackend().factory });
    const tracker = new CallTracker({ getClient: () => new Promise(() => undefined), store, pollIntervalMs: 60_000 });
    const added = store.addRoom({ name: 'Board room', kind: 'sip', address: 'board@sip.example.com' });
    if (!added.ok) throw new Error(added.error.field);
    const [call] = tracker.dial(MEETING, [added.value.id]);
    tracker.shutdown();
    expect(tracker.list().find((c) => c.callId === call?.callId)?.state).toBe('cancelled');
  });
});

describe('history is written for every finished call', () => {
  it('even when the wall clock was set back while the call ran (end would come before start)', async () => {
    const { store, fake } = setup();
    let nowMs = Date.parse('2026-11-22T10:00:10.000Z');
    const tracker = new CallTracker({ getClient: () => fake.client, store, now: () => nowMs, pollIntervalMs: 60_000 });
    const added = store.addRoom({ name: 'Board room', kind: 'sip', address: 'board@sip.example.com' });
    if (!added.ok) throw new Error(added.error.field);
    const [call] = tracker.dial(MEETING, [added.value.id]);
    await settle();
    expect(fake.roomCalls).toHaveLength(1);
    // NTP steps the clock back five seconds, then the operator cancels the ringing call.
    nowMs -= 5000;
    fake.answerAll();
    await settle();
    const done = await tracker.cancel(call!.callId);
    expect(done.state).toBe('cancelled');
    const [record] = store.listHistory();
    expect(record).toMatchObject({ outcome: 'cancelled', startedAt: '2026-11-22T10:00:10.000Z' });
    tracker.shutdown();
  });
});
