// profiles:* and rooms:copy-to-profile. The store keeps the list and each profile's address book, the vault each
// profile's credentials, and ProfileSwitch (main/calls/profile-switch.ts) decides when a switch must be asked first.
import type { ProfileRecord, ProfilesState, ProfileView } from '../../../common/profiles';
import type { HandlerContext } from './context';
import { unwrap } from '../errors';
import type { HandlersFor } from '../types';
import { checkWindowEndpoint } from './settings';

type ProfileChannels =
  | 'profiles:list'
  | 'profiles:add'
  | 'profiles:update'
  | 'profiles:remove'
  | 'profiles:switch'
  | 'rooms:copy-to-profile';

async function viewOf(ctx: HandlerContext, profile: ProfileRecord): Promise<ProfileView> {
  let configured = false;
  try {
    configured = (await ctx.vault.publicView(profile.id)).configured;
  } catch (error) {
    // A locked keychain: the list still shows, the profile as not set up; using it explains the keychain.
    ctx.log.warn('profiles: keychain not readable', { message: error instanceof Error ? error.message : '' });
  }
  return { id: profile.id, name: profile.name, endpoint: profile.endpoint ?? null, configured, managed: false };
}

async function stateOf(ctx: HandlerContext): Promise<ProfilesState> {
  const profiles = await Promise.all(ctx.store.profiles.list().map((profile) => viewOf(ctx, profile)));
  return { active: ctx.store.profiles.active().id, profiles };
}

export function profileHandlers(ctx: HandlerContext): HandlersFor<ProfileChannels> {
  return {
    'profiles:list': () => stateOf(ctx),
    'profiles:add': (input) => {
      checkWindowEndpoint(ctx, input.endpoint || undefined, undefined);
      return viewOf(ctx, unwrap(ctx.store.profiles.add(input)));
    },
    'profiles:update': ({ id, ...input }) => {
      const current = ctx.store.profiles.list().find((profile) => profile.id === id);
      checkWindowEndpoint(ctx, input.endpoint || undefined, current?.endpoint);
      return viewOf(ctx, unwrap(ctx.store.profiles.update(id, input)));
    },
    'profiles:remove': async ({ id }) => {
      // Checked before the keychain is touched: a profile that may not go keeps its credentials.
      unwrap(ctx.store.profiles.removable(id));
      await ctx.vault.delete(id);
      const removed = unwrap(ctx.store.profiles.remove(id));
      ctx.log.info('profiles: removed', { id, movedAside: removed.movedAside.length });
      return stateOf(ctx);
    },
    'profiles:switch': async ({ id, confirmed }) => {
      const outcome = unwrap(ctx.profiles.switchTo(id, confirmed === true));
      if (outcome.kind === 'ask') return outcome;
      const notices = outcome.notices.map(({ message, backupPath }) => ({ message, backupPath }));
      return { kind: 'switched', state: await stateOf(ctx), notices };
    },
    'rooms:copy-to-profile': ({ roomIds, profileId }) => unwrap(ctx.store.profiles.copyRoomsTo(roomIds, profileId)),
  };
}
