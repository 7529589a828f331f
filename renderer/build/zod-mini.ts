// Build time only: common/ip-address.ts uses two zod checks (z.ipv4(), z.ipv6()). Full zod is ~16 kB gzip in the
// window for them; zod/mini has the same two functions with the same behaviour at a fraction of the size. Only
// that one importer is redirected, so a renderer import of a real schema module would still get full zod.
import type { Plugin } from 'vite';

const IP_ADDRESS_MODULE = /[\\/]common[\\/]ip-address\.ts$/;

export function zodMiniForIpChecks(): Plugin {
  return {
    name: 'room-dialer:zod-mini-for-ip-checks',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== 'zod' || !importer || !IP_ADDRESS_MODULE.test(importer)) return null;
      return this.resolve('zod/mini', importer, { skipSelf: true });
    },
  };
}
