// The window checks IP addresses with zod/mini instead of zod (renderer/build/zod-mini.ts): same answers required.
import { z } from 'zod';
import * as mini from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { zodMiniForIpChecks } from '../../renderer/build/zod-mini';

const SAMPLES = [
  '10.0.0.5',
  '192.168.1.20',
  '255.255.255.255',
  '256.1.1.1',
  '01.2.3.4',
  '1.2.3',
  '1.2.3.4.5',
  '2001:db8::1',
  '::1',
  'fe80::1%eth0',
  '2001:db8:::1',
  '[2001:db8::1]',
  'room@example.com',
  '',
];

describe('zod/mini for the IP checks', () => {
  it('answers every sample as zod does', () => {
    for (const sample of SAMPLES) {
      expect(mini.ipv4().safeParse(sample).success, sample).toBe(z.ipv4().safeParse(sample).success);
      expect(mini.ipv6().safeParse(sample).success, sample).toBe(z.ipv6().safeParse(sample).success);
    }
  });

  it('redirects only common/ip-address.ts', async () => {
    const plugin = zodMiniForIpChecks();
    const resolveId = plugin.resolveId as (this: unknown, source: string, importer?: string) => Promise<unknown>;
    const context = { resolve: async (source: string) => ({ id: `resolved:${source}` }) };
    expect(await resolveId.call(context, 'zod', '/app/common/ip-address.ts')).toEqual({ id: 'resolved:zod/mini' });
    expect(await resolveId.call(context, 'zod', '/app/common/store-schema.ts')).toBeNull();
    expect(await resolveId.call(context, 'vue', '/app/common/ip-address.ts')).toBeNull();
  });
});
