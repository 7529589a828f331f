// The one window: secure webPreferences, opened where the operator left it (if that is still on a screen), its
// position and size saved a moment after each move or resize and once more when it closes. The window title is the
// page's: the renderer sets document.title (e.g. the meeting being dialed) and Electron mirrors it.
import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from '../../../common/store-schema';
import type { Log } from '../../log';
import { debounce } from '../debounce';
import { secureWebPreferences } from '../web-preferences';
import { boundsToSave, initialWindowBounds, MIN_WINDOW_SIZE } from '../window-bounds';

export interface MainWindowOptions {
  readonly url: string;
  /** Absolute path of out/preload/index.cjs. */
  readonly preloadPath: string;
  readonly savedBounds: WindowBounds | undefined;
  readonly saveBounds: (bounds: WindowBounds) => void;
  readonly log: Log;
  /** False for a start at login that waits in the tray (run-in-background.ts startHidden); default true. */
  readonly show?: boolean;
}

/** Long enough that a drag writes the file once, short enough that a crash loses little. */
const SAVE_BOUNDS_DELAY_MS = 500;

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const initial = initialWindowBounds(options.savedBounds, screen.getAllDisplays());
  const window = new BrowserWindow({
    ...(initial.kind === 'saved' ? initial.bounds : { width: initial.width, height: initial.height, center: true }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Room Dialer',
    // Shown once the page has painted, so the operator never sees a white flash.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });

  // getNormalBounds: the size to come back to, not the maximized or full-screen one.
  const save = debounce(() => {
    if (!window.isDestroyed()) options.saveBounds(boundsToSave(window.getNormalBounds()));
  }, SAVE_BOUNDS_DELAY_MS);
  window.on('move', save.schedule);
  window.on('resize', save.schedule);
  window.on('close', () => {
    save.schedule();
    save.flush();
  });

  if (options.show !== false) window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    options.log.error('the window could not load the app', { url: options.url, error });
  });
  return window;
}
