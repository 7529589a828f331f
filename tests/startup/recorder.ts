// What the recording Electron stand-in writes down: every call the app (and electron-log, electron-store) makes on
// it, in order, with whether the app was ready yet, and every property it asked for that the stand-in does not have.
// Runs in the child process only (see child.mjs); the report it builds is plain JSON for the test.
import type { RecordedCall, UnimplementedUse } from './report';

const MAX_DEPTH = 6;

/** A JSON copy of an argument: functions and class instances are named, not followed; cycles are cut. */
export function toJson(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value === undefined) return '[undefined]';
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value !== 'object') return `[${typeof value}]`;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1, seen));
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      return `[${(value as { constructor?: { name?: string } }).constructor?.name ?? 'object'}]`;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item, depth + 1, seen)]));
  } finally {
    seen.delete(value);
  }
}

export class Recorder {
  readonly calls: RecordedCall[] = [];
  readonly unimplemented: UnimplementedUse[] = [];
  ready = false;
  private readonly waiters = new Set<() => void>();

  /** Writes down one call; returns its sequence number. */
  call(api: string, args: readonly unknown[] = []): number {
    const seq = this.calls.length;
    this.calls.push({ seq, api, args: args.map((arg) => toJson(arg)), afterReady: this.ready });
    for (const wake of this.waiters) wake();
    return seq;
  }

  /** Writes down a use of something the stand-in does not implement, and returns the error to throw. */
  missing(api: string): Error {
    const error = new Error(`electron stand-in: ${api} is not implemented (tests/startup/electron-stand-in.ts)`);
    this.unimplemented.push({ api, afterReady: this.ready, stack: error.stack?.split('\n').slice(2, 8).join('\n') });
    for (const wake of this.waiters) wake();
    return error;
  }

  /** Resolves with the first recorded call matching `match`; rejects after `limitMs` (a hang guard, not a timing). */
  waitFor(match: (call: RecordedCall) => boolean, what: string, limitMs: number): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`gave up after ${limitMs} ms waiting for ${what}`));
      }, limitMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

/**
 * Properties code reads to learn what kind of value it has, not to use Electron: a promise's `then`, and the
 * `__esModule` flag a bundler's CommonJS interop looks for. They read as absent, as on Electron's own objects.
 */
const INTEROP_PROBES = new Set(['then', '__esModule']);

/**
 * `target` as seen by the app: any property it does not have (own or inherited) is recorded and throws, so an
 * Electron API the stand-in lacks fails loudly instead of reading as undefined. Symbols pass (Node's inspection and
 * EventEmitter internals use them), and so do the INTEROP_PROBES.
 */
export function strict<T extends object>(label: string, target: T, recorder: Recorder): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.get(object, property, receiver);
      if (INTEROP_PROBES.has(property)) return undefined;
      throw recorder.missing(`${label}.${property}`);
    },
    set(object, property, value, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.set(object, property, value, receiver);
      throw recorder.missing(`${label}.${property} (set)`);
    },
  });
}
