// A tiny static file server on 127.0.0.1 for the built renderer (out/renderer), sending the security headers the
// shell sends (main/shell/csp.ts withSecurityHeaders), so the end-to-end run proves the UI works under the real
// CSP. Read-only, GET/HEAD only, and nothing outside the root is reachable.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  readonly url: string;
  /** Every path asked for, in order (a test can check that nothing was missing). */
  readonly requests: readonly { readonly path: string; readonly status: number }[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The folder served as `/`. */
  readonly root: string;
  /** Sent on every answer: the Content-Security-Policy among them. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
}

function end(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** The file for a URL path, or undefined when it would leave the root. `/` is index.html. */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : undefined;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const requests: { path: string; status: number }[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      for (const [name, value] of Object.entries(options.headers)) res.setHeader(name, value);
      res.setHeader('Cache-Control', 'no-store');
      const record = (status: number) => requests.push({ path: urlPath, status });
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        record(405);
        return end(res, 405, 'method not allowed');
      }
      const file = fileFor(root, urlPath);
      const info = file ? await stat(file).catch(() => undefined) : undefined;
      // Chromium asks for /favicon.ico on its own (an Electron window does not): nothing there is not an error.
      if (urlPath === '/favicon.ico' && !info?.isFile()) {
        record(204);
        res.writeHead(204);
        return res.end();
      }
      if (!file || !info?.isFile()) {
        record(404);
        return end(res, 404, 'not found');
      }
      record(200);
      end(res, 200, await readFile(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
    })().catch((error: unknown) => end(res, 500, String(error)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
