// Every way a Tencent Meeting call can fail, as typed errors. Each one can explain itself to an operator
// in zh-CN and en-US (message + next step) and cross a process boundary as a plain {kind, code, message, hint}.
import { describeApiError, describeFailure, KNOWN_API_ERROR_CODES } from '../../common/api-errors';
import type { Locale, Localized } from '../../common/locale';

export type WemeetErrorKind = 'api' | 'network' | 'timeout' | 'invalid_response' | 'clock_skew' | 'unknown_outcome';

export interface Explanation {
  readonly message: Localized;
  readonly hint: Localized;
}

/** The shape errors take in CLI JSON output and over IPC. */
// A type alias, not an interface: it must stay assignable to Record<string, unknown> for JSON output.
export type ErrorPayload = {
  readonly kind: string;
  readonly code: number | string;
  readonly message: string;
  readonly hint: string;
  /** The input field at fault, for bad input. */
  readonly field?: string;
};

export abstract class WemeetError extends Error {
  abstract readonly kind: WemeetErrorKind;
  abstract readonly code: number | string;
  abstract explain(): Explanation;

  toPayload(locale: Locale): ErrorPayload {
    const { message, hint } = this.explain();
    return { kind: this.kind, code: this.code, message: message[locale], hint: hint[locale] };
  }
}

/** The API answered with an error_info body. Classified by error_code, never by HTTP status. */
export class ApiError extends WemeetError {
  readonly kind = 'api';
  constructor(
    readonly httpStatus: number,
    readonly errorCode: number,
    readonly newErrorCode: number | undefined,
    readonly serverMessage: string,
    /** What was being called, so a permission error can say "host or co-host" for SIP/H.323 calls. */
    readonly target?: 'rooms' | 'mra',
  ) {
    super(`Tencent Meeting API error ${errorCode} (HTTP ${httpStatus}): ${serverMessage}`);
    this.name = 'ApiError';
  }
  get code(): number {
    return this.errorCode;
  }
  /**
   * A known code gets our explanation and the code; the server's own text is added only for a code we do not
   * know, where it is the only explanation there is. (Tencent's text is Chinese whatever the operator's language,
   * and for known codes it repeats what we say; it stays in the error's own message for the log.)
   */
  explain(): Explanation {
    const info = describeApiError(this.errorCode, this.target ? { target: this.target } : undefined);
    const detail =
      KNOWN_API_ERROR_CODES.includes(this.errorCode) || !this.serverMessage ? '' : `: ${this.serverMessage}`;
    return {
      message: {
        'zh-CN': `${info.message['zh-CN']}（${this.errorCode}${detail.replace(': ', '：')}）`,
        'en-US': `${info.message['en-US']} (${this.errorCode}${detail})`,
      },
      hint: info.hint,
    };
  }
}

/** The request could not be completed at the network level. */
export class NetworkError extends WemeetError {
  readonly kind = 'network';
  /** The API base URL that was tried: named in the message, since it need not be api.meeting.qq.com. */
  readonly endpoint: string | undefined;
  constructor(
    /** The underlying system/Chromium error code, e.g. ECONNREFUSED or net::ERR_NAME_NOT_RESOLVED. */
    readonly code: string,
    /** False only when the failure certainly happened before the request left this machine. */
    readonly mayHaveBeenSent: boolean,
    options?: { cause?: unknown; endpoint?: string },
  ) {
    super(`Network error (${code})${options?.endpoint ? ` at ${options.endpoint}` : ''}`, options);
    this.name = 'NetworkError';
    this.endpoint = options?.endpoint;
  }
  explain(): Explanation {
    return describeFailure('network', { code: this.code, endpoint: this.endpoint });
  }
}

/** No answer within the time limit. The request may well have reached the server. */
export class TimeoutError extends WemeetError {
  readonly kind = 'timeout';
  readonly code = 'timeout';
  constructor(
    readonly timeoutMs: number,
    /** The API base URL that was tried. */
    readonly endpoint?: string,
  ) {
    super(`No answer from the Tencent Meeting API${endpoint ? ` at ${endpoint}` : ''} within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
  explain(): Explanation {
    return describeFailure('timeout', { timeoutMs: this.timeoutMs, endpoint: this.endpoint });
  }
}

/** The server answered, but not with the documented JSON. */
export class InvalidResponseError extends WemeetError {
  readonly kind = 'invalid_response';
  readonly code = 'invalid_response';
  constructor(
    readonly httpStatus: number,
    readonly detail: string,
    /** True when the body was not JSON at all (a proxy page, a cut-off answer), as opposed to JSON of the wrong shape. */
    readonly unparseable: boolean,
  ) {
    super(`Invalid response from the Tencent Meeting API (HTTP ${httpStatus}): ${detail}`);
    this.name = 'InvalidResponseError';
  }
  explain(): Explanation {
    return describeFailure('invalid_response', { httpStatus: this.httpStatus });
  }
}

/** The server rejected the request and its clock differs from ours by more than the tolerance: the likely cause. */
export class ClockSkewError extends WemeetError {
  readonly kind = 'clock_skew';
  readonly code = 'clock_skew';
  constructor(
    /** Server time minus local time, in milliseconds. */
    readonly skewMs: number,
    readonly rejection: WemeetError,
  ) {
    super(`Local clock differs from the Tencent Meeting server by ${Math.round(skewMs / 1000)} s`, {
      cause: rejection,
    });
    this.name = 'ClockSkewError';
  }
  explain(): Explanation {
    return describeFailure('clock_skew', { skewMs: this.skewMs });
  }
}

/**
 * A room call was (or may have been) sent but its answer was lost. The room may be ringing: check the
 * status before calling again. Never reported as a failure, and never retried automatically.
 */
export class UnknownOutcomeError extends WemeetError {
  readonly kind = 'unknown_outcome';
  readonly code = 'unknown_outcome';
  constructor(readonly underlying: WemeetError) {
    super(`The room call's outcome is unknown: ${underlying.message}`, { cause: underlying });
    this.name = 'UnknownOutcomeError';
  }
  explain(): Explanation {
    return describeFailure('unknown_outcome', { cause: this.underlying.kind });
  }
}
