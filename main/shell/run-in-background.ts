// Running in the tray: while any schedule is armed the app must keep running to dial it, so closing the window hides
// it to the system tray instead of quitting, quitting asks first, and a start at login (--hidden) opens no window.
// The decisions are here, as plain functions; shell/electron/tray.ts carries them out. Who knows what is armed is
// the schedule runner (services.schedules), seen through ArmedSource: without one, closing quits as before.

/** What the tray needs of the schedule runner. */
export interface ArmedSource {
  /** Schedules armed now (waiting, or watching for a host). */
  armedCount(): number;
  /** Pauses every schedule: none dials until armed again. */
  pauseAll(): void;
  /** Calls `listener` after each change of what is armed; returns what stops it. */
  onChange(listener: () => void): () => void;
}

/** Added by the login item (Windows): the app starts in the tray, without its window. */
export const HIDDEN_ARG = '--hidden';

export interface BackgroundState {
  readonly armedCount: number;
  /** The window was hidden to the tray (by a close, or a hidden start) and not shown since. */
  readonly windowHidden: boolean;
  /** A quit is under way (confirmed, or with nothing armed): closing the window must not stop it. */
  readonly quitting: boolean;
}

/** Closing the window: hide it to the tray while a schedule is armed, else close it (the app then quits). */
export function closeAction(state: Pick<BackgroundState, 'armedCount' | 'quitting'>): 'hide' | 'close' {
  return !state.quitting && state.armedCount > 0 ? 'hide' : 'close';
}

/**
 * The tray icon is there while something is armed, and while the window is hidden to it even when nothing is armed
 * any more (the operator paused everything from the tray): otherwise the hidden window could not be reached.
 */
export function trayVisible(state: Pick<BackgroundState, 'armedCount' | 'windowHidden'>): boolean {
  return state.armedCount > 0 || state.windowHidden;
}

/**
 * A start at login (--hidden) waits in the tray, but only when there is something to wait for: with nothing armed
 * it opens the window as usual rather than run unseen.
 */
export function startHidden(argv: readonly string[], armedCount: number): boolean {
  return armedCount > 0 && argv.includes(HIDDEN_ARG);
}

/** A quit with schedules armed asks first: they dial only while the app runs. */
export function mustConfirmQuit(state: { readonly armedCount: number; readonly confirmed: boolean }): boolean {
  return state.armedCount > 0 && !state.confirmed;
}

/**
 * Electron starts apps at login on Windows and macOS only (app.setLoginItemSettings); Linux desktops use autostart
 * files, which the app does not write, so the tray offers no such item there.
 */
export function loginItemSupported(platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/**
 * What app.setLoginItemSettings gets. `args` is Windows' (the login item starts `Room Dialer.exe --hidden`); it is
 * also what app.getLoginItemSettings must be asked with to find that same item.
 */
export function loginItemSettings(openAtLogin: boolean): { openAtLogin: boolean; args: string[] } {
  return { openAtLogin, args: [HIDDEN_ARG] };
}

/**
 * The tray icon's size in build/icons: 16 px on macOS, whose menu bar shows an image at its pixel size (32 px would
 * be twice the bar's height); 32 px elsewhere, which Windows' notification area and Linux status icons scale down
 * to their 16–24 px sharper than they scale up.
 */
export function trayIconSize(platform: NodeJS.Platform): 16 | 32 {
  return platform === 'darwin' ? 16 : 32;
}
