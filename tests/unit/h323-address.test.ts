// H.323 dial strings: IP (optional port), E.164 number (max 15 digits), or alias@IP; never a host name.
import { describe, expect, it } from 'vitest';
import { validateH323Address } from '../../common/address';
import { expectInvalid, expectValid } from '../helpers/validated';

describe('validateH323Address accepts', () => {
  it.each([
    ['10.0.0.5', '10.0.0.5'],
    ['10.0.0.5:1720', '10.0.0.5:1720'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
    ['[2001:db8::1]', '[2001:db8::1]'],
    ['[2001:db8::1]:1720', '[2001:db8::1]:1720'],
    ['1', '1'],
    ['1001', '1001'],
    ['+8613800000000', '+8613800000000'],
    ['123456789012345', '123456789012345'],
    ['+123456789012345', '+123456789012345'],
    ['1001@10.0.0.5', '1001@10.0.0.5'],
    ['room1@10.0.0.5:1720', 'room1@10.0.0.5:1720'],
    ['room.a_b-c#1*2@10.0.0.5', 'room.a_b-c#1*2@10.0.0.5'],
    ['+861012345678@10.0.0.5', '+861012345678@10.0.0.5'],
    ['1001@[2001:db8::1]', '1001@[2001:db8::1]'],
    ['1001@[2001:db8::1]:1720', '1001@[2001:db8::1]:1720'],
    ['h323:10.0.0.5', '10.0.0.5'],
    ['H323:1001@10.0.0.5', '1001@10.0.0.5'],
    ['  10.0.0.5\n', '10.0.0.5'],
    ['１０．０．０．５', '10.0.0.5'],
  ])('%j → %j', (input, expected) => {
    expect(expectValid(validateH323Address(input))).toBe(expected);
  });
});

describe('validateH323Address rejects, saying why', () => {
  it.each([
    ['', /empty/, '不能为空'],
    ['1234567890123456', /at most 15 digits; this one has 16/, '最多 15 位，这里有 16 位'],
    ['+1234567890123456', /at most 15 digits; this one has 16/, '15'],
    ['1234567890123456@10.0.0.5', /alias before @ has at most 15 digits/, '15'],
    ['room1@room.example.com', /IP address is required after @, not the host name "room\.example\.com"/, 'IP 地址'],
    ['1001@localhost', /IP address is required after @/, 'IP 地址'],
    ['room.example.com', /IP address, an E\.164 number or alias@IP.*use SIP/, 'SIP'],
    ['sip:room@example.com', /":" is not allowed in the alias/, '别名'],
    ['ro!om@10.0.0.5', /"!" is not allowed in the alias/, '别名'],
    ['@10.0.0.5', /alias .*before @ is missing/, '别名'],
    ['1001@', /host name or IP address is missing/, '缺少'],
    ['1001@10.0.0.5@10.0.0.6', /one @/, '一个 @'],
    ['1001@2001:db8::1', /brackets/, '方括号'],
    ['10.0.0.5:65536', /port.*1 to 65535.*65536/, '端口'],
    ['10.0.0.5:', /port.*missing/, '端口'],
    ['10.0.0', /not a valid IPv4/, 'IPv4'],
    ['10.0.0.05', /not a valid IPv4/, 'IPv4'],
    ['1001@10.0.0.300', /not a valid IPv4/, 'IPv4'],
    ['+', /number after \+ is missing/, '号码'],
    ['h323:', /after h323: is missing/, 'h323:'],
    ['会议室', /Chinese/, '中文'],
    ['会议室@10.0.0.5', /Chinese/, '中文'],
    ['a b', /spaces/, '空格'],
    ['room 1@10.0.0.5', /spaces/, '空格'],
    ['x'.repeat(257), /too long.*at most 256/, '256'],
    ['1'.repeat(1024 * 1024), /too long.*at most 256/, '太长'],
  ])('%j', (input, en, zh) => {
    expectInvalid(validateH323Address(input), 'h323', en, zh);
  });

  it('names the field it was given', () => {
    expectInvalid(validateH323Address('room.example.com', 'address'), 'address', /use SIP/, 'SIP');
  });
});
