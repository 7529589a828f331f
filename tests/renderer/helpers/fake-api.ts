// A stand-in for window.roomDialer: every method a vi.fn answering like main would (IpcResult), with overridable
// answers (the dial channels answer a DialResult that rang nothing), `push(call)` to play main's onCallUpdate events
// and `pushStaged(event)` its onStagedDial events.
import { vi, type Mock } from 'vitest';
import type { CallView, DialResult } from '../../../common/call-model';
import type { CredentialPublicView } from '../../../common/credentials';
import type { StagedDialEvent } from '../../../common/dial-link';
import type { AppInfo } from '../../../common/ipc-contract';
import type { IpcError, IpcResult } from '../../../common/ipc-error';
import type { ProfilesState } from '../../../common/profiles';
import type { Settings } from '../../../common/store-schema';
import { WINDOW_API_METHODS, type WindowApi } from '../../../common/window-api';

export const APP_INFO: AppInfo = {
  name: 'Room Dialer',
  version: '0.1.0',
  systemLocale: 'en-US',
  demo: false,
  clockSkewMs: null,
  notices: [],
};
export const SETTINGS: Settings = {
  locale: 'system',
  pollIntervalMs: 2000,
  maxConcurrentDials: 4,
  instanceId: 1,
  endpoint: 'https://api.meeting.qq.com',
  historyLimit: 100_000,
  batchConfirmAbove: 50,
  requestsPerMinute: 240,
  retry: { retries: 2, backoffMs: [60_000, 180_000], rejoinOnDrop: false, rejoins: 2 },
  otherHosts: [],
};
export const CREDENTIALS: CredentialPublicView = {
  profile: 'default',
  configured: true,
  appId: '200000001',
  sdkId: '',
  operatorId: 'admin1',
  secretIdMasked: '••••••••ab12',
};

/** A desk as every earlier version had it: the one unnamed profile, with its credentials saved. */
export const ONE_PROFILE: ProfilesState = {
  active: 'default',
  profiles: [{ id: 'default', name: '', endpoint: null, configured: true, managed: false }],
};

export const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
export const fail = (error: IpcError): Promise<IpcResult<never>> => Promise.resolve({ ok: false, error });

export function ipcError(kind: IpcError['kind'], en: string, field?: string): IpcError {
  return {
    kind,
    code: kind === 'validation' ? 'bad_input' : 9999,
    ...(field ? { field } : {}),
    message: { 'zh-CN': `中文：${en}`, 'en-US': en },
    hint: { 'zh-CN': '请重试', 'en-US': 'Try again' },
  };
}

type Method = keyof typeof WINDOW_API_METHODS;
export type FakeApi = Record<Method, Mock> & {
  onCallUpdate: Mock;
  onStagedDial: Mock;
  /** Delivers a call update to every subscriber, as main's push would. */
  push(call: CallView): void;
  /** Delivers a staged (or refused) dial to every subscriber, as the shell does for a link. */
  pushStaged(event: StagedDialEvent): void;
};

/** The dialer's answer when it rang nothing and has nothing to ask. */
export const NOTHING_DIALED: DialResult = { calls: [], skipped: [] };

const DEFAULT_ANSWERS: Partial<Record<Method, () => unknown>> = {
  getAppInfo: () => APP_INFO,
  getSettings: () => SETTINGS,
  getCredentials: () => CREDENTIALS,
  listProfiles: () => ONE_PROFILE,
  listRooms: () => [],
  recentMeetings: () => [],
  listCalls: () => [],
  cancelAllCalls: () => [],
  dial: () => NOTHING_DIALED,
  redial: () => NOTHING_DIALED,
  redialFailed: () => NOTHING_DIALED,
  listHistory: () => ({ records: [], total: 0, offset: 0, capacity: { stored: 0, limit: 100_000, dropped: 0 } }),
  importRooms: () => [],
  listSets: () => [],
  listSchedules: () => [],
  pendingRedials: () => [],
  todaysMeetings: () => ({ meetings: [], readAt: new Date().toISOString(), problems: [] }),
};

/** Installs a fresh fake as window.roomDialer and returns it. */
export function installFakeApi(): FakeApi {
  const listeners = new Set<(call: CallView) => void>();
  const fake = {} as FakeApi;
  for (const method of Object.keys(WINDOW_API_METHODS) as Method[]) {
    fake[method] = vi.fn(() => ok(DEFAULT_ANSWERS[method]?.() ?? null));
  }
  fake.onCallUpdate = vi.fn((listener: (call: CallView) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  fake.push = (call) => listeners.forEach((listener) => listener(call));
  const stagedListeners = new Set<(event: StagedDialEvent) => void>();
  fake.onStagedDial = vi.fn((listener: (event: StagedDialEvent) => void) => {
    stagedListeners.add(listener);
    return () => stagedListeners.delete(listener);
  });
  fake.pushStaged = (event) => stagedListeners.forEach((listener) => listener(event));
  Object.defineProperty(window, 'roomDialer', { value: fake as unknown as WindowApi, configurable: true });
  return fake;
}
