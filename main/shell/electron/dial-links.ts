// Where the OS hands room-dialer:// links and --dial arguments to the app (the decisions and the parsing:
// ../dial-links.ts), and how they reach the window: as STAGED_DIAL_EVENT, for the operator to confirm. Nothing here
// dials.
import { app, type BrowserWindow } from 'electron';
import type { StagedDialEvent } from '../../../common/dial-link';
import { STAGED_DIAL_EVENT } from '../../../common/window-api';
import type { Log } from '../../log';
import { protocolClientArgs, type DialLinkInbox } from '../dial-links';

/**
 * Before `ready`: macOS opens links with `open-url`, the one that launched the app included, which comes before
 * `ready`. (Windows and Linux start the app with the link as an argument: `second-instance`, or its own argv.)
 */
export function receiveOpenUrl(inbox: DialLinkInbox, reveal: () => void): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    inbox.acceptLink(url);
    reveal();
  });
}

/** Makes this app the OS's handler of room-dialer:// (the installers register it too: electron-builder.yml). */
export function registerLinkHandler(log: Log): void {
  const args = protocolClientArgs({ defaultApp: process.defaultApp, execPath: process.execPath, argv: process.argv });
  if (!args) return;
  const [scheme, path, appArgs] = args;
  // Linux answers false without a .desktop file that declares the scheme (a run from the source tree).
  const registered =
    path === undefined ? app.setAsDefaultProtocolClient(scheme) : app.setAsDefaultProtocolClient(scheme, path, appArgs);
  if (!registered) log.warn('not registered as the link handler', { scheme });
}

/**
 * The window's page shows staged dials once it has loaded (the renderer subscribes while it starts); a reload holds
 * them until it has loaded again.
 */
export function deliverStagedDials(window: BrowserWindow, inbox: DialLinkInbox, reveal: () => void): void {
  const contents = window.webContents;
  contents.on('did-start-loading', () => inbox.close());
  contents.on('did-finish-load', () =>
    inbox.open((event: StagedDialEvent) => {
      if (contents.isDestroyed()) return;
      reveal();
      contents.send(STAGED_DIAL_EVENT, event);
    }),
  );
  window.on('closed', () => inbox.close());
}
