// Files the bundled main process opens by path at run time: electron-vite's `?asset` imports (the tray icons of
// main/shell/electron/tray.ts) become `join(import.meta.dirname, "./chunks/16x16-….png")` in out/main/index.js. The
// packaged app.asar must hold each one with its bytes, or the installed app shows an empty tray icon.
import type { AsarFile } from './asar-listing';

/** The image files a main-process bundle names relative to itself, as paths in the archive (`out/main/chunks/…`). */
export function referencedAssets(bundle: string, bundleDir = 'out/main'): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(/"\.\/((?:[\w.-]+\/)*[\w.-]+\.(?:png|ico|icns))"/g)) {
    found.add(`${bundleDir}/${match[1]}`);
  }
  return [...found].sort();
}

/** Why the archive cannot serve the assets the bundle opens: none named (the tray lost its icon), or one missing. */
export function checkMainAssets(assets: readonly string[], files: readonly AsarFile[]): string[] {
  if (assets.length === 0) return ['out/main/index.js names no icon file: the tray icon (main/shell/electron/tray.ts)'];
  const byPath = new Map(files.map((file) => [file.path, file]));
  return assets.flatMap((asset) => {
    const file = byPath.get(asset);
    if (!file) return [`app.asar lacks ${asset}, which out/main/index.js opens at run time`];
    return file.size > 0 ? [] : [`${asset} is empty in app.asar`];
  });
}
