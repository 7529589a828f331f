// Turns whatever a fetch implementation threw into a NetworkError, deciding whether the request could have
// reached the server. Node's fetch (undici) puts a system code on `cause`; Electron's net.fetch throws
// messages like "net::ERR_CONNECTION_REFUSED". Only failures that certainly happen before any byte of the
// request is written count as "not sent"; everything else is treated as "may have been sent".
import { NetworkError } from './errors';

const NOT_SENT_CODES = new Set([
  // Node / undici
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER', // the server does not speak TLS: fails in the handshake, before the request
  'ERR_BAD_PORT', // our name for undici's "bad port": refused before connecting
  // Chromium (Electron net.fetch)
  'net::ERR_CONNECTION_REFUSED',
  'net::ERR_NAME_NOT_RESOLVED',
  'net::ERR_NAME_RESOLUTION_FAILED',
  'net::ERR_INTERNET_DISCONNECTED',
  'net::ERR_ADDRESS_UNREACHABLE',
  'net::ERR_NETWORK_CHANGED',
  'net::ERR_PROXY_CONNECTION_FAILED',
  'net::ERR_TUNNEL_CONNECTION_FAILED',
  'net::ERR_CONNECTION_TIMED_OUT',
  'net::ERR_CERT_AUTHORITY_INVALID',
  'net::ERR_CERT_COMMON_NAME_INVALID',
  'net::ERR_CERT_DATE_INVALID',
]);

function systemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Object; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    const chromium = current instanceof Error ? /net::ERR_[A-Z_]+/.exec(current.message) : null;
    if (chromium) return chromium[0];
    // undici refuses ports browsers block (1, 22, 6000…) with a bare "bad port" and no code.
    if (current instanceof Error && current.message === 'bad port') return 'ERR_BAD_PORT';
    // Happy eyeballs (IPv4 and IPv6 both tried) fails with an AggregateError: its first error has the code.
    const next = current instanceof AggregateError ? current.errors[0] : undefined;
    current = next ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `endpoint`: the API base URL that was tried, for the operator's message. */
export function toNetworkError(error: unknown, endpoint?: string): NetworkError {
  const code = systemCode(error) ?? 'UNKNOWN';
  return new NetworkError(code, !NOT_SENT_CODES.has(code), { cause: error, ...(endpoint ? { endpoint } : {}) });
}
