// The host[:port] part that SIP and H.323 addresses share: an IPv4 address, a bracketed or bare IPv6 address,
// or a host name (RFC 1123), and an optional port 1-65535. Parsed by hand so that every error can say exactly
// what is wrong; the few patterns used are single character classes (no backtracking).
import { fieldProblem } from './input-text';
import { isIPv4, isIPv6 } from './ip-address';
import { valid, type Validated } from './validation';

export type HostKind = 'ipv4' | 'ipv6' | 'name';

export interface HostPort {
  readonly host: string;
  readonly kind: HostKind;
  readonly port: number | undefined;
}

export interface HostPortOptions {
  /**
   * Accept `2001:db8::1` without brackets. Only safe when the host is the whole input: inside a longer address
   * `…::1:5060` could be an address or an address plus port, so there brackets are required.
   */
  readonly allowBareIPv6: boolean;
}

const MAX_HOST_NAME = 253;
const MAX_LABEL = 63;
const MAX_PORT = 65535;
const DIGITS_AND_DOTS = /^[0-9.]+$/;
const LABEL_CHARS = /^[A-Za-z0-9-]+$/;
const ALL_DIGITS = /^[0-9]+$/;

export function parseHostPort(text: string, field: string, options: HostPortOptions): Validated<HostPort> {
  if (text === '') return fieldProblem(field, '缺少主机名或 IP 地址', 'the host name or IP address is missing');
  if (text.startsWith('[')) return parseBracketed(text, field);

  const firstColon = text.indexOf(':');
  if (firstColon === -1) return withPort(text, undefined, field);
  if (text.includes(':', firstColon + 1)) {
    // Two or more colons: only an IPv6 address can look like that.
    if (isIPv6(text)) {
      if (options.allowBareIPv6) return valid({ host: text, kind: 'ipv6', port: undefined });
      return fieldProblem(
        field,
        `IPv6 地址要写在方括号里，例如 [${text}]`,
        `write the IPv6 address in brackets, e.g. [${text}]`,
      );
    }
    return fieldProblem(
      field,
      '不是有效的 IPv6 地址；带端口的 IPv6 地址写作 [2001:db8::1]:5060',
      'not a valid IPv6 address; an IPv6 address with a port is written [2001:db8::1]:5060',
    );
  }
  return withPort(text.slice(0, firstColon), text.slice(firstColon + 1), field);
}

function parseBracketed(text: string, field: string): Validated<HostPort> {
  const close = text.indexOf(']');
  if (close === -1) return fieldProblem(field, '缺少右方括号 ]', 'the closing bracket ] is missing');
  const host = text.slice(1, close);
  if (!isIPv6(host)) {
    return fieldProblem(
      field,
      `方括号里的 "${host}" 不是有效的 IPv6 地址`,
      `"${host}" in brackets is not a valid IPv6 address`,
    );
  }
  const rest = text.slice(close + 1);
  if (rest === '') return valid({ host, kind: 'ipv6', port: undefined });
  if (!rest.startsWith(':')) {
    return fieldProblem(field, `] 后面只能跟 :端口，而不是 "${rest}"`, `only :port may follow ], not "${rest}"`);
  }
  const port = parsePort(rest.slice(1), field);
  return port.ok ? valid({ host, kind: 'ipv6', port: port.value }) : port;
}

function withPort(host: string, portText: string | undefined, field: string): Validated<HostPort> {
  const kind = checkHost(host, field);
  if (!kind.ok) return kind;
  if (portText === undefined) return valid({ host, kind: kind.value, port: undefined });
  const port = parsePort(portText, field);
  return port.ok ? valid({ host, kind: kind.value, port: port.value }) : port;
}

function checkHost(host: string, field: string): Validated<HostKind> {
  if (host === '') return fieldProblem(field, '缺少主机名或 IP 地址', 'the host name or IP address is missing');
  if (DIGITS_AND_DOTS.test(host)) {
    // Only digits and dots: the operator meant an IPv4 address, so judge it as one (not as a host name).
    return isIPv4(host)
      ? valid('ipv4')
      : fieldProblem(
          field,
          `"${host}" 不是有效的 IPv4 地址（应为 4 个 0-255 的数，用点隔开，例如 192.168.1.20）`,
          `"${host}" is not a valid IPv4 address (four numbers 0-255 separated by dots, e.g. 192.168.1.20)`,
        );
  }
  const name = checkHostName(host, field);
  return name.ok ? valid('name') : name;
}

/** RFC 1123 host name: dot-separated labels of letters, digits and '-', not starting or ending with '-'. */
function checkHostName(host: string, field: string): Validated<string> {
  if (host.length > MAX_HOST_NAME) {
    return fieldProblem(
      field,
      `主机名太长（最多 ${MAX_HOST_NAME} 个字符）`,
      `the host name is too long (at most ${MAX_HOST_NAME} characters)`,
    );
  }
  const labels = host.split('.');
  for (const label of labels) {
    if (label === '') {
      return fieldProblem(
        field,
        `主机名 "${host}" 中有空的部分（多余的点）`,
        `the host name "${host}" has an empty part (a stray dot)`,
      );
    }
    if (label.length > MAX_LABEL) {
      return fieldProblem(
        field,
        `主机名的每一段最多 ${MAX_LABEL} 个字符`,
        `each part of a host name has at most ${MAX_LABEL} characters`,
      );
    }
    if (!LABEL_CHARS.test(label)) {
      const bad = [...label].find((ch) => !LABEL_CHARS.test(ch)) ?? label;
      return fieldProblem(
        field,
        `主机名 "${host}" 中不能有 "${bad}"（只能用字母、数字和 -）`,
        `"${bad}" is not allowed in the host name "${host}" (letters, digits and - only)`,
      );
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return fieldProblem(
        field,
        `主机名的每一段不能以 - 开头或结尾`,
        `a part of a host name must not start or end with -`,
      );
    }
  }
  // A numeric last label is never a real top-level domain; it is a mistyped IP address or a number.
  if (ALL_DIGITS.test(labels[labels.length - 1] ?? '')) {
    return fieldProblem(
      field,
      `"${host}" 既不是有效的 IP 地址也不是有效的主机名`,
      `"${host}" is neither a valid IP address nor a valid host name`,
    );
  }
  return valid(host);
}

export function parsePort(text: string, field: string): Validated<number> {
  if (text === '') return fieldProblem(field, '冒号后面缺少端口号', 'the port number after ":" is missing');
  const value = ALL_DIGITS.test(text) && text.length <= 5 ? Number(text) : NaN;
  if (!(value >= 1 && value <= MAX_PORT)) {
    return fieldProblem(
      field,
      `端口必须是 1 到 ${MAX_PORT} 之间的数字，而不是 "${text}"`,
      `the port must be a number from 1 to ${MAX_PORT}, not "${text}"`,
    );
  }
  return valid(value);
}
