// What the window may load. The page never navigates away from the app, never opens a second window, and a link
// to an allowlisted help page goes to the system browser instead. "The app" is the same list of origins the IPC
// gate accepts requests from (main/ipc/sender.ts allowedOriginsFor): app://room-dialer, plus the Vite dev server
// in `npm run dev`.
import { originOf } from '../ipc/sender';
import { allowedExternalUrl } from './external-links';

export interface NavigationDecision {
  readonly allow: boolean;
  /** Set when the target is an allowlisted help page: open it with shell.openExternal instead. */
  readonly openExternal?: string;
}

/** True for a URL whose origin is one of `appOrigins`. */
export function isAppUrl(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && appOrigins.includes(origin);
}

function deniedUnlessHelpPage(url: string): NavigationDecision {
  const external = allowedExternalUrl(url);
  return external ? { allow: false, openExternal: external } : { allow: false };
}

/**
 * A blob: URL the app's own page created (blob:app://room-dialer/<uuid>): how the window saves a CSV export
 * (renderer/src/csv/download.ts, an <a download> click). Only the page's own scripts can make one, and the CSP
 * admits only the app's own scripts.
 */
export function isAppBlobUrl(url: string, appOrigins: readonly string[]): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length), appOrigins);
}

/**
 * will-navigate and will-frame-navigate: stay inside the app's origins, or go nowhere. The app's own blob: URLs
 * pass because Electron reports an <a download> click as a navigation before it turns into a download
 * (electron/electron#44375); will-download then decides (decideDownload).
 */
export function decideNavigation(url: string, appOrigins: readonly string[]): NavigationDecision {
  if (isAppUrl(url, appOrigins) || isAppBlobUrl(url, appOrigins)) return { allow: true };
  return deniedUnlessHelpPage(url);
}

/** will-download: only files the page itself made (CSV exports); never a download from anywhere else. */
export function decideDownload(url: string, appOrigins: readonly string[]): boolean {
  return isAppBlobUrl(url, appOrigins);
}

/**
 * will-redirect: a redirect is not a click, the operator did not choose its target, so even an allowlisted help
 * page reached by redirect is refused without opening the browser.
 */
export function decideRedirect(url: string, appOrigins: readonly string[]): NavigationDecision {
  return { allow: isAppUrl(url, appOrigins) };
}

/** setWindowOpenHandler: never a new Electron window, whatever the URL (target=_blank, window.open). */
export function decideWindowOpen(url: string): NavigationDecision {
  return deniedUnlessHelpPage(url);
}
