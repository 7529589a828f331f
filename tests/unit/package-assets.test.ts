// The files the bundled main process opens by path (the tray icons): found in the bundle, and each required in
// app.asar with its bytes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMainAssets, mainBundleAssets, referencedAssets } from '../../scripts/package/main-assets';

const BUNDLE = `const a = join(import.meta.dirname, "./chunks/16x16-BScik9Qh.png");
const b = join(import.meta.dirname, "./chunks/32x32-COHvdzUF.png");
const again = "./chunks/16x16-BScik9Qh.png"; const ext = ".png"; const js = "./chunks/vault-DncwzekP.js";`;

describe('assets the main bundle opens at run time', () => {
  it('are the images it names relative to itself, each once', () => {
    expect(referencedAssets(BUNDLE)).toEqual([
      'out/main/chunks/16x16-BScik9Qh.png',
      'out/main/chunks/32x32-COHvdzUF.png',
    ]);
  });

  it('are found in every script of out/main, each relative to its own folder (the tray is in a chunk)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'room-dialer-assets-'));
    try {
      mkdirSync(path.join(root, 'out', 'main', 'chunks'), { recursive: true });
      writeFileSync(path.join(root, 'out', 'main', 'index.js'), 'import("./chunks/open-app.js");');
      writeFileSync(
        path.join(root, 'out', 'main', 'chunks', 'open-app.js'),
        'const icon = join(import.meta.dirname, "./16x16-BScik9Qh.png");',
      );
      writeFileSync(path.join(root, 'out', 'main', 'chunks', '16x16-BScik9Qh.png'), '"./not-a-script.png"');
      expect(mainBundleAssets(root)).toEqual(['out/main/chunks/16x16-BScik9Qh.png']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('must each be in app.asar, not empty; and a bundle naming none has lost its tray icon', () => {
    const assets = referencedAssets(BUNDLE);
    const packaged = [
      { path: 'out/main/chunks/16x16-BScik9Qh.png', size: 545, unpacked: false },
      { path: 'out/main/chunks/32x32-COHvdzUF.png', size: 1039, unpacked: false },
    ];
    expect(checkMainAssets(assets, packaged)).toEqual([]);
    expect(checkMainAssets(assets, [{ ...packaged[0]!, size: 0 }])).toEqual([
      'out/main/chunks/16x16-BScik9Qh.png is empty in app.asar',
      'app.asar lacks out/main/chunks/32x32-COHvdzUF.png, which out/main opens at run time',
    ]);
    expect(checkMainAssets([], packaged)).toEqual([
      'out/main names no icon file: the tray icon (main/shell/electron/tray.ts)',
    ]);
  });
});
