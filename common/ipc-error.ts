// How a failure crosses from the main process to the window: plain data, in both languages so a language switch
// re-renders old errors too. Never carries a stack, a secret or a raw server body.
import type { Localized } from './locale';
import type { FieldError } from './validation';

export type IpcErrorKind =
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
  /** No credentials are saved yet. */
  | 'not_configured'
  /** The thing asked for (room, call) does not exist. */
  | 'not_found'
  /** The request did not come from the app's own window. */
  | 'forbidden'
  /** A bug: the message is generic, details are in the log. */
  | 'internal';

export interface IpcError {
  readonly kind: IpcErrorKind;
  /** Tencent's error_code, or a short local code such as "bad_input" or "network". */
  readonly code: number | string;
  readonly field?: string;
  readonly message: Localized;
  /** The concrete next step for the operator. */
  readonly hint: Localized;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

const FIX_AND_RETRY: Localized = {
  'zh-CN': '未做任何更改；请修正后重试',
  'en-US': 'Nothing was changed; correct it and try again',
};

export function fieldIpcError(error: FieldError): IpcError {
  return { kind: 'validation', code: 'bad_input', field: error.field, message: error.message, hint: FIX_AND_RETRY };
}
