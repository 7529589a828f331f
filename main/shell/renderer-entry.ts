// Where the window loads the UI from: the Vite dev server in `npm run dev` (electron-vite sets
// ELECTRON_RENDERER_URL), app://room-dialer/index.html otherwise. The dev server must be on this machine, so a
// stray environment variable cannot point the app, its preload API included, at a page elsewhere.
import { allowedOriginsFor } from '../ipc/sender';
import { APP_ENTRY_URL } from './app-protocol';
import { buildCsp } from './csp';

export interface RendererEntry {
  readonly url: string;
  readonly dev: boolean;
  /** The origins of the app's own pages, for the navigation checks and the IPC sender check. */
  readonly appOrigins: readonly string[];
  /** The policy sent with every response the window gets. */
  readonly csp: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function rendererEntry(env: Readonly<Record<string, string | undefined>>): RendererEntry {
  const devServer = env['ELECTRON_RENDERER_URL'];
  if (!devServer) return { url: APP_ENTRY_URL, dev: false, appOrigins: allowedOriginsFor(), csp: buildCsp() };
  let url: URL;
  try {
    url = new URL(devServer);
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL is not a URL: ${JSON.stringify(devServer.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' || !LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`ELECTRON_RENDERER_URL must be an http:// address on this machine, got ${url.origin}`);
  }
  return {
    url: url.href,
    dev: true,
    appOrigins: allowedOriginsFor(url.href),
    csp: buildCsp({ devServerUrl: url.href }),
  };
}
