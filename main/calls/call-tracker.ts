// The live call tracker of the main process: rings rooms into a meeting (a few room-call requests at a time), follows
// each call through room-call-info polling to its end, pushes every change to listeners, and writes each finished
// call to history. Plain Node; the Electron shell only constructs it and forwards onUpdate to the window.
//
// Rules it keeps (DEVELOPERS.md): room-call is sent once per call and never retried; a lost answer makes the call
// `unknown`, never `failed`; a room already queued, calling or ringing into a meeting is not rung again.
import { randomUUID } from 'node:crypto';
import {
  CANCELLABLE_CALL_STATES,
  REDIALABLE_CALL_STATES,
  callStateForAnswer,
  isFinalCallState,
  type CallOrigin,
  type CallState,
  type CallProfile,
  type CallView,
} from '../../common/call-model';
import type { IpcError } from '../../common/ipc-error';
import type { RoomTarget } from '../../common/room-target';
import type { Room } from '../../common/store-schema';
import type { RoomAnswer } from '../../common/wemeet-types';
import { ApiError, UnknownOutcomeError, WemeetError } from '../api/errors';
import { silentLog, type Log } from '../log';
import {
  APP_CLOSED_ERROR,
  FAILED_AT_ONCE_ERROR,
  IN_MEETING_ELSEWHERE,
  RINGING_ELSEWHERE,
  statusNotCheckedError,
  badMeetingIdError,
  callErrorOf,
  notRedialableError,
  shutDownError,
  statusLostError,
  unknownCallError,
  unknownRoomError,
} from './call-errors';
import { recordFinishedCall, type CallTrackerStore } from './call-history';
import { dialKey, roomTargetOf } from './room-target-of';
import { PollScheduler } from './poll-scheduler';
import { TrackedCall, type CallApi } from './tracked-call';
import type { CallTrackerApi, DialMeeting, DialTarget } from './types';

export type { CallApi } from './tracked-call';
export type { CallTrackerStore } from './call-history';

/**
 * A call not answered this long after room-call was sent is given up as no_answer. Tencent itself stops ringing
 * after 60 s and then reports 0; the extra 15 s cover polling and clock differences.
 */
export const RING_GIVE_UP_MS = 75_000;
/** Finished calls kept for list() beyond this many are dropped, oldest first (history keeps them all). */
export const MAX_LISTED_CALLS = 1000;

export interface CallTrackerDeps {
  /**
   * The API client for a new dial, asked once per dial() and redial() so that changed credentials apply to the next
   * dial; polls and cancels of a call use the client that placed it. Throwing (e.g. "not configured") makes dial()
   * throw with nothing queued; a rejected promise fails that dial's calls with the error.
   */
  readonly getClient: () => CallApi | Promise<CallApi>;
  readonly store: CallTrackerStore;
  readonly log?: Log;
  /** ms since the epoch; default Date.now. */
  readonly now?: () => number;
  /** Call and batch ids; default randomUUID. */
  readonly newId?: () => string;
  /**
   * Tests and the benchmark only: a poll interval below the settings' 1 s minimum. The app leaves it out, and
   * settings.pollIntervalMs is read at every dial, like settings.maxConcurrentDials.
   */
  readonly pollIntervalMs?: number;
  /** The shortest poll interval the request budget allows for this many active calls (RequestBudget.pollIntervalFor). */
  readonly pollSpacingMs?: (activeCalls: number) => number;
  /**
   * Read the room's status in the meeting right before ringing it, and leave it alone when another desk (or the
   * host) already has it ringing or in the meeting (issue 14). On in the app; the engine's own tests leave it off.
   */
  readonly checkBeforeRing?: boolean;
  /**
   * The profile in use, read with getClient at every dial: the call remembers it (CallView.profile, its history
   * record), since its own client keeps polling it after the operator switches profile.
   */
  readonly currentProfile?: () => CallProfile;
}

