// Meeting codes (9 digits, grouped any common way) and meeting IDs (kept as exact strings).
import { describe, expect, it } from 'vitest';
import { formatMeetingCode, parseMeetingNumber } from '../../common/meeting-number';
import { expectInvalid, expectValid } from '../helpers/validated';

describe('parseMeetingNumber: meeting codes', () => {
  it.each([
    '123456789',
    '123-456-789',
    '123 456 789',
    ' 123-456-789 \n',
    '123 - 456 - 789',
    '１２３－４５６－７８９',
    '１２３４５６７８９',
    '123–456–789',
    '123—456—789',
    '123\u3000456\u3000789',
  ])('%j → code 123456789', (input) => {
    expect(expectValid(parseMeetingNumber(input))).toEqual({ kind: 'code', meetingCode: '123456789' });
  });

  it('keeps leading zeros', () => {
    expect(expectValid(parseMeetingNumber('012-345-678'))).toEqual({ kind: 'code', meetingCode: '012345678' });
  });
});

describe('parseMeetingNumber: meeting IDs', () => {
  it.each(['1234567890', '7567173273889276131', '0012345678', '1'.repeat(32)])('%j → id', (input) => {
    expect(expectValid(parseMeetingNumber(input))).toEqual({ kind: 'id', meetingId: input });
  });

  it('keeps a 20-digit ID exactly, as a string (a JS number would change it)', () => {
    const id = '13434567890123927028';
    expect(String(Number(id))).not.toBe(id);
    const ref = expectValid(parseMeetingNumber(` ${id} `));
    expect(ref).toEqual({ kind: 'id', meetingId: id });
    expect(typeof (ref as { meetingId: unknown }).meetingId).toBe('string');
  });
});

describe('parseMeetingNumber rejects, saying why', () => {
  it.each([
    ['', /enter the 9-digit meeting code/, '请输入'],
    ['   ', /enter the 9-digit meeting code/, '请输入'],
    ['12345678', /9 digits, but 8 were given/, '输入了 8 位'],
    ['1234', /9 digits, but 4 were given/, '输入了 4 位'],
    ['1', /9 digits, but 1 was given/, '输入了 1 位'],
    ['123-456-78', /9 digits, but 8 were given/, '8 位'],
    ['123-456-7890', /9 digits, but 10 were given.*without spaces or dashes/, '10 位'],
    ['1'.repeat(33), /too long.*32/, '太长'],
    ['1'.repeat(1024 * 1024), /too long/, '太长'],
    ['x'.repeat(1024 * 1024), /too long/, '太长'],
    ['abc', /letter "a"/, '字母'],
    ['12345678O', /letter "O"/, '字母'],
    ['会议号 123456789', /Chinese.*"会"/, '中文'],
    ['123.456.789', /symbol "\."/, '符号'],
    ['+123456789', /symbol "\+"/, '符号'],
  ])('%j', (input, en, zh) => {
    expectInvalid(parseMeetingNumber(input), 'meeting', en, zh);
  });

  it('names the field it was given', () => {
    expectInvalid(parseMeetingNumber('12345', 'meetingCode'), 'meetingCode', /5 were given/);
  });
});

describe('formatMeetingCode', () => {
  it.each([
    ['', ''],
    ['1', '1'],
    ['123', '123'],
    ['1234', '123-4'],
    ['123456', '123-456'],
    ['1234567', '123-456-7'],
    ['123456789', '123-456-789'],
    ['123-456-789', '123-456-789'],
    ['123 456789', '123-456-789'],
    ['１２３４', '123-4'],
    ['1234567890', '1234567890'],
    ['13434567890123927028', '13434567890123927028'],
    ['12a', '12a'],
    ['会议', '会议'],
  ])('%j → %j', (input, expected) => {
    expect(formatMeetingCode(input)).toBe(expected);
  });
});
