// What the operator types to name a meeting: the 9-digit meeting code people share ("123-456-789"), or the long
// meeting_id the API uses. A meeting_id stays a string from here on: 20-digit IDs overflow JS numbers (and int64).
import { describeChar, fieldProblem, nonAsciiKind, toHalfWidth } from './input-text';
import { valid, type Validated } from './validation';

export type MeetingRef =
  { readonly kind: 'code'; readonly meetingCode: string } | { readonly kind: 'id'; readonly meetingId: string };

export const MEETING_CODE_DIGITS = 9;
/** Real meeting IDs have 19-20 digits; anything much longer is a paste accident. */
export const MEETING_ID_MAX_DIGITS = 32;
/** Room for a 32-digit ID with some separators; longer input is refused before it is even scanned. */
const MAX_INPUT_LENGTH = 64;

// Dashes an input method or a copied text may produce instead of "-": ‐ ‑ ‒ – — ― − (full-width － is
// handled by toHalfWidth).
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

/** Half-width text with every dash variant turned into "-". */
function normalise(text: string): string {
  return [...toHalfWidth(text)].map((ch) => (DASHES.has(ch) ? '-' : ch)).join('');
}

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isSeparator = (ch: string): boolean => ch === '-' || /^\s$/u.test(ch);

/**
 * "123-456-789", "123 456 789" or "123456789" → code 123456789; 10-32 digits without separators → meeting ID.
 * Separators are allowed only in codes: a dashed 10-digit entry is far more likely a mistyped code than an ID
 * (Tencent never shows meeting IDs grouped), so it gets "9 digits expected" rather than a lookup that fails.
 */
export function parseMeetingNumber(input: string, field = 'meeting'): Validated<MeetingRef> {
  const trimmed = input.trim();
  if (trimmed === '') {
    return fieldProblem(
      field,
      '请输入 9 位会议号（例如 123-456-789）或会议 ID',
      'enter the 9-digit meeting code (e.g. 123-456-789) or the meeting ID',
    );
  }
  if (trimmed.length > MAX_INPUT_LENGTH) return tooLong(field);

  let digits = '';
  let separated = false;
  for (const ch of normalise(trimmed)) {
    if (isDigit(ch)) digits += ch;
    else if (isSeparator(ch)) separated = true;
    else return badCharacter(field, ch);
  }

  if (digits.length === MEETING_CODE_DIGITS) return valid({ kind: 'code', meetingCode: digits });
  if (digits.length > MEETING_ID_MAX_DIGITS) return tooLong(field);
  if (digits.length > MEETING_CODE_DIGITS && !separated) return valid({ kind: 'id', meetingId: digits });
  const idNote =
    digits.length > MEETING_CODE_DIGITS
      ? { zh: '（会议 ID 不带空格或 -）', en: ' (a meeting ID is written without spaces or dashes)' }
      : { zh: '', en: '' };
  return fieldProblem(
    field,
    `会议号应为 ${MEETING_CODE_DIGITS} 位数字，但输入了 ${digits.length} 位${idNote.zh}`,
    `a meeting code has ${MEETING_CODE_DIGITS} digits, but ${digits.length} ${digits.length === 1 ? 'was' : 'were'} given${idNote.en}`,
  );
}

function tooLong(field: string): Validated<never> {
  return fieldProblem(
    field,
    `太长：会议号为 9 位数字，会议 ID 最多 ${MEETING_ID_MAX_DIGITS} 位数字`,
    `too long: a meeting code has 9 digits and a meeting ID at most ${MEETING_ID_MAX_DIGITS}`,
  );
}

function badCharacter(field: string, ch: string): Validated<never> {
  const kind = /^[A-Za-z]$/.test(ch)
    ? { 'zh-CN': '字母', 'en-US': 'a letter' }
    : ch.charCodeAt(0) > 0x7e
      ? nonAsciiKind(ch)
      : { 'zh-CN': '符号', 'en-US': 'the symbol' };
  return fieldProblem(
    field,
    `包含${kind['zh-CN']} ${describeChar(ch)}；会议号只能包含数字、空格和 -`,
    `contains ${kind['en-US']} ${describeChar(ch)}; a meeting number has only digits, spaces and dashes`,
  );
}

/**
 * Groups a meeting code as 123-456-789 for display, also while it is being typed ("1234" → "123-4").
 * More than 9 digits is a meeting ID and is shown plain. Text that is not digits and separators is returned
 * unchanged, so that the validator's error still matches what the operator sees.
 */
export function formatMeetingCode(input: string): string {
  if (input.length > MAX_INPUT_LENGTH) return input;
  const text = normalise(input.trim());
  if (![...text].every((ch) => isDigit(ch) || isSeparator(ch))) return input;
  const digits = [...text].filter(isDigit).join('');
  if (digits.length > MEETING_CODE_DIGITS) return digits;
  return digits.match(/\d{1,3}/g)?.join('-') ?? '';
}
