import { describe, expect, it } from 'vitest';
import { dialKey } from '../../common/room-dial-key';

describe('dialKey: one device, however it is written', () => {
  it('SIP: scheme, case, the default port and URI parameters do not make another device', () => {
    const spellings = [
      'x@10.0.0.7',
      'x@10.0.0.7:5060',
      'sip:x@10.0.0.7;transport=udp',
      'SIP:X@10.0.0.7:5060;transport=tcp',
      ' x@10.0.0.7 ',
    ];
    const keys = new Set(spellings.map((s) => dialKey('sip', s)));
    expect(keys.size).toBe(1);
  });

  it('SIP: another port, another user or TLS is another device', () => {
    const base = dialKey('sip', 'x@10.0.0.7');
    expect(dialKey('sip', 'x@10.0.0.7:5070')).not.toBe(base);
    expect(dialKey('sip', 'y@10.0.0.7')).not.toBe(base);
    expect(dialKey('sip', 'sips:x@10.0.0.7')).not.toBe(base);
    expect(dialKey('sip', 'sips:x@10.0.0.7:5061')).toBe(dialKey('sip', 'sips:x@10.0.0.7'));
  });

  it('H.323: the default port 1720 is the same device; a SIP address is never the same as an H.323 one', () => {
    expect(dialKey('h323', '10.0.0.8:1720')).toBe(dialKey('h323', '10.0.0.8'));
    expect(dialKey('h323', '10.0.0.8:1721')).not.toBe(dialKey('h323', '10.0.0.8'));
    expect(dialKey('h323', '10.0.0.8')).not.toBe(dialKey('sip', '10.0.0.8'));
  });

  it('Rooms IDs compare as text', () => {
    expect(dialKey('rooms', ' 2489756789')).toBe(dialKey('rooms', '2489756789'));
  });
});
