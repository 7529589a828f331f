// One signed HTTP exchange with the Tencent Meeting API: sign, send, time out, read, classify.
// Retries are decided elsewhere (retry.ts); every call here signs afresh with a new nonce and timestamp.
import { capText } from '../../common/text-cap';
import { serverTimeOf } from './clock-skew';
import { ApiError, ClockSkewError, InvalidResponseError, TimeoutError, type WemeetError } from './errors';
import { toNetworkError } from './network-failure';
import {
  PER_DAY_LIMIT_CODE,
  PER_ENDPOINT_LIMIT_CODE,
  PER_MINUTE_LIMIT_CODE,
  type RequestBudget,
  type RequestPriority,
} from './request-budget';
import { newNonce, signature, unixSeconds } from './signing';

/** Node's fetch and Electron's net.fetch both fit. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface WemeetCredentials {
  readonly appId: string;
  /** Required when the enterprise was given one; older apps have none. */
  readonly sdkId?: string | undefined;
  readonly secretId: string;
  readonly secretKey: string;
  /** The operator's enterprise userid, sent as operator_id / userid. */
  readonly operatorId: string;
}

export interface TransportConfig {
  /** Validated base URL (see common/endpoint.ts), no trailing slash. */
  readonly endpoint: string;
  readonly credentials: WemeetCredentials;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly appVersion: string;
  readonly now: () => number;
  /** Told when a successful answer shows the clocks more than CLOCK_SKEW_TOLERANCE_MS apart. */
  readonly onClockSkew?: ((skewMs: number) => void) | undefined;
  /** The credential set's request budget (reference §8.1); every attempt takes a slot before it is signed. */
  readonly budget?: RequestBudget | undefined;
}

export interface ApiRequest {
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly path: string;
  readonly query?: ReadonlyArray<readonly [string, string]>;
  /** The body text, serialised once by the caller; the same bytes are signed and sent on every attempt. */
  readonly body?: string;
  /** What is being called, so errors can explain permission rules. */
  readonly target?: 'rooms' | 'mra' | undefined;
  /** cancel-room-call may answer 200 with no body at all. */
  readonly allowEmptyBody?: boolean;
  /** Its place in the budget's queue; default 'normal'. */
  readonly priority?: RequestPriority;
}

const RATE_LIMIT_PAUSE_CODES: ReadonlySet<number> = new Set([
  PER_MINUTE_LIMIT_CODE,
  PER_DAY_LIMIT_CODE,
  PER_ENDPOINT_LIMIT_CODE,
]);

/** The server rejects timestamps more than 5 minutes off; warn a minute before that. */
export const CLOCK_SKEW_TOLERANCE_MS = 4 * 60 * 1000;

export function requestUri(endpoint: string, request: ApiRequest): { url: string; uri: string } {
  const base = new URL(endpoint);
  const query = request.query?.length
    ? `?${new URLSearchParams(request.query.map(([k, v]): [string, string] => [k, v])).toString()}`
    : '';
  const uri = `${base.pathname.replace(/\/+$/, '')}${request.path}${query}`;
  return { url: `${base.origin}${uri}`, uri };
}

export function signedHeaders(
  config: TransportConfig,
  method: string,
  uri: string,
  body: string,
): Record<string, string> {
  const nowMs = config.now();
  const nonce = newNonce(nowMs);
  const timestamp = unixSeconds(nowMs);
  const { credentials } = config;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-TC-Key': credentials.secretId,
    'X-TC-Timestamp': timestamp,
    'X-TC-Nonce': nonce,
    'X-TC-Signature': signature(credentials.secretKey, {
      method,
      secretId: credentials.secretId,
      nonce,
      timestamp,
      uri,
      body,
    }),
    AppId: credentials.appId,
    'X-TC-Registered': '1',
    'X-TC-Version': config.appVersion,
    'User-Agent': `RoomDialer/${config.appVersion}`,
  };
  if (credentials.sdkId) headers['SdkId'] = credentials.sdkId;
  return headers;
}

export async function sendOnce(config: TransportConfig, request: ApiRequest): Promise<unknown> {
  // Before signing: a request that waited for the budget still goes out with a fresh timestamp.
  await config.budget?.take(request.priority ?? 'normal');
  const body = request.body ?? '';
  const { url, uri } = requestUri(config.endpoint, request);
  const headers = signedHeaders(config, request.method, uri, body);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  let status: number;
  let text: string;
  let dateHeader: string | null;
  try {
    const response = await config.fetch(url, {
      method: request.method,
      headers,
      // GET carries no body and signs "" (reference §1.2).
      ...(request.method === 'GET' ? {} : { body }),
      signal: controller.signal,
      // A redirect would re-send a signed request somewhere we did not sign it for.
      redirect: 'error',
    });
    status = response.status;
    dateHeader = response.headers.get('date');
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw new TimeoutError(config.timeoutMs, config.endpoint);
    throw toNetworkError(error, config.endpoint);
  } finally {
    clearTimeout(timer);
  }

  const skewMs = clockSkew(dateHeader, config.now());
  const skewed = skewMs !== undefined && Math.abs(skewMs) > CLOCK_SKEW_TOLERANCE_MS;
  const outcome = interpret(status, text, request);
  if (outcome instanceof Error) {
    if (outcome instanceof ApiError && RATE_LIMIT_PAUSE_CODES.has(outcome.errorCode)) {
      config.budget?.rateLimited(outcome.errorCode);
    }
    throw skewed && outcome instanceof ApiError ? new ClockSkewError(skewMs, outcome) : outcome;
  }
  if (skewed) config.onClockSkew?.(skewMs);
  return outcome;
}

function clockSkew(dateHeader: string | null, localMs: number): number | undefined {
  const serverMs = serverTimeOf(dateHeader);
  return serverMs === undefined ? undefined : serverMs - localMs;
}

/** The parsed JSON of a success, or the error the answer amounts to. */
function interpret(status: number, text: string, request: ApiRequest): unknown {
  const ok = status >= 200 && status < 300;
  if (ok && text.trim() === '' && request.allowEmptyBody) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new InvalidResponseError(status, `not JSON: ${snippet(text)}`, true);
  }
  const apiError = readErrorInfo(status, json, request.target);
  if (apiError) return apiError;
  if (!ok) return new InvalidResponseError(status, `HTTP ${status} without error_info: ${snippet(text)}`, false);
  return json;
}

function readErrorInfo(status: number, json: unknown, target: ApiRequest['target']): WemeetError | undefined {
  if (typeof json !== 'object' || json === null || !('error_info' in json)) return undefined;
  const info = (json as { error_info: unknown }).error_info;
  if (typeof info !== 'object' || info === null) {
    return new InvalidResponseError(status, 'error_info is not an object', false);
  }
  const { error_code: code, new_error_code: newCode, message } = info as Record<string, unknown>;
  if (typeof code !== 'number' || !Number.isInteger(code)) {
    return new InvalidResponseError(status, 'error_info.error_code is not an integer', false);
  }
  return new ApiError(
    status,
    code,
    typeof newCode === 'number' ? newCode : undefined,
    // Shown to the operator for codes we do not know, and logged: a server (or a proxy) may send anything.
    typeof message === 'string' ? capText(message) : '',
    target,
  );
}

function snippet(text: string): string {
  // Cut before flattening: the body may be megabytes, and only the start is shown.
  const flat = text.slice(0, 1024).replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat || '(empty body)';
}
