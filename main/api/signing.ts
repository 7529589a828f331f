// Tencent Meeting request signing for enterprise self-built apps (reference §1.2).
// The signature is base64 of the LOWERCASE HEX text of HMAC-SHA256 — not base64 of the raw digest.
import { createHmac, randomInt } from 'node:crypto';

export interface SignatureInput {
  readonly method: string;
  readonly secretId: string;
  readonly nonce: string;
  readonly timestamp: string;
  /** Path plus `?query` exactly as sent on the request line; no trailing `?` when there is no query. */
  readonly uri: string;
  /** The exact body text that is sent; "" when there is none (GET). */
  readonly body: string;
}

export function stringToSign(input: SignatureInput): string {
  const headerPart = `X-TC-Key=${input.secretId}&X-TC-Nonce=${input.nonce}&X-TC-Timestamp=${input.timestamp}`;
  return [input.method.toUpperCase(), headerPart, input.uri, input.body].join('\n');
}

export function signature(secretKey: string, input: SignatureInput): string {
  const hex = createHmac('sha256', Buffer.from(secretKey, 'utf8'))
    .update(Buffer.from(stringToSign(input), 'utf8'))
    .digest('hex');
  return Buffer.from(hex, 'ascii').toString('base64');
}

/** A fresh positive-integer nonce: milliseconds then six random digits, like the official SDKs (kept as text). */
export function newNonce(nowMs: number): string {
  return `${Math.floor(nowMs)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

export function unixSeconds(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}
