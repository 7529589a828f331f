// Shared first steps for anything an operator types: undo what a Chinese input method does to ASCII,
// name an offending character so it can be found, and build a field error in both languages.
import type { Localized } from './locale';
import { invalid, valid, type Validated } from './validation';

/** A field error whose text starts with the field name, in the style of the other validators. */
export function fieldProblem<T = never>(field: string, zh: string, en: string): Validated<T> {
  return invalid<T>(field, { 'zh-CN': `${field}：${zh}`, 'en-US': `${field}: ${en}` });
}

const FULL_WIDTH_FIRST = 0xff01; // ！ … ～ map one to one onto ! … ~
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xff01 - 0x21;
const IDEOGRAPHIC_SPACE = 0x3000;
const IDEOGRAPHIC_FULL_STOP = 0x3002; // 。 is what the "." key types in Chinese mode

/**
 * Full-width ASCII (typed with a Chinese input method in full-width mode) becomes plain ASCII, the ideographic
 * space a space and 。 a dot. Everything else is left alone so that the validators can reject it by name.
 * Callers cap the length first: this walks the whole string.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST) out += String.fromCharCode(cp - FULL_WIDTH_OFFSET);
    else if (cp === IDEOGRAPHIC_SPACE) out += ' ';
    else if (cp === IDEOGRAPHIC_FULL_STOP) out += '.';
    else out += ch;
  }
  return out;
}

/** `"a"`, `"会" (U+4F1A)`, or just `U+200B` for a character nobody can see. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp > 0x20 && cp < 0x7f) return `"${ch}"`; // plain ASCII needs no code point
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `"${ch}" (${code})` : code;
}

/** What kind of foreign character this is, in words an operator recognises. */
export function nonAsciiKind(ch: string): Localized {
  if (/^\p{Script=Han}$/u.test(ch)) return { 'zh-CN': '中文', 'en-US': 'Chinese text' };
  const cp = ch.codePointAt(0) ?? 0;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) {
    return { 'zh-CN': '全角（中文输入法）字符', 'en-US': 'a full-width (Chinese input method) character' };
  }
  return { 'zh-CN': '非 ASCII 字符', 'en-US': 'a non-ASCII character' };
}

/** Longest SIP/H.323 dial string accepted; far beyond any real address, short enough to check instantly. */
export const MAX_DIAL_STRING_LENGTH = 256;

export interface DialTextRules {
  readonly maxLength: number;
  /** Shown when the field is empty, e.g. `room@example.com`. */
  readonly example: string;
}

/**
 * The checks every dial string and ID shares, in an order that keeps them cheap: trim, then reject by length
 * before any pattern runs (a pasted megabyte is refused at once), then spaces, control and non-ASCII characters.
 * The result is trimmed, half-width, printable ASCII without spaces.
 */
export function preflightDialText(input: string, field: string, rules: DialTextRules): Validated<string> {
  const trimmed = input.trim();
  if (trimmed === '')
    return fieldProblem(field, `不能为空，例如 ${rules.example}`, `must not be empty, e.g. ${rules.example}`);
  if (trimmed.length > rules.maxLength) {
    return fieldProblem(
      field,
      `太长（${trimmed.length} 个字符，最多 ${rules.maxLength} 个）`,
      `too long (${trimmed.length} characters, at most ${rules.maxLength})`,
    );
  }
  const text = toHalfWidth(trimmed);
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/^\s$/u.test(ch)) {
      return fieldProblem(field, '中间不能有空格或换行', 'must not contain spaces or line breaks');
    }
    if (cp < 0x20 || cp === 0x7f) {
      return fieldProblem(
        field,
        `包含不可见的控制字符 ${describeChar(ch)}`,
        `contains an invisible control character ${describeChar(ch)}`,
      );
    }
    if (cp > 0x7e) {
      const kind = nonAsciiKind(ch);
      return fieldProblem(
        field,
        `包含${kind['zh-CN']} ${describeChar(ch)}；只能使用英文字母、数字和符号`,
        `contains ${kind['en-US']} ${describeChar(ch)}; use only English letters, digits and symbols`,
      );
    }
  }
  return valid(text);
}
