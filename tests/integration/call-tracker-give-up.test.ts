// The 75 s give-up and the default 2 s poll interval from the settings, on fake timers: setTimeout/setInterval and
// Date are faked (the simulator's clock and the request signatures follow the fake Date), while the loopback sockets
// stay real, so after each step of fake time the test waits, in real time, for the requests it started.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { RING_GIVE_UP_MS } from '../../main/calls/call-tracker';
import { CANCEL_PATH, MEETINGS, STATUS_PATH, startHarness, type Harness } from './call-tracker-harness';

let h: Harness;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  // Rings for ten minutes unless cancelled; no poll interval override: the settings' default applies.
  h = await startHarness({ simulator: { ringWindowMs: 600_000, clock: () => Date.now() } });
});

afterEach(async () => {
  await h.close();
  vi.useRealTimers();
});

/** Real-time wait until every request the client started has been answered. */
async function settle(): Promise<void> {
  do await new Promise((resolve) => setImmediate(resolve));
  while (h.inFlight() > 0);
}

async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

it('a call still ringing 75 s after it was sent is given up as no_answer, and the ringing is cancelled', async () => {
  expect(h.store.getSettings().pollIntervalMs).toBe(2000);
  const room = h.addRoom({ kind: 'sip', address: 'noanswer@sip.example.com' });
  const [call] = h.tracker.dial(MEETINGS.host, [room.id]);
  await settle();

  await advance(2000);
  expect(h.tracker.list()[0]?.state).toBe('ringing');
  expect(h.requestsTo(STATUS_PATH)).toHaveLength(1);

  // Up to just before the deadline: still ringing, one status request per 2 s interval.
  while (Date.now() - Date.parse(call!.queuedAt) < RING_GIVE_UP_MS - 2000) await advance(2000);
  expect(h.tracker.list()[0]?.state).toBe('ringing');
  const polls = h.requestsTo(STATUS_PATH).length;
  expect(polls).toBe(Math.floor((Date.now() - Date.parse(call!.queuedAt)) / 2000));

  await advance(2000);
  await advance(2000);
  const [done] = h.tracker.list();
  expect(done).toMatchObject({ state: 'no_answer' });
  expect(done?.error).toBeUndefined();
  expect(Date.parse(done!.endedAt!) - Date.parse(done!.startedAt!)).toBeGreaterThanOrEqual(RING_GIVE_UP_MS);
  expect(h.store.listHistory()[0]).toMatchObject({ outcome: 'no_answer', roomId: room.id });

  // The best-effort cancel went out with the call's invite; the simulator's room stopped ringing.
  const [cancel] = h.requestsTo(CANCEL_PATH);
  expect(JSON.parse(cancel!.rawBody)).toMatchObject({ invite_id: done?.inviteId, instance_id: 1 });
  expect(h.sim.invites()).toHaveLength(1);
  const status = await h.client.roomCallInfo(MEETINGS.host.meetingId, {
    kind: 'mra',
    protocol: 1,
    dialString: 'noanswer@sip.example.com',
  });
  expect(status.state).toBe('cancelled');

  // And polling has stopped.
  const after = h.requestsTo(STATUS_PATH).length;
  await advance(10_000);
  expect(h.requestsTo(STATUS_PATH).length).toBe(after);
});
