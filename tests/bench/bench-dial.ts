// npm run bench:dial — the call tracker dialing 100 rooms into one meeting against the local simulator, which adds
// 100 ms to every answer, with at most 8 room-call requests out at once. Prints two figures:
//   1. time from dial() until every invite_id is back, against the ideal 100 / 8 × 0.1 s = 1.25 s (target ≤ 1.3×);
//   2. room-call-info requests per call per poll interval, from invite to final state (target ≤ 1.1).
// The tracker polls at the settings' default interval; the rooms answer after 10 s, so each call polls ~5 times.
// The simulator runs in this process, so its CPU work competes with the client's: figures are a little pessimistic,
// more so on a busy machine (the load average is printed with them).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MEETINGS, ROOM_CALL_PATH, STATUS_PATH, startHarness } from '../integration/call-tracker-harness';

const ROOMS = 100;
const MAX_IN_FLIGHT = 8;
const LATENCY_MS = 100;
const ANSWER_DELAY_MS = 10_000;
const INVITES_TARGET = 1.3;
const POLLS_TARGET = 1.1;

const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

async function main(): Promise<void> {
  const h = await startHarness({
    maxConcurrentDials: MAX_IN_FLIGHT,
    simulator: { answerDelayMs: ANSWER_DELAY_MS, faults: { latencyMs: LATENCY_MS } },
  });
  try {
    const intervalMs = h.store.getSettings().pollIntervalMs;
    const rooms = Array.from({ length: ROOMS }, (_, i) =>
      h.addRoom({ kind: 'sip', address: `bench${i}@sip.example.com` }),
    );

    const inviteAt = new Map<string, number>();
    const finalAt = new Map<string, number>();
    h.tracker.onUpdate((call) => {
      if (call.inviteId !== undefined && !inviteAt.has(call.callId)) inviteAt.set(call.callId, performance.now());
      if (call.endedAt !== undefined && !finalAt.has(call.callId)) finalAt.set(call.callId, performance.now());
    });

    // As in the app, the meeting is looked up before the dial (which also opens a connection to the API).
    await h.client.getMeetingByCode(MEETINGS.host.meetingCode);
    const started = performance.now();
    const calls = h.tracker.dial(
      MEETINGS.host,
      rooms.map((room) => room.id),
    );
    const done = await h.allFinal(calls.map((call) => call.callId));

    const outcomes = new Map<string, number>();
    for (const call of done) outcomes.set(call.state, (outcomes.get(call.state) ?? 0) + 1);
    const lastInvite = Math.max(...inviteAt.values());
    const invitesSeconds = (lastInvite - started) / 1000;
    const idealSeconds = (ROOMS / MAX_IN_FLIGHT) * (LATENCY_MS / 1000);
    const invitesRatio = invitesSeconds / idealSeconds;

    let intervals = 0;
    for (const call of done) {
      const from = inviteAt.get(call.callId);
      const to = finalAt.get(call.callId);
      if (from !== undefined && to !== undefined) intervals += (to - from) / intervalMs;
    }
    const statusRequests = h.requestsTo(STATUS_PATH).length;
    const pollsPerInterval = statusRequests / intervals;

    const load = loadavg()[0]?.toFixed(2);
    console.log(`bench:dial  ${ROOMS} rooms, ${LATENCY_MS} ms added latency, at most ${MAX_IN_FLIGHT} in flight`);
    console.log(`  machine                  ${availableParallelism()} CPUs, load average ${load}`);
    console.log(`  outcomes                 ${[...outcomes].map(([state, n]) => `${state} ${n}`).join(', ')}`);
    console.log(
      `  room-call requests       ${h.requestsTo(ROOM_CALL_PATH).length} sent, at most ${h.maxRoomCallsInFlight()} at once`,
    );
    console.log(
      `  every invite out after   ${invitesSeconds.toFixed(3)} s = ${invitesRatio.toFixed(2)}× the ideal ${idealSeconds.toFixed(2)} s ` +
        `(target ≤ ${INVITES_TARGET}×: ${verdict(invitesRatio <= INVITES_TARGET)})`,
    );
    console.log(
      `  status requests          ${statusRequests} over ${intervals.toFixed(1)} call-intervals of ${intervalMs} ms = ` +
        `${pollsPerInterval.toFixed(3)} per call per interval (target ≤ ${POLLS_TARGET}: ${verdict(pollsPerInterval <= POLLS_TARGET)})`,
    );
  } finally {
    await h.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
