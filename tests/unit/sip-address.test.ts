// SIP dial strings: what is accepted (and how it is normalised), and that every rejection says what is wrong.
import { describe, expect, it } from 'vitest';
import { validateSipAddress } from '../../common/address';
import { expectInvalid, expectValid } from '../helpers/validated';

const ONE_MB = 1024 * 1024;

describe('validateSipAddress accepts', () => {
  it.each([
    ['sip:room@example.com', 'sip:room@example.com'],
    ['sips:room@example.com', 'sips:room@example.com'],
    ['SIP:Room@Example.com', 'sip:Room@Example.com'],
    ['SIPS:room@example.com:5061;transport=tls', 'sips:room@example.com:5061;transport=tls'],
    ['sip:example.com', 'sip:example.com'],
    ['sip:10.0.0.5:5060', 'sip:10.0.0.5:5060'],
    ['sip:[2001:db8::1]', 'sip:[2001:db8::1]'],
    ['sip:[2001:db8::1]:5060', 'sip:[2001:db8::1]:5060'],
    ['sip:1001@10.0.0.5;transport=tcp', 'sip:1001@10.0.0.5;transport=tcp'],
    ['sip:+8613800000000@example.com;user=phone', 'sip:+8613800000000@example.com;user=phone'],
    ['sip:room@example.com;lr;maddr=[2001:db8::9]', 'sip:room@example.com;lr;maddr=[2001:db8::9]'],
    ['room@example.com', 'room@example.com'],
    ['room.7f_a-b@vc.example.com.cn', 'room.7f_a-b@vc.example.com.cn'],
    ['alice%20b@example.com', 'alice%20b@example.com'],
    ['room@[2001:db8::1]:5060', 'room@[2001:db8::1]:5060'],
    ['example.com', 'example.com'],
    ['polycom-room', 'polycom-room'],
    ['vc.example.com:5080', 'vc.example.com:5080'],
    ['10.0.0.5', '10.0.0.5'],
    ['10.0.0.5:5060', '10.0.0.5:5060'],
    ['10.0.0.5:65535', '10.0.0.5:65535'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
    ['[2001:db8::1]', '[2001:db8::1]'],
    ['[2001:db8::1]:5060', '[2001:db8::1]:5060'],
    ['  room@example.com \n', 'room@example.com'],
    ['\u3000room@example.com\u3000', 'room@example.com'],
    ['ｒｏｏｍ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'room@example.com'],
    ['192。168。1。20', '192.168.1.20'],
  ])('%j → %j', (input, expected) => {
    expect(expectValid(validateSipAddress(input))).toBe(expected);
  });
});

describe('validateSipAddress rejects, saying why', () => {
  it.each([
    ['', /empty/, '不能为空'],
    ['   \t ', /empty/, '不能为空'],
    ['会议室', /Chinese/, '中文'],
    ['room@会议室.example.com', /Chinese/, '中文'],
    ['café@example.com', /non-ASCII.*é/, '非 ASCII'],
    ['room\u200b@example.com', /non-ASCII.*U\+200B/, 'U+200B'],
    ['room\u0000@example.com', /control character.*U\+0000/, '控制字符'],
    ['room @example.com', /spaces/, '空格'],
    ['room@example.com\tx', /spaces/, '空格'],
    ['sip:room@example.com;a b', /spaces/, '空格'],
    ['10.0.0.5:70000', /port.*1 to 65535.*70000/, '端口'],
    ['10.0.0.5:0', /port.*1 to 65535/, '端口'],
    ['10.0.0.5:', /port.*missing/, '端口'],
    ['room@example.com:sip', /port.*1 to 65535/, '端口'],
    ['[2001:db8::1]:99999', /port.*1 to 65535/, '端口'],
    ['sip:2001:db8::1', /brackets.*\[2001:db8::1\]/, '方括号'],
    ['room@2001:db8::1', /brackets/, '方括号'],
    ['[2001:db8::1', /\]/, '方括号'],
    ['[2001:db8::zz]:5060', /not a valid IPv6/, 'IPv6'],
    ['[10.0.0.5]', /not a valid IPv6/, 'IPv6'],
    ['[::1]5060', /only :port may follow/, '端口'],
    ['fe80::1%eth0', /not a valid IPv6/, 'IPv6'],
    ['10.0.0.256', /not a valid IPv4/, 'IPv4'],
    ['10.0.0', /not a valid IPv4/, 'IPv4'],
    ['sip:', /after sip: is missing/, '缺少'],
    ['sips:', /after sips: is missing/, '缺少'],
    ['sip:@example.com', /user name.*missing/, '用户名'],
    ['ro<om@example.com', /"<" is not allowed/, '用户名'],
    ['bad%zz@example.com', /hex digits/, '十六进制'],
    ['a@b@example.com', /one @/, '一个 @'],
    ['room@', /host name or IP address is missing/, '缺少'],
    ['room@exa_mple.com', /"_" is not allowed/, '主机名'],
    ['room@-bad.example.com', /must not start or end with -/, '开头或结尾'],
    ['room@example..com', /empty part/, '空的部分'],
    [`room@${'a'.repeat(64)}.com`, /at most 63/, '63'],
    ['example.123', /neither a valid IP address nor a valid host name/, '既不是'],
    ['12345', /number alone.*H\.323/, 'H.323'],
    ['+8613800000000', /number alone/, '号码'],
    ['h323:10.0.0.5', /sip: or sips: only, not h323:/, 'h323:'],
    ['http://example.com', /sip: or sips: only/, 'sip:'],
    ['sip:room@example.com;', /empty parameter/, '空的参数'],
    ['sip:room@example.com;=x', /parameter ";=x" is not valid/, '参数'],
    ['sip:room@example.com?subject=hi', /after \? are not supported/, '不支持'],
  ])('%j', (input, en, zh) => {
    expectInvalid(validateSipAddress(input), 'sip', en, zh);
  });

  it('refuses input longer than 256 characters, saying the limit', () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(55)}.com`; // 251 characters
    expect(`room@${host}`).toHaveLength(256);
    expect(expectValid(validateSipAddress(`room@${host}`))).toBe(`room@${host}`);
    expectInvalid(validateSipAddress(`rooms@${host}`), 'sip', /too long.*257.*at most 256/, '256');
  });

  it('refuses a pasted megabyte as too long', () => {
    expectInvalid(validateSipAddress('a'.repeat(ONE_MB)), 'sip', /too long.*at most 256/, '最多 256');
    expectInvalid(validateSipAddress(`sip:${'[:'.repeat(ONE_MB / 2)}`), 'sip', /too long/, '太长');
  });

  it('names the field it was given', () => {
    expectInvalid(validateSipAddress('会议室', 'rooms[3].address'), 'rooms[3].address', /Chinese/, '中文');
  });
});
