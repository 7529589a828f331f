// The human-readable listing summary printed by `npm run package:check`: files and bytes per part of app.asar.
import type { AsarFile } from './asar-listing';
import { packageFolder } from './audit-asar';

const PARTS = ['out/main/', 'out/preload/', 'out/renderer/', 'package.json', 'node_modules/'] as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function total(files: readonly AsarFile[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

function row(label: string, files: readonly AsarFile[], extra = ''): string {
  return `  ${label.padEnd(16)} ${String(files.length).padStart(5)} files ${formatBytes(total(files)).padStart(11)}${extra}`;
}

export function summarizeAsar(files: readonly AsarFile[], packages: readonly string[]): string[] {
  const lines = ['app.asar listing:'];
  for (const part of PARTS) {
    const inPart = files.filter((file) => file.path === part || file.path.startsWith(part));
    lines.push(row(part, inPart, part === 'node_modules/' ? `  (${packages.length} packages)` : ''));
  }
  const bySize = packages
    .map((folder) => ({ folder, bytes: total(files.filter((file) => packageFolder(file.path) === folder)) }))
    .sort((a, b) => b.bytes - a.bytes);
  lines.push(
    `  largest packages: ${bySize
      .slice(0, 5)
      .map((p) => `${p.folder.slice(13)} ${formatBytes(p.bytes)}`)
      .join(', ')}`,
  );
  lines.push(`  all packages: ${packages.map((folder) => folder.replace(/^node_modules\//, '')).join(' ')}`);
  const unpacked = files.filter((file) => file.unpacked);
  lines.push(`app.asar.unpacked: ${unpacked.map((file) => `${file.path} (${formatBytes(file.size)})`).join(', ')}`);
  return lines;
}
