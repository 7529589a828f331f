// The Tencent Meeting REST client used by the app's main process and by the CLI.
// Plain Node: the fetch function is injected (Electron's net.fetch in the app, honouring the system proxy).
import type { MeetingRef } from '../../common/meeting-number';
import type { RoomTarget } from '../../common/room-target';
import type { MeetingInfo, MeetingRoomInfo, RoomAnswer, RoomCallResult } from '../../common/wemeet-types';
import { ApiError, UnknownOutcomeError, WemeetError, type NetworkError } from './errors';
import { readInviteId, readMeetingRoomsPage, readMeetings, readRoomAnswer } from './responses';
import { DEFAULT_BASE_DELAY_MS, DEFAULT_RETRIES, realSleep, withRetries, type RetryPolicy } from './retry';
import type { RequestBudget, RequestPriority } from './request-budget';
import { sendOnce, type ApiRequest, type FetchLike, type TransportConfig, type WemeetCredentials } from './transport';

export type { FetchLike, WemeetCredentials } from './transport';

export interface WemeetClientOptions {
  /** Validated base URL; see common/endpoint.ts. */
  readonly endpoint: string;
  readonly credentials: WemeetCredentials;
  readonly fetch: FetchLike;
  readonly appVersion: string;
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
  /** Device type sent as instanceid / instance_id; 1 = PC. */
  readonly instanceId?: number;
  readonly retries?: number;
  readonly retryBaseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly onClockSkew?: (skewMs: number) => void;
  /** Shared by every client on the same credentials (one per credential set; see services.ts). */
  readonly budget?: RequestBudget;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_INSTANCE_ID = 1;
/** The largest page the list APIs accept. */
const ROOMS_PAGE_SIZE = 50;
/** A guard against a server that never says it is on the last page. */
const MAX_ROOM_PAGES = 500;
const OPERATOR_ID_TYPE_USERID = 1;

export class WemeetClient {
  private readonly transport: TransportConfig;
  private readonly retry: RetryPolicy;
  readonly instanceId: number;

  constructor(options: WemeetClientOptions) {
    this.transport = {
      endpoint: options.endpoint,
      credentials: options.credentials,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      appVersion: options.appVersion,
      now: options.now ?? Date.now,
      onClockSkew: options.onClockSkew,
      budget: options.budget,
    };
    this.retry = {
      retries: options.retries ?? DEFAULT_RETRIES,
      baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_BASE_DELAY_MS,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
    };
    this.instanceId = options.instanceId ?? DEFAULT_INSTANCE_ID;
  }

  /**
   * Rings a room. Sent exactly once, never retried: a repeat could ring the room twice. When the answer is
   * lost after the request may have left this machine, throws UnknownOutcomeError ("check the status").
   */
  async roomCall(meetingId: string, target: RoomTarget): Promise<RoomCallResult> {
    assertMeetingId(meetingId);
    const request: ApiRequest = {
      method: 'PUT',
      path: '/v1/meeting-rooms/room-call',
      target: target.kind,
      priority: 'urgent',
      body: JSON.stringify({ ...this.operator(), ...targetFields(target), meeting_id: meetingId }),
    };
    let json: unknown;
    try {
      json = await sendOnce(this.transport, request);
      return { inviteId: readInviteId(json), meetingId };
    } catch (error) {
      throw outcomeUnknownUnlessDefinite(error);
    }
  }

  /** Stops a ringing call. Idempotent on the server side, so it is retried like a read. */
  async cancelRoomCall(meetingId: string, inviteId: string, target: RoomTarget): Promise<void> {
    assertMeetingId(meetingId);
    if (!inviteId) throw new TypeError('inviteId is required');
    const body = JSON.stringify({
      ...this.operator(),
      meeting_id: meetingId,
      invite_id: inviteId,
      instance_id: this.instanceId,
      ...targetFields(target),
    });
    await this.read({
      method: 'PUT',
      path: '/v1/meeting-rooms/cancel-room-call',
      target: target.kind,
      priority: 'urgent',
      body,
      allowEmptyBody: true,
    });
  }

  /** `priority` 'poll' for the status poller (the default); 'normal' for a check an operator's dial waits on. */
  async roomCallInfo(meetingId: string, target: RoomTarget, priority: RequestPriority = 'poll'): Promise<RoomAnswer> {
    assertMeetingId(meetingId);
    const body = JSON.stringify({
      ...this.operator(),
      instance_id: this.instanceId,
      meeting_id: meetingId,
      ...targetFields(target),
    });
    const json = await this.read({
      method: 'POST',
      path: '/v1/meeting-rooms/room-call-info',
      target: target.kind,
      priority,
      body,
    });
    return readRoomAnswer(json);
  }

