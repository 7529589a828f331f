// THE dialer: the only way a room is rung, for the window's one-click and batch dial, redial, the CLI, and the
// automation built on top. Every dial rule lives here, once:
//   - the rooms exist and Tencent allows calling them (a Rooms room marked not callable is skipped, with why); a
//     room set's deleted room is skipped with why, the rest of the set still rings;
//   - the meeting is open: a cancelled or ended meeting is refused with the reason, before anything rings;
//   - the duplicate guard per (meeting, device), devices compared the way a SIP/H.323 network does
//     (common/room-dial-key.ts): a room already queued, calling or ringing is not rung again;
//   - "already in this meeting": a room whose last call joined is rung again only when a fresh status read says it
//     is no longer in (left, or never got there);
//   - a room whose last call ended with an unknown outcome may still be ringing: the caller says what to do
//     ('ask' — the default — answers with a confirmation to ask for and rings nothing, 'skip', or 'ring');
//   - a batch larger than the threshold (default 50) needs its size confirmed, naming the count and the meeting;
//   - the queue with its concurrency cap, the one-shot room-call, polling within the request budget and history
//     are the call tracker's (call-tracker.ts), which only the dialer drives; Cancel all empties its queue.
import {
  CANCELLABLE_CALL_STATES,
  REDIAL_FAILED_STATES,
  type CallOrigin,
  type CallProfile,
  type CallView,
  type DialResult,
  type SkippedRoom,
  type SkipReason,
  type UnknownOutcomePolicy,
} from '../../common/call-model';
import type { Localized } from '../../common/locale';
import { meetingClosedReason } from '../../common/meeting-state';
import { OperatorFailure } from '../../common/operator-error';
import type { Room } from '../../common/store-schema';
import type { MeetingInfo, RoomAnswer } from '../../common/wemeet-types';
import { silentLog, type Log } from '../log';
import { unknownCallError, unknownRoomError } from './call-errors';
import { dialKey, roomTargetOf } from './room-target-of';
import type { CallApi } from './tracked-call';
import type { CallTrackerApi, DialMeeting, DialTarget } from './types';

/** Batches above this many rooms need the count confirmed (a setting may change it). */
export const DEFAULT_BATCH_CONFIRM_ABOVE = 50;
/** A meeting's state is read again after this long. */
const MEETING_STATE_TTL_MS = 30_000;

export type { DialResult, UnknownOutcomePolicy } from '../../common/call-model';

/** A room of the address book, or (the CLI) a device typed on the command line. */
export type DialRoom = { readonly roomId: string } | DialTarget;

export interface DialRequest {
  readonly meeting: DialMeeting;
  readonly rooms: readonly DialRoom[];
  /** For rooms whose last call into this meeting ended unknown. Default 'ask'. */
  readonly unknownOutcome?: UnknownOutcomePolicy;
  /** The operator confirmed a batch of exactly this many rooms. */
  readonly confirmedCount?: number;
  /** What the caller calls the list of rooms, for errors naming a room's place in it; default 'rooms'. */
  readonly listField?: string;
  /** Who asks: recorded on each call and in history. Default: the operator. */
  readonly origin?: CallOrigin;
  /**
   * A room id the address book no longer has: 'refuse' (default) fails the whole request naming its place in the
   * list, before anything rings; 'skip' leaves it out with the reason 'deleted' (a room set keeps a deleted room's
   * place, and the rest of the set must still ring).
   */
  readonly deletedRooms?: 'refuse' | 'skip';
}

/** What the dialer reads from the store. */
export interface DialerStore {
  getRoom(id: string): Room | undefined;
}

export interface DialerDeps {
  readonly tracker: CallTrackerApi;
  readonly store: DialerStore;
  /** The client for a new dial; throws (e.g. "not configured") when there is none. */
  readonly getClient: () => Promise<DialerClient>;
  /**
   * The profile in use, read in the same step as getClient: a switch while the dial awaits the meeting must not
   * label the call with the new profile when the old one's credentials place it.
   */
  readonly currentProfile?: () => CallProfile;
  readonly log?: Log;
  readonly now?: () => number;
  /** Batches above this many rooms need their count confirmed; read at every dial. */
  readonly batchConfirmAbove?: () => number;
}

/** The API calls the dialer itself makes, besides what the tracker makes. */
export type DialerClient = CallApi & { getMeetingById(meetingId: string): Promise<MeetingInfo> };

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

