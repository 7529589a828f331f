// What the meeting field does with typing and pasting: keep a 9-digit code grouped as 123-456-789 while it is typed,
// and pull the meeting number out of a pasted invitation ("#腾讯会议：123-456-789 …") so the operator does not
// have to trim it by hand. Anything else is left as typed, for the validator to explain.
import { formatMeetingCode } from '../../../common/meeting-number';

const CODE_IN_TEXT = /(?<!\d)(\d{3}[-\s]?\d{3}[-\s]?\d{3})(?![-\s]?\d)/;
const ID_IN_TEXT = /(?<!\d)(\d{10,32})(?!\d)/;
const ONLY_NUMBER = /^[\d\s\-－‐‑‒–—―−]*$/;

export function meetingFieldText(typed: string): string {
  return formatMeetingCode(typed);
}

/** The meeting number in a pasted text, formatted; the text itself when it holds none or several. */
export function meetingFromPaste(pasted: string): string {
  const text = pasted.trim();
  if (ONLY_NUMBER.test(text)) return formatMeetingCode(text);
  const codes = text.match(new RegExp(CODE_IN_TEXT.source, 'g')) ?? [];
  if (codes.length === 1) return formatMeetingCode(codes[0] as string);
  const ids = text.match(new RegExp(ID_IN_TEXT.source, 'g')) ?? [];
  if (codes.length === 0 && ids.length === 1) return ids[0] as string;
  return text;
}

/** The digits the lookup is sent, or '' when the field holds something else. */
export function meetingDigits(text: string): string {
  return /^[\d\s-]+$/.test(text) ? text.replace(/\D/g, '') : '';
}
