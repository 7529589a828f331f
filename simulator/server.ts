// The Tencent Meeting API simulator: a real HTTP server on 127.0.0.1 that is as strict as the real service.
// Per request: read body → record → pick fault → route (404/405) → authenticate → handler → deliver (latency, fault).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authenticate, ReplayGuard } from './auth';
import { CallBook, type CallTiming } from './calls';
import type { HandlerContext } from './context';
import { errorBody, SimError, type ErrorKind } from './errors';
import { FaultPlan } from './faults';
import { MeetingBook } from './meeting-book';
import { ListCursors } from './meeting-list';
import { busiestWindow, RateLimiter, type RateLimits } from './rate-limit';
import { route } from './routes';
import { DEMO_CREDENTIALS, seedRooms } from './seed';
import { HOST_JOINS_LATER_MEETING_ID, seedMeetings } from './seed-meetings';
import { httpDate } from './time';
import type {
  CallTarget,
  FaultKind,
  FaultOptions,
  InviteRecord,
  MeetingState,
  RecordedRequest,
  SeedMeeting,
  SeedRoom,
  SimulatorCredentials,
} from './types';

export type {
  CallOutcome,
  CallTarget,
  FaultKind,
  FaultOptions,
  InviteRecord,
  MeetingState,
  RecordedRequest,
  SeedMeeting,
  SeedParticipant,
  SeedRoom,
  SeedSubMeeting,
  SimulatorCredentials,
  UserRole,
} from './types';
export { DEMO_CREDENTIALS, EXAMPLE_ADDRESSES } from './seed';
export { HOST_JOINS_LATER_MEETING_ID, SEED_USERS } from './seed-meetings';
export { demoEnv, wemeetEnv } from './env';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit';

export interface SimulatorOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  credentials?: SimulatorCredentials;
  /** ms since the epoch; all state derives from it lazily (no timers), so fake clocks work. Default Date.now. */
  clock?: () => number;
  /** Ringing (4) before the scripted outcome. Default 3000. */
  answerDelayMs?: number;
  /** "noanswer" callees give 0 after this. Default 60000. */
  ringWindowMs?: number;
  /**
   * "leave" callees go 2 → 6 after this long in the meeting (drop<seconds> in a dial string overrides it).
   * Default 10000.
   */
  leaveAfterMs?: number;
  /** The host of the seeded meeting HOST_JOINS_LATER_MEETING_ID joins this long after start. Default 120000. */
  hostJoinAfterMs?: number;
  /** room-call answers carry `status` 2 / 5 (§8.2). Default true; false answers only invite_id (older service). */
  roomCallAnswersStatus?: boolean;
  faults?: FaultOptions;
  /** Seed for the fault-rate PRNG. Default 20240601. */
  seed?: number;
  /** Requests per app in any rolling 60 s before 190310 (§8.1). Default 300; 0 = no limit. */
  rateLimitPerMinute?: number;
  /** Requests per app per Beijing calendar day before 190311 (§8.1). Default 200,000; 0 = no limit. */
  rateLimitPerDay?: number;
}

