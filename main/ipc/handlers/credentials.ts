// credentials:*. The secret key goes into the keychain and never comes back: every answer is the vault's public
// view (no secretKey, the secretId masked). The connection test reports its failures as a value, so the settings
// form can show "connection failed: why, what to do" next to the fields.
import type { ConnectionTestResult } from '../../../common/ipc-contract';
import type { HandlerContext } from './context';
import { toIpcError, unwrap } from '../errors';
import type { HandlersFor } from '../types';

type CredentialChannels = 'credentials:get' | 'credentials:save' | 'credentials:test' | 'credentials:delete';

export function credentialHandlers(ctx: HandlerContext): HandlersFor<CredentialChannels> {
  return {
    'credentials:get': () => ctx.vault.publicView(ctx.profile),
    // The vault validates every field (naming it) and writes nothing when one is bad.
    'credentials:save': async (input) => unwrap(await ctx.vault.save(ctx.profile, input)),
    'credentials:test': async (): Promise<ConnectionTestResult> => {
      try {
        const client = await ctx.clientFor();
        await client.testConnection();
        return { ok: true };
      } catch (error) {
        return { ok: false, error: toIpcError(error, ctx.log, 'credentials:test') };
      }
    },
    'credentials:delete': async () => {
      await ctx.vault.delete(ctx.profile);
      return ctx.vault.publicView(ctx.profile);
    },
  };
}
