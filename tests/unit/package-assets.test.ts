// The files the bundled main process opens by path (the tray icons): found in the bundle, and each required in
// app.asar with its bytes.
import { describe, expect, it } from 'vitest';
import { checkMainAssets, referencedAssets } from '../../scripts/package/main-assets';

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

  it('must each be in app.asar, not empty; and a bundle naming none has lost its tray icon', () => {
    const assets = referencedAssets(BUNDLE);
    const packaged = [
      { path: 'out/main/chunks/16x16-BScik9Qh.png', size: 545, unpacked: false },
      { path: 'out/main/chunks/32x32-COHvdzUF.png', size: 1039, unpacked: false },
    ];
    expect(checkMainAssets(assets, packaged)).toEqual([]);
    expect(checkMainAssets(assets, [{ ...packaged[0]!, size: 0 }])).toEqual([
      'out/main/chunks/16x16-BScik9Qh.png is empty in app.asar',
      'app.asar lacks out/main/chunks/32x32-COHvdzUF.png, which out/main/index.js opens at run time',
    ]);
    expect(checkMainAssets([], packaged)).toEqual([
      'out/main/index.js names no icon file: the tray icon (main/shell/electron/tray.ts)',
    ]);
  });
});
