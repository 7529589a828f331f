// Retry rules. Read-only calls (room-call-info, meeting lookups, the room list) may be repeated safely;
// room-call may not: a repeat could ring a room twice, so the client never passes it through here.
import { isTransientApiError, RATE_LIMIT_CODES } from '../../common/api-errors';
import { ApiError, InvalidResponseError, NetworkError, TimeoutError, type WemeetError } from './errors';

export interface RetryPolicy {
  /** Extra attempts after the first. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export const DEFAULT_RETRIES = 3;
export const DEFAULT_BASE_DELAY_MS = 300;
const RATE_LIMIT_DELAY_FACTOR = 4;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Network trouble, timeouts, 5xx gateways and rate limits pass; a definite answer from the API does not. */
export function isRetryable(error: unknown): error is WemeetError {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof InvalidResponseError) return error.unparseable || error.httpStatus >= 500;
  if (error instanceof ApiError) return isTransientApiError(error.errorCode, error.httpStatus);
  return false;
}

/** Exponential backoff with jitter; rate limits wait longer. */
export function retryDelayMs(policy: RetryPolicy, retryNumber: number, error: WemeetError): number {
  const rateLimited = error instanceof ApiError && RATE_LIMIT_CODES.has(error.errorCode);
  const base = policy.baseDelayMs * (rateLimited ? RATE_LIMIT_DELAY_FACTOR : 1) * 2 ** (retryNumber - 1);
  return Math.round(base * (1 + policy.random() * 0.5));
}

/** Runs `attempt` (which must sign afresh each time) until it succeeds, fails for good, or retries run out. */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let retryNumber = 0; ; retryNumber += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (retryNumber >= policy.retries || !isRetryable(error)) throw error;
      await policy.sleep(retryDelayMs(policy, retryNumber + 1, error));
    }
  }
}
