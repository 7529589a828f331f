// V8's compile cache for the main process. node:module's enableCompileCache (Node ≥ 22.1; Electron 41 embeds Node 24)
// keeps the compiled code of every module loaded after it is turned on in a folder, and later launches read it back
// instead of compiling again. The thin entry (main/index.ts) turns it on before it imports the app module, which is
// most of the main process's code; the entry itself is compiled before any of its code runs, so it is not cached.
// It must never stand in the way of starting: a Node without it, a folder that cannot be written, or anything it
// throws is at most a warning in the log, and the app starts without the cache.
import nodeModule from 'node:module';
import path from 'node:path';
import type { Log } from '../log';

/** In the user-data folder, beside Chromium's own caches. */
export const COMPILE_CACHE_FOLDER = 'Main Code Cache';

/** The part of node:module used here; enableCompileCache and the rest are absent before Node 22.1. */
export interface CompileCacheModule {
  enableCompileCache?: (directory?: string) => { status: number; message?: string; directory?: string };
  flushCompileCache?: () => void;
  constants?: { compileCacheStatus?: { ENABLED?: number; ALREADY_ENABLED?: number; DISABLED?: number } };
}

export interface CompileCacheOptions {
  /** app.getPath('userData'), asked only when the cache is wanted. */
  readonly userDataDir: () => string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Log;
  /** node:module itself, unless a test stands in. */
  readonly nodeModule?: CompileCacheModule;
}

/** 'disabled': NODE_DISABLE_COMPILE_CACHE=1 said so. */
export type CompileCacheOutcome = 'enabled' | 'not supported' | 'skipped: AppImage' | 'disabled' | 'failed';

const builtin = nodeModule as CompileCacheModule;

export function enableCompileCache(options: CompileCacheOptions): CompileCacheOutcome {
  const api = options.nodeModule ?? builtin;
  if (typeof api.enableCompileCache !== 'function') return 'not supported';
  // An AppImage is mounted at a new /tmp/.mount_… folder on every launch, and the cache is keyed by each module's
  // path: every launch would add a copy of everything and the folder would grow without bound.
  if (options.env['APPIMAGE']) return 'skipped: AppImage';
  try {
    const result = api.enableCompileCache(path.join(options.userDataDir(), COMPILE_CACHE_FOLDER));
    const status = api.constants?.compileCacheStatus ?? {};
    if (result.status === status.ENABLED || result.status === status.ALREADY_ENABLED) return 'enabled';
    if (result.status === status.DISABLED) return 'disabled';
    options.log.warn('compile cache not enabled', { message: result.message?.slice(0, 300) ?? null });
  } catch (error) {
    options.log.warn('compile cache not enabled', { error });
  }
  return 'failed';
}

/**
 * Writes what was compiled so far to the cache now. Node writes it when its instance ends; this does not wait for an
 * orderly end of the process (a crash, the OS ending it at shutdown) to keep the app module's code for next time.
 */
export function flushCompileCache(log: Log, api: CompileCacheModule = builtin): void {
  try {
    api.flushCompileCache?.();
  } catch (error) {
    log.warn('compile cache not written', { error });
  }
}
