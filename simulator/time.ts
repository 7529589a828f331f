// Time formats the API uses.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "YYYY/MM/DD HH:MM:SS" in Beijing time (UTC+8, no daylight saving), as room-call-info's response_time. */
export function beijingTime(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}

/** The HTTP Date header value (IMF-fixdate). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