const SKIP_TEXT: Readonly<Record<SkipReason, (name: string) => Localized>> = {
  already_active: (name) =>
    both(`“${name}”已在呼叫中，未重复呼叫`, `"${name}" is already being called; not rung twice`),
  already_joined: (name) =>
    both(`“${name}”已在会议中，未重复呼叫`, `"${name}" is already in the meeting; not rung again`),
  unknown_outcome: (name) =>
    both(
      `“${name}”上次呼叫结果未知，可能仍在响铃，已跳过`,
      `"${name}": the last call's outcome is unknown and it may still be ringing; skipped`,
    ),
  not_callable: (name) =>
    both(
      `腾讯会议不允许呼叫“${name}”（is_allow_call 为否），已跳过`,
      `Tencent Meeting does not allow calling "${name}" (is_allow_call is false); skipped`,
    ),
  repeated: (name) => both(`“${name}”在这次呼叫中出现了两次，只呼叫一次`, `"${name}" was listed twice; rung once`),
  deleted: () =>
    both('列表中有一个会议室已从通讯录删除，已跳过', 'A room of this list was deleted from the address book; skipped'),
};

export class Dialer {
  private readonly tracker: CallTrackerApi;
  private readonly log: Log;
  private readonly now: () => number;
  /** Devices a dial() is deciding about right now (between its checks and the queue): the guard across awaits. */
  private readonly deciding = new Set<string>();
  private readonly meetingStates = new Map<string, { readonly status: string; readonly atMs: number }>();

  constructor(private readonly deps: DialerDeps) {
    this.tracker = deps.tracker;
    this.log = deps.log ?? silentLog;
    this.now = deps.now ?? Date.now;
  }

  async dial(request: DialRequest): Promise<DialResult> {
    const { meeting } = request;
    const skipped: SkippedRoom[] = [];
    const skip = (target: DialTarget, reason: SkipReason, callId?: string) =>
      skipped.push({
        roomId: target.roomId,
        roomName: target.roomName,
        reason,
        message: SKIP_TEXT[reason](target.roomName),
        ...(callId ? { callId } : {}),
      });

    // 1. Rooms, callability, repeats, calls already under way: all decided before any await.
    const candidates: DialTarget[] = [];
    const keys = new Set<string>();
    request.rooms.forEach((room, index) => {
      if (request.deletedRooms === 'skip' && !('target' in room) && !this.deps.store.getRoom(room.roomId)) {
        const message = SKIP_TEXT.deleted('');
        return void skipped.push({ roomId: room.roomId, roomName: '', reason: 'deleted', message });
      }
      const target = this.resolve(room, `${request.listField ?? 'rooms'}[${index}]`, skip);
      if (!target) return;
      const key = dialKey(meeting.meetingId, target.target);
      if (keys.has(key)) return void skip(target, 'repeated');
      keys.add(key);
      if (this.deciding.has(key)) return void skip(target, 'already_active');
      candidates.push(target);
    });

    const toCheck: DialTarget[] = [];
    const unknown: DialTarget[] = [];
    const toDial: DialTarget[] = [];
    for (const target of candidates) {
      const last = this.tracker.latestCall(meeting.meetingId, target.target);
      if (last && CANCELLABLE_CALL_STATES.has(last.state)) skip(target, 'already_active', last.callId);
      else if (last?.state === 'joined') toCheck.push(target);
      else if (last?.state === 'unknown') unknown.push(target);
      else toDial.push(target);
    }
    const policy = request.unknownOutcome ?? 'ask';
    if (unknown.length > 0 && policy === 'ask') {
      return {
        calls: [],
        skipped,
        confirm: {
          kind: 'unknown_outcome',
          roomIds: unknown.map((t) => t.roomId),
          roomNames: unknown.map((t) => t.roomName),
        },
      };
    }
    if (policy === 'skip') unknown.forEach((target) => skip(target, 'unknown_outcome'));
    else toDial.push(...unknown);

    const count = toDial.length + toCheck.length;
    const threshold = this.deps.batchConfirmAbove?.() ?? DEFAULT_BATCH_CONFIRM_ABOVE;
    if (count > threshold && request.confirmedCount !== count) {
      return { calls: [], skipped, confirm: { kind: 'large_batch', count, meeting } };
    }
    if (count === 0) return { calls: [], skipped };

    // 2. From here on, awaits: hold the devices so that a second dial() meanwhile does not pass the guard.
    const held = [...toDial, ...toCheck].map((t) => dialKey(meeting.meetingId, t.target));
    held.forEach((key) => this.deciding.add(key));
    try {
      const profile = this.deps.currentProfile?.();
      const client = await this.deps.getClient();
      await this.requireOpenMeeting(meeting, client);
      for (const target of toCheck) {
        if (await this.stillIn(meeting.meetingId, target, client)) skip(target, 'already_joined');
        else toDial.push(target);
      }
      const calls = this.tracker.dialTargets(meeting, toDial, Promise.resolve(client), request.origin, profile);
      if (skipped.length > 0) this.log.info('dialer: rooms skipped', { skipped: skipped.map((s) => s.reason) });
      return { calls, skipped };
    } finally {
      held.forEach((key) => this.deciding.delete(key));
    }
  }

