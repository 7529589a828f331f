// Text that comes from outside the app (a field name in an IPC request, Tencent's error message, a response
// header) is cut to a bounded length before anything logs it, matches a pattern against it or shows it: a 1 MB
// field name must cost no more than a short one, and must not come back three times in an error.
// Pure: used by main and the renderer alike.

/** Long enough for any real message or header, short enough that nothing huge travels on. */
export const OUTSIDE_TEXT_MAX = 2048;

/** At most `max` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function capText(text: string, max: number = OUTSIDE_TEXT_MAX): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
