// Which fault (if any) hits the next request: first the injected queue, then the configured rates (seeded PRNG).
import type { FaultKind, FaultOptions } from './types';

export const FAULT_KINDS: readonly FaultKind[] = [
  'server_error',
  'gateway_error',
  'malformed',
  'drop',
  'hang',
  'rate_limit',
];

/** Faults whose request is processed (state changes happen) before the answer is spoiled. */
export const PROCESSING_FAULTS: ReadonlySet<FaultKind> = new Set(['gateway_error', 'malformed', 'drop', 'hang']);

/** mulberry32: small, fast, deterministic for a given seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Injected {
  kind: FaultKind;
  path: string | undefined;
  remaining: number;
}

export class FaultPlan {
  private options: FaultOptions;
  private readonly queue: Injected[] = [];
  private readonly random: () => number;

  constructor(options: FaultOptions, seed: number) {
    this.options = checkFaultOptions(options);
    this.random = prng(seed);
  }

  get current(): Readonly<FaultOptions> {
    return this.options;
  }

  /** Replaces every option; options left out are off. */
  set(options: FaultOptions): void {
    this.options = checkFaultOptions(options);
  }

  inject(kind: FaultKind, path?: string, count = 1): void {
    if (!FAULT_KINDS.includes(kind)) throw new TypeError(`unknown fault kind ${String(kind)}`);
    if (!Number.isInteger(count) || count < 1) throw new TypeError('fault count must be a positive integer');
    this.queue.push({ kind, path, remaining: count });
  }

  /** The fault for a request to `path` (path with raw query); consumes one injected fault if one matches. */
  next(path: string): FaultKind | undefined {
    // A path matches itself and what lies under it (/v1/meeting-rooms matches /v1/meeting-rooms/room-call), but
    // not a longer name (/v1/meeting-rooms/room-call does not match /v1/meeting-rooms/room-call-info).
    const under = (prefix: string) =>
      path === prefix || (path.startsWith(prefix) && ['/', '?'].includes(path.charAt(prefix.length)));
    const index = this.queue.findIndex((entry) => entry.path === undefined || under(entry.path));
    const injected = this.queue[index];
    if (injected) {
      injected.remaining -= 1;
      if (injected.remaining === 0) this.queue.splice(index, 1);
      return injected.kind;
    }
    const { rateLimitRate = 0, serverErrorRate = 0, dropRate = 0, malformedRate = 0 } = this.options;
    if (rateLimitRate > 0 && this.random() < rateLimitRate) return 'rate_limit';
    if (serverErrorRate > 0 && this.random() < serverErrorRate) {
      return this.random() < 0.5 ? 'server_error' : 'gateway_error';
    }
    if (dropRate > 0 && this.random() < dropRate) return 'drop';
    if (malformedRate > 0 && this.random() < malformedRate) return 'malformed';
    return undefined;
  }
}

export function checkFaultOptions(options: FaultOptions): FaultOptions {
  const rates = ['serverErrorRate', 'malformedRate', 'dropRate', 'rateLimitRate'] as const;
  for (const name of rates) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
      throw new RangeError(`${name} must be between 0 and 1`);
    }
  }
  if (options.latencyMs !== undefined && !(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) {
    throw new RangeError('latencyMs must be 0 or more');
  }
  if (options.clockOffsetMs !== undefined && !Number.isFinite(options.clockOffsetMs)) {
    throw new RangeError('clockOffsetMs must be a finite number');
  }
  return { ...options };
}
