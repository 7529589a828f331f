// THE error model of the app: what an operator is told when something fails — kind, code, the field at fault,
// what happened and the next step, in both languages. Every layer throws errors that explain themselves (API
// errors, keychain errors, the dialer's refusals) or an OperatorFailure carrying one of these; only main/ipc/ turns
// them into IPC results and only main/cli/ into exit codes. Pure: no Node, no Electron.
import type { Localized } from './locale';

export type OperatorErrorKind =
  /** Bad input: `field` names the field. Nothing was changed. */
  | 'validation'
  /** Tencent answered with error_info. */
  | 'api'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'clock_skew'
  /** The request may or may not have reached Tencent (a room-call whose answer was lost). */
  | 'unknown_outcome'
  /** The OS keychain could not be used. */
  | 'keychain'
  /** The app's data folder could not be written (read-only, full disk…): `path` names the folder to open. */
  | 'storage'
  /** No credentials are saved yet. */
  | 'not_configured'
  /** The thing asked for (room, call) does not exist. */
  | 'not_found'
  /** The request did not come from the app's own window. */
  | 'forbidden'
  /** A bug: the message is generic, details are in the log. */
  | 'internal';

export interface OperatorError {
  readonly kind: OperatorErrorKind;
  /** Tencent's error_code, or a short local code such as "bad_input" or "network". */
  readonly code: number | string;
  readonly field?: string;
  /** A folder the window can offer to open (a 'storage' error's data folder). */
  readonly path?: string;
  readonly message: Localized;
  /** The concrete next step for the operator. */
  readonly hint: Localized;
}

/** Thrown to answer with exactly this error. */
export class OperatorFailure extends Error {
  constructor(readonly error: OperatorError) {
    super(error.message['en-US']);
    this.name = 'OperatorFailure';
  }
}

const KINDS: ReadonlySet<string> = new Set<OperatorErrorKind>([
  'validation',
  'api',
  'network',
  'timeout',
  'invalid_response',
  'clock_skew',
  'unknown_outcome',
  'keychain',
  'storage',
  'not_configured',
  'not_found',
  'forbidden',
  'internal',
]);

/** An error that can explain itself: the API errors, the vault's, the dialer's. Recognised by shape. */
export interface ExplainableError {
  readonly kind: OperatorErrorKind;
  readonly code: number | string;
  readonly field?: string;
  readonly path?: string;
  explain(): { readonly message: Localized; readonly hint: Localized };
}

export function isExplainable(error: unknown): error is ExplainableError {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<ExplainableError>;
  return (
    typeof candidate.kind === 'string' &&
    KINDS.has(candidate.kind) &&
    (typeof candidate.code === 'string' || typeof candidate.code === 'number') &&
    typeof candidate.explain === 'function'
  );
}

export const INTERNAL: OperatorError = {
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

export const NOT_CONFIGURED: OperatorError = {
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

/**
 * The OperatorError for anything thrown, or undefined when it is not one we know (a bug): the caller decides what
 * to log and shows INTERNAL (or a more specific text) instead.
 */
export function knownOperatorError(error: unknown): OperatorError | undefined {
  if (error instanceof OperatorFailure) return error.error;
  if (!isExplainable(error)) return undefined;
  const { message, hint } = error.explain();
  const field = typeof error.field === 'string' ? { field: error.field } : {};
  const path = typeof error.path === 'string' ? { path: error.path } : {};
  return { kind: error.kind, code: error.code, ...field, ...path, message, hint };
}
