// `npm run icons`: renders build/icon.svg into every icon file electron-builder needs, and commits nothing itself.
//   build/icon.png         1024 px, the master
//   build/icons/NxN.png    Linux (AppImage, deb) sizes
//   build/icon.ico         Windows (exe, installer, shortcuts)
//   build/icon.icns        macOS
// The generated files are committed so that a release build on any OS needs no rendering step; the renderers are
// deterministic, so `npm run icons -- --check` (run by `npm run package:check`) re-renders in memory and fails if a
// committed file differs from what the SVG gives, that is, if someone edited the SVG and forgot to run this.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const BUILD = resolve(import.meta.dirname, '..', 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

function renderPng(svg: Buffer, size: number): Buffer {
  // System fonts off: the icon has no text, and font discovery is the one machine-dependent input.
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  return Buffer.from(image.asPng());
}

function required(file: string, data: Buffer | null): Buffer {
  if (!data) throw new Error(`png2icons could not create ${file}`);
  return data;
}

/** Every generated icon, by path relative to build/. Small PNGs are rendered from the vector, not scaled down. */
export function renderIcons(svg: Buffer): Map<string, Buffer> {
  const master = renderPng(svg, 1024);
  const files = new Map<string, Buffer>([['icon.png', master]]);
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, renderPng(svg, size));
  // Lossless (0 colours); forWinExe keeps sizes under 64 px as bitmaps for Windows' file-properties dialog.
  files.set('icon.ico', required('icon.ico', png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true)));
  files.set('icon.icns', required('icon.icns', png2icons.createICNS(master, png2icons.BICUBIC2, 0)));
  return files;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const icons = renderIcons(await readFile(join(BUILD, 'icon.svg')));
  const stale: string[] = [];
  for (const [name, data] of icons) {
    const path = join(BUILD, name);
    if (check) {
      if (!(await readOrNull(path))?.equals(data)) stale.push(`build/${name}`);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    console.log(`build/${name}  ${data.length} bytes`);
  }
  if (stale.length) {
    console.error(`Icons out of date with build/icon.svg: ${stale.join(', ')}. Run \`npm run icons\` and commit them.`);
    process.exit(1);
  }
  if (check) console.log(`icons: ${icons.size} files match build/icon.svg`);
}

await main();
