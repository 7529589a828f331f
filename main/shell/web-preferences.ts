// The window's webPreferences: every Electron security default pinned explicitly (so an Electron upgrade that
// changes a default, or a later edit, cannot loosen it unnoticed), plus the few things this app turns off.
import { isAbsolute } from 'node:path';
import type { WebPreferences } from 'electron';

export const WEB_PREFERENCES = Object.freeze({
  // The page and the preload run in separate JavaScript worlds; the page sees only what contextBridge exposes.
  contextIsolation: true,
  // The renderer process is OS-sandboxed, and the preload gets no Node.js (it needs only ipcRenderer).
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  // Same-origin policy stays on, and an https page can never pull in http content.
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  enableWebSQL: false,
  // A file dropped on the window must not replace the app with that file.
  navigateOnDragDrop: false,
  // A page looping alert() can be stopped by the operator.
  safeDialogs: true,
  // Spellcheck would send typed room names and addresses to the OS/Google dictionary service: not wanted.
  spellcheck: false,
  // A middle-click on a link fires no auxclick at all (new-window requests are refused anyway: navigation.ts).
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences);

/** The webPreferences of the app's window, with the path of the built preload script (out/preload/index.cjs). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  // Electron ignores a relative preload path silently, which would leave the window without its API.
  if (!isAbsolute(preloadPath))
    throw new Error(`secureWebPreferences: the preload path must be absolute: ${preloadPath}`);
  return { ...WEB_PREFERENCES, preload: preloadPath };
}
