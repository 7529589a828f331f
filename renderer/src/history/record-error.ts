// A history record's error in the operator's language. Main keeps both languages in one text, "<zh-CN> / <en-US>"
// (main/calls/call-history.ts, clipped to 1,000 characters), so that the record reads right after a language
// switch; this shows the half for the language on screen. Records from before, or text written another way, show
// as they are.
import type { Locale } from '../../../common/locale';
import type { HistoryRecord } from '../../../common/store-schema';

const SEPARATOR = ' / ';
const HAN = /\p{Script=Han}/u;

/**
 * Where the English half starts: the first " / " with Chinese before it and an English letter right after it.
 * Every zh-CN message has Chinese in it and every en-US message starts with a letter; a " / " inside Tencent's own
 * (Chinese) text is followed by Chinese, so it is not taken for the break.
 */
function splitAt(text: string): number | undefined {
  for (let at = text.indexOf(SEPARATOR); at > 0; at = text.indexOf(SEPARATOR, at + 1)) {
    const after = text.charAt(at + SEPARATOR.length);
    if (/[A-Za-z]/.test(after) && HAN.test(text.slice(0, at))) return at;
  }
  return undefined;
}

/** The error message in `locale`, '' when the call had none. */
export function recordErrorText(record: Pick<HistoryRecord, 'errorMessage'>, locale: Locale): string {
  const text = record.errorMessage ?? '';
  const at = splitAt(text);
  if (at === undefined) return text;
  return locale === 'zh-CN' ? text.slice(0, at) : text.slice(at + SEPARATOR.length);
}
