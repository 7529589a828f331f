import type { Localized } from './locale';

/** A problem with one input field: which field, and what is wrong with it in words an operator understands. */
export interface FieldError {
  readonly field: string;
  readonly message: Localized;
}

export type Validated<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FieldError };

export const valid = <T>(value: T): Validated<T> => ({ ok: true, value });
export const invalid = <T = never>(field: string, message: Localized): Validated<T> => ({
  ok: false,
  error: { field, message },
});
