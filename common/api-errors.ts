// Operator-facing explanation of a Tencent Meeting error_code: what happened, what to do next, and whether
// repeating the same read-only request later can succeed. Errors are classified by error_code, never by HTTP
// status (docs/tencent-api.md §7). The non-API failures (network, timeout, …) are explained in failure-messages.ts.
import { API_ERROR_CATALOG, type CallTarget } from './api-error-catalog';
import type { Localized } from './locale';

export type { CallTarget } from './api-error-catalog';
export { describeFailure, type FailureDetails, type FailureInfo, type FailureKind } from './failure-messages';

export interface ApiErrorInfo {
  readonly message: Localized;
  /** The concrete next step for the operator. */
  readonly hint: Localized;
  /** True only where repeating the same read-only request later can succeed (rate limits, passing trouble). */
  readonly transient: boolean;
}

/** Codes that mean "too many requests": back off longer before a retry. */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([190310, 9061]);

/** Every code with a specific explanation. */
export const KNOWN_API_ERROR_CODES: readonly number[] = [...API_ERROR_CATALOG.keys()];

/**
 * `context.target` says how the room was being called, which changes the advice for permission errors
 * (SIP/H.323 needs host or co-host) and for a failed room call. Unknown codes get a generic text with the
 * code; the caller shows the server's own message next to it. Unknown codes are never treated as transient.
 */
export function describeApiError(code: number, context?: { readonly target?: CallTarget }): ApiErrorInfo {
  const entry = API_ERROR_CATALOG.get(code);
  if (!entry) {
    return {
      message: { 'zh-CN': `腾讯会议 API 错误 ${code}`, 'en-US': `Tencent Meeting API error ${code}` },
      hint: {
        'zh-CN': `请参考服务器返回的说明；如果无法解决，请把错误码 ${code} 和说明发给管理员`,
        'en-US': `See the server's message; if it does not help, send error code ${code} and the message to your administrator`,
      },
      transient: false,
    };
  }
  const target = context?.target;
  const hint = target && entry.hintFor ? entry.hintFor[target] : entry.hint;
  return { message: entry.message, hint, transient: entry.transient };
}

/**
 * Whether a read-only request that got this code may be repeated. The HTTP status is accepted for the
 * caller's convenience but deliberately ignored: Tencent's statuses are inconsistent (§7), the code is not.
 */
export function isTransientApiError(code: number, _httpStatus?: number): boolean {
  return describeApiError(code).transient;
}
