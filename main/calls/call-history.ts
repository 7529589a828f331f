// Writing a finished call down: one history record, and the room's lastDialedAt/lastOutcome. The store may refuse
// (the room was deleted meanwhile) or fail (disk full); neither may take the tracker down, so both are logged only.
import { describeOrigin } from '../../common/call-model';
import type { HistoryRecord, Room, Settings } from '../../common/store-schema';
import type { Validated } from '../../common/validation';
import type { HistoryInput } from '../store/app-store';
import type { Log } from '../log';
import type { TrackedCall } from './tracked-call';

/** The part of AppStore the tracker uses. */
export interface CallTrackerStore {
  getRoom(id: string): Room | undefined;
  getSettings(): Pick<Settings, 'pollIntervalMs' | 'maxConcurrentDials'>;
  /** `profileId`: the profile that placed the call, whose address book the room is in (maybe not the one in use). */
  markDialed(roomId: string, outcome: string, at: string, profileId?: string): Validated<Room | null>;
  appendHistory(record: HistoryInput): Validated<HistoryRecord>;
}

const ERROR_MESSAGE_LIMIT = 1000;

function clip(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

export function historyInputOf(call: TrackedCall): HistoryInput {
  const { failure } = call;
  const { meeting } = call.spec;
  const startedMs = call.startedAtMs ?? call.queuedAtMs;
  const startedAt = new Date(startedMs).toISOString();
  // The wall clock can be stepped back while a call runs (NTP, a manual change); the store refuses an end before the
  // start, which would lose the record altogether, so the end is never put before the start.
  const endedMs = Math.max(call.endedAtMs ?? call.updatedAtMs, startedMs);
  return {
    meetingId: meeting.meetingId,
    ...(meeting.meetingCode === undefined ? {} : { meetingCode: meeting.meetingCode }),
    ...(meeting.subject === undefined ? {} : { subject: clip(meeting.subject, 255) }),
    roomId: call.spec.roomId,
    roomName: call.spec.roomName,
    target: call.view().target,
    startedAt,
    endedAt: new Date(endedMs).toISOString(),
    outcome: call.state,
    ...(call.spec.origin === undefined ? {} : { origin: describeOrigin(call.spec.origin).slice(0, 200) }),
    ...(call.spec.profile === undefined ? {} : { profile: call.spec.profile }),
    ...(failure === undefined
      ? {}
      : {
          errorCode: String(failure.code),
          // Both languages: the record outlives a language switch, like the IpcError it comes from.
          errorMessage: clip(`${failure.message['zh-CN']} / ${failure.message['en-US']}`, ERROR_MESSAGE_LIMIT),
        }),
  };
}

export function recordFinishedCall(store: CallTrackerStore, call: TrackedCall, log: Log): void {
  const context = { callId: call.spec.callId, roomId: call.spec.roomId, outcome: call.state };
  try {
    const saved = store.appendHistory(historyInputOf(call));
    if (!saved.ok) log.warn('calls: history record refused', { ...context, field: saved.error.field });
    // A call that never left the queue did not dial the room.
    if (call.startedAtMs !== undefined) {
      const at = new Date(call.startedAtMs).toISOString();
      const marked = store.markDialed(call.spec.roomId, call.state, at, call.spec.profile?.id);
      if (!marked.ok)
        log.info('calls: room not updated (deleted meanwhile?)', { ...context, field: marked.error.field });
    }
  } catch (error) {
    log.error('calls: could not save the finished call', {
      ...context,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
