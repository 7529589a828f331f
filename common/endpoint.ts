// The API base URL the operator (or an admin) may configure. Signed requests go only over https,
// except to this machine itself (the local simulator).
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
