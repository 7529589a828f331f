// Dates and durations as the operator reads them, in the UI language.
import type { Locale } from '../../../common/locale';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();
const clockFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(map: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions) {
  let format = map.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    map.set(locale, format);
  }
  return format;
}

/** "2026/11/22 10:00" / "11/22/2026, 10:00 AM"; '' for a missing or unreadable time. */
export function formatDateTime(time: string | number | undefined, locale: Locale): string {
  if (time === undefined) return '';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return cached(dateTimeFormats, locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** Only the clock time, for today's call states. */
export function formatTime(time: string | undefined, locale: Locale): string {
  if (time === undefined) return '';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return cached(timeFormats, locale, { timeStyle: 'medium' }).format(date);
}

/** Hours and minutes only ("09:30" / "9:30 AM"), for meeting times and when a schedule acts; '' when unreadable. */
export function formatClock(time: string | number | undefined, locale: Locale): string {
  if (time === undefined) return '';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return cached(clockFormats, locale, { timeStyle: 'short' }).format(date);
}

/** Unix seconds (MeetingInfo) as a date-time. */
export function formatUnixSeconds(seconds: number | undefined, locale: Locale): string {
  return seconds === undefined ? '' : formatDateTime(seconds * 1000, locale);
}

/** "1:05" or "1:02:05" between two ISO times; '' when either is missing or the order is wrong. */
export function formatDuration(startIso: string | undefined, endIso: string | undefined): string {
  if (!startIso || !endIso) return '';
  const ms = Date.parse(endIso) - Date.parse(startIso);
  if (!Number.isFinite(ms) || ms < 0) return '';
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
