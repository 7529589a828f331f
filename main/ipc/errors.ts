// Every failure a handler can meet, turned into the IpcError the window shows: what happened and the next step, in
// both languages. Known errors explain themselves; anything else is a bug, reported to the window with a generic
// text while the details go to the log (never the stack, never a payload: it may hold the secret key).
import { fieldIpcError, type IpcError, type IpcErrorKind } from '../../common/ipc-error';
import type { Localized } from '../../common/locale';
import type { FieldError, Validated } from '../../common/validation';
import { WemeetError } from '../api/errors';
import type { Log } from '../log';
import { InvalidProfileError } from '../vault/credential-vault';
import { KeychainUnavailableError } from '../vault/secret-store';

/** Thrown by a handler to answer with exactly this error. */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message['en-US']);
    this.name = 'IpcFailure';
  }
}

/** The value of a good Validated; a bad one is thrown as a 'validation' IpcError naming its field. */
export function unwrap<T>(result: Validated<T>): T {
  if (!result.ok) throw new IpcFailure(fieldIpcError(result.error));
  return result.value;
}

export function validationFailure(error: FieldError): IpcFailure {
  return new IpcFailure(fieldIpcError(error));
}

export function notFound(field: string, message: Localized, hint: Localized): IpcFailure {
  return new IpcFailure({ kind: 'not_found', code: 'not_found', field, message, hint });
}

export const NOT_CONFIGURED: IpcError = {
  kind: 'not_configured',
  code: 'missing_credentials',
  message: {
    'zh-CN': '还没有保存腾讯会议 API 凭据',
    'en-US': 'No Tencent Meeting API credentials are saved yet',
  },
  hint: {
    'zh-CN': '请在“设置”中填写并保存 AppId、SecretId、SecretKey 和操作人 userid',
    'en-US': 'Enter and save the AppId, SecretId, SecretKey and operator userid in Settings',
  },
};

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

export const INTERNAL: IpcError = {
  kind: 'internal',
  code: 'internal',
  message: {
    'zh-CN': 'Room Dialer 内部出错，操作没有完成',
    'en-US': 'Room Dialer hit an internal error; the action did not complete',
  },
  hint: {
    'zh-CN': '请重试；如果仍然出现，请把日志文件发给技术支持',
    'en-US': 'Try again; if it keeps happening, send the log file to support',
  },
};

const EXPLAINABLE_KINDS: ReadonlySet<string> = new Set<IpcErrorKind>([
  'validation',
  'api',
  'network',
  'timeout',
  'invalid_response',
  'clock_skew',
  'unknown_outcome',
  'keychain',
  'not_configured',
  'not_found',
  'forbidden',
  'internal',
]);

interface Explainable {
  readonly kind: IpcErrorKind;
  readonly code: number | string;
  readonly field?: string;
  explain(): { readonly message: Localized; readonly hint: Localized };
}

/**
 * Errors of other main-process modules (the call tracker's "no such call", say) that follow the API errors'
 * pattern: a known kind, a code and explain(). Recognised by shape so those modules need not import this one.
 */
function isExplainable(error: unknown): error is Explainable {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<Explainable>;
  return (
    typeof candidate.kind === 'string' &&
    EXPLAINABLE_KINDS.has(candidate.kind) &&
    (typeof candidate.code === 'string' || typeof candidate.code === 'number') &&
    typeof candidate.explain === 'function'
  );
}

function fromExplainable(error: Explainable): IpcError {
  const { message, hint } = error.explain();
  const field = typeof error.field === 'string' ? { field: error.field } : {};
  return { kind: error.kind, code: error.code, ...field, message, hint };
}

/** The IpcError for anything a handler threw. `channel` only labels the log line. */
export function toIpcError(error: unknown, log: Log, channel: string): IpcError {
  if (error instanceof IpcFailure) return error.error;
  if (error instanceof InvalidProfileError) return fieldIpcError(error.fieldError);
  if (error instanceof WemeetError || error instanceof KeychainUnavailableError) {
    log.warn('ipc: request failed', { channel, kind: error.kind, code: error.code });
    return fromExplainable(error);
  }
  if (isExplainable(error)) return fromExplainable(error);
  log.error('ipc: unexpected error', {
    channel,
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return INTERNAL;
}
