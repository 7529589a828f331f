// The first check on every IPC request, before its schema: the payload must be plain data, what JSON could carry.
// Electron's structured clone lets a page send Date, Map, Set, RegExp, Error, ArrayBuffer and typed arrays, and
// zod reads any of them as an object with no keys: `credentials:delete(new Date())` passed as `{}`. So every object
// in the payload must be a plain object (prototype Object.prototype or null) or a plain array, and the walk is
// bounded (depth, entries, total values, name length) so that no payload costs more than a few milliseconds here
// or in the schema after it. Refusals name the field, like every other validation error.
import { capText } from '../../common/text-cap';
import type { FieldError } from '../../common/validation';
import { fieldPath } from '../store/field-error';

/** Deeper than any request of the contract (rooms:import is 5 levels). */
export const MAX_DEPTH = 16;
/** More than the largest list a channel takes (calls:dial, rooms:import); zod would walk a longer one whole. */
export const MAX_ENTRIES = 50_000;
/** Values in one request: a 10,000-row import with a few tags per row is about 150,000. */
export const MAX_VALUES = 400_000;
/** Longer than any field name of the contract; a longer one is refused without being matched against anything. */
export const MAX_NAME_LENGTH = 128;

function problem(path: readonly PropertyKey[], fallback: string, zh: string, en: string): FieldError {
  // A list as the whole request: its items are named after it (request[0]), not as a bare [0].
  const field = fieldPath(typeof path[0] === 'number' ? [fallback, ...path] : path, fallback);
  return { field, message: { 'zh-CN': `${field}：${zh}`, 'en-US': `${field}: ${en}` } };
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

/**
 * Undefined when `payload` is plain data within the bounds; else the first problem, naming the field (`fallback`
 * for the whole request). Never throws: a payload that throws while it is read (a getter, a proxy; none can come
 * through IPC, but the dispatcher is also called directly) is refused as a whole.
 */
export function plainDataProblem(payload: unknown, fallback: string): FieldError | undefined {
  try {
    return walk(payload, fallback);
  } catch {
    return problem([], fallback, '无法读取', 'cannot be read');
  }
}

function walk(payload: unknown, fallback: string): FieldError | undefined {
  // Depth-first with an explicit stack: deep nesting costs a bounded loop, never the call stack.
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: payload, path: [] }];
  let values = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    values += 1;
    if (values > MAX_VALUES) return problem([], fallback, '内容过多', 'is too large');
    if (typeof value !== 'object' || value === null) continue;
    if (!isPlain(value)) {
      return problem(
        path,
        fallback,
        '必须是普通数据（对象、列表、文本、数字或是/否）',
        'must be plain data (an object, a list, text, a number or true/false)',
      );
    }
    if (path.length >= MAX_DEPTH) {
      return problem(
        path,
        fallback,
        `嵌套过深（最多 ${MAX_DEPTH} 层）`,
        `is nested too deeply (at most ${MAX_DEPTH} levels)`,
      );
    }
    if (Array.isArray(value)) {
      // Checked before anything walks it: a sparse array of length 1e9 costs nothing to send.
      if (value.length > MAX_ENTRIES) {
        return problem(
          path,
          fallback,
          `条目过多（最多 ${MAX_ENTRIES} 条）`,
          `has too many entries (at most ${MAX_ENTRIES})`,
        );
      }
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const names = Object.keys(value);
    if (names.length > MAX_ENTRIES) {
      return problem(
        path,
        fallback,
        `字段过多（最多 ${MAX_ENTRIES} 个）`,
        `has too many fields (at most ${MAX_ENTRIES})`,
      );
    }
    const tooLong = names.find((name) => name.length > MAX_NAME_LENGTH);
    if (tooLong !== undefined) {
      return problem([...path, capText(tooLong, MAX_NAME_LENGTH)], fallback, '字段名过长', 'field name is too long');
    }
    for (let i = names.length - 1; i >= 0; i -= 1) {
      const name = names[i] as string;
      stack.push({ value: (value as Record<string, unknown>)[name], path: [...path, name] });
    }
  }
  return undefined;
}
