// The Tencent Meeting REST client used by the app's main process and by the CLI.
// Plain Node: the fetch function is injected (Electron's net.fetch in the app, honouring the system proxy).
import type { MeetingRef } from '../../common/meeting-number';
import type { RoomTarget } from '../../common/room-target';
import type {
  MeetingInfo,
  MeetingParticipant,
  MeetingRoomInfo,
  RealTimeParticipants,
  RoomAnswer,
  RoomCallResult,
  RoomMeeting,
  RoomMeetingList,
  UserMeeting,
  UserMeetingList,
} from '../../common/wemeet-types';
import { ApiError, UnknownOutcomeError, WemeetError, type NetworkError } from './errors';
import {
  readMeetingListPage,
  readMeetingRoomsPage,
  readMeetings,
  readParticipantsPage,
  readRoomAnswer,
  readRoomCall,
  readRoomMeetingsPage,
} from './responses';
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
/** The meeting list gives 20 a page: 25 pages is 500 meetings, more than any one person has coming up. */
const MAX_MEETING_LIST_PAGES = 25;
/** real-time-participants allows 50 a page: 20 pages is 1000 people. */
const PARTICIPANTS_PAGE_SIZE = 50;
const MAX_PARTICIPANT_PAGES = 20;
/** A room's meetings: at most 20 a page, a range of at most 90 days. */
const ROOM_MEETINGS_PAGE_SIZE = 20;
const MAX_ROOM_MEETING_PAGES = 50;
const MAX_ROOM_MEETINGS_RANGE_S = 90 * 24 * 60 * 60;
/** operator_id_type / target_rooms_id_type 5: a meeting_room_id (3 would be a rooms_id). */
const ROOM_ID_TYPE_MEETING_ROOM_ID = 5;
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
      return { ...readRoomCall(json), meetingId };
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

  /**
   * A user's in-progress and upcoming meetings (creator, host or invitee), following pos + cursory to the last page
   * (at most MAX_MEETING_LIST_PAGES). No date filter: "today" is for the caller to pick.
   */
  async listUserMeetings(
    userid: string = this.transport.credentials.operatorId,
    priority: RequestPriority = 'normal',
  ): Promise<UserMeetingList> {
    if (typeof userid !== 'string' || userid === '' || userid.length > 128) {
      throw new TypeError('userid must be a non-empty string');
    }
    const meetings = new Map<string, UserMeeting>();
    const base: [string, string][] = [
      ['userid', userid],
      ['instanceid', String(this.instanceId)],
    ];
    let cursor: { pos: number; cursory: number } | undefined;
    for (let page = 1; page <= MAX_MEETING_LIST_PAGES; page += 1) {
      const query = cursor
        ? [
            ...base,
            ['pos', String(cursor.pos)] as [string, string],
            ['cursory', String(cursor.cursory)] as [string, string],
          ]
        : base;
      const result = readMeetingListPage(await this.read({ method: 'GET', path: '/v1/meetings', query, priority }));
      // The same meeting on two pages (the API warns it can happen) is kept once.
      for (const meeting of result.meetings)
        if (!meetings.has(meeting.meetingId)) meetings.set(meeting.meetingId, meeting);
      if (result.remaining === 0) return { meetings: [...meetings.values()], complete: true };
      const next =
        result.nextPos === undefined || result.nextCursory === undefined
          ? undefined
          : { pos: result.nextPos, cursory: result.nextCursory };
      // No way on, or the same place again: stop rather than loop.
      if (!next || (cursor && next.pos === cursor.pos && next.cursory === cursor.cursory)) break;
      cursor = next;
    }
    return { meetings: [...meetings.values()], complete: false };
  }

  /**
   * Who is in the meeting now, all pages (at most MAX_PARTICIPANT_PAGES of 50). A recurring meeting needs its
   * `subMeetingId` (UserMeeting.currentSubMeetingId). Only admins, the creator, hosts and co-hosts may ask (9042).
   * `priority` 'poll' (the default) for a watcher waiting for the host; 'normal' for a one-off look.
   */
  async realTimeParticipants(
    meetingId: string,
    options: { subMeetingId?: string | undefined; priority?: RequestPriority } = {},
  ): Promise<RealTimeParticipants> {
    assertMeetingId(meetingId);
    const { subMeetingId, priority = 'poll' } = options;
    if (subMeetingId !== undefined && !/^\d{1,20}$/.test(subMeetingId)) {
      throw new TypeError('subMeetingId must be a string of digits');
    }
    const participants = new Map<string, MeetingParticipant>();
    let meetingStatus: string | undefined;
    let totalCount = 0;
    let complete = false;
    for (let page = 1; page <= MAX_PARTICIPANT_PAGES; page += 1) {
      const query: [string, string][] = [
        ['operator_id', this.transport.credentials.operatorId],
        ['operator_id_type', String(OPERATOR_ID_TYPE_USERID)],
        ['page', String(page)],
        ['page_size', String(PARTICIPANTS_PAGE_SIZE)],
      ];
      if (subMeetingId !== undefined) query.push(['sub_meeting_id', subMeetingId]);
      const path = `/v1/meetings/${meetingId}/real-time-participants`;
      const result = readParticipantsPage(await this.read({ method: 'GET', path, query, priority }));
      meetingStatus = result.meetingStatus;
      totalCount = result.totalCount;
      // People join and leave between pages, which shifts the rest: the same one may come twice.
      result.participants.forEach((p, i) => participants.set(p.msOpenId ?? `${page}:${i}`, p));
      if (page >= result.totalPage || result.participants.length === 0) {
        complete = true;
        break;
      }
    }
    const list = [...participants.values()];
    return { meetingStatus, totalCount, participants: list, hostPresent: list.some((p) => p.isHost), complete };
  }

  /**
   * The meetings a Tencent Rooms room is booked for that start within [startTime, endTime] (Unix seconds, at most
   * 90 days apart), all pages (at most MAX_ROOM_MEETING_PAGES). The room itself is the operator of this call.
   */
  async listRoomMeetings(
    meetingRoomId: string,
    range: { readonly startTime: number; readonly endTime: number },
    priority: RequestPriority = 'normal',
  ): Promise<RoomMeetingList> {
    if (typeof meetingRoomId !== 'string' || !/^\d{1,32}$/.test(meetingRoomId)) {
      throw new TypeError('meetingRoomId must be a string of digits');
    }
    const { startTime, endTime } = range;
    const span = endTime - startTime;
    if (
      !Number.isSafeInteger(startTime) ||
      !Number.isSafeInteger(endTime) ||
      span < 0 ||
      span > MAX_ROOM_MEETINGS_RANGE_S
    ) {
      throw new TypeError('startTime..endTime must be whole Unix seconds, at most 90 days apart');
    }
    const meetings = new Map<string, RoomMeeting>();
    for (let page = 1; page <= MAX_ROOM_MEETING_PAGES; page += 1) {
      const query: [string, string][] = [
        ['operator_id_type', String(ROOM_ID_TYPE_MEETING_ROOM_ID)],
        ['instanceid', String(this.instanceId)],
        ['target_rooms_id', meetingRoomId],
        ['target_rooms_id_type', String(ROOM_ID_TYPE_MEETING_ROOM_ID)],
        ['start_time', String(startTime)],
        ['end_time', String(endTime)],
        ['page', String(page)],
        ['page_size', String(ROOM_MEETINGS_PAGE_SIZE)],
      ];
      const path = `/v1/meeting-rooms/${meetingRoomId}/meetings`;
      const result = readRoomMeetingsPage(await this.read({ method: 'GET', path, query, priority }));
      for (const meeting of result.meetings)
        if (!meetings.has(meeting.meetingId)) meetings.set(meeting.meetingId, meeting);
      if (page >= result.totalPage || result.meetings.length === 0)
        return { meetings: [...meetings.values()], complete: true };
    }
    return { meetings: [...meetings.values()], complete: false };
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
