// The packaged renderer is served from app://room-dialer/ (not file://): a real origin for the CSP's 'self', for
// fetch and for the navigation checks, and no access to the rest of the disk. This file is the pure part: which
// file, if any, a request URL names. app-protocol-handler.ts reads it; main-window glue registers the scheme.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'room-dialer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready. standard: parsed like http (origin, relative
 * URLs); secure: counts as a secure context like https; supportFetchAPI: the page may fetch its own assets.
 * Nothing else: no bypassCSP, no service workers, no CORS to other origins.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true, supportFetchAPI: true });

/** The types Vite emits for the renderer. Anything else is not ours and gets a 404. */
export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
});

export type AppRequestResolution =
  | { readonly ok: true; readonly filePath: string; readonly mimeType: string }
  | { readonly ok: false; readonly status: 404; readonly reason: string };

const notFound = (reason: string): AppRequestResolution => ({ ok: false, status: 404, reason });

/**
 * Characters no file of ours has in its name, decoded: separators (an encoded %2f or %5c must not make a new path
 * segment), NUL, the colon of a Windows drive or alternate data stream, and control characters.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\:\u0000-\u001f]/;

/** The raw path segments of `url`, still percent-encoded, taken before any URL parser can normalize dots away. */
function rawPathSegments(url: string): string[] | null {
  const afterHost = url.slice(`${APP_ORIGIN}/`.length);
  const end = afterHost.search(/[?#]/);
  const rawPath = end === -1 ? afterHost : afterHost.slice(0, end);
  if (rawPath === '') return [];
  return rawPath.split('/');
}

/**
 * The file under `rootDir` that `requestUrl` names, or a 404 with the reason (for the log). Refuses, rather than
 * normalizing: other schemes and hosts, user info or ports, `.`/`..` segments in any encoding, empty segments,
 * encoded separators, absolute or drive paths, malformed escapes, hidden files and unknown file types.
 * `/` serves index.html. A query or fragment is ignored.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  if (!path.isAbsolute(rootDir)) throw new Error(`resolveAppRequest: rootDir must be absolute: ${rootDir}`);
  // Compared on the raw text: new URL() would resolve "a/../../x" and "%2e%2e" before we could see them.
  if (!requestUrl.startsWith(`${APP_ORIGIN}/`)) return notFound('not the app origin');
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return notFound('not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port || parsed.username) {
    return notFound('not the app origin');
  }
  const raw = rawPathSegments(requestUrl);
  if (raw === null) return notFound('no path');
  const segments: string[] = [];
  for (const encoded of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return notFound('malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return notFound('empty or dot path segment');
    if (FORBIDDEN_IN_SEGMENT.test(segment)) return notFound('forbidden character in path');
    if (segment.startsWith('.')) return notFound('hidden file');
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  // Belt and braces: after the checks above this cannot leave the root, but the check is cheap and final.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return notFound('outside the root');
  const mimeType = MIME_TYPES[path.extname(filePath).toLowerCase()];
  if (!mimeType) return notFound('unknown file type');
  return { ok: true, filePath, mimeType };
}
