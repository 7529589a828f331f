// One room call as the tracker holds it: the mutable record, and the frozen CallView snapshot handed out after
// every change (a listener keeping an old snapshot must never see it change under it).
import {
  isFinalCallState,
  type CallOrigin,
  type CallProfile,
  type CallState,
  type CallView,
} from '../../common/call-model';
import type { IpcError } from '../../common/ipc-error';
import type { Localized } from '../../common/locale';
import type { RoomAnswer } from '../../common/wemeet-types';
import { describeTarget, type RoomTarget } from '../../common/room-target';
import type { WemeetClient } from '../api/client';
import type { DialMeeting } from './types';

/** The three API calls the tracker makes; WemeetClient has them. */
export type CallApi = Pick<WemeetClient, 'roomCall' | 'cancelRoomCall' | 'roomCallInfo'>;

/** What a call is about: fixed when it is queued. */
export interface CallSpec {
  readonly callId: string;
  readonly batchId: string;
  readonly roomId: string;
  readonly roomName: string;
  readonly target: RoomTarget;
  readonly meeting: DialMeeting;
  /** The duplicate-dial guard's key (room-target-of.ts). */
  readonly key: string;
  /** The dial's client: the credentials that placed a call also poll and cancel it. */
  readonly client: Promise<CallApi>;
  readonly pollIntervalMs: number;
  readonly origin?: CallOrigin | undefined;
  /** The profile whose credentials `client` carries. */
  readonly profile?: CallProfile | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class TrackedCall {
  readonly queuedAtMs: number;

  state: CallState = 'queued';
  inviteId: string | undefined;
  /**
   * room-call has been handed to the client: from here on the room may be rung. Until then a `calling` call is only
   * waiting for its client (the keychain), and a cancel or shutdown ends it without anything being sent.
   */
  roomCallSent = false;
  startedAtMs: number | undefined;
  updatedAtMs: number;
  endedAtMs: number | undefined;
  /** When the poll scheduler will next read this call's status; shown as "next check in …". */
  nextCheckAtMs: number | undefined;
  /** Why the call failed or ended unknown; written to history. */
  failure: IpcError | undefined;
  /** What Tencent last answered about this call (room-call-info), for the CLI's JSON and the window's detail. */
  lastAnswer: RoomAnswer | undefined;
  /** Something the operator should know that is not a failure: another desk has the room ringing or in. */
  note: Localized | undefined;
  /** Why the last cancel did not go through; shown, not written to history (the call's outcome is its own). */
  cancelError: IpcError | undefined;
  /** A cancel is waiting for, or running on, this call's invite. */
  cancelling: Promise<CallView> | undefined;

  /** Settles once room-call has answered (with the invite_id) or failed (undefined): what a cancel waits for. */
  readonly invite: Promise<string | undefined>;
  settleInvite: (inviteId: string | undefined) => void = () => undefined;

  private snapshot: CallView;

  constructor(
    readonly spec: CallSpec,
    nowMs: number,
  ) {
    this.queuedAtMs = nowMs;
    this.updatedAtMs = nowMs;
    this.invite = new Promise((resolve) => {
      this.settleInvite = resolve;
    });
    this.snapshot = this.buildView();
  }

  get final(): boolean {
    return isFinalCallState(this.state);
  }

  view(): CallView {
    return this.snapshot;
  }

  /** Takes a new snapshot after the fields were changed; returns it for the listeners. */
  touch(nowMs: number): CallView {
    this.updatedAtMs = nowMs;
    this.snapshot = this.buildView();
    return this.snapshot;
  }

  private buildView(): CallView {
    const { spec } = this;
    const { meeting } = spec;
    const error = this.failure ?? this.cancelError;
    return Object.freeze({
      callId: spec.callId,
      batchId: spec.batchId,
      roomId: spec.roomId,
      roomName: spec.roomName,
      target: describeTarget(spec.target),
      meetingId: meeting.meetingId,
      ...(meeting.meetingCode === undefined ? {} : { meetingCode: meeting.meetingCode }),
      state: this.state,
      ...(this.inviteId === undefined ? {} : { inviteId: this.inviteId }),
      queuedAt: iso(this.queuedAtMs),
      ...(this.startedAtMs === undefined ? {} : { startedAt: iso(this.startedAtMs) }),
      updatedAt: iso(this.updatedAtMs),
      ...(this.endedAtMs === undefined ? {} : { endedAt: iso(this.endedAtMs) }),
      ...(this.nextCheckAtMs === undefined ? {} : { nextCheckAt: iso(this.nextCheckAtMs) }),
      ...(spec.origin === undefined ? {} : { origin: spec.origin }),
      ...(spec.profile === undefined ? {} : { profile: spec.profile }),
      ...(this.note === undefined ? {} : { note: this.note }),
      ...(this.lastAnswer === undefined
        ? {}
        : {
            answer: {
              status: this.lastAnswer.status,
              ...(this.lastAnswer.responseTime ? { responseTime: this.lastAnswer.responseTime } : {}),
            },
          }),
      ...(error === undefined ? {} : { error }),
    });
  }
}