export class CallTracker implements CallTrackerApi {
  private readonly store: CallTrackerStore;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Every call of this session, in the order they were queued. */
  private readonly calls = new Map<string, TrackedCall>();
  /** dialKey → the call still queued, calling or ringing: the duplicate-dial guard. */
  private readonly active = new Map<string, TrackedCall>();
  /** dialKey → the newest call of this session for that device in that meeting, whatever its state. */
  private readonly latest = new Map<string, TrackedCall>();
  private readonly queue: TrackedCall[] = [];
  private readonly polls: PollScheduler;
  private readonly listeners = new Set<(call: CallView) => void>();
  /** room-call requests sent and not yet answered, across all batches. */
  private sending = 0;
  private maxSending = 4;
  private closed = false;

  constructor(private readonly deps: CallTrackerDeps) {
    this.store = deps.store;
    this.log = deps.log ?? silentLog;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.polls = new PollScheduler({ now: this.now, ...(deps.pollSpacingMs ? { spacingMs: deps.pollSpacingMs } : {}) });
  }

  dial(meeting: DialMeeting, roomIds: readonly string[]): CallView[] {
    return this.dialTargets(
      meeting,
      roomIds.map((id) => {
        const room = this.roomOrThrow(id, 'roomIds');
        return { roomId: room.id, roomName: room.name, target: roomTargetOf(room) };
      }),
    );
  }

  dialTargets(
    meeting: DialMeeting,
    targets: readonly DialTarget[],
    client?: Promise<CallApi>,
    origin?: CallOrigin,
    clientProfile?: CallProfile,
  ): CallView[] {
    if (this.closed) throw shutDownError();
    if (typeof meeting.meetingId !== 'string' || !/^\d{1,32}$/.test(meeting.meetingId)) throw badMeetingIdError();
    if (targets.length === 0) return [];
    // A client of its own is made now, with the profile in use read in the same step; a client given comes with its.
    const profile = client ? clientProfile : this.deps.currentProfile?.();
    const dialClient = client ?? this.clientForDial();
    const settings = this.store.getSettings();
    this.maxSending = settings.maxConcurrentDials;
    const pollIntervalMs = this.deps.pollIntervalMs ?? settings.pollIntervalMs;
    const batchId = this.newId();
    const calls = targets.map((target) =>
      this.enqueue(target, meeting, batchId, dialClient, pollIntervalMs, origin, profile),
    );
    this.log.info('calls: dial', { batchId, meetingId: meeting.meetingId, rooms: targets.length });
    this.pump();
    return calls.map((call) => call.view());
  }

  latestCall(meetingId: string, target: RoomTarget): CallView | undefined {
    return this.latest.get(dialKey(meetingId, target))?.view();
  }

  list(meetingId?: string): CallView[] {
    const batches = new Map<string, CallView[]>();
    for (const call of this.calls.values()) {
      if (meetingId !== undefined && call.spec.meeting.meetingId !== meetingId) continue;
      const batch = batches.get(call.spec.batchId) ?? [];
      batch.push(call.view());
      batches.set(call.spec.batchId, batch);
    }
    return [...batches.values()].reverse().flat();
  }

  async cancel(callId: string): Promise<CallView> {
    const call = this.callOrThrow(callId);
    if (call.state === 'queued' || (call.state === 'calling' && !call.roomCallSent)) {
      // Never sent (queued, or still waiting for its client): nothing to tell Tencent, and nothing may be sent now.
      this.finishUnsent(call);
      return call.view();
    }
    if (!CANCELLABLE_CALL_STATES.has(call.state)) return call.view();
    call.cancelling ??= this.cancelPlaced(call).finally(() => {
      call.cancelling = undefined;
    });
    return call.cancelling;
  }

  async cancelAll(meetingId?: string): Promise<CallView[]> {
    // Queued calls are cancelled synchronously inside cancel(), before any of them can be sent.
    const cancellable = [...this.calls.values()].filter(
      (call) =>
        CANCELLABLE_CALL_STATES.has(call.state) &&
        (meetingId === undefined || call.spec.meeting.meetingId === meetingId),
    );
    return Promise.all(cancellable.map((call) => this.cancel(call.spec.callId)));
  }

