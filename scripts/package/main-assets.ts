// Files the bundled main process opens by path at run time: electron-vite's `?asset` imports (the tray icons of
// main/shell/electron/tray.ts) become `join(import.meta.dirname, "./16x16-….png")` in the script that uses them
// (out/main/chunks/open-app.js, the app module the entry loads once it holds the single-instance lock). The packaged
// app.asar must hold each one with its bytes, or the installed app shows an empty tray icon.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AsarFile } from './asar-listing';

/** The image files a main-process bundle names relative to itself, as paths in the archive (`out/main/chunks/…`). */
export function referencedAssets(bundle: string, bundleDir = 'out/main'): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(/"\.\/((?:[\w.-]+\/)*[\w.-]+\.(?:png|ico|icns))"/g)) {
    found.add(`${bundleDir}/${match[1]}`);
  }
  return [...found].sort();
}

/** The assets every script under `root`/`outMain` names, each relative to its own folder, as paths in the archive. */
export function mainBundleAssets(root: string, outMain = 'out/main'): string[] {
  const found = new Set<string>();
  const scripts = readdirSync(path.join(root, outMain), { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.[cm]?js$/.test(file),
  );
  for (const file of scripts) {
    const dir = path.posix.join(outMain, path.dirname(file).split(path.sep).join('/'));
    for (const asset of referencedAssets(readFileSync(path.join(root, outMain, file), 'utf8'), dir)) found.add(asset);
  }
  return [...found].sort();
}

/** Why the archive cannot serve the assets the bundle opens: none named (the tray lost its icon), or one missing. */
export function checkMainAssets(assets: readonly string[], files: readonly AsarFile[]): string[] {
  if (assets.length === 0) return ['out/main names no icon file: the tray icon (main/shell/electron/tray.ts)'];
  const byPath = new Map(files.map((file) => [file.path, file]));
  return assets.flatMap((asset) => {
    const file = byPath.get(asset);
    if (!file) return [`app.asar lacks ${asset}, which out/main opens at run time`];
    return file.size > 0 ? [] : [`${asset} is empty in app.asar`];
  });
}
