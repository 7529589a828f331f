// Build step for the `room-dialer` bin (package.json "bin": out/main/cli.js), which people run as
// ./out/main/cli.js: the bundler keeps the entry's shebang but writes the file 0644, so it is marked executable
// here. A CLI bundle that lost its shebang fails the build instead of shipping a bin that cannot run by itself.
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const CLI_SHEBANG = '#!/usr/bin/env node';

/** Marks a built bin executable (rwxr-xr-x); throws when it does not start with the node shebang. */
export function makeBinExecutable(file: string): void {
  if (!readFileSync(file, 'utf8').startsWith(`${CLI_SHEBANG}\n`)) {
    throw new Error(`${file} does not start with "${CLI_SHEBANG}": the room-dialer bin could not run by itself`);
  }
  chmodSync(file, 0o755);
}

/** Makes the entry chunk named `entryName` (the main build's `cli` input) executable once it is written. */
export function executableBinPlugin(entryName = 'cli'): Plugin {
  return {
    name: 'room-dialer-executable-bin',
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === entryName) {
          makeBinExecutable(join(options.dir ?? '', chunk.fileName));
        }
      }
    },
  };
}