export interface Simulator {
  readonly url: string;
  readonly credentials: SimulatorCredentials;
  readonly requests: readonly RecordedRequest[];
  /** The next `count` (default 1) requests, matching the path prefix if given, get this fault. */
  injectFault(fault: { kind: FaultKind; path?: string; count?: number }): void;
  /** Replaces all fault options (left-out options are off). */
  setFaults(faults: FaultOptions): void;
  /** Changes the per-app limits (left-out ones keep their value); counts so far are kept. */
  setRateLimits(limits: Partial<RateLimits>): void;
  /** The most requests received in any window of `windowMs` (default 60 000) of clock(), over all requests so far. */
  busiestWindow(windowMs?: number): number;
  /** The seeded meetings as they were at start; meetingStatus() gives the live status. */
  readonly meetings: readonly SeedMeeting[];
  readonly rooms: readonly SeedRoom[];
  invites(): readonly InviteRecord[];
  /** A meeting's status at clock() (INIT turns STARTED once anyone is in it; endMeeting makes it ENDED). */
  meetingStatus(meetingId: string): MeetingState;
  /**
   * Scripts a host (default: the meeting's first host; a co-host works too) joining at `atMs` (clock() time, may be in
   * the future): real-time participants then list them with role 2/3 (6/7 for a co-host). Throws for an unknown
   * meeting, a userid that is neither host nor co-host, or one already in the meeting then.
   */
  scriptHostJoin(meetingId: string, atMs: number, userid?: string): void;
  /** The host (or every host/co-host in it, when userid is left out) leaves at `atMs`. Throws if none is in it then. */
  scriptHostLeave(meetingId: string, atMs: number, userid?: string): void;
  /**
   * A room in the meeting drops out at `atMs` (default clock()): room-call-info gives 6 from then and it leaves the
   * participants. Throws unless the room is in the meeting (status 2) at that time.
   */
  dropRoom(meetingId: string, target: CallTarget, atMs?: number): void;
  /** The meeting ends at `atMs` (default clock()): ENDED, everyone leaves, rooms in it go to 6 (ringing ones to 0). */
  endMeeting(meetingId: string, atMs?: number): void;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 20240601;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  readonly errorCode: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function jsonReply(status: number, value: unknown, errorCode?: number, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE, errorCode, headers };
}

function errorReply(error: SimError): Reply {
  return jsonReply(error.httpStatus, errorBody(error.code, error.message), error.code, { ...error.headers });
}

function faultError(kind: ErrorKind, detail: string): Reply {
  return errorReply(new SimError(kind, detail));
}

const GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>stgw</center>\r\n</body>\r\n</html>\r\n';

/** A proper prefix of a JSON object is never valid JSON. */
function truncate(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0) throw new RangeError(`${name} must be 0 or more`);
  return result;
}

