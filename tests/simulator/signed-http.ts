// Correctly signed raw requests to a simulator (node's fetch), for the simulator's own tests. The timestamp comes from
// the test's fake clock, so the simulator's window accepts it.
import { computeSignature } from '../../simulator/signature';
import type { Simulator } from '../../simulator/server';

export interface SignedRequest {
  readonly method?: 'GET' | 'PUT' | 'POST';
  /** Path with the raw query, exactly as sent and signed. */
  readonly path: string;
  readonly body?: object | string;
  /** clock() of the simulator (ms); the timestamp header is its second. */
  readonly nowMs: number;
  /** Replace (string) or remove (null) headers after signing. */
  readonly headers?: Readonly<Record<string, string | null>>;
  readonly secretKey?: string;
}

export interface SignedResponse {
  readonly status: number;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  readonly json: any;
}

let nonce = 5_000_000;

export async function signed(sim: Simulator, request: SignedRequest): Promise<SignedResponse> {
  const method = request.method ?? 'GET';
  const body =
    request.body === undefined ? '' : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const c = sim.credentials;
  const timestamp = String(Math.floor(request.nowMs / 1000));
  const n = String((nonce += 1));
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-TC-Key': c.secretId,
    'X-TC-Timestamp': timestamp,
    'X-TC-Nonce': n,
    'X-TC-Signature': computeSignature(request.secretKey ?? c.secretKey, {
      method,
      secretId: c.secretId,
      nonce: n,
      timestamp,
      uri: request.path,
      body,
    }),
    AppId: c.appId,
    SdkId: c.sdkId,
    'X-TC-Registered': '1',
  };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const response = await fetch(sim.url + request.path, {
    method,
    headers,
    ...(method === 'GET' ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** The error code of an error answer (undefined for a success). */
export const errorCodeOf = (res: SignedResponse): number | undefined => res.json?.error_info?.error_code;
