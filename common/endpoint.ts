// The API base URL the operator (or an admin) may configure. Signed requests go only over https,
// except to this machine itself (the local simulator). From the window, only Tencent's own API may be chosen (and the
// simulator in demo mode): whoever controls the window must not be able to send signed requests anywhere else.
import { invalid, valid, type Validated } from './validation';

export const DEFAULT_ENDPOINT = 'https://api.meeting.qq.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_ENDPOINT_LENGTH = 2048;

export function validateEndpoint(input: string, field = 'endpoint'): Validated<string> {
  const text = input.trim();
  if (text === '') return invalid(field, { 'zh-CN': `${field}：不能为空`, 'en-US': `${field}: must not be empty` });
  if (text.length > MAX_ENDPOINT_LENGTH) {
    return invalid(field, {
      'zh-CN': `${field}：过长（最多 ${MAX_ENDPOINT_LENGTH} 个字符）`,
      'en-US': `${field}: too long (at most ${MAX_ENDPOINT_LENGTH} characters)`,
    });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(field, {
      'zh-CN': `${field}：不是有效的网址，例如 ${DEFAULT_ENDPOINT}`,
      'en-US': `${field}: not a valid URL, e.g. ${DEFAULT_ENDPOINT}`,
    });
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return invalid(field, {
      'zh-CN': `${field}：必须使用 https://（只有本机模拟器可以用 http://）`,
      'en-US': `${field}: must use https:// (only a simulator on this machine may use http://)`,
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    return invalid(field, {
      'zh-CN': `${field}：不能包含用户名、密码、查询参数或 #`,
      'en-US': `${field}: must not contain a user name, password, query or #`,
    });
  }
  return valid(url.origin + url.pathname.replace(/\/+$/, ''));
}

/** The API hosts the window may choose: Tencent Meeting's own. */
export const TENCENT_API_HOSTS: readonly string[] = ['api.meeting.qq.com'];

/**
 * An endpoint typed in the window: valid as above, and either Tencent's API (https, its own host, default port, no
 * path) or, when the app runs in demo mode, the simulator on this machine. Any other endpoint (a test server, a
 * private gateway) comes from the environment or a managed configuration, never from the window.
 */
export function validateWindowEndpoint(
  input: string,
  options: { readonly demo: boolean },
  field = 'endpoint',
): Validated<string> {
  const checked = validateEndpoint(input, field);
  if (!checked.ok) return checked;
  const url = new URL(checked.value);
  const tencent =
    url.protocol === 'https:' && TENCENT_API_HOSTS.includes(url.hostname) && url.port === '' && url.pathname === '/';
  if (tencent || (options.demo && LOOPBACK_HOSTS.has(url.hostname))) return checked;
  return invalid(field, {
    'zh-CN': `${field}：这里只能设置腾讯会议的接口地址 ${DEFAULT_ENDPOINT}；其他地址须由管理员通过环境变量或统一配置设置`,
    'en-US': `${field}: only Tencent Meeting's API address (${DEFAULT_ENDPOINT}) can be set here; any other address must be set by an administrator through the environment or a managed configuration`,
  });
}
