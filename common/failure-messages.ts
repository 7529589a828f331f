// Operator-facing explanation of the failures that are not an API error_code: the API could not be reached,
// did not answer in time, answered something unreadable, the PC clock is off, credentials are missing, or a
// room call's answer was lost (which is never called a failure: the room may be ringing).
import type { Localized } from './locale';

export type FailureKind =
  'network' | 'timeout' | 'invalid_response' | 'clock_skew' | 'unknown_outcome' | 'missing_credentials';

export interface FailureDetails {
  /**
   * The system or Chromium error code, e.g. ECONNREFUSED or net::ERR_NAME_NOT_RESOLVED, and the API base URL that
   * was tried (shown instead of assuming api.meeting.qq.com: the simulator or a proxy may be configured).
   */
  readonly network: { readonly code?: string; readonly endpoint?: string };
  readonly timeout: { readonly timeoutMs: number; readonly endpoint?: string };
  readonly invalid_response: { readonly httpStatus?: number };
  /** Server time minus local time, in milliseconds (positive: this PC is behind). */
  readonly clock_skew: { readonly skewMs: number };
  /** The kind of the underlying failure: 'timeout', 'network', 'invalid_response'… */
  readonly unknown_outcome: { readonly cause?: string };
  /** Names of the missing settings, e.g. ['SecretId', 'SecretKey']. */
  readonly missing_credentials: { readonly missing?: readonly string[] };
}

export interface FailureInfo {
  readonly message: Localized;
  readonly hint: Localized;
}

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

function duration(ms: number): Localized {
  if (ms < 1000) return both(`${ms} 毫秒`, `${ms} ms`);
  const seconds = Math.round(ms / 100) / 10;
  return both(`${seconds} 秒`, `${seconds} s`);
}

function skewAmount(skewMs: number): Localized {
  const abs = Math.abs(skewMs);
  if (abs >= 60_000) {
    const minutes = Math.round(abs / 60_000);
    return both(`${minutes} 分钟`, `${minutes} min`);
  }
  const seconds = Math.round(abs / 1000);
  return both(`${seconds} 秒`, `${seconds} s`);
}

const DEFAULT_API_HOST = 'api.meeting.qq.com';
/** main/api/network-failure.ts's code when the system named none: nothing an operator could look up, so not shown. */
const NO_SYSTEM_CODE = 'UNKNOWN';

interface NetworkCause {
  readonly what: Localized;
  /** The first thing to check for this cause, before the general advice. */
  readonly check?: Localized;
}

// System (Node/undici) and Chromium (net::ERR_*) codes by cause, so the operator reads what went wrong, not a code.
const NETWORK_CAUSES: ReadonlyArray<readonly [RegExp, NetworkCause]> = [
  [
    /^(ECONNREFUSED|net::ERR_CONNECTION_REFUSED)$/,
    {
      what: both('连接被拒绝', 'connection refused'),
      check: both(
        '该地址和端口上没有服务在监听：请确认 API 地址正确。',
        'Nothing listens at that address and port: check the API address.',
      ),
    },
  ],
  [
    /^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|net::ERR_NAME_NOT_RESOLVED|net::ERR_NAME_RESOLUTION_FAILED)$/,
    {
      what: both('域名无法解析（DNS）', 'the host name could not be resolved (DNS)'),
      check: both(
        '请确认 API 地址中的主机名正确，以及本机的 DNS 可用。',
        "Check the host name in the API address and this PC's DNS.",
      ),
    },
  ],
  [
    /CERT|SSL|TLS|^EPROTO$/,
    {
      what: both('安全连接（TLS）失败', 'the secure connection (TLS) failed'),
      check: both(
        '证书无效或连接被代理拦截：请确认 API 地址和本机时钟正确，代理没有替换证书。',
        'The certificate was refused or a proxy intercepted the connection: check the API address, the PC clock, and that no proxy replaces certificates.',
      ),
    },
  ],
  [
    /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|net::ERR_CONNECTION_TIMED_OUT|net::ERR_TIMED_OUT)$/,
    { what: both('连接超时', 'the connection timed out') },
  ],
  [
    /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|net::ERR_CONNECTION_(RESET|CLOSED|ABORTED)|net::ERR_EMPTY_RESPONSE)$/,
    { what: both('连接中断', 'the connection was dropped') },
  ],
  [
    /^(EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|net::ERR_ADDRESS_UNREACHABLE|net::ERR_INTERNET_DISCONNECTED|net::ERR_NETWORK_CHANGED)$/,
    { what: both('网络不可达', 'the network is unreachable') },
  ],
  [
    /^net::ERR_(PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED)$/,
    { what: both('无法连接代理服务器', 'the proxy could not be reached') },
  ],
  [
    /^ERR_BAD_PORT$/,
    {
      what: both('该端口被禁止使用', 'that port is not allowed'),
      check: both(
        'fetch 拒绝连接这个端口：请在 API 地址中使用其他端口。',
        'fetch refuses to connect to this port: use another port in the API address.',
      ),
    },
  ],
];

function networkCause(code: string): NetworkCause | undefined {
  return NETWORK_CAUSES.find(([pattern]) => pattern.test(code))?.[1];
}

