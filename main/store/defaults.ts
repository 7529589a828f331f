// What a fresh install starts with, and what a missing or unreadable store file is replaced by.
// Kept out of the schema on purpose (no zod `.default()`): a value that is missing from a file is a problem to
// report, not something to fill in quietly.
import { DEFAULT_ENDPOINT } from '../../common/endpoint';
import { DEFAULT_RETRY_POLICY } from '../../common/retry-policy';
import {
  CURRENT_SCHEMA_VERSION,
  type Room,
  type RoomSet,
  type RoomSetsDocument,
  type RoomsDocument,
  type Settings,
  type SettingsDocument,
} from '../../common/store-schema';

export const DEFAULT_HISTORY_LIMIT = 100_000;

export const DEFAULT_SETTINGS: Settings = Object.freeze<Settings>({
  locale: 'system',
  pollIntervalMs: 2000,
  maxConcurrentDials: 4,
  // 1 = PC, as main/api/client.ts's DEFAULT_INSTANCE_ID (not imported: the store does not depend on the client).
  instanceId: 1,
  endpoint: DEFAULT_ENDPOINT,
  historyLimit: DEFAULT_HISTORY_LIMIT,
  batchConfirmAbove: 50,
  // Leaves 60 of Tencent's 300 a minute per app to the other PCs on the same credentials (reference §8.1).
  requestsPerMinute: 240,
  retry: { ...DEFAULT_RETRY_POLICY, backoffMs: [...DEFAULT_RETRY_POLICY.backoffMs] },
  otherHosts: [],
});

/** A new object each time: callers (and conf) may hold on to it. */
export function defaultSettingsDocument(): SettingsDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS }, recentMeetings: [] };
}

export function roomsDocument(rooms: readonly Room[] = []): RoomsDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, rooms: [...rooms] };
}

export function roomSetsDocument(sets: readonly RoomSet[] = []): RoomSetsDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, sets: [...sets] };
}