  redial(callId: string): CallView {
    const call = this.callOrThrow(callId);
    if (!REDIALABLE_CALL_STATES.has(call.state)) throw notRedialableError(callId, call.state);
    const room = this.roomOrThrow(call.spec.roomId, 'callId');
    const [view] = this.dial(call.spec.meeting, [room.id]);
    return view as CallView;
  }

  onUpdate(listener: (call: CallView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    this.polls.close();
    for (const call of [...this.calls.values()]) {
      if (call.final) continue;
      // A call whose room-call was not sent never left this machine; anything later may be ringing the room now.
      if (!call.roomCallSent) this.finishUnsent(call);
      else this.finish(call, 'unknown', APP_CLOSED_ERROR);
      call.settleInvite(undefined);
    }
    this.log.info('calls: shut down', { calls: this.calls.size });
  }

  // ── Placing calls ──────────────────────────────────────────────────────────────────────────────────────────

  private clientForDial(): Promise<CallApi> {
    const client = Promise.resolve(this.deps.getClient());
    // Calls cancelled while queued never await it; their batch's rejection must not go unhandled.
    client.catch(() => undefined);
    return client;
  }

  private enqueue(
    room: DialTarget,
    meeting: DialMeeting,
    batchId: string,
    client: Promise<CallApi>,
    pollIntervalMs: number,
    origin: CallOrigin | undefined,
    profile: CallProfile | undefined,
  ): TrackedCall {
    const { target } = room;
    const key = dialKey(meeting.meetingId, target);
    const existing = this.active.get(key);
    if (existing) return existing;
    const call = new TrackedCall(
      {
        callId: this.newId(),
        batchId,
        roomId: room.roomId,
        roomName: room.roomName,
        target,
        meeting: { ...meeting },
        key,
        client,
        pollIntervalMs,
        origin,
        profile,
      },
      this.now(),
    );
    this.calls.set(call.spec.callId, call);
    this.active.set(key, call);
    this.latest.set(key, call);
    this.queue.push(call);
    this.emit(call.view());
    this.dropOldCalls();
    return call;
  }

  /** Starts queued calls while fewer than maxConcurrentDials room-call requests are out. */
  private pump(): void {
    while (!this.closed && this.sending < this.maxSending) {
      const call = this.queue.shift();
      if (!call) return;
      this.sending += 1;
      void this.place(call).finally(() => {
        this.sending -= 1;
        this.pump();
      });
    }
  }

  /** One room-call, sent once. Never rejects. */
  private async place(call: TrackedCall): Promise<void> {
    let inviteId: string | undefined;
    try {
      this.change(call, () => {
        call.state = 'calling';
        call.startedAtMs = this.now();
      });
      let client: CallApi;
      try {
        client = await call.spec.client;
      } catch (error) {
        // No client (not configured, keychain locked): nothing was sent, so the room was not dialed either.
        call.startedAtMs = undefined;
        this.finish(call, 'failed', this.explain(error));
        return;
      }
      if (call.final) return;
      if (this.deps.checkBeforeRing && !(await this.notRungElsewhere(call, client))) return;
      call.roomCallSent = true;
      let failedAtOnce = false;
      try {
        const placed = await client.roomCall(call.spec.meeting.meetingId, call.spec.target);
        inviteId = placed.inviteId;
        // Reference §8.2: status 5 in room-call's answer means the call failed at once; no need to poll for it.
        failedAtOnce = placed.status === 5;
      } catch (error) {
        // The client already turned every "may have been sent" failure into UnknownOutcomeError. Anything that is
        // not a WemeetError at all is a bug whose timing we cannot know: unknown too, never a retry.
        const definite = error instanceof WemeetError && !(error instanceof UnknownOutcomeError);
        this.log.warn('calls: room-call failed', { callId: call.spec.callId, definite, ...errorFacts(error) });
        this.finish(call, definite ? 'failed' : 'unknown', this.explain(error));
        return;
      }
      if (call.final) {
        this.log.info('calls: invite arrived after the call ended', { callId: call.spec.callId, state: call.state });
        return;
      }
      this.change(call, () => {
        call.inviteId = inviteId;
      });
      if (failedAtOnce) this.finish(call, 'failed', FAILED_AT_ONCE_ERROR);
      else this.startPolling(call, client);
    } finally {
      call.settleInvite(inviteId);
    }
  }

  /**
   * The cross-desk guard: the room's answer status in this meeting, read just before ringing it (a budgeted 'urgent'
   * read). Another desk's call ringing it (4), or the room already in (2), means it is not rung here: the call shows
   * that, in words, and follows a ringing one to its end. A read that fails rings nothing: the call ends failed with
   * the reason, for the operator to decide. False when the room must not be rung now.
   */
  private async notRungElsewhere(call: TrackedCall, client: CallApi): Promise<boolean> {
    let answer: RoomAnswer;
    try {
      answer = await client.roomCallInfo(call.spec.meeting.meetingId, call.spec.target, 'urgent');
    } catch (error) {
      if (call.final) return false;
      call.startedAtMs = undefined;
      this.finish(call, 'failed', statusNotCheckedError(this.explain(error)));
      return false;
    }
    if (call.final) return false;
    if (answer.state === 'joined') {
      call.startedAtMs = undefined;
      call.note = IN_MEETING_ELSEWHERE;
      this.finish(call, 'joined');
      return false;
    }
    if (answer.state === 'ringing') {
      this.change(call, () => {
        call.state = 'ringing';
        call.note = RINGING_ELSEWHERE;
      });
      this.startPolling(call, client);
      return false;
    }
    return true;
  }

  // ── Following calls ────────────────────────────────────────────────────────────────────────────────────────

  private startPolling(call: TrackedCall, client: CallApi): void {
    const { meetingId } = call.spec.meeting;
    this.polls.add(call.spec.callId, {
      intervalMs: call.spec.pollIntervalMs,
      giveUpAtMs: (call.startedAtMs ?? this.now()) + RING_GIVE_UP_MS,
      poll: () => client.roomCallInfo(meetingId, call.spec.target),
      // Pushed, so the window can say "next check in …" when the budget spreads polls out.
      onNextCheck: (atMs) =>
        this.change(call, () => {
          call.nextCheckAtMs = atMs;
        }),
      onAnswer: (answer) => this.applyAnswer(call, answer),
      onFailure: (error, consecutive) =>
        this.log.warn('calls: status check failed', { callId: call.spec.callId, consecutive, ...errorFacts(error) }),
      onLost: (error) => this.finish(call, 'unknown', statusLostError(error, this.log)),
      onGiveUp: (lastError) => this.giveUp(call, client, lastError),
    });
  }

  private applyAnswer(call: TrackedCall, answer: RoomAnswer): void {
    if (call.final) return;
    call.lastAnswer = answer;
    const next = callStateForAnswer(answer.status);
    // 1 ("not called") means Tencent has not started ringing this invite yet; it never takes a call back from ringing.
    if (next === 'calling' || next === call.state) return;
    if (isFinalCallState(next)) this.finish(call, next);
    else
      this.change(call, () => {
        call.state = next;
      });
  }

  /**
   * RING_GIVE_UP_MS passed without an answer. Recorded as no_answer (unknown when the latest status check had
   * failed: then we do not know what the room did). cancel-room-call is then sent once, best effort and not
   * awaited, so that a room that is in fact still ringing stops: the operator has moved on, and a room answering
   * minutes later into a meeting nobody expects it in is worse than one more request. Its failure is only logged.
   */
  private giveUp(call: TrackedCall, client: CallApi, lastError: unknown): void {
    if (call.final) return;
    if (lastError === undefined) this.finish(call, 'no_answer');
    else this.finish(call, 'unknown', statusLostError(lastError, this.log));
    const { inviteId } = call;
    if (inviteId === undefined) return;
    client.cancelRoomCall(call.spec.meeting.meetingId, inviteId, call.spec.target).catch((error: unknown) => {
      this.log.info('calls: cancel after give-up failed', { callId: call.spec.callId, ...errorFacts(error) });
    });
  }

  /** cancel-room-call for a call that was sent; waits for its invite_id when room-call has not answered yet. */
  private async cancelPlaced(call: TrackedCall): Promise<CallView> {
    const inviteId = await call.invite;
    if (inviteId === undefined || call.final) return call.view();
    try {
      const client = await call.spec.client;
      await client.cancelRoomCall(call.spec.meeting.meetingId, inviteId, call.spec.target);
      // A poll that saw the room answer first has already made the call final; that answer stands.
      if (!call.final) {
        call.cancelError = undefined;
        this.finish(call, 'cancelled');
      }
    } catch (error) {
      this.log.warn('calls: cancel failed', { callId: call.spec.callId, ...errorFacts(error) });
      this.change(call, () => {
        call.cancelError = this.explain(error);
      });
    }
    return call.view();
  }

  // ── State changes ──────────────────────────────────────────────────────────────────────────────────────────

  /** Applies a change to an unfinished call and pushes the new snapshot. */
  private change(call: TrackedCall, mutate: () => void): void {
    if (call.final) return;
    mutate();
    this.emit(call.touch(this.now()));
  }

  /** Moves an unfinished call to a final state: stops its polling, writes history, then tells the listeners. */
  private finish(call: TrackedCall, state: CallState, failure?: IpcError): void {
    if (call.final) return;
    call.state = state;
    call.endedAtMs = this.now();
    if (failure) call.failure = failure;
    call.nextCheckAtMs = undefined;
    this.polls.remove(call.spec.callId);
    if (this.active.get(call.spec.key) === call) this.active.delete(call.spec.key);
    const queued = this.queue.indexOf(call);
    if (queued !== -1) this.queue.splice(queued, 1);
    const view = call.touch(call.endedAtMs);
    recordFinishedCall(this.store, call, this.log);
    this.log.info('calls: finished', {
      callId: call.spec.callId,
      roomId: call.spec.roomId,
      state,
      ...(failure ? { code: failure.code } : {}),
    });
    this.emit(view);
  }

  /** Cancelled before its room-call was sent: the room was not dialed, so it gets no start time nor lastDialedAt. */
  private finishUnsent(call: TrackedCall): void {
    call.startedAtMs = undefined;
    this.finish(call, 'cancelled');
  }

  private emit(view: CallView): void {
    for (const listener of this.listeners) {
      try {
        listener(view);
      } catch (error) {
        this.log.error('calls: update listener threw', { message: error instanceof Error ? error.message : '' });
      }
    }
  }

  // ── Helpers ────────────────────────────────────────────────────────────────────────────────────────────────

  private explain(error: unknown): IpcError {
    return callErrorOf(error, this.log);
  }

  private roomOrThrow(roomId: string, field: string): Room {
    const room = typeof roomId === 'string' ? this.store.getRoom(roomId) : undefined;
    if (!room) throw unknownRoomError(String(roomId), field);
    return room;
  }

  private callOrThrow(callId: string): TrackedCall {
    const call = this.calls.get(callId);
    if (!call) throw unknownCallError(String(callId));
    return call;
  }

  /** Keeps list() bounded over a long session: the oldest finished calls go first. */
  private dropOldCalls(): void {
    if (this.calls.size <= MAX_LISTED_CALLS) return;
    for (const call of this.calls.values()) {
      if (this.calls.size <= MAX_LISTED_CALLS) return;
      if (call.final) this.calls.delete(call.spec.callId);
    }
  }
}

/** What a log line may say about an error: its kind and code, never a payload. */
/** For the log: Tencent's own message too, which the operator's explanation leaves out for known codes. */
function errorFacts(error: unknown): Record<string, unknown> {
  if (error instanceof ApiError) return { kind: error.kind, code: error.code, serverMessage: error.serverMessage };
  return error instanceof WemeetError
    ? { kind: error.kind, code: error.code }
    : { name: error instanceof Error ? error.name : typeof error };
}
