// A CallTracker wired to the real pieces: the WemeetClient over loopback HTTP to the simulator, and a real AppStore
// (conf in a temp dir). Shared by the tracker's integration tests and `npm run bench:dial`, so it imports no vitest.
// The fetch given to the client counts room-call requests in flight: what the concurrency cap is about.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import type { CallView } from '../../common/call-model';
import type { RoomInput } from '../../common/room-input';
import type { Room, StoreData } from '../../common/store-schema';
import { WemeetClient, type FetchLike } from '../../main/api/client';
import { RequestBudget } from '../../main/api/request-budget';
import { CallTracker, type CallApi, type CallTrackerDeps } from '../../main/calls/call-tracker';
import type { Log } from '../../main/log';
import { openAppStore, type AppStore } from '../../main/store/app-store';
import type { StoreBackendFactory } from '../../main/store/backend';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server';

export const ROOM_CALL_PATH = '/v1/meeting-rooms/room-call';
export const CANCEL_PATH = '/v1/meeting-rooms/cancel-room-call';
export const STATUS_PATH = '/v1/meeting-rooms/room-call-info';

/** Seed meetings (simulator/README.md). */
export const MEETINGS = {
  /** code 123456789, admin1 hosts. */
  host: { meetingId: '13434567890123927028', meetingCode: '123456789', subject: 'Host meeting' },
  /** code 246813579, admin1 only a participant: SIP/H.323 calls get 9042. */
  participant: { meetingId: '11223344556677889900', meetingCode: '246813579' },
} as const;

export interface HarnessOptions {
  readonly simulator?: SimulatorOptions;
  readonly pollIntervalMs?: number;
  readonly maxConcurrentDials?: number;
  /** The client's per-attempt limit. */
  readonly timeoutMs?: number;
  /** The client's retries of read-only calls (room-call-info, cancel). */
  readonly retries?: number;
  readonly log?: Log;
  /** Replaces the client the tracker gets (e.g. a getter that throws). */
  readonly getClient?: CallTrackerDeps['getClient'];
  /** A request budget for the client, and polls spread to fit it, as in the app. Default: none. */
  readonly budgetPerMinute?: number;
  /** The app's cross-desk guard: a status read before each room-call. */
  readonly checkBeforeRing?: boolean;
}

export interface Harness {
  readonly sim: Simulator;
  readonly store: AppStore;
  readonly client: WemeetClient;
  readonly tracker: CallTracker;
  /** Every CallView pushed through onUpdate, in order. */
  readonly updates: CallView[];
  /** The most room-call requests that were ever out at once. */
  maxRoomCallsInFlight(): number;
  /** The most room-call-info requests that were ever out at once for one target (one call). */
  maxStatusChecksInFlightPerTarget(): number;
  /** Requests of any kind not yet answered. */
  inFlight(): number;
  /** Requests the simulator received for exactly this path. */
  requestsTo(pathname: string): Simulator['requests'][number][];
  addRoom(input: Omit<RoomInput, 'name'> & { name?: string }): Room;
  /** Resolves once `done` holds for the call (checked on every update). */
  until(callId: string, done: (call: CallView) => boolean): Promise<CallView>;
  /** Resolves once every given call is final. */
  allFinal(callIds: readonly string[]): Promise<CallView[]>;
  close(): Promise<void>;
}

const confBackend: StoreBackendFactory = (options) =>
  new Conf<StoreData>({ ...options, projectName: 'room-dialer-test' } as unknown as Options<StoreData>);

function targetOfBody(body: RequestInit['body']): string {
  const json = JSON.parse(String(body)) as { meeting_room_id?: string; mra_address?: { dial_string?: string } };
  return json.meeting_room_id ?? json.mra_address?.dial_string ?? '';
}