// Why a room call's answer was lost, in words that do not suggest the call failed.
const OUTCOME_CAUSES: Readonly<Record<string, Localized>> = {
  timeout: both('等待回复超时', 'no answer in time'),
  network: both('连接中断', 'the connection dropped'),
  invalid_response: both('回复无法识别', 'the answer could not be read'),
};

const BUILDERS: { readonly [K in FailureKind]: (details: FailureDetails[K]) => FailureInfo } = {
  network: ({ code, endpoint }) => {
    const cause = code === undefined ? undefined : networkCause(code);
    const at = endpoint ? both(` ${endpoint} `, ` at ${endpoint}`) : both('', '');
    const why = cause ? both(`：${cause.what['zh-CN']}`, `: ${cause.what['en-US']}`) : both('', '');
    const shownCode = code && code !== NO_SYSTEM_CODE ? both(`（${code}）`, ` (${code})`) : both('', '');
    const blocked = endpoint ?? DEFAULT_API_HOST;
    const general = both(
      `请检查网络连接和代理设置，并确认防火墙没有拦截 ${blocked}，然后重试`,
      `Check the network connection and proxy settings, and that no firewall blocks ${blocked}, then try again`,
    );
    return {
      message: both(
        `无法连接腾讯会议 API${at['zh-CN']}${why['zh-CN']}${shownCode['zh-CN']}`.replace(' ：', '：').trimEnd(),
        `Cannot reach the Tencent Meeting API${at['en-US']}${why['en-US']}${shownCode['en-US']}`,
      ),
      hint: cause?.check
        ? both(`${cause.check['zh-CN']}${general['zh-CN']}`, `${cause.check['en-US']} ${general['en-US']}`)
        : general,
    };
  },
  timeout: ({ timeoutMs, endpoint }) => {
    const limit = duration(timeoutMs);
    return {
      message: both(
        `腾讯会议 API${endpoint ? ` ${endpoint} ` : ''}在 ${limit['zh-CN']}内没有回复`,
        `No answer from the Tencent Meeting API${endpoint ? ` at ${endpoint}` : ''} within ${limit['en-US']}`,
      ),
      hint: both(
        '网络或服务较慢：请检查网络和代理设置，然后重试',
        'The network or the service is slow: check the network and proxy settings, then try again',
      ),
    };
  },
  invalid_response: ({ httpStatus }) => {
    const status = httpStatus === undefined ? both('', '') : both(`（HTTP ${httpStatus}）`, ` (HTTP ${httpStatus})`);
    return {
      message: both(
        `服务器的回复不是腾讯会议 API 规定的 JSON${status['zh-CN']}`,
        `The server's answer is not the Tencent Meeting API's documented JSON${status['en-US']}`,
      ),
      hint: both(
        '可能是代理、防火墙或网关代替腾讯会议作了回复，或服务暂时异常：请检查代理设置和设置中的 API 地址，稍后重试',
        'A proxy, firewall or gateway may have answered instead of Tencent, or the service is having trouble: check the proxy and the API address in Settings, then try again later',
      ),
    };
  },
  clock_skew: ({ skewMs }) => {
    const amount = skewAmount(skewMs);
    const behind = skewMs > 0;
    return {
      message: both(
        `本机时钟比腾讯会议服务器${behind ? '慢' : '快'} ${amount['zh-CN']}`,
        `Your PC clock is ${amount['en-US']} ${behind ? 'behind' : 'ahead of'} the Tencent Meeting server`,
      ),
      hint: both(
        '时钟相差超过 5 分钟时腾讯会议会拒绝请求。请校准时钟后重试（Windows：设置 → 时间和语言 → 日期和时间 → 立即同步；macOS：系统设置 → 通用 → 日期与时间 → 自动设置）',
        'Tencent rejects requests from a clock more than 5 min off. Correct the clock, then try again (Windows: Settings → Time & language → Date & time → Sync now; macOS: System Settings → General → Date & Time → Set automatically)',
      ),
    };
  },
  unknown_outcome: ({ cause }) => {
    const reason = cause === undefined ? undefined : (OUTCOME_CAUSES[cause] ?? both(cause, cause));
    return {
      message: both(
        `呼叫请求已发出，但没有收到回复${reason ? `（${reason['zh-CN']}）` : ''}：会议室可能正在响铃`,
        `The call to the room was sent, but its answer was lost${reason ? ` (${reason['en-US']})` : ''}: the room may be ringing now`,
      ),
      hint: both(
        '再次呼叫前请先查看该会议室的呼叫状态，以免重复呼叫',
        "Check the room's call status before dialing again, so that it is not called twice",
      ),
    };
  },
  missing_credentials: ({ missing }) => {
    const list = missing && missing.length > 0 ? missing : undefined;
    return {
      message: both(
        list ? `缺少 API 凭据：${list.join('、')}` : '缺少 API 凭据',
        list ? `Missing API credentials: ${list.join(', ')}` : 'API credentials are missing',
      ),
      hint: both(
        '请在设置中填写（可在腾讯会议企业管理后台 → 应用管理 → 企业自建应用中找到）',
        'Enter them in Settings (found in the Tencent Meeting admin console under app management → self-built app)',
      ),
    };
  },
};

/** The message and next step for a failure that has no API error code; numbers are filled in. */
export function describeFailure<K extends FailureKind>(kind: K, details: FailureDetails[K]): FailureInfo {
  return BUILDERS[kind](details);
}
