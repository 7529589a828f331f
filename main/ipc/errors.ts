// Every failure a handler can meet, turned into the IpcError the window shows: what happened and the next step, in
// both languages. Known errors explain themselves; anything else is a bug, reported to the window with a generic
// text while the details go to the log (never the stack, never a payload: it may hold the secret key).
import { fieldIpcError, type IpcError } from '../../common/ipc-error';
import { INTERNAL, knownOperatorError, OperatorFailure } from '../../common/operator-error';
import type { Localized } from '../../common/locale';
import type { FieldError, Validated } from '../../common/validation';
import { WemeetError } from '../api/errors';
import type { Log } from '../log';
import { InvalidProfileError } from '../vault/credential-vault';
import { KeychainUnavailableError } from '../vault/secret-store';

// The one error model lives in common/operator-error.ts.
export { NOT_CONFIGURED, INTERNAL } from '../../common/operator-error';

/** The value of a good Validated; a bad one is thrown as a 'validation' IpcError naming its field. */
export function unwrap<T>(result: Validated<T>): T {
  if (!result.ok) throw new OperatorFailure(fieldIpcError(result.error));
  return result.value;
}

export function validationFailure(error: FieldError): OperatorFailure {
  return new OperatorFailure(fieldIpcError(error));
}

export function notFound(field: string, message: Localized, hint: Localized): OperatorFailure {
  return new OperatorFailure({ kind: 'not_found', code: 'not_found', field, message, hint });
}

export const FORBIDDEN: IpcError = {
  kind: 'forbidden',
  code: 'forbidden',
  message: {
    'zh-CN': '请求不是来自 Room Dialer 自己的窗口，已拒绝',
    'en-US': "The request did not come from Room Dialer's own window and was refused",
  },
  hint: {
    'zh-CN': '未做任何更改；请在 Room Dialer 主窗口中操作',
    'en-US': 'Nothing was changed; use the Room Dialer main window',
  },
};

/** The IpcError for anything a handler threw. `channel` only labels the log line. */
export function toIpcError(error: unknown, log: Log, channel: string): IpcError {
  if (error instanceof InvalidProfileError) return fieldIpcError(error.fieldError);
  if (error instanceof WemeetError || error instanceof KeychainUnavailableError) {
    log.warn('ipc: request failed', { channel, kind: error.kind, code: error.code });
  }
  const known = knownOperatorError(error);
  if (known) return known;
  log.error('ipc: unexpected error', {
    channel,
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return INTERNAL;
}
