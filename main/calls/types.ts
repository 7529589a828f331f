// What the rest of main needs from the call tracker (main/calls/call-tracker.ts implements it).
import type { CallOrigin, CallProfile, CallView } from '../../common/call-model';
import type { RoomTarget } from '../../common/room-target';
import type { CallApi } from './tracked-call';

export interface DialMeeting {
  readonly meetingId: string;
  readonly meetingCode?: string;
  readonly subject?: string;
}

/** What one call rings: an address-book room, or (the CLI) an address typed on the command line with roomId ''. */
export interface DialTarget {
  readonly roomId: string;
  readonly roomName: string;
  readonly target: RoomTarget;
}

export interface CallTrackerApi {
  /**
   * Queues a call for every room and starts at most maxConcurrentDials at once. A room already queued, calling or
   * ringing into the same meeting is not called again: its existing call is returned instead. Unknown room ids
   * throw a NotFound error before anything is queued.
   */
  dial(meeting: DialMeeting, roomIds: readonly string[]): CallView[];
  /**
   * dial() for targets the caller resolved (the dialer, the CLI). `client` defaults to a new one for this batch;
   * `profile` is the profile whose credentials `client` carries (default: the one in use, read with the new client).
   */
  dialTargets(
    meeting: DialMeeting,
    targets: readonly DialTarget[],
    client?: Promise<CallApi>,
    origin?: CallOrigin,
    profile?: CallProfile,
  ): CallView[];
  /** The newest call of this session ringing this device into this meeting, whatever its state. */
  latestCall(meetingId: string, target: RoomTarget): CallView | undefined;
  /** Every call of this session still worth showing (of one meeting, when given), newest batch first. */
  list(meetingId?: string): CallView[];
  /** cancel-room-call for one call; resolves with the call as it stands afterwards. */
  cancel(callId: string): Promise<CallView>;
  /** Cancels every queued, calling or ringing call (of one meeting, when given); nothing queued is sent after it. */
  cancelAll(meetingId?: string): Promise<CallView[]>;
  /** A new call for the same room and meeting (only from a redialable state). */
  redial(callId: string): CallView;
  /** Every state change, in order. Returns the unsubscribe function. */
  onUpdate(listener: (call: CallView) => void): () => void;
  /** On quit: stops polling; calls still in flight are recorded as unknown. */
  shutdown(): void;
}
