// settings:get / settings:update. The store checks every field (ranges, the https endpoint) and applies all of a
// change or none of it.
import type { HandlerContext } from './context';
import { unwrap } from '../errors';
import type { HandlersFor } from '../types';

export function settingsHandlers(ctx: HandlerContext): HandlersFor<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => ctx.store.getSettings(),
    'settings:update': (patch) => unwrap(ctx.store.updateSettings(patch)),
  };
}
