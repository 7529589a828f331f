// credentials:*. The secret key goes into the keychain and never comes back: every answer is the vault's public
// view (no secretKey, the secretId masked). The connection test reports its failures as a value, so the settings
// form can show "connection failed: why, what to do" next to the fields.
import type { ConnectionTestResult } from '../../../common/ipc-contract';
import type { HandlerContext } from './context';
import { toIpcError, unwrap } from '../errors';
import type { HandlersFor } from '../types';

type CredentialChannels = 'credentials:get' | 'credentials:save' | 'credentials:test' | 'credentials:delete';

export function credentialHandlers(ctx: HandlerContext): HandlersFor<CredentialChannels> {
  // Always the profile in use now: the operator switched to the one whose credentials the form shows.
  const profile = () => ctx.store.profiles.active().id;
  return {
    'credentials:get': () => ctx.vault.publicView(profile()),
    // The vault validates every field (naming it) and writes nothing when one is bad.
    'credentials:save': async (input) => unwrap(await ctx.vault.save(profile(), input)),
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
      const id = profile();
      await ctx.vault.delete(id);
      return ctx.vault.publicView(id);
    },
  };
}
