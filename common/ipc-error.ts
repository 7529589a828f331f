// How a failure crosses from the main process to the window: plain data, in both languages so a language switch
// re-renders old errors too. Never carries a stack, a secret or a raw server body.
import type { Localized } from './locale';
import type { OperatorError, OperatorErrorKind } from './operator-error';
import type { FieldError } from './validation';

/** The window's name for the one error model (operator-error.ts): what crosses IPC is exactly an OperatorError. */
export type IpcErrorKind = OperatorErrorKind;
export type IpcError = OperatorError;

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

const FIX_AND_RETRY: Localized = {
  'zh-CN': '未做任何更改；请修正后重试',
  'en-US': 'Nothing was changed; correct it and try again',
};

export function fieldIpcError(error: FieldError): IpcError {
  return { kind: 'validation', code: 'bad_input', field: error.field, message: error.message, hint: FIX_AND_RETRY };
}