  async getMeetingByCode(meetingCode: string): Promise<MeetingInfo> {
    if (!/^\d{9}$/.test(meetingCode)) throw new TypeError('meetingCode must be 9 digits');
    const json = await this.read({
      method: 'GET',
      path: '/v1/meetings',
      query: [['meeting_code', meetingCode], ...this.userQuery()],
    });
    return firstMeeting(json, meetingCode);
  }

  async getMeetingById(meetingId: string): Promise<MeetingInfo> {
    assertMeetingId(meetingId);
    const json = await this.read({ method: 'GET', path: `/v1/meetings/${meetingId}`, query: this.userQuery() });
    return firstMeeting(json, meetingId);
  }

  /** A meeting code is looked up; a meeting ID is looked up too, so the operator sees what they dial into. */
  resolveMeeting(ref: MeetingRef): Promise<MeetingInfo> {
    return ref.kind === 'code' ? this.getMeetingByCode(ref.meetingCode) : this.getMeetingById(ref.meetingId);
  }

  /** One cheap signed read (the first Rooms page, one item) to prove the credentials and the network work. */
  async testConnection(): Promise<void> {
    await this.read({ method: 'GET', path: '/v1/meeting-rooms', query: [...this.roomsQuery(1, 1)] });
  }

  /** Every Tencent Rooms room of the account, all pages, each room once. */
  async listMeetingRooms(filter: { name?: string } = {}): Promise<MeetingRoomInfo[]> {
    const rooms = new Map<string, MeetingRoomInfo>();
    for (let page = 1; page <= MAX_ROOM_PAGES; page += 1) {
      const query = this.roomsQuery(page, ROOMS_PAGE_SIZE);
      if (filter.name) query.push(['meeting_room_name', filter.name]);
      const result = readMeetingRoomsPage(await this.read({ method: 'GET', path: '/v1/meeting-rooms', query }));
      for (const room of result.rooms) rooms.set(room.meetingRoomId, room);
      if (result.rooms.length === 0 || page >= result.totalPage) break;
    }
    return [...rooms.values()];
  }

  private read(request: ApiRequest): Promise<unknown> {
    return withRetries(this.retry, () => sendOnce(this.transport, request));
  }

  private operator(): { operator_id: string; operator_id_type: number } {
    return { operator_id: this.transport.credentials.operatorId, operator_id_type: OPERATOR_ID_TYPE_USERID };
  }

  private roomsQuery(page: number, pageSize: number): [string, string][] {
    return [
      ['operator_id', this.transport.credentials.operatorId],
      ['operator_id_type', String(OPERATOR_ID_TYPE_USERID)],
      ['page', String(page)],
      ['page_size', String(pageSize)],
    ];
  }

  private userQuery(): [string, string][] {
    return [
      ['userid', this.transport.credentials.operatorId],
      ['instanceid', String(this.instanceId)],
    ];
  }
}

function targetFields(target: RoomTarget): Record<string, unknown> {
  return target.kind === 'rooms'
    ? { meeting_room_id: target.meetingRoomId }
    : { mra_address: { protocol: target.protocol, dial_string: target.dialString } };
}

function assertMeetingId(meetingId: string): void {
  // Programming guard: validation with operator-facing messages happens before (common/meeting-number.ts).
  if (typeof meetingId !== 'string' || !/^\d+$/.test(meetingId))
    throw new TypeError('meetingId must be a string of digits');
}

function firstMeeting(json: unknown, asked: string): MeetingInfo {
  const meeting = readMeetings(json)[0];
  // An empty list is the API's way of saying "no such meeting"; explain it like error 9003.
  if (!meeting) throw new ApiError(200, 9003, undefined, `no meeting ${asked}`);
  return meeting;
}

/**
 * For room-call only. A definite answer from the API (error_info) or a failure that certainly happened before
 * sending is a failure; anything else (timeout, dropped connection, unreadable answer) leaves the room possibly
 * ringing, so it is reported as unknown.
 */
function outcomeUnknownUnlessDefinite(error: unknown): unknown {
  if (!(error instanceof WemeetError)) return error;
  if (error.kind === 'api' || error.kind === 'clock_skew') return error;
  if (error.kind === 'network' && !(error as NetworkError).mayHaveBeenSent) return error;
  return new UnknownOutcomeError(error);
}
