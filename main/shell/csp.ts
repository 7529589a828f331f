// The window's Content Security Policy, built in one place: the app:// protocol handler and the session's
// onHeadersReceived send it as a header, and the production build can also write it into index.html as a <meta>
// (csp-meta-plugin.ts). The renderer talks to main over IPC only, so it needs no network at all.
//
// style-src is 'self' without 'unsafe-inline' in production: Vite extracts every stylesheet (Element Plus's too) to
// CSS files, and Vue applies :style bindings through the CSSOM (style.setProperty / cssText), which CSP does not
// govern. What it does block is a literal style="..." attribute in HTML and JS-created <style> elements.
// Vite's dev server injects every imported stylesheet as a JS-created <style>, so the dev policy alone (never the
// packaged app) adds 'unsafe-inline' to style-src, plus the dev server's origin for scripts and its HMR websocket.

export type CspDelivery = 'header' | 'meta';

export interface CspOptions {
  /** ELECTRON_RENDERER_URL in `npm run dev`; absent in the packaged app. */
  readonly devServerUrl?: string;
  /** A <meta> policy may not carry frame-ancestors (browsers ignore it there with a console error). */
  readonly delivery?: CspDelivery;
}

type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

const PRODUCTION_DIRECTIVES: Directives = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  ['object-src', ["'none'"]],
];

/** Only these may appear in a meta-delivered policy (CSP3 §3.3 excludes frame-ancestors, report-uri, sandbox). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** http(s)://host:port of the dev server and its websocket twin, or a clear error for anything else. */
function devServerSources(devServerUrl: string): { origin: string; websocket: string } {
  let url: URL;
  try {
    url = new URL(devServerUrl);
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL is not a URL: ${JSON.stringify(devServerUrl.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`ELECTRON_RENDERER_URL must be http(s), got ${url.protocol}`);
  }
  const websocket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return { origin: url.origin, websocket };
}

function devDirectives(devServerUrl: string): Directives {
  const { origin, websocket } = devServerSources(devServerUrl);
  const extra: Record<string, readonly string[]> = {
    'script-src': [origin],
    'style-src': [origin, "'unsafe-inline'"],
    'img-src': [origin],
    'font-src': [origin],
    'connect-src': [origin, websocket],
  };
  return PRODUCTION_DIRECTIVES.map(([name, sources]) => [name, [...sources, ...(extra[name] ?? [])]] as const);
}

/** The policy text, e.g. "default-src 'none'; script-src 'self'; …". */
export function buildCsp(options: CspOptions = {}): string {
  const directives = options.devServerUrl ? devDirectives(options.devServerUrl) : PRODUCTION_DIRECTIVES;
  return directives
    .filter(([name]) => options.delivery !== 'meta' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The packaged app's policy, as a header. */
export const APP_CSP = buildCsp();

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * The response headers with our policy as the only Content-Security-Policy (any other, in any letter case, is
 * dropped: a server's weaker policy must not be what the window enforces) and MIME sniffing off.
 */
export function withSecurityHeaders(headers: Readonly<ResponseHeaders> | undefined, csp: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'x-content-type-options') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  result['X-Content-Type-Options'] = ['nosniff'];
  return result;
}
