// The API's error shape (reference §7) and the codes the simulator answers with.
// HTTP 400 for request/auth errors, 500 for service errors; clients must classify by error_code.

export const ERROR = {
  signatureFailed: { code: 200003, http: 400, text: 'Signature failed' },
  replay: { code: 190301, http: 400, text: '请求重放错误' },
  invalidParam: { code: 190004, http: 400, text: '参数非法，请对照接口文档检查您的参数' },
  paramType: { code: 20000, http: 500, text: '请检查参数类型' },
  userNotFound: { code: 20001, http: 500, text: '用户不存在' },
  badAppId: { code: 50000, http: 400, text: '企业 ID 不合法' },
  meetingNotExist: { code: 9003, http: 500, text: 'MEETING NOT EXIST' },
  noPermission: { code: 9042, http: 500, text: '无权限操作' },
  roomCallFailed: { code: 10004, http: 500, text: '会议室呼叫失败' },
  callStatusFailed: { code: 10002, http: 500, text: '会议室呼叫状态查询失败' },
  roomQueryFailed: { code: 20201, http: 500, text: '查询会议室信息失败' },
  rateLimited: { code: 190310, http: 500, text: '每分钟调用超限' },
  dailyLimited: { code: 190311, http: 500, text: '每日调用超限' },
  notFound: { code: 404, http: 404, text: 'API not found' },
  methodNotAllowed: { code: 405, http: 405, text: 'Method not allowed' },
} as const;

export type ErrorKind = keyof typeof ERROR;

export class SimError extends Error {
  readonly code: number;
  readonly httpStatus: number;
  constructor(
    kind: ErrorKind,
    /** Appended to the standard text, e.g. the offending field. */
    detail?: string,
    /** Extra response headers (e.g. Allow on 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const entry = ERROR[kind];
    super(detail ? `${entry.text}: ${detail}` : entry.text);
    this.code = entry.code;
    this.httpStatus = entry.http;
  }
}

export function errorBody(code: number, message: string): { error_info: Record<string, unknown> } {
  return { error_info: { error_code: code, new_error_code: code, message } };
}
