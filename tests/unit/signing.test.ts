import { describe, expect, it } from 'vitest';
import { newNonce, signature, stringToSign } from '../../main/api/signing';

// Reference §1.4: SecretId AKIDexample, SecretKey SKexample, nonce 12345, timestamp 1700000000.
const common = { secretId: 'AKIDexample', nonce: '12345', timestamp: '1700000000' };

describe('request signing (reference §1.4 vectors)', () => {
  it('vector A: PUT room-call by meeting_room_id', () => {
    const body =
      '{"operator_id":"admin1","operator_id_type":1,"meeting_room_id":"2489756789","meeting_id":"13434567890123927028"}';
    expect(Buffer.byteLength(body)).toBe(112);
    const input = { ...common, method: 'PUT', uri: '/v1/meeting-rooms/room-call', body };
    expect(stringToSign(input)).toBe(
      `PUT\nX-TC-Key=AKIDexample&X-TC-Nonce=12345&X-TC-Timestamp=1700000000\n/v1/meeting-rooms/room-call\n${body}`,
    );
    expect(signature('SKexample', input)).toBe(
      'NTIwNmVmNmU2ZmU3NTIzNjJmNzY5YzFiOWE0NzhhMDcwMTM3YmVhNGViMWU5NTdlMzk5N2E0NzY3MGI5YjY2OQ==',
    );
  });

  it('vector C: GET with a query string and an empty body', () => {
    const input = {
      ...common,
      method: 'GET',
      uri: '/v1/meetings?meeting_code=123456789&userid=admin1&instanceid=1',
      body: '',
    };
    expect(stringToSign(input).endsWith('instanceid=1\n')).toBe(true);
    expect(signature('SKexample', input)).toBe(
      'Zjk2OTMwOTQzMGNlMTBmOTg0ZGJjOWI0ZTk5NWY3N2RhZTYxYTNjNTI1MjBmZWI1MDAxYzI2ZDZhZGUxZmQ4NA==',
    );
  });

  it('hashes Chinese text as UTF-8 and is sensitive to every part', () => {
    const base = { ...common, method: 'PUT', uri: '/v1/x', body: '{"subject":"周会"}' };
    const sig = signature('SKexample', base);
    expect(sig).toHaveLength(88);
    expect(signature('SKexample', { ...base, body: '{"subject":"周末"}' })).not.toBe(sig);
    expect(signature('SKexample', { ...base, nonce: '12346' })).not.toBe(sig);
    expect(signature('SKexample', { ...base, uri: '/v1/y' })).not.toBe(sig);
    expect(signature('SKother', base)).not.toBe(sig);
  });

  it('makes positive integer nonces that differ between calls', () => {
    const a = newNonce(1_700_000_000_123);
    const b = newNonce(1_700_000_000_123);
    expect(a).toMatch(/^[1-9]\d{18}$/);
    expect(a.startsWith('1700000000123')).toBe(true);
    // Six random digits: two equal draws in a row would be a one-in-a-million event.
    expect(new Set([a, b, newNonce(1_700_000_000_123)]).size).toBeGreaterThan(1);
  });
});
