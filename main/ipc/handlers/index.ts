// Every channel's handler, assembled from the per-concern modules. Typed as IpcHandlers: leaving a channel out of
// this map, or giving one the wrong types, fails to typecheck.
import type { IpcHandlers } from '../types';
import { appHandlers } from './app';
import { automationHandlers } from './automation';
import { scheduleHandlers } from './schedules';
import { callHandlers } from './calls';
import type { HandlerContext } from './context';
import { credentialHandlers } from './credentials';
import { historyHandlers } from './history';
import { profileHandlers } from './profiles';
import { meetingHandlers } from './meetings';
import { roomHandlers } from './rooms';
import { importHandlers } from './rooms-import';
import { settingsHandlers } from './settings';
import { setHandlers } from './sets';

export type { HandlerContext } from './context';
export { DEFAULT_EXTERNAL_HOSTS } from './app';

export function createHandlers(ctx: HandlerContext): IpcHandlers {
  return {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...credentialHandlers(ctx),
    ...profileHandlers(ctx),
    ...roomHandlers(ctx),
    ...importHandlers(ctx),
    ...meetingHandlers(ctx),
    ...callHandlers(ctx),
    ...setHandlers(ctx),
    ...automationHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...historyHandlers(ctx),
  };
}
