// The Tencent Meeting API simulator: a real HTTP server on 127.0.0.1 that is as strict as the real service.
// Per request: read body → record → pick fault → route (404/405) → authenticate → handler → deliver (latency, fault).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authenticate, ReplayGuard } from './auth';
import { CallBook, type CallTiming } from './calls';
import type { HandlerContext } from './context';
import { errorBody, SimError, type ErrorKind } from './errors';
import { FaultPlan } from './faults';
import { route } from './routes';
import { DEMO_CREDENTIALS, seedMeetings, seedRooms } from './seed';
import { httpDate } from './time';
import type {
  FaultKind,
  FaultOptions,
  InviteRecord,
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
  RecordedRequest,
  SeedMeeting,
  SeedRoom,
  SimulatorCredentials,
} from './types';
export { DEMO_CREDENTIALS, EXAMPLE_ADDRESSES } from './seed';
export { demoEnv, wemeetEnv } from './env';

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
  /** "leave" callees go 2 → 6 after this long in the meeting. Default 10000. */
  leaveAfterMs?: number;
  faults?: FaultOptions;
  /** Seed for the fault-rate PRNG. Default 20240601. */
  seed?: number;
}

export interface Simulator {
  readonly url: string;
  readonly credentials: SimulatorCredentials;
  readonly requests: readonly RecordedRequest[];
  /** The next `count` (default 1) requests, matching the path prefix if given, get this fault. */
  injectFault(fault: { kind: FaultKind; path?: string; count?: number }): void;
  /** Replaces all fault options (left-out options are off). */
  setFaults(faults: FaultOptions): void;
  readonly meetings: readonly SeedMeeting[];
  readonly rooms: readonly SeedRoom[];
  invites(): readonly InviteRecord[];
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
  const meetings = seedMeetings(clock());
  const rooms = seedRooms();
  const roomsById = new Map(rooms.map((room) => [room.meetingRoomId, room]));
  const calls = new CallBook(timing);
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
        rooms,
        roomsById,
        calls,
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
    invites: () => calls.records(),
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
