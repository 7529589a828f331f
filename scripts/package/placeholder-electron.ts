// A stand-in for Electron's Linux distribution, so electron-builder can package offline on a machine that has no
// Electron binary (and may not get one). electron-builder copies this folder, renames `electron` to the app's
// executable, and flips the fuses in it; so the stand-in carries a fuse wire, in Electron's own format, set to
// Electron's defaults: every fuse issue #5 cares about starts on the opposite side of what the config asks, and
// reading the wire back after packaging shows that electron-builder applied each one. It says nothing about the
// wire of a real Electron 41 binary: see README.md, "Release".
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { REQUIRED_FUSES, type FuseName } from './check-config';

/** @electron/fuses' sentinel: the fuse wire follows it (version byte, length byte, one byte per fuse). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse states as bytes on the wire (@electron/fuses does not export its FuseState enum). */
const ENABLE = 0x31; // '1'
const DISABLE = 0x30; // '0'

/** Electron's defaults, in wire order (FuseV1Options): the insecure side of every fuse we set. */
const DEFAULT_WIRE = [
  ENABLE, // RunAsNode
  DISABLE, // EnableCookieEncryption
  ENABLE, // EnableNodeOptionsEnvironmentVariable
  ENABLE, // EnableNodeCliInspectArguments
  DISABLE, // EnableEmbeddedAsarIntegrityValidation
  DISABLE, // OnlyLoadAppFromAsar
  DISABLE, // LoadBrowserProcessSpecificV8Snapshot
  ENABLE, // GrantFileProtocolExtraPrivileges
];

/** Creates `<dir>/electron` and returns the folder to pass as electronDist. */
export async function createPlaceholderElectron(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const executable = join(dir, 'electron');
  const script = '#!/bin/sh\necho "placeholder Electron from npm run package:check: it cannot run" >&2\nexit 1\n';
  const wire = Buffer.from([Number(FuseVersion.V1), DEFAULT_WIRE.length, ...DEFAULT_WIRE]);
  await writeFile(executable, Buffer.concat([Buffer.from(`${script}# ${SENTINEL}`), wire, Buffer.from('\n')]));
  await chmod(executable, 0o755);
  // Electron's license files sit beside the binary in every real distribution; electron-builder keeps them.
  await writeFile(join(dir, 'LICENSE'), 'placeholder\n');
  await writeFile(join(dir, 'version'), 'placeholder\n');
  return dir;
}

function wireIndex(name: FuseName): number {
  const option = (name.charAt(0).toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options;
  return FuseV1Options[option];
}

/** Reads the packaged executable's fuse wire; one failure per fuse that is not what REQUIRED_FUSES says. */
export async function checkFlippedFuses(executable: string): Promise<{ failures: string[]; lines: string[] }> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  const failures: string[] = [];
  const lines: string[] = [];
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES) as [FuseName, boolean][]) {
    const state = wire[wireIndex(name)];
    const actual = state === ENABLE ? true : state === DISABLE ? false : `state ${state}`;
    lines.push(`  ${name.padEnd(40)} ${String(actual)}`);
    if (actual !== wanted) failures.push(`fuse ${name} in the packaged executable is ${actual}, wanted ${wanted}`);
  }
  return { failures, lines };
}
