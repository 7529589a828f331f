// Who may call the main process: only the main frame of the app's own page. The Electron shell turns the invoke
// event into a SenderInfo (senderInfoOf below, typed structurally so this file never loads Electron) and the check
// itself is a pure function, tested under Node.

/** What the check needs to know about the frame that sent an IPC request. */
export interface SenderInfo {
  /** The sending frame's URL; '' when the frame is gone (navigated away or destroyed) before the request arrived. */
  readonly url: string;
  /** True only for the top frame of the window, never for an iframe inside it. */
  readonly isMainFrame: boolean;
}

/** The origin the production build is served from (the shell registers this privileged scheme). */
export const APP_ORIGIN = 'app://room-dialer';

/**
 * `scheme://host[:port]`, lower-cased, or undefined when the URL has none. WHATWG URL reports "null" as the origin
 * of every non-special scheme (app://…), so it is built from the parts here; file: URLs and opaque origins have no
 * host and never match anything.
 */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.host === '') return undefined;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** The app's origin, plus the dev server's (ELECTRON_RENDERER_URL) when one is in use. */
export function allowedOriginsFor(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : undefined;
  if (dev) origins.push(dev);
  return origins;
}

export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: 'subframe' | 'origin' };

export function checkSender(sender: SenderInfo, allowedOrigins: readonly string[]): SenderVerdict {
  if (sender.isMainFrame !== true) return { ok: false, reason: 'subframe' };
  const origin = typeof sender.url === 'string' ? originOf(sender.url) : undefined;
  const allowed = allowedOrigins.map((o) => originOf(o) ?? o.toLowerCase());
  if (origin === undefined || !allowed.includes(origin)) return { ok: false, reason: 'origin' };
  return { ok: true };
}

/** The parts of Electron's IpcMainInvokeEvent the check reads (Electron's own type satisfies this). */
export interface InvokeEventLike {
  readonly sender: { readonly mainFrame: unknown };
  /** Null when the frame navigated away or was destroyed before the request was handled. */
  readonly senderFrame: { readonly url: string } | null;
}

export function senderInfoOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  if (!frame) return { url: '', isMainFrame: false };
  return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
}
