// The build step that makes out/main/cli.js runnable as ./out/main/cli.js (main/cli/executable-bin-plugin.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_SHEBANG, makeBinExecutable } from '../../main/cli/executable-bin-plugin';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function bundle(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'room-dialer-bin-'));
  made.push(dir);
  const file = join(dir, 'cli.js');
  writeFileSync(file, text, { mode: 0o644 });
  return file;
}

describe('makeBinExecutable', () => {
  it('a bundle with the node shebang becomes rwxr-xr-x and runs by itself', () => {
    const file = bundle(`${CLI_SHEBANG}\nconsole.log('room-dialer ran');\n`);
    expect(spawnSync(file).error).toMatchObject({ code: 'EACCES' });
    makeBinExecutable(file);
    expect(statSync(file).mode & 0o777).toBe(0o755);
    const run = spawnSync(file, { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('room-dialer ran\n');
  });

  it('a bundle that lost its shebang fails the build and stays unexecutable', () => {
    const file = bundle("console.log('no shebang');\n");
    expect(() => makeBinExecutable(file)).toThrow(/does not start with "#!\/usr\/bin\/env node"/);
    expect(statSync(file).mode & 0o111).toBe(0);
  });
});
