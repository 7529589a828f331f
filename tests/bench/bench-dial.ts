// npm run bench:dial — the dialer ringing 100 rooms into one meeting against the local simulator, which adds 100 ms
// to every answer, with at most 8 room-call requests out at once, the app's request budget (240 a minute) and its
// cross-desk guard (one status read before each room-call). Prints:
//   1. time from the dial until every invite_id is back, against the ideal 100 / 8 × 2 × 0.1 s = 2.5 s (two round
//      trips per room: the status read, then room-call) (≤ 1.3×);
//   2. the most requests the simulator received in any 60 s window, against the budget (≤ the budget);
//   3. the time until every room's first status was read (polls are spread to fit the budget, so with 100 calls each
//      is read about every 31 s rather than every 2 s);
//   4. status requests per call per planned poll interval (≤ 1.1: no call is polled more often than planned);
//   5. then the issue-13 load: 3 schedules waiting for their hosts and 20 calls ringing, for 75 s: the busiest
//      minute against the budget.
// The rooms answer after 10 s. The simulator runs in this process, so its CPU work competes with the client's:
// figures are a little pessimistic, more so on a busy machine (the load average is printed with them).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEFAULT_REQUESTS_PER_MINUTE } from '../../main/api/request-budget';
import type { Schedule } from '../../common/schedule';
import { DEFAULT_RETRY_POLICY } from '../../common/retry-policy';
import { Dialer } from '../../main/calls/dialer';
import { ScheduleRunner } from '../../main/calls/schedules';
import { HOST_JOINS_LATER_MEETING_ID } from '../../simulator/server';
import { MEETINGS, ROOM_CALL_PATH, STATUS_PATH, startHarness } from '../integration/call-tracker-harness';

const ROOMS = 100;
const MAX_IN_FLIGHT = 8;
const LATENCY_MS = 100;
const ANSWER_DELAY_MS = 10_000;
const BUDGET = DEFAULT_REQUESTS_PER_MINUTE;
const INVITES_TARGET = 1.3;
const POLLS_TARGET = 1.1;

const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

async function main(): Promise<void> {
  const h = await startHarness({
    maxConcurrentDials: MAX_IN_FLIGHT,
    budgetPerMinute: BUDGET,
    checkBeforeRing: true,
    simulator: { answerDelayMs: ANSWER_DELAY_MS, faults: { latencyMs: LATENCY_MS } },
  });
  try {
    const rooms = Array.from({ length: ROOMS }, (_, i) =>
      h.addRoom({ kind: 'sip', address: `bench${i}@sip.example.com` }),
    );
    const dialer = new Dialer({ tracker: h.tracker, store: h.store, getClient: async () => h.client });

    const inviteAt = new Map<string, number>();
    const firstStatusAt = new Map<string, number>();
    const plannedChecks = new Map<string, Set<string>>();
    h.tracker.onUpdate((call) => {
      const now = performance.now();
      if (call.inviteId !== undefined && !inviteAt.has(call.callId)) inviteAt.set(call.callId, now);
      if (inviteAt.has(call.callId) && !firstStatusAt.has(call.callId) && call.state !== 'calling') {
        firstStatusAt.set(call.callId, now);
      }
      if (call.nextCheckAt !== undefined) {
        plannedChecks.set(call.callId, (plannedChecks.get(call.callId) ?? new Set()).add(call.nextCheckAt));
      }
    });

    // As in the app, the meeting is looked up before the dial (which also opens a connection to the API).
    await h.client.getMeetingByCode(MEETINGS.host.meetingCode);
    const started = performance.now();
    const result = await dialer.dial({
      meeting: MEETINGS.host,
      rooms: rooms.map((room) => ({ roomId: room.id })),
      confirmedCount: ROOMS,
    });
    const done = await h.allFinal(result.calls.map((call) => call.callId));

    const outcomes = new Map<string, number>();
    for (const call of done) outcomes.set(call.state, (outcomes.get(call.state) ?? 0) + 1);
    const invitesSeconds = (Math.max(...inviteAt.values()) - started) / 1000;
    const idealSeconds = (ROOMS / MAX_IN_FLIGHT) * 2 * (LATENCY_MS / 1000);
    const invitesRatio = invitesSeconds / idealSeconds;
    const firstStatusSeconds = (Math.max(...firstStatusAt.values()) - started) / 1000;
    const busiest = h.sim.busiestWindow(60_000);
    // The status reads made before ringing are not polls.
    const statusRequests = h.requestsTo(STATUS_PATH).length - ROOMS;
    // Each planned check is pushed once (nextCheckAt); a call is read once per plan, never more. The last plan of a
    // call that ended is not read, so the ratio sits a little below 1.
    const planned = [...plannedChecks.values()].reduce((sum, checks) => sum + checks.size, 0);
    const pollsPerPlan = statusRequests / planned;

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
    console.log(`busiest minute: ${busiest} requests (budget ${BUDGET}): ${verdict(busiest <= BUDGET)}`);
    console.log(`  first status of every room after ${firstStatusSeconds.toFixed(1)} s`);
    console.log(
      `  status requests          ${statusRequests} for ${planned} planned checks = ${pollsPerPlan.toFixed(3)} per plan ` +
        `(target ≤ ${POLLS_TARGET}: ${verdict(pollsPerPlan <= POLLS_TARGET)})`,
    );
  } finally {
    await h.close();
  }
  await schedulesWaiting();
}

