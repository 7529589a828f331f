// What the rest of main needs from the call tracker (main/calls/call-tracker.ts implements it).
import type { CallView } from '../../common/call-model';

export interface DialMeeting {
  readonly meetingId: string;
  readonly meetingCode?: string;
  readonly subject?: string;
}

export interface CallTrackerApi {
  /**
   * Queues a call for every room and starts at most maxConcurrentDials at once. A room already queued, calling or
   * ringing into the same meeting is not called again: its existing call is returned instead. Unknown room ids
   * throw a NotFound error before anything is queued.
   */
  dial(meeting: DialMeeting, roomIds: readonly string[]): CallView[];
  /** Every call of this session still worth showing, newest batch first. */
  list(): CallView[];
  /** cancel-room-call for one call; resolves with the call as it stands afterwards. */
  cancel(callId: string): Promise<CallView>;
  cancelAll(): Promise<CallView[]>;
  /** A new call for the same room and meeting (only from a redialable state). */
  redial(callId: string): CallView;
  /** Every state change, in order. Returns the unsubscribe function. */
  onUpdate(listener: (call: CallView) => void): () => void;
  /** On quit: stops polling; calls still in flight are recorded as unknown. */
  shutdown(): void;
}