  /** The rooms of this meeting whose latest call was rejected, unanswered or failed; never cancelled or unknown. */
  failedRoomIds(meetingId: string): string[] {
    const latest = new Map<string, CallView>();
    for (const call of this.tracker.list(meetingId)) {
      if (call.roomId && !latest.has(call.roomId)) latest.set(call.roomId, call);
    }
    return [...latest.values()].filter((call) => REDIAL_FAILED_STATES.has(call.state)).map((call) => call.roomId);
  }

  /** "Redial failed": the same rules as any dial, for exactly the failed rooms of this meeting. */
  redialFailed(meeting: DialMeeting, confirmedCount?: number): Promise<DialResult> {
    const rooms = this.failedRoomIds(meeting.meetingId).filter((id) => this.deps.store.getRoom(id));
    return this.dial({
      meeting,
      rooms: rooms.map((roomId) => ({ roomId })),
      unknownOutcome: 'skip',
      ...(confirmedCount === undefined ? {} : { confirmedCount }),
    });
  }

  /** A new call for the room of an earlier call, through every rule of dial(). */
  async redial(callId: string, unknownOutcome?: UnknownOutcomePolicy): Promise<DialResult> {
    const call = this.tracker.list().find((c) => c.callId === callId);
    if (!call) throw unknownCallError(String(callId));
    const meeting: DialMeeting = {
      meetingId: call.meetingId,
      ...(call.meetingCode === undefined ? {} : { meetingCode: call.meetingCode }),
    };
    if (!this.deps.store.getRoom(call.roomId)) throw unknownRoomError(call.roomId, 'callId');
    return this.dial({ meeting, rooms: [{ roomId: call.roomId }], ...(unknownOutcome ? { unknownOutcome } : {}) });
  }

  /** A fresh read of a room's answer status in a meeting (the automation's drop watch). */
  async roomStatus(meetingId: string, roomId: string): Promise<RoomAnswer> {
    const room = this.deps.store.getRoom(roomId);
    if (!room) throw unknownRoomError(roomId, 'roomId');
    const client = await this.deps.getClient();
    return client.roomCallInfo(meetingId, roomTargetOf(room), 'poll');
  }

  list(meetingId?: string): CallView[] {
    return this.tracker.list(meetingId);
  }

  cancel(callId: string): Promise<CallView> {
    return this.tracker.cancel(callId);
  }

  cancelAll(meetingId?: string): Promise<CallView[]> {
    return this.tracker.cancelAll(meetingId);
  }

  onUpdate(listener: (call: CallView) => void): () => void {
    return this.tracker.onUpdate(listener);
  }

  shutdown(): void {
    this.tracker.shutdown();
  }

  // ── rules ──────────────────────────────────────────────────────────────────────────────────────────────────

  private resolve(
    room: DialRoom,
    field: string,
    skip: (target: DialTarget, reason: SkipReason) => void,
  ): DialTarget | undefined {
    if ('target' in room) return room;
    const found = this.deps.store.getRoom(room.roomId);
    if (!found) throw unknownRoomError(String(room.roomId), field);
    const target = { roomId: found.id, roomName: found.name, target: roomTargetOf(found) };
    if (found.callable) return target;
    skip(target, 'not_callable');
    return undefined;
  }

  /** Refuses a cancelled, ended or recycled meeting; its state is read at most every 30 s. */
  private async requireOpenMeeting(meeting: DialMeeting, client: DialerClient): Promise<void> {
    const cached = this.meetingStates.get(meeting.meetingId);
    let status = cached && this.now() - cached.atMs < MEETING_STATE_TTL_MS ? cached.status : undefined;
    if (status === undefined) {
      status = (await client.getMeetingById(meeting.meetingId)).status;
      this.meetingStates.set(meeting.meetingId, { status, atMs: this.now() });
    }
    const closed = meetingClosedReason(status);
    if (!closed) return;
    throw new OperatorFailure({
      kind: 'validation',
      code: 'meeting_closed',
      field: 'meeting',
      message: both(`无法呼叫：${closed['zh-CN']}`, `Cannot dial: ${closed['en-US']}`),
      hint: both(
        '未呼叫任何会议室；请查找正确的会议，或让主持人重新预定',
        'No room was called; look up the right meeting, or ask the host to schedule it again',
      ),
    });
  }

  /**
   * A room whose last call joined: is it still in? Only a fresh answer saying it is not (left, rejected, no
   * answer, cancelled, never called) lets it be rung again; a failed read keeps it out, since ringing a room that is
   * in the meeting would pull it out of its call.
   */
  private async stillIn(meetingId: string, target: DialTarget, client: DialerClient): Promise<boolean> {
    try {
      const answer = await client.roomCallInfo(meetingId, target.target, 'normal');
      return answer.state === 'joined' || answer.state === 'ringing';
    } catch (error) {
      this.log.warn('dialer: could not check whether a joined room is still in', {
        name: error instanceof Error ? error.name : typeof error,
      });
      return true;
    }
  }
}
