// The simulator's own AK/SK signature (reference §1.2), independent of the client's code.
//   METHOD \n X-TC-Key=..&X-TC-Nonce=..&X-TC-Timestamp=.. \n URI \n BODY
//   signature = base64( lowercase hex( HMAC-SHA256(secretKey, stringToSign) ) )
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedParts {
  readonly method: string;
  readonly secretId: string;
  readonly nonce: string;
  readonly timestamp: string;
  /** Path plus `?` and the raw query, exactly as on the request line. */
  readonly uri: string;
  /** The body bytes exactly as received (empty when none). */
  readonly body: Uint8Array | string;
}

export function stringToSignBytes(parts: SignedParts): Buffer {
  const head = `${parts.method}\nX-TC-Key=${parts.secretId}&X-TC-Nonce=${parts.nonce}&X-TC-Timestamp=${parts.timestamp}\n${parts.uri}\n`;
  const body = typeof parts.body === 'string' ? Buffer.from(parts.body, 'utf8') : Buffer.from(parts.body);
  return Buffer.concat([Buffer.from(head, 'utf8'), body]);
}

export function computeSignature(secretKey: string, parts: SignedParts): string {
  const hex = createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(stringToSignBytes(parts)).digest('hex');
  return Buffer.from(hex, 'ascii').toString('base64');
}

/** Constant-time comparison of the received signature with the expected one. */
export function signatureMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  // Compare equal-length buffers only; a length mismatch still costs one full comparison.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
