// electron-builder.yml as committed keeps issue #5's promises, and the check names each broken one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { checkBuilderConfig, keytarPrebuildFilter, REQUIRED_FUSES } from '../../scripts/package/check-config';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

function committedConfig(): Configuration {
  return yaml.load(readFileSync(resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8')) as Configuration;
}

/** The parts of the config the tests below change, writable. */
interface Editable {
  files?: string[];
  electronFuses: Record<string, unknown>;
  mac: { files: string[] };
  linux: { files: string[] };
  nsis: Record<string, unknown>;
  deb: { depends: string[] };
  protocols?: { name: string; schemes: string[] }[];
}

/** A deep copy of the committed config with one change applied. */
function changed(change: (config: Editable) => void): Configuration {
  const config = structuredClone(committedConfig()) as unknown as Editable;
  change(config);
  return config as unknown as Configuration;
}

describe('electron-builder.yml', () => {
  it('sets every fuse, the per-platform file lists, the targets and the identity', () => {
    expect(checkBuilderConfig(committedConfig())).toEqual([]);
    expect(committedConfig().electronFuses).toEqual(REQUIRED_FUSES);
  });

  it('names a fuse that is missing or on the wrong side', () => {
    const failures = checkBuilderConfig(
      changed((config) => {
        delete config.electronFuses.onlyLoadAppFromAsar;
        config.electronFuses.runAsNode = true;
      }),
    );
    expect(failures).toEqual([
      'electron-builder.yml: electronFuses.runAsNode must be false (is true)',
      'electron-builder.yml: electronFuses.onlyLoadAppFromAsar must be true (is undefined)',
    ]);
  });

  it('catches a platform file list that drifted, lost its keytar line, or a top-level list', () => {
    const failures = checkBuilderConfig(
      changed((config) => {
        config.files = ['**/*'];
        config.mac.files = config.mac.files.filter((pattern) => pattern !== 'package.json');
        config.linux.files = config.linux.files.slice(0, -1);
      }),
    );
    expect(failures).toEqual([
      'electron-builder.yml: no top-level `files`: each platform lists its own (see the comment)',
      `electron-builder.yml: linux.files must end with ${keytarPrebuildFilter('linux')}`,
      'electron-builder.yml: mac.files differs from win.files beyond the keytar line',
      'electron-builder.yml: linux.files differs from win.files beyond the keytar line',
    ]);
  });

  it('catches an installer that is per-user or deletes the address book, and a deb without libsecret', () => {
    const failures = checkBuilderConfig(
      changed((config) => {
        config.nsis.perMachine = false;
        config.nsis.deleteAppDataOnUninstall = true;
        config.deb.depends = [];
      }),
    );
    expect(failures).toEqual([
      'electron-builder.yml: nsis must be assisted and per-machine',
      'electron-builder.yml: nsis must keep user data on uninstall',
      'electron-builder.yml: deb.depends must include libsecret-1-0',
    ]);
  });

  it('keeps keytar prebuilds by Node platform name, not electron-builder section name', () => {
    expect(keytarPrebuildFilter('win')).toBe('!node_modules/@github/keytar/prebuilds/!(win32-${arch}){,/**/*}');
    expect(keytarPrebuildFilter('mac')).toBe('!node_modules/@github/keytar/prebuilds/!(darwin-${arch}){,/**/*}');
  });

  it('registers the room-dialer:// scheme for the installers, and names it when it is gone', () => {
    expect(committedConfig().protocols).toEqual([{ name: 'Room Dialer', schemes: ['room-dialer'] }]);
    const failures = checkBuilderConfig(
      changed((config) => {
        config.protocols = [{ name: 'Room Dialer', schemes: ['roomdialer'] }];
      }),
    );
    expect(failures).toEqual(['electron-builder.yml: protocols must register the room-dialer scheme']);
    expect(checkBuilderConfig(changed((config) => delete config.protocols))).toEqual([
      'electron-builder.yml: protocols must register the room-dialer scheme',
    ]);
  });
});