/** Issue 13's load: 3 schedules watching for hosts who do not come, while 20 rooms ring unanswered. */
async function schedulesWaiting(): Promise<void> {
  const RUN_MS = 75_000;
  const h = await startHarness({
    maxConcurrentDials: MAX_IN_FLIGHT,
    budgetPerMinute: BUDGET,
    checkBeforeRing: true,
    simulator: { hostJoinAfterMs: 3_600_000, faults: { latencyMs: LATENCY_MS } },
  });
  const saved = new Map<string, Schedule>();
  const runner = new ScheduleRunner({
    store: {
      listSchedules: () => [...saved.values()],
      saveSchedule: (schedule) => void saved.set(schedule.id, schedule),
      removeSchedule: (id) => void saved.delete(id),
    },
    sets: { getSet: () => ({ name: 'Bench set', roomIds: [] }) },
    dialer: { dial: async () => ({ calls: [], skipped: [] }) },
    automation: { follow: () => undefined },
    getClient: async () => h.client,
    policy: () => DEFAULT_RETRY_POLICY,
  });
  try {
    for (let i = 1; i <= 3; i += 1) {
      runner.add({
        name: `Bench schedule ${i}`,
        setId: 'bench',
        meeting: { meetingId: HOST_JOINS_LATER_MEETING_ID },
        recurring: false,
        trigger: { kind: 'host_joins' },
        hostWatchMinutes: 120,
      });
    }
    const rooms = Array.from({ length: 20 }, (_, i) =>
      h.addRoom({ kind: 'sip', address: `noanswer${i}@sip.example.com` }),
    );
    const dialer = new Dialer({ tracker: h.tracker, store: h.store, getClient: async () => h.client });
    const started = Date.now();
    await dialer.dial({ meeting: MEETINGS.host, rooms: rooms.map((room) => ({ roomId: room.id })) });
    await new Promise((resolve) => setTimeout(resolve, RUN_MS));
    const seconds = (Date.now() - started) / 1000;
    const total = h.sim.requests.length;
    const busiest = h.sim.busiestWindow(60_000);
    const watching = runner.list().filter((s) => s.status === 'watching_host').length;
    console.log(
      `  with 3 schedules waiting for their hosts (${watching} watching) and 20 calls ringing, ${seconds.toFixed(0)} s: ` +
        `${total} requests; busiest minute ${busiest} (budget ${BUDGET}): ${verdict(busiest <= BUDGET)}`,
    );
  } finally {
    runner.shutdown();
    await h.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
