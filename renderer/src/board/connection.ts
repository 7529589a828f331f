// Whether the app reaches Tencent, as the header shows it: read from what the window already gets back (a meeting
// lookup, a call's pushed state), the newest one winning. No extra request is made to find out.
import type { CallView } from '../../../common/call-model';
import type { IpcErrorKind } from '../../../common/ipc-error';
import type { Localized } from '../../../common/locale';

export type ConnectionState = 'ok' | 'failing';

export interface ConnectionSignal {
  readonly state: ConnectionState;
  /** Epoch ms of the answer (or of the failure). */
  readonly at: number;
  /** What failed, for the header's tooltip. */
  readonly message?: Localized;
}

/**
 * Errors that mean Tencent was not reached or not usable from here. Any other error (a meeting or room Tencent
 * does not know, a refused call) is an answer: the connection works.
 */
const UNREACHED: ReadonlySet<IpcErrorKind> = new Set<IpcErrorKind>([
  'network',
  'timeout',
  'invalid_response',
  'clock_skew',
  'not_configured',
  'keychain',
]);

export function isConnectionFailure(kind: IpcErrorKind): boolean {
  return UNREACHED.has(kind);
}

/** What a call's latest state says about the connection; undefined while it has not been to Tencent yet. */
export function signalOfCall(call: CallView): ConnectionSignal | undefined {
  const at = Date.parse(call.updatedAt);
  if (!Number.isFinite(at)) return undefined;
  if (call.error) {
    // A status read that kept failing leaves the call unknown with the read's cause as its kind.
    return isConnectionFailure(call.error.kind)
      ? { state: 'failing', at, message: call.error.message }
      : { state: 'ok', at };
  }
  return call.state === 'queued' || call.state === 'calling' ? undefined : { state: 'ok', at };
}

/** The newest call update of all, as a signal. */
export function signalOfCalls(calls: Iterable<CallView>): ConnectionSignal | undefined {
  let newest: ConnectionSignal | undefined;
  for (const call of calls) {
    const signal = signalOfCall(call);
    if (signal && (!newest || signal.at > newest.at)) newest = signal;
  }
  return newest;
}

export function newestSignal(...signals: (ConnectionSignal | undefined)[]): ConnectionSignal | undefined {
  return signals.reduce<ConnectionSignal | undefined>(
    (newest, signal) => (signal && (!newest || signal.at >= newest.at) ? signal : newest),
    undefined,
  );
}
