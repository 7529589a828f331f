// Assertions for Validated<T> results: unwrap a success, or check that a rejection names its field
// and explains itself in both languages.
import { expect } from 'vitest';
import type { FieldError, Validated } from '../../common/validation';

export function expectValid<T>(result: Validated<T>): T {
  if (!result.ok) throw new Error(`expected a valid result, got: ${result.error.message['en-US']}`);
  return result.value;
}

/**
 * The result is a rejection for `field`, both texts start with the field name, and the English and Chinese
 * texts match the given patterns (what is wrong, in each language).
 */
export function expectInvalid<T>(result: Validated<T>, field: string, en?: RegExp, zh?: RegExp | string): FieldError {
  if (result.ok) throw new Error(`expected a rejection, got the value ${JSON.stringify(result.value)}`);
  const { error } = result;
  expect(error.field).toBe(field);
  expect(error.message['en-US'].startsWith(`${field}: `)).toBe(true);
  expect(error.message['zh-CN'].startsWith(`${field}：`)).toBe(true);
  expect(error.message['zh-CN']).toMatch(/\p{Script=Han}/u);
  if (en) expect(error.message['en-US']).toMatch(en);
  if (zh) expect(error.message['zh-CN']).toMatch(zh);
  return error;
}
