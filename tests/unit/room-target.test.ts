// Choosing what to call: exactly one of Rooms ID, SIP or H.323 address; and guessing the protocol of an address.
import { describe, expect, it } from 'vitest';
import { guessProtocol, parseRoomTarget, validateMeetingRoomId } from '../../common/address';
import { MRA_PROTOCOL } from '../../common/room-target';
import { expectInvalid, expectValid } from '../helpers/validated';

describe('guessProtocol', () => {
  it.each([
    ['sip:room@example.com', 'sip'],
    ['SIPS:room@example.com', 'sip'],
    ['sip:', 'sip'],
    ['  sip:1001@10.0.0.5', 'sip'],
    ['room@example.com', 'sip'],
    ['1001@vc.example.com', 'sip'],
    ['example.com', 'sip'],
    ['+8613800000000', 'h323'],
    ['1001', 'h323'],
    ['h323:10.0.0.5', 'h323'],
    ['10.0.0.5', undefined],
    ['10.0.0.5:5060', undefined],
    ['2001:db8::1', undefined],
    ['[2001:db8::1]:1720', undefined],
    ['1001@10.0.0.5', undefined],
    ['room1@10.0.0.5', undefined],
    ['', undefined],
    ['会议室', undefined],
    ['1234567890123456', undefined],
    ['x'.repeat(1024 * 1024), undefined],
  ])('%j → %s', (input, expected) => {
    expect(guessProtocol(input)).toBe(expected);
  });
});

describe('parseRoomTarget', () => {
  it('a Rooms ID becomes a rooms target, kept as the exact string', () => {
    expect(expectValid(parseRoomTarget({ roomId: '2489756789' }))).toEqual({
      kind: 'rooms',
      meetingRoomId: '2489756789',
    });
    const long = '00012345678901234567890';
    expect(expectValid(parseRoomTarget({ roomId: ` ${long} ` }))).toEqual({ kind: 'rooms', meetingRoomId: long });
  });

  it('a SIP address becomes an MRA target with protocol 1', () => {
    expect(expectValid(parseRoomTarget({ sip: ' SIP:room@example.com ' }))).toEqual({
      kind: 'mra',
      protocol: MRA_PROTOCOL.sip,
      dialString: 'sip:room@example.com',
    });
    expect(MRA_PROTOCOL.sip).toBe(1);
  });

  it('an H.323 address becomes an MRA target with protocol 2', () => {
    expect(expectValid(parseRoomTarget({ h323: '10.0.0.5:1720' }))).toEqual({
      kind: 'mra',
      protocol: 2,
      dialString: '10.0.0.5:1720',
    });
  });

  it('blank fields count as not given', () => {
    expect(expectValid(parseRoomTarget({ roomId: '', sip: '   ', h323: '1001' }))).toMatchObject({ protocol: 2 });
  });

  it.each([[{}], [{ roomId: undefined, sip: '', h323: '  ' }]])(
    'nothing given (%j) names all three fields',
    (input) => {
      const error = expectInvalid(parseRoomTarget(input), 'target', /give one of/, '请填写');
      for (const name of ['roomId', 'sip', 'h323']) {
        expect(error.message['en-US']).toContain(name);
        expect(error.message['zh-CN']).toContain(name);
      }
    },
  );

  it('two targets are refused, naming the two that were given', () => {
    const error = expectInvalid(
      parseRoomTarget({ roomId: '2489756789', sip: 'room@example.com' }),
      'target',
      /only one.*got roomId and sip/,
      '只能填写一项',
    );
    expect(error.message['zh-CN']).toContain('roomId、sip');
  });

  it('three targets are refused too', () => {
    expectInvalid(
      parseRoomTarget({ roomId: '2489756789', sip: 'room@example.com', h323: '10.0.0.5' }),
      'target',
      /got roomId and sip and h323/,
    );
  });

  it('passes a bad address through with the field it came from', () => {
    expectInvalid(parseRoomTarget({ sip: '会议室' }), 'sip', /Chinese/, '中文');
    expectInvalid(parseRoomTarget({ h323: 'room@vc.example.com' }), 'h323', /IP address is required after @/);
    expectInvalid(parseRoomTarget({ roomId: 'room-1' }), 'roomId', /letters and digits/, '字母和数字');
  });

  it('uses the caller’s field names in errors', () => {
    expectInvalid(parseRoomTarget({ roomId: 'room-1' }, { roomId: 'room-id' }), 'room-id', /letters and digits/);
    expectInvalid(
      parseRoomTarget({ roomId: '1', sip: 'a@b.com' }, { roomId: 'room-id' }),
      'target',
      /only one of room-id, sip, h323; got room-id and sip/,
    );
  });
});

describe('validateMeetingRoomId', () => {
  it.each([
    ['2489756789', '2489756789'],
    ['abcDEF123', 'abcDEF123'],
    [' 2489756789\n', '2489756789'],
    ['２４８９７５６７８９', '2489756789'],
    ['9'.repeat(64), '9'.repeat(64)],
  ])('accepts %j', (input, expected) => {
    expect(expectValid(validateMeetingRoomId(input))).toBe(expected);
  });

  it.each([
    ['', /empty/, '不能为空'],
    ['248 9756789', /spaces/, '空格'],
    ['room-1', /letters and digits, not "-"/, '字母和数字'],
    ['会议室', /Chinese/, '中文'],
    ['9'.repeat(65), /too long.*at most 64/, '64'],
    ['9'.repeat(1024 * 1024), /too long/, '太长'],
  ])('rejects %j', (input, en, zh) => {
    expectInvalid(validateMeetingRoomId(input), 'roomId', en, zh);
  });
});
