// The app:// request handler given to protocol.handle: plain Request in, Response out, so it runs (and is tested)
// under Node too. Serves only regular files that resolve, symlinks included, inside the renderer folder.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log';
import { resolveAppRequest } from './app-protocol';

export interface AppProtocolHandlerOptions {
  /** The built renderer: out/renderer. */
  readonly rootDir: string;
  /** Sent with every answer, so the window's policy does not depend on the <meta> tag alone. */
  readonly csp: string;
  readonly log?: Log;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

const securityHeaders = (csp: string) => ({ 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' });

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(csp) },
  });
}

/** True when `target` is `root` itself or below it (both already real paths). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function createAppProtocolHandler(options: AppProtocolHandlerOptions): AppProtocolHandler {
  const rootDir = path.resolve(options.rootDir);
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', options.csp);
    const resolved = resolveAppRequest(request.url, rootDir);
    if (!resolved.ok) {
      options.log?.warn('app:// request refused', { url: request.url.slice(0, 300), reason: resolved.reason });
      return plain(404, 'Not found', options.csp);
    }
    try {
      realRoot ??= realpath(rootDir);
      const realFile = await realpath(resolved.filePath);
      // A symlink inside the renderer folder pointing elsewhere on disk must not be a way out.
      if (!isInside(await realRoot, realFile) || !(await stat(realFile)).isFile()) {
        options.log?.warn('app:// request refused', { url: request.url.slice(0, 300), reason: 'not a file inside' });
        return plain(404, 'Not found', options.csp);
      }
      const body = request.method === 'HEAD' ? null : await readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': resolved.mimeType,
          ...securityHeaders(options.csp),
          // The files change only with an app update; revalidating is cheap from disk and avoids stale bundles.
          'Cache-Control': 'no-cache',
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        options.log?.error('app:// request failed', { url: request.url.slice(0, 300), code: code ?? String(error) });
      }
      return plain(404, 'Not found', options.csp);
    }
  };
}