/** What identifies the app to the limits (§8.1): the credential headers as sent. */
function appOf(headers: Readonly<Record<string, string>>): string {
  return [headers['appid'], headers['sdkid'], headers['x-tc-key']].map((value) => value ?? '').join('|');
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const credentials = Object.freeze({ ...(options.credentials ?? DEMO_CREDENTIALS) });
  const timing: CallTiming = {
    answerDelayMs: nonNegative('answerDelayMs', options.answerDelayMs, 3000),
    ringWindowMs: nonNegative('ringWindowMs', options.ringWindowMs, 60_000),
    leaveAfterMs: nonNegative('leaveAfterMs', options.leaveAfterMs, 10_000),
  };
  const faults = new FaultPlan(options.faults ?? {}, options.seed ?? DEFAULT_SEED);
  const limiter = new RateLimiter({
    ...(options.rateLimitPerMinute === undefined ? {} : { perMinute: options.rateLimitPerMinute }),
    ...(options.rateLimitPerDay === undefined ? {} : { perDay: options.rateLimitPerDay }),
  });
  const startMs = clock();
  const meetings = seedMeetings(startMs);
  const rooms = seedRooms();
  const roomsById = new Map(rooms.map((room) => [room.meetingRoomId, room]));
  const calls = new CallBook(timing);
  const book = new MeetingBook(meetings, calls);
  book.hostJoins(
    HOST_JOINS_LATER_MEETING_ID,
    startMs + nonNegative('hostJoinAfterMs', options.hostJoinAfterMs, 120_000),
  );
  const listCursors = new ListCursors();
  const roomCallAnswersStatus = options.roomCallAnswersStatus ?? true;
  const replay = new ReplayGuard();
  const requests: Mutable<RecordedRequest>[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing = false;

  const serverNow = () => clock() + (faults.current.clockOffsetMs ?? 0);

  /** Runs fn after the configured latency (tracked so close() can cancel it). */
  const later = (fn: () => void) => {
    const delay = faults.current.latencyMs ?? 0;
    if (delay <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, delay);
    timers.add(timer);
  };

  const handle = (req: IncomingMessage, body: Buffer): Reply => {
    const method = req.method ?? '';
    const uri = req.url ?? '';
    const queryAt = uri.indexOf('?');
    const path = queryAt === -1 ? uri : uri.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : uri.slice(queryAt + 1);
    try {
      const match = route(method, path);
      authenticate({ method, uri, headers: req.headersDistinct, body }, credentials, serverNow(), replay);
      if (method === 'GET' && body.length > 0)
        throw new SimError('invalidParam', 'a GET request must not carry a body');
      const context: HandlerContext = {
        credentials,
        meetings,
        book,
        rooms,
        roomsById,
        calls,
        listCursors,
        roomCallAnswersStatus,
        nowMs: clock(),
        serverNowMs: serverNow(),
      };
      return jsonReply(200, match.handler({ method, path, rawQuery, body, params: match.params }, context));
    } catch (error) {
      if (error instanceof SimError) return errorReply(error);
      console.error('[simulator] internal error', error);
      return jsonReply(500, errorBody(-1, `simulator bug: ${String(error)}`), -1);
    }
  };

  const send = (res: ServerResponse, record: Mutable<RecordedRequest>, reply: Reply) => {
    later(() => {
      if (res.destroyed) return;
      record.status = reply.status;
      record.errorCode = reply.errorCode;
      res.writeHead(reply.status, {
        ...reply.headers,
        Date: httpDate(serverNow()),
        'Content-Type': reply.contentType,
        'Content-Length': Buffer.byteLength(reply.body),
      });
      res.end(reply.body);
    });
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const record: Mutable<RecordedRequest> = {
      receivedAtMs: clock(),
      method: req.method ?? '',
      path: req.url ?? '',
      headers: flatHeaders(req),
      rawBody: body.toString('utf8'),
      fault: undefined,
      status: undefined,
      errorCode: undefined,
      processed: undefined,
    };
    requests.push(record);

    // The per-app limits come first: a refused request is neither processed nor given a fault.
    const hit = limiter.admit(appOf(record.headers), record.receivedAtMs, serverNow());
    if (hit === 'minute') {
      const detail = `more than ${limiter.current.perMinute} requests from this app in 60 s`;
      return send(res, record, faultError('rateLimited', detail));
    }
    if (hit === 'day') {
      const detail = `more than ${limiter.current.perDay} requests from this app today (Beijing time)`;
      return send(res, record, faultError('dailyLimited', detail));
    }

    const fault = faults.next(record.path);
    record.fault = fault;

    // Faults that refuse the request before any processing.
    if (fault === 'rate_limit') return send(res, record, faultError('rateLimited', 'simulated rate limit'));
    if (fault === 'server_error') return send(res, record, faultError('callStatusFailed', 'simulated service error'));

    const reply = handle(req, body);
    if (fault !== undefined) record.processed = { status: reply.status, errorCode: reply.errorCode };
    switch (fault) {
      case undefined:
        return send(res, record, reply);
      case 'gateway_error':
        return send(res, record, {
          status: 502,
          body: GATEWAY_PAGE,
          contentType: 'text/html',
          errorCode: undefined,
          headers: {},
        });
      case 'malformed':
        return send(res, record, { ...reply, status: 200, body: truncate(reply.body), errorCode: undefined });
      case 'drop':
        return later(() => req.socket.destroy());
      case 'hang':
        return; // never answered; close() destroys the socket
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!closing) answer(req, res, Buffer.concat(chunks));
    });
    req.on('error', () => undefined);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    credentials,
    requests,
    meetings,
    rooms,
    injectFault: ({ kind, path, count }) => faults.inject(kind, path, count ?? 1),
    setFaults: (next) => faults.set(next),
    setRateLimits: (next) => limiter.set(next),
    busiestWindow: (windowMs = 60_000) =>
      busiestWindow(
        requests.map((r) => r.receivedAtMs),
        windowMs,
      ),
    invites: () => calls.records(),
    meetingStatus: (meetingId) => {
      const meeting = book.find(meetingId);
      if (!meeting) throw new Error(`no seeded meeting ${meetingId}`);
      return book.statusAt(meeting, clock());
    },
    scriptHostJoin: (meetingId, atMs, userid) => book.hostJoins(meetingId, atMs, userid),
    scriptHostLeave: (meetingId, atMs, userid) => book.hostLeaves(meetingId, atMs, userid),
    dropRoom: (meetingId, target, atMs) => calls.drop(meetingId, target, atMs ?? clock()),
    endMeeting: (meetingId, atMs) => book.end(meetingId, atMs ?? clock()),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
