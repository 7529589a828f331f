// Saves text as a file through the browser's download (Electron shows its save dialog): no file system access
// from the window is needed.
import { localTimestamp } from '../util/local-time';

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the blob by the time click() returns; revoking later is only to be safe in every engine.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "room-dialer-rooms-20261122-1005.csv": sortable and unique enough per minute. */
export function csvFileName(what: string, now = new Date()): string {
  const stamp = localTimestamp(now.toISOString()).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
  return `room-dialer-${what}-${stamp}.csv`;
}
