// What may be sent as mra_address.dial_string with protocol 2 (H.323): Tencent accepts "an IP address or an
// E.164 number". Accepted: IPv4/IPv6 with an optional port ([v6]:port), an E.164 number (at most 15 digits,
// optional leading +), or alias@IP (an H.323 ID or E.164 alias reached through that IP, optional port).
// Host names are refused: Tencent documents none for H.323, and SIP is the protocol that dials by name.
import { parseHostPort } from './host-port';
import { fieldProblem, MAX_DIAL_STRING_LENGTH, preflightDialText } from './input-text';
import { valid, type Validated } from './validation';

/** ITU-T E.164: at most 15 digits. */
export const E164_MAX_DIGITS = 15;

const E164 = /^\+?[0-9]*$/; // a lone + is caught by checkE164 with a clear message
// H.323 IDs are free text in the standard; here kept to what can be typed and sent safely.
const H323_ID_CHARS = /^[A-Za-z0-9._\-#*]+$/;
const H323_SCHEME = 'h323:';

export function validateH323Address(input: string, field = 'h323'): Validated<string> {
  const pre = preflightDialText(input, field, { maxLength: MAX_DIAL_STRING_LENGTH, example: '192.168.1.20' });
  if (!pre.ok) return pre;
  // Addresses copied from other systems often carry h323:; Tencent wants the address alone.
  const text =
    pre.value.slice(0, H323_SCHEME.length).toLowerCase() === H323_SCHEME
      ? pre.value.slice(H323_SCHEME.length)
      : pre.value;
  if (text === '') return fieldProblem(field, 'h323: 后面缺少地址', 'the address after h323: is missing');

  const at = text.indexOf('@');
  if (at !== -1) return checkAliasAtIp(text, at, field);
  if (E164.test(text)) return checkE164(text, field, 'number');

  const host = parseHostPort(text, field, { allowBareIPv6: true });
  if (!host.ok) return host;
  if (host.value.kind === 'name') {
    return fieldProblem(
      field,
      `H.323 地址必须是 IP 地址、E.164 号码或 别名@IP；主机名 "${host.value.host}" 请用 SIP 呼叫`,
      `an H.323 address must be an IP address, an E.164 number or alias@IP; for the host name "${host.value.host}" use SIP`,
    );
  }
  return valid(text);
}

function checkAliasAtIp(text: string, at: number, field: string): Validated<string> {
  const alias = text.slice(0, at);
  const target = text.slice(at + 1);
  if (alias === '')
    return fieldProblem(
      field,
      '@ 前面缺少别名（H.323 ID 或 E.164 号码）',
      'the alias (H.323 ID or E.164 number) before @ is missing',
    );
  if (target.includes('@')) return fieldProblem(field, '只能有一个 @', 'only one @ is allowed');
  if (E164.test(alias)) {
    const number = checkE164(alias, field, 'alias');
    if (!number.ok) return number;
  } else if (!H323_ID_CHARS.test(alias)) {
    const bad = [...alias].find((ch) => !H323_ID_CHARS.test(ch)) ?? alias;
    return fieldProblem(
      field,
      `@ 前面的别名中不能有 "${bad}"（只能用字母、数字和 . _ - # *）`,
      `"${bad}" is not allowed in the alias before @ (letters, digits and . _ - # * only)`,
    );
  }
  const host = parseHostPort(target, field, { allowBareIPv6: false });
  if (!host.ok) return host;
  if (host.value.kind === 'name') {
    return fieldProblem(
      field,
      `@ 后面必须是 IP 地址，而不是主机名 "${host.value.host}"；按主机名呼叫请用 SIP`,
      `an IP address is required after @, not the host name "${host.value.host}"; to dial by host name use SIP`,
    );
  }
  return valid(text);
}

function checkE164(text: string, field: string, what: 'number' | 'alias'): Validated<string> {
  const digits = text.startsWith('+') ? text.length - 1 : text.length;
  if (digits === 0) return fieldProblem(field, '+ 后面缺少号码', 'the number after + is missing');
  if (digits > E164_MAX_DIGITS) {
    const zh = what === 'alias' ? '@ 前面的 E.164 号码' : 'E.164 号码';
    const en = what === 'alias' ? 'the E.164 alias before @' : 'an E.164 number';
    return fieldProblem(
      field,
      `${zh}最多 ${E164_MAX_DIGITS} 位，这里有 ${digits} 位`,
      `${en} has at most ${E164_MAX_DIGITS} digits; this one has ${digits}`,
    );
  }
  return valid(text);
}
