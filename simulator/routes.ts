// The route table. Routing runs before authentication: an unknown path is 404 and a known path with the
// wrong method is 405 (Allow header), both in the error_info shape.
import type { Handler } from './context';
import { SimError } from './errors';
import { meetingRoomsList } from './handlers/meeting-rooms';
import { meetingById, meetingsQuery } from './handlers/meetings';
import { roomMeetings } from './handlers/room-meetings';
import { realTimeParticipants } from './handlers/participants';
import { cancelRoomCall, roomCall, roomCallInfo } from './handlers/room-calls';

interface Route {
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly pattern: RegExp;
  readonly params: readonly string[];
  readonly handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'PUT', pattern: /^\/v1\/meeting-rooms\/room-call$/, params: [], handler: roomCall },
  { method: 'PUT', pattern: /^\/v1\/meeting-rooms\/cancel-room-call$/, params: [], handler: cancelRoomCall },
  { method: 'POST', pattern: /^\/v1\/meeting-rooms\/room-call-info$/, params: [], handler: roomCallInfo },
  { method: 'GET', pattern: /^\/v1\/meeting-rooms$/, params: [], handler: meetingRoomsList },
  {
    method: 'GET',
    pattern: /^\/v1\/meeting-rooms\/([^/]+)\/meetings$/,
    params: ['operator_id'],
    handler: roomMeetings,
  },
  { method: 'GET', pattern: /^\/v1\/meetings$/, params: [], handler: meetingsQuery },
  { method: 'GET', pattern: /^\/v1\/meetings\/([^/]+)$/, params: ['meeting_id'], handler: meetingById },
  {
    method: 'GET',
    pattern: /^\/v1\/meetings\/([^/]+)\/real-time-participants$/,
    params: ['meeting_id'],
    handler: realTimeParticipants,
  },
];

export interface Match {
  readonly method: Route['method'];
  readonly handler: Handler;
  readonly params: Readonly<Record<string, string>>;
}

/** The route for method + raw path, or a 404 / 405 SimError. */
export function route(method: string, path: string): Match {
  const candidates = ROUTES.filter((r) => r.pattern.test(path));
  if (candidates.length === 0) throw new SimError('notFound', `${method} ${path}`);
  const found = candidates.find((r) => r.method === method);
  if (!found) {
    const allow = candidates.map((r) => r.method).join(', ');
    throw new SimError('methodNotAllowed', `${method} ${path} (allowed: ${allow})`, { Allow: allow });
  }
  const groups = found.pattern.exec(path) ?? [];
  const params: Record<string, string> = {};
  found.params.forEach((name, i) => {
    params[name] = groups[i + 1] ?? '';
  });
  return { method: found.method, handler: found.handler, params };
}
