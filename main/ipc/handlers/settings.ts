// settings:get / settings:update. The store checks every field (ranges, the https endpoint) and applies all of a
// change or none of it. What the window may change is narrower than what the store may hold: it may point the app
// only at Tencent's API (or, in demo mode, the simulator); an endpoint that came from elsewhere may be sent back
// unchanged, as the preferences form does with every save.
import { validateEndpoint, validateWindowEndpoint } from '../../../common/endpoint';
import type { HandlerContext } from './context';
import { unwrap } from '../errors';
import type { HandlersFor } from '../types';

/** Also for a profile's own endpoint (profiles.ts): `current` is the value it has now ('' clears, always allowed). */
export function checkWindowEndpoint(
  ctx: HandlerContext,
  endpoint: string | undefined,
  current: string | undefined,
): void {
  if (endpoint === undefined) return;
  const same = validateEndpoint(endpoint);
  if (same.ok && same.value === current) return;
  unwrap(validateWindowEndpoint(endpoint, { demo: ctx.appInfo().demo }));
}

export function settingsHandlers(ctx: HandlerContext): HandlersFor<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => ctx.store.getSettings(),
    'settings:update': (patch) => {
      checkWindowEndpoint(ctx, patch.endpoint, ctx.store.getSettings().endpoint);
      return unwrap(ctx.store.updateSettings(patch));
    },
  };
}
