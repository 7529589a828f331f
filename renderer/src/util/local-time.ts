// Times in this computer's time zone, in the fixed shapes files and date filters use (not the UI's locale format).
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-22" */
export function localDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-11-22 10:00:05"; the input itself when it is not a time. */
export function localTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${localDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
