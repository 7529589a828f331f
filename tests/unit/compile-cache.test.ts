// The main process's V8 compile cache (main/shell/compile-cache.ts) against a stand-in for node:module: on where Node
// has it, off for an AppImage, and never in the way of starting. Where the entry calls it, in which order, is
// tests/startup's; what it saves is `npm run bench:start -- --node <Node ≥ 22.1>`.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  COMPILE_CACHE_FOLDER,
  enableCompileCache,
  flushCompileCache,
  type CompileCacheModule,
} from '../../main/shell/compile-cache';
import { recordingLog } from '../helpers/ipc-harness';

const USER_DATA = path.join(path.sep, 'home', 'operator', '.config', 'Room Dialer');
const STATUS = { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 };

/** node:module as Node 22.1 and later have it, answering `status` (and `message`). */
function nodeWithCache(status: number, message?: string) {
  const enable = vi.fn((directory?: string) => ({ status, directory, ...(message ? { message } : {}) }));
  const api: CompileCacheModule = { enableCompileCache: enable, constants: { compileCacheStatus: STATUS } };
  return { api, enable };
}

function enable(api: CompileCacheModule, env: Record<string, string> = {}) {
  const log = recordingLog();
  const userDataDir = vi.fn(() => USER_DATA);
  const outcome = enableCompileCache({ userDataDir, env, log, nodeModule: api });
  return { outcome, log, userDataDir };
}

describe('enableCompileCache', () => {
  it('turns it on in the user-data folder', () => {
    const { api, enable: call } = nodeWithCache(STATUS.ENABLED);
    const { outcome, log } = enable(api);
    expect(outcome).toBe('enabled');
    expect(call).toHaveBeenCalledWith(path.join(USER_DATA, COMPILE_CACHE_FOLDER));
    expect(log.entries).toEqual([]);
  });

  it('counts it as on when NODE_COMPILE_CACHE had turned it on already', () => {
    expect(enable(nodeWithCache(STATUS.ALREADY_ENABLED).api).outcome).toBe('enabled');
  });

  it('does nothing on a Node without it (before 22.1), and asks for no folder', () => {
    const { outcome, log, userDataDir } = enable({});
    expect(outcome).toBe('not supported');
    expect(userDataDir).not.toHaveBeenCalled();
    expect(log.entries).toEqual([]);
  });

  it('leaves it off in an AppImage: each launch mounts at a new path, and the cache would grow without bound', () => {
    const { api, enable: call } = nodeWithCache(STATUS.ENABLED);
    const { outcome, userDataDir } = enable(api, { APPIMAGE: '/opt/Room_Dialer.AppImage' });
    expect(outcome).toBe('skipped: AppImage');
    expect(call).not.toHaveBeenCalled();
    expect(userDataDir).not.toHaveBeenCalled();
  });

  it('respects NODE_DISABLE_COMPILE_CACHE without a warning', () => {
    const { outcome, log } = enable(nodeWithCache(STATUS.DISABLED).api);
    expect(outcome).toBe('disabled');
    expect(log.entries).toEqual([]);
  });

  it('warns and starts without it when Node cannot use the folder', () => {
    const { outcome, log } = enable(nodeWithCache(STATUS.FAILED, 'EACCES: permission denied, mkdir').api);
    expect(outcome).toBe('failed');
    expect(log.entries).toEqual([
      {
        level: 'warn',
        message: 'compile cache not enabled',
        data: { message: 'EACCES: permission denied, mkdir' },
      },
    ]);
  });

  it('never throws: whatever enabling it throws is a warning', () => {
    const api: CompileCacheModule = {
      enableCompileCache: () => {
        throw new TypeError('bad directory');
      },
    };
    const { outcome, log } = enable(api);
    expect(outcome).toBe('failed');
    expect(log.entries).toEqual([
      { level: 'warn', message: 'compile cache not enabled', data: { error: expect.any(TypeError) } },
    ]);
  });
});

describe('flushCompileCache', () => {
  it('writes the cache now when Node can', () => {
    const flush = vi.fn();
    flushCompileCache(recordingLog(), { flushCompileCache: flush });
    expect(flush).toHaveBeenCalledOnce();
  });

  it('does nothing without it, and a failure to write is a warning', () => {
    const log = recordingLog();
    expect(() => flushCompileCache(log, {})).not.toThrow();
    flushCompileCache(log, {
      flushCompileCache: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    });
    expect(log.entries).toEqual([
      { level: 'warn', message: 'compile cache not written', data: { error: expect.any(Error) } },
    ]);
  });
});
