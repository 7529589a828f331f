// The API the window sees (`window.roomDialer`): one named function per channel of the contract, plus one named
// subscription per event main pushes (onCallUpdate, onStagedDial).
// Built by the preload over ipcRenderer, and by the end-to-end tests over page.exposeBinding, from this one
// function, so the tests exercise exactly what the app exposes. There is no generic invoke(channel) on it.
// Type-only imports from the contract keep zod out of the preload bundle.
import type { CallView } from './call-model';
import type { StagedDialEvent } from './dial-link';
import type { Channel, RequestOf, ResponseOf } from './ipc-contract';
import type { IpcResult } from './ipc-error';

/** Pushed from main to the window on every call state change, with the CallView as its only argument. */
export const CALL_UPDATE_EVENT = 'calls:update';
/**
 * Pushed from main to the window when a room-dialer:// link or the command line asks for a dial: the dial to show
 * and confirm (nothing rings until the operator does), or why the link was refused.
 */
export const STAGED_DIAL_EVENT = 'dial:staged';

/** Every event main pushes to the window, with what it carries. */
export interface PushEvents {
  readonly [CALL_UPDATE_EVENT]: CallView;
  readonly [STAGED_DIAL_EVENT]: StagedDialEvent;
}
export type PushEvent = keyof PushEvents;

/** Method name → channel. Explicit names read better in the renderer than generated ones. */
export const WINDOW_API_METHODS = {
  getAppInfo: 'app:info',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getCredentials: 'credentials:get',
  saveCredentials: 'credentials:save',
  testConnection: 'credentials:test',
  deleteCredentials: 'credentials:delete',
  listProfiles: 'profiles:list',
  addProfile: 'profiles:add',
  updateProfile: 'profiles:update',
  removeProfile: 'profiles:remove',
  switchProfile: 'profiles:switch',
  listRooms: 'rooms:list',
  copyRoomsToProfile: 'rooms:copy-to-profile',
  addRoom: 'rooms:add',
  updateRoom: 'rooms:update',
  deleteRoom: 'rooms:delete',
  restoreRoom: 'rooms:restore',
  importRooms: 'rooms:import',
  importTencentRooms: 'rooms:import-tencent',
  lookupMeeting: 'meetings:lookup',
  recentMeetings: 'meetings:recent',
  dial: 'calls:dial',
  listCalls: 'calls:list',
  cancelCall: 'calls:cancel',
  cancelAllCalls: 'calls:cancel-all',
  redial: 'calls:redial',
  redialFailed: 'calls:redial-failed',
  listSets: 'sets:list',
  createSet: 'sets:create',
  updateSet: 'sets:update',
  deleteSet: 'sets:delete',
  importSets: 'sets:import',
  dialSet: 'sets:dial',
  pendingRedials: 'automation:pending',
  cancelRedial: 'automation:cancel',
  listSchedules: 'schedules:list',
  addSchedule: 'schedules:add',
  armSchedule: 'schedules:arm',
  removeSchedule: 'schedules:remove',
  todaysMeetings: 'meetings:today',
  listHistory: 'history:list',
  openExternal: 'shell:open-external',
} as const satisfies Record<string, Channel>;

type Methods = typeof WINDOW_API_METHODS;
/** The request may be left out where an empty one is valid (the no-request channels, history:list). */
type Method<C extends Channel> =
  Record<never, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

export type WindowApi = {
  readonly [M in keyof Methods]: Method<Methods[M]>;
} & {
  /** Calls `listener` with every call state change; returns the function that stops it. */
  readonly onCallUpdate: (listener: (call: CallView) => void) => () => void;
  /** Calls `listener` with each dial a link or the command line staged (or refused); returns what stops it. */
  readonly onStagedDial: (listener: (event: StagedDialEvent) => void) => () => void;
};

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
/** Listens to one pushed event; returns what stops it. buildWindowApi calls it with the constants above only. */
export type Subscribe = <E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void) => () => void;

/** The named subscriptions and the event each listens to. */
const SUBSCRIPTIONS = { onCallUpdate: CALL_UPDATE_EVENT, onStagedDial: STAGED_DIAL_EVENT } as const;

export function buildWindowApi(invoke: Invoke, subscribe: Subscribe): WindowApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(WINDOW_API_METHODS)) {
    api[method] = (request?: unknown) => invoke(channel, request ?? {});
  }
  for (const [method, event] of Object.entries(SUBSCRIPTIONS)) {
    api[method] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} needs a function`);
      return subscribe(event, listener as (payload: unknown) => void);
    };
  }
  return Object.freeze(api) as WindowApi;
}
