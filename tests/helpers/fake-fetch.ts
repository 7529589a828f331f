// A scripted fetch for unit tests: records every request and answers from a queue.
import type { FetchLike } from '../../main/api/client';

export interface RecordedCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

export type Answer = Response | Error | (() => Response | Promise<Response> | never);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function apiError(code: number, status = 400, message = 'error'): Response {
  return json({ error_info: { error_code: code, new_error_code: code, message } }, status);
}

export function fakeFetch(...answers: Answer[]): { fetch: FetchLike; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const queue = [...answers];
  const fetch: FetchLike = async (url, init) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    const next = queue.shift();
    if (next === undefined) throw new Error(`fakeFetch: no answer scripted for request #${calls.length}`);
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next();
    return next;
  };
  return { fetch, calls };
}

/** An error shaped like undici's `TypeError: fetch failed` with a system code on its cause. */
export function systemError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}
