// Electron glue for the security decisions made in the plain modules next door (csp, app-protocol, navigation,
// permissions): nothing here decides anything, it only attaches the decisions to Electron's hooks. Typechecked
// against Electron's types; the decisions themselves are tested under Node (tests/unit/security-shell.test.ts).
import { app, ipcMain, protocol, type Session, type WebContents } from 'electron';
import type { Log } from '../../log';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../app-protocol';
import { createAppProtocolHandler } from '../app-protocol-handler';
import { withSecurityHeaders } from '../csp';
import {
  decideDownload,
  decideNavigation,
  decideRedirect,
  decideWindowOpen,
  isAppUrl,
  type NavigationDecision,
} from '../navigation';
import { decidePermission } from '../permissions';

export interface ShellSecurity {
  /** The origins of the app's own pages (renderer-entry.ts). */
  readonly appOrigins: readonly string[];
  readonly csp: string;
  /** Opens an allowlisted help page in the system browser. */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: Log;
}

/** Before `app.whenReady()`: app:// must be privileged before any session exists. Also sandboxes every renderer. */
export function registerAppScheme(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** app://room-dialer/ serves the built renderer folder (out/renderer), and nothing else. */
export function serveRenderer(session: Session, rootDir: string, security: ShellSecurity): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir, csp: security.csp, log: security.log }));
}

/** Permissions, downloads and the CSP header for every response a window receives (the dev server's too). */
export function hardenSession(session: Session, security: ShellSecurity): void {
  const { log } = security;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = decidePermission({ permission, origin: details.requestingUrl });
    if (!granted) log.warn('permission request refused', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, origin) => decidePermission({ permission, origin }));
  session.setDevicePermissionHandler((details) => decidePermission({ permission: 'device', origin: details.origin }));
  session.webRequest.onHeadersReceived((details, callback) => {
    // Only the app's own pages (the dev server's; app:// sets its headers itself): not the API client's net.fetch
    // traffic from main, not devtools.
    if (details.webContentsId === undefined || !isAppUrl(details.url, security.appOrigins)) return callback({});
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders, security.csp) });
  });
  session.on('will-download', (event, item) => {
    if (decideDownload(item.getURL(), security.appOrigins)) return;
    log.warn('download refused', { url: item.getURL().slice(0, 200) });
    event.preventDefault();
  });
}

/** Carries out a refusal (help pages go to the browser, the rest is logged); true when the load may go ahead. */
function carryOut(decision: NavigationDecision, url: string, security: ShellSecurity): boolean {
  if (decision.allow) return true;
  if (decision.openExternal) {
    void security.openExternal(decision.openExternal).catch((error: unknown) => {
      security.log.warn('could not open a help link', { error });
    });
  } else {
    security.log.warn('navigation refused', { url: url.split(/[?#]/)[0]?.slice(0, 200) });
  }
  return false;
}

/** Every webContents the app ever creates: no leaving the app, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents, security: ShellSecurity): void {
  const { appOrigins } = security;
  const guard = (decide: (url: string) => NavigationDecision) => (event: { url: string; preventDefault(): void }) => {
    if (!carryOut(decide(event.url), event.url, security)) event.preventDefault();
  };
  contents.on(
    'will-navigate',
    guard((url) => decideNavigation(url, appOrigins)),
  );
  contents.on(
    'will-frame-navigate',
    guard((url) => decideNavigation(url, appOrigins)),
  );
  contents.on(
    'will-redirect',
    guard((url) => decideRedirect(url, appOrigins)),
  );
  contents.setWindowOpenHandler(({ url }) => {
    carryOut(decideWindowOpen(url), url, security);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    security.log.warn('webview refused');
  });
}

/** Applies hardenWebContents to every webContents, present and future (devtools included). */
export function hardenAllWebContents(security: ShellSecurity): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, security));
}

/**
 * IPC endpoints that electron-log (at import) and electron-store (with the first store) open in main for renderer
 * halves this app does not use. They answer any frame, without the sender check every contract channel passes
 * (ipc/register.ts): closed, so the contract is the only way into main. Call once the store exists.
 */
const LIBRARY_IPC_CHANNELS = ['__ELECTRON_LOG__', 'electron-store-get-data'] as const;

export function closeLibraryIpc(): void {
  for (const channel of LIBRARY_IPC_CHANNELS) {
    ipcMain.removeHandler(channel);
    ipcMain.removeAllListeners(channel);
  }
}