const FINAL = new Set(['joined', 'rejected', 'no_answer', 'cancelled', 'left', 'failed', 'unknown']);

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ answerDelayMs: 200, ringWindowMs: 60_000, ...options.simulator });
  const dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-calls-'));
  const { store } = openAppStore({ cwd: dir, backend: confBackend });
  if (options.maxConcurrentDials !== undefined) {
    const set = store.updateSettings({ maxConcurrentDials: options.maxConcurrentDials });
    if (!set.ok) throw new Error(`settings refused: ${set.error.field}`);
  }

  let roomCallsOut = 0;
  let maxRoomCallsOut = 0;
  let requestsOut = 0;
  const statusChecksOut = new Map<string, number>();
  let maxStatusChecksOut = 0;
  const countingFetch: FetchLike = async (url, init) => {
    const pathname = new URL(url).pathname;
    const roomCall = pathname === ROOM_CALL_PATH;
    // The body names the target: what one call's status checks have in common.
    const statusOf = pathname === STATUS_PATH ? targetOfBody(init.body) : undefined;
    requestsOut += 1;
    if (roomCall) maxRoomCallsOut = Math.max(maxRoomCallsOut, (roomCallsOut += 1));
    if (statusOf !== undefined) {
      const out = (statusChecksOut.get(statusOf) ?? 0) + 1;
      statusChecksOut.set(statusOf, out);
      maxStatusChecksOut = Math.max(maxStatusChecksOut, out);
    }
    try {
      const response = await fetch(url, init);
      // Read here so "answered" means the whole answer arrived.
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      requestsOut -= 1;
      if (roomCall) roomCallsOut -= 1;
      if (statusOf !== undefined) statusChecksOut.set(statusOf, (statusChecksOut.get(statusOf) ?? 1) - 1);
    }
  };

  const { credentials } = sim;
  const budget =
    options.budgetPerMinute === undefined ? undefined : new RequestBudget({ perMinute: options.budgetPerMinute });
  const client = new WemeetClient({
    ...(budget ? { budget } : {}),
    endpoint: sim.url,
    credentials: { ...credentials, sdkId: credentials.sdkId || undefined },
    fetch: countingFetch,
    appVersion: '0.0.0-test',
    timeoutMs: options.timeoutMs ?? 5000,
    retryBaseDelayMs: 5,
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    // Signs with the simulator's clock, which tests may fake.
    now: () => Date.now(),
  });
  const tracker = new CallTracker({
    getClient: options.getClient ?? ((): CallApi => client),
    store,
    ...(options.log ? { log: options.log } : {}),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(budget ? { pollSpacingMs: (active: number) => budget.pollIntervalFor(active) } : {}),
    ...(options.checkBeforeRing ? { checkBeforeRing: true } : {}),
  });
  const updates: CallView[] = [];
  const latest = new Map<string, CallView>();
  const waiters = new Set<() => void>();
  tracker.onUpdate((view) => {
    updates.push(view);
    latest.set(view.callId, view);
    for (const check of [...waiters]) check();
  });
  const until = (callId: string, done: (call: CallView) => boolean) =>
    new Promise<CallView>((resolve) => {
      const check = () => {
        const call = latest.get(callId);
        if (call && done(call)) {
          waiters.delete(check);
          resolve(call);
        }
      };
      waiters.add(check);
      check();
    });

  let roomNumber = 0;
  return {
    sim,
    store,
    client,
    tracker,
    updates,
    maxRoomCallsInFlight: () => maxRoomCallsOut,
    maxStatusChecksInFlightPerTarget: () => maxStatusChecksOut,
    inFlight: () => requestsOut,
    requestsTo: (pathname) => sim.requests.filter((r) => r.path === pathname),
    addRoom: (input) => {
      roomNumber += 1;
      const added = store.addRoom({ name: `Room ${roomNumber}`, ...input });
      if (!added.ok) throw new Error(`room refused: ${added.error.field} ${added.error.message['en-US']}`);
      return added.value;
    },
    until,
    allFinal: (callIds) => Promise.all(callIds.map((id) => until(id, (call) => FINAL.has(call.state)))),
    close: async () => {
      tracker.shutdown();
      budget?.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
