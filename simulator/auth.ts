// Request authentication (reference §1): required headers, AppId/SdkId, the ±5 minute timestamp window,
// nonce replay, the signature, X-TC-Registered and Content-Type. Checks run in a fixed order (see README).
import { SimError } from './errors';
import { computeSignature, signatureMatches } from './signature';
import type { SimulatorCredentials } from './types';

export const TIMESTAMP_WINDOW_S = 5 * 60;
const REPLAY_WINDOW_MS = 5 * 60 * 1000;
const U64_MAX = 18_446_744_073_709_551_615n;

export interface AuthInput {
  readonly method: string;
  /** Path + `?` + raw query as received. */
  readonly uri: string;
  /** Node's headersDistinct: lower-cased names, every value of a repeated header. */
  readonly headers: Readonly<Record<string, readonly string[] | undefined>>;
  readonly body: Buffer;
}

/** Remembers every accepted timestamp+nonce pair while it could still be replayed. */
export class ReplayGuard {
  private readonly seen = new Map<string, { seenAtMs: number; timestampS: number }>();

  /** Records the pair; false when it was already used. */
  use(timestamp: string, nonce: string, serverNowMs: number): boolean {
    this.prune(serverNowMs);
    const key = `${timestamp}|${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, { seenAtMs: serverNowMs, timestampS: Number(timestamp) });
    return true;
  }

  /** A pair is forgotten only when seen more than 5 minutes ago AND its timestamp can no longer pass the window. */
  private prune(serverNowMs: number): void {
    const nowS = Math.floor(serverNowMs / 1000);
    for (const [key, entry] of this.seen) {
      const stale = serverNowMs - entry.seenAtMs > REPLAY_WINDOW_MS;
      const outOfWindow = Math.abs(entry.timestampS - nowS) > TIMESTAMP_WINDOW_S;
      if (stale && outOfWindow) this.seen.delete(key);
    }
  }
}

function single(headers: AuthInput['headers'], name: string): string | undefined {
  const values = headers[name];
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw new SimError('invalidParam', `header ${name} sent more than once`);
  return values[0];
}

function requireSigningHeader(headers: AuthInput['headers'], name: string): string {
  const value = single(headers, name.toLowerCase());
  if (value === undefined || value === '') throw new SimError('signatureFailed', `missing header ${name}`);
  return value;
}

/** Throws a SimError for the first rule the request breaks. */
export function authenticate(
  input: AuthInput,
  credentials: SimulatorCredentials,
  serverNowMs: number,
  replay: ReplayGuard,
): void {
  const { headers } = input;
  const key = requireSigningHeader(headers, 'X-TC-Key');
  const timestamp = requireSigningHeader(headers, 'X-TC-Timestamp');
  const nonce = requireSigningHeader(headers, 'X-TC-Nonce');
  const received = requireSigningHeader(headers, 'X-TC-Signature');

  const appId = single(headers, 'appid');
  if (appId === undefined || appId === '') throw new SimError('badAppId', 'missing header AppId');
  if (appId !== credentials.appId) throw new SimError('badAppId', `unknown AppId ${JSON.stringify(appId)}`);

  const sdkId = single(headers, 'sdkid') ?? '';
  if (credentials.sdkId !== '' && sdkId === '') throw new SimError('signatureFailed', 'missing header SdkId');
  if (sdkId !== credentials.sdkId)
    throw new SimError('signatureFailed', `SdkId ${JSON.stringify(sdkId)} does not match`);

  const registered = single(headers, 'x-tc-registered');
  if (registered !== '1') {
    throw new SimError(
      'invalidParam',
      registered === undefined ? 'missing header X-TC-Registered (must be 1)' : 'header X-TC-Registered must be 1',
    );
  }

  checkContentType(single(headers, 'content-type'));

  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new SimError('signatureFailed', 'X-TC-Timestamp must be Unix time in decimal seconds');
  }
  if (!/^\d{1,20}$/.test(nonce) || BigInt(nonce) === 0n || BigInt(nonce) > U64_MAX) {
    throw new SimError('signatureFailed', 'X-TC-Nonce must be a positive decimal integer');
  }
  if (key !== credentials.secretId) throw new SimError('signatureFailed', 'unknown X-TC-Key');

  const nowS = Math.floor(serverNowMs / 1000);
  if (Math.abs(Number(timestamp) - nowS) > TIMESTAMP_WINDOW_S) {
    throw new SimError('signatureFailed', 'signature expired: X-TC-Timestamp is more than 5 minutes from server time');
  }

  const expected = computeSignature(credentials.secretKey, {
    method: input.method,
    secretId: key,
    nonce,
    timestamp,
    uri: input.uri,
    body: input.body,
  });
  if (!signatureMatches(expected, received)) throw new SimError('signatureFailed');

  if (!replay.use(timestamp, nonce, serverNowMs)) {
    throw new SimError('replay', 'X-TC-Timestamp + X-TC-Nonce already used within 5 minutes');
  }
}

/** application/json, optionally with charset=utf-8; nothing else. */
function checkContentType(value: string | undefined): void {
  if (value === undefined || value === '') {
    throw new SimError('invalidParam', 'missing header Content-Type (must be application/json)');
  }
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  const paramsOk = params.every((param) => param === 'charset=utf-8' || param === 'charset="utf-8"');
  if (type !== 'application/json' || !paramsOk) {
    throw new SimError('invalidParam', `Content-Type must be application/json, got ${JSON.stringify(value)}`);
  }
}
