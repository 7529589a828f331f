// Turns a zod issue into the app's FieldError: the field named by its path (`rooms[2].name`) and a short reason in
// both languages. Used for inputs that come from code rather than a form (history records, imports, restored
// rooms) and for explaining why a store file did not load; forms get hand-written messages (common/room-input.ts).
import type { z } from 'zod';
import { MEETING_ROOM_ID_PATTERN } from '../../common/room-input';
import { capText } from '../../common/text-cap';
import type { FieldError } from '../../common/validation';

type Issue = z.core.$ZodIssue;

/**
 * A field name is shown three times in an error (the field, both messages) and logged: one from outside (an unknown
 * key in an IPC request) is cut to this, so a 1 MB key costs and weighs no more than a long real one.
 */
export const MAX_FIELD_NAME = 200;

/** `['rooms', 2, 'name']` → `rooms[2].name`; an empty path → `fallback`. At most MAX_FIELD_NAME characters. */
export function fieldPath(path: readonly PropertyKey[], fallback: string): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? capText(String(part), MAX_FIELD_NAME) : `.${capText(String(part), MAX_FIELD_NAME)}`;
    if (out.length > MAX_FIELD_NAME) break;
  }
  return out === '' ? fallback : capText(out, MAX_FIELD_NAME);
}

// What the few regexes in schema.ts mean, keyed by zod's `pattern` (the regex's toString()).
const PATTERN_MEANINGS: Record<string, { zh: string; en: string }> = {
  [String(/\S/)]: { zh: '不能为空白', en: 'must not be blank' },
  [String(/^\d{9}$/)]: { zh: '必须是 9 位数字', en: 'must be 9 digits' },
  [String(/^\d{1,32}$/)]: { zh: '必须是数字', en: 'must be digits' },
  [String(MEETING_ROOM_ID_PATTERN)]: {
    zh: '只能包含字母和数字（最多 64 个）',
    en: 'letters and digits only (at most 64)',
  },
};

/**
 * zod 4 keeps the input on an issue only when the parse asked for it (reportInput); without it, its own English
 * message still says "received undefined" for a missing value, so a wrong type is never reported as missing.
 */
function isMissing(issue: Issue & { readonly code: 'invalid_type' }): boolean {
  return 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
}

function reason(issue: Issue): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? { zh: '必须填写', en: 'is required' }
        : { zh: `类型不对（应为 ${issue.expected}）`, en: `has the wrong type (expected ${issue.expected})` };
    case 'too_big':
      if (issue.origin === 'string')
        return { zh: `过长（最多 ${issue.maximum} 个字符）`, en: `too long (at most ${issue.maximum} characters)` };
      if (issue.origin === 'array')
        return { zh: `条目过多（最多 ${issue.maximum} 条）`, en: `too many entries (at most ${issue.maximum})` };
      return { zh: `不能大于 ${issue.maximum}`, en: `must be at most ${issue.maximum}` };
    case 'too_small':
      if (issue.origin === 'string') return { zh: '不能为空', en: 'must not be empty' };
      if (issue.origin === 'array')
        return { zh: `至少需要 ${issue.minimum} 条`, en: `needs at least ${issue.minimum} entries` };
      return { zh: `不能小于 ${issue.minimum}`, en: `must be at least ${issue.minimum}` };
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return {
          zh: '必须是 UTC 时间，例如 2026-11-22T10:00:00.000Z',
          en: 'must be a UTC time such as 2026-11-22T10:00:00.000Z',
        };
      }
      if (issue.format === 'uuid') return { zh: '必须是 UUID', en: 'must be a UUID' };
      return PATTERN_MEANINGS[issue.pattern ?? ''] ?? { zh: '格式不正确', en: 'has the wrong format' };
    case 'invalid_value':
      return {
        zh: `必须是 ${issue.values.map(String).join('、')} 之一`,
        en: `must be one of ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return 'options' in issue && issue.options !== undefined
        ? {
            zh: `必须是 ${issue.options.map(String).join('、')} 之一`,
            en: `must be one of ${issue.options.map(String).join(', ')}`,
          }
        : { zh: '内容不符合任何一种允许的格式', en: 'does not match any allowed shape' };
    case 'custom': {
      const maxLength: unknown = issue.params?.['maxLength'];
      if (typeof maxLength === 'number') {
        return { zh: `过长（最多 ${maxLength} 个字符）`, en: `too long (at most ${maxLength} characters)` };
      }
      if (issue.params?.['rule'] === 'endpoint') {
        return { zh: '必须是 https:// 开头的接口地址', en: 'must be an https:// API address' };
      }
      return { zh: '不符合要求', en: 'is not allowed' };
    }
    default:
      return { zh: '不符合要求', en: 'is not allowed' };
  }
}

/** The first issue of a failed parse, as a FieldError. `prefix` names the whole value when the path is empty. */
export function fieldErrorFromZod(error: z.ZodError, prefix: string): FieldError {
  const issue = error.issues[0];
  if (!issue)
    return { field: prefix, message: { 'zh-CN': `${prefix}：不符合要求`, 'en-US': `${prefix}: is not allowed` } };
  // An unknown key is named itself, so the field is where the stray key sits.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const field = fieldPath(path, prefix);
  const { zh, en } =
    issue.code === 'unrecognized_keys' ? { zh: '不是已知字段', en: 'is not a known field' } : reason(issue);
  return { field, message: { 'zh-CN': `${field}：${zh}`, 'en-US': `${field}: ${en}` } };
}

/** A one-line English summary of the first issue, for logs and the "why was my file moved" notice. */
export function describeZodError(error: z.ZodError, prefix: string): string {
  return fieldErrorFromZod(error, prefix).message['en-US'];
}
