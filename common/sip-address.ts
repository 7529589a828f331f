// What may be sent as mra_address.dial_string with protocol 1 (SIP): Tencent accepts "an IP address or URI".
// Accepted: sip:/sips: URIs (sip:user@host, sip:host, optional :port and ;params), user@host, a host name,
// or an IPv4/IPv6 literal with an optional port ([v6]:port). Parsed step by step rather than by one big regex,
// so that each rejection says what is wrong and no pattern can backtrack catastrophically.
import { parseHostPort } from './host-port';
import { fieldProblem, MAX_DIAL_STRING_LENGTH, preflightDialText } from './input-text';
import { valid, type Validated } from './validation';

// RFC 3261 user part: unreserved, user-unreserved and %HH escapes.
const USER_CHARS = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
// ;name or ;name=value (value may hold an IPv6 literal, e.g. maddr=[::1]).
const PARAM = /^[A-Za-z0-9\-_.!~*'%]+(?:=[A-Za-z0-9\-_.!~*'%:[\]]+)?$/;
const BARE_NUMBER = /^\+?[0-9]+$/;
const OTHER_SCHEMES = ['h323:', 'tel:', 'http:', 'https:'];

export function validateSipAddress(input: string, field = 'sip'): Validated<string> {
  const pre = preflightDialText(input, field, { maxLength: MAX_DIAL_STRING_LENGTH, example: 'room@example.com' });
  if (!pre.ok) return pre;
  const text = pre.value;

  const lower = text.slice(0, 6).toLowerCase();
  const scheme = lower.startsWith('sips:') ? 'sips:' : lower.startsWith('sip:') ? 'sip:' : '';
  const otherScheme = OTHER_SCHEMES.find((s) => lower.startsWith(s));
  if (!scheme && otherScheme) {
    return fieldProblem(
      field,
      `SIP 地址只能以 sip: 或 sips: 开头，不能是 ${otherScheme}`,
      `a SIP address may start with sip: or sips: only, not ${otherScheme}`,
    );
  }
  const rest = text.slice(scheme.length);
  if (rest === '') return fieldProblem(field, `${scheme} 后面缺少地址`, `the address after ${scheme} is missing`);
  if (!scheme && BARE_NUMBER.test(rest)) {
    return fieldProblem(
      field,
      '只有号码不是 SIP 地址：请写成 号码@主机，或者用 H.323 呼叫 E.164 号码',
      'a number alone is not a SIP address: write number@host, or use H.323 for an E.164 number',
    );
  }

  const at = rest.indexOf('@');
  const user = at === -1 ? undefined : rest.slice(0, at);
  const afterUser = at === -1 ? rest : rest.slice(at + 1);
  if (user !== undefined) {
    const userCheck = checkUser(user, field);
    if (!userCheck.ok) return userCheck;
    if (afterUser.includes('@')) return fieldProblem(field, '只能有一个 @', 'only one @ is allowed');
  }
  if (afterUser.includes('?')) {
    return fieldProblem(field, '不支持 ? 后面的头字段', 'header fields after ? are not supported');
  }

  const semicolon = afterUser.indexOf(';');
  const hostPart = semicolon === -1 ? afterUser : afterUser.slice(0, semicolon);
  const params = semicolon === -1 ? undefined : afterUser.slice(semicolon + 1);
  const bare = !scheme && user === undefined && params === undefined;
  const host = parseHostPort(hostPart, field, { allowBareIPv6: bare });
  if (!host.ok) return host;
  if (params !== undefined) {
    const paramCheck = checkParams(params, field);
    if (!paramCheck.ok) return paramCheck;
  }
  // The scheme is case-insensitive; write it the usual way. The rest is sent as typed.
  return valid(scheme + rest);
}

function checkUser(user: string, field: string): Validated<string> {
  if (user === '') return fieldProblem(field, '@ 前面缺少用户名', 'the user name before @ is missing');
  if (!USER_CHARS.test(user)) {
    const bad = [...user].find((ch) => !USER_CHARS.test(ch)) ?? user;
    return fieldProblem(field, `@ 前面的用户名中不能有 "${bad}"`, `"${bad}" is not allowed in the user name before @`);
  }
  if (BAD_ESCAPE.test(user)) {
    return fieldProblem(
      field,
      '用户名中的 % 后面必须是两位十六进制数',
      '% in the user name must be followed by two hex digits',
    );
  }
  return valid(user);
}

function checkParams(params: string, field: string): Validated<string> {
  for (const param of params.split(';')) {
    if (param === '') {
      return fieldProblem(field, '有空的参数（多余的 ;）', 'there is an empty parameter (a stray ;)');
    }
    if (!PARAM.test(param)) {
      return fieldProblem(
        field,
        `参数 ";${param}" 无效（应为 ;名称 或 ;名称=值，例如 ;transport=tcp）`,
        `the parameter ";${param}" is not valid (expected ;name or ;name=value, e.g. ;transport=tcp)`,
      );
    }
  }
  return valid(params);
}
