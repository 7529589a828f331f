// The address book and settings service the main process (and, later, IPC handlers) talk to.
//
// One JSON file (config.json in the app's userData folder) holds rooms, settings, recent meetings and call history.
// Opening it:
//   1. the file is read and checked here first (store-file.ts), before the backend library sees it;
//   2. a file that is not JSON, fails the schema, or comes from a newer app version is MOVED ASIDE to
//      config.<why>-<UTC time>.json with its bytes untouched, the app starts with defaults, and the returned notice
//      carries the backup path and a message for the operator: nothing is ever silently wiped;
//   3. an older version is upgraded (upgrade.ts); the original is first COPIED to config.v<n>-<time>.json;
//   4. only then is the backend (electron-store / conf) created on a file it will accept.
// Afterwards every mutation checks its input first and returns a FieldError without writing anything when it is
// bad; good changes are written through the backend (which re-validates the whole document and writes atomically)
// before the in-memory copy is replaced. All calls are synchronous, like conf.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Localized } from '../../common/locale';
import {
  codePointLength,
  unknownRoomMessage,
  validateRoomInput,
  type RoomInput,
  type RoomKind,
} from '../../common/room-input';
import { invalid, valid, type Validated } from '../../common/validation';
import type { MeetingRoomInfo } from '../../common/wemeet-types';
import type { StoreBackend, StoreBackendFactory } from './backend';
import { copyAside, moveAside } from './backup';
import { confSchemaOptions } from './conf-schema';
import { defaultStoreData } from './defaults';
import { fieldErrorFromZod } from './field-error';
import { appendCapped, filterHistory, validateHistoryRecord, type HistoryFilter, type HistoryInput } from './history';
import { pushRecentMeeting, validateRecentMeeting, type RecentMeetingInput } from './recent-meetings';
import {
  applyRoomInput,
  checkNotDuplicate,
  createRoom,
  findDuplicate,
  sameRoomContent,
  validateRoomPatch,
} from './rooms';
import {
  CURRENT_SCHEMA_VERSION,
  isoTime,
  roomSchema,
  type HistoryRecord,
  type RecentMeeting,
  type Room,
  type Settings,
  type StoreData,
} from '../../common/store-schema';
import { applySettingsPatch, type SettingsPatch } from './settings-input';
import { inspectStoreFile, writeStoreFileAtomically } from './store-file';
import { mergeTencentRooms, type ImportSummary } from './tencent-import';
import type { UnreadableReason } from './upgrade';

export interface AppStoreOptions {
  /** The folder of the file: `app.getPath('userData')` in the app, a temp dir in tests. */
  readonly cwd: string;
  /** File name without `.json`; default `config`. */
  readonly configName?: string;
  /** Makes the Conf-compatible backend: electron-store in the app (electron-store-backend.ts), conf in tests. */
  readonly backend: StoreBackendFactory;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/** Something the operator should be told after opening, in both languages, with where the old file went. */
export type StoreNotice =
  | {
      readonly kind: 'moved-aside';
      readonly reason: UnreadableReason;
      readonly detail: Localized;
      readonly backupPath: string;
      readonly message: Localized;
    }
  | { readonly kind: 'upgraded'; readonly from: number; readonly backupPath: string; readonly message: Localized };

export interface OpenedAppStore {
  readonly store: AppStore;
  /** Empty on a normal start. Show each one: it names a file the operator or support may need. */
  readonly notices: readonly StoreNotice[];
}

export type { HistoryFilter, HistoryInput, ImportSummary, RecentMeetingInput, SettingsPatch };

const BACKUP_LABEL: Record<UnreadableReason, (version: number | undefined) => string> = {
  unparseable: () => 'corrupt',
  invalid: () => 'corrupt',
  'newer-version': (version) => (version === undefined ? 'newer' : `newer-v${version}`),
};

function movedAsideNotice(reason: UnreadableReason, detail: Localized, backupPath: string): StoreNotice {
  const message: Localized =
    reason === 'newer-version'
      ? {
          'zh-CN': `通讯录和设置文件来自更新版本的 Room Dialer（${detail['zh-CN']}）。为免丢失数据，它已原样移到 ${backupPath}。本次以空通讯录和默认设置启动；升级 Room Dialer 后可恢复该文件。`,
          'en-US': `The address book and settings file comes from a newer Room Dialer (${detail['en-US']}). To keep its data safe it was moved, unchanged, to ${backupPath}. Room Dialer started with an empty address book and default settings; update Room Dialer to use that file again.`,
        }
      : {
          'zh-CN': `通讯录和设置文件无法读取（${detail['zh-CN']}），已原样移到 ${backupPath}。本次以空通讯录和默认设置启动；原内容仍在该备份文件中，可交给技术支持恢复。`,
          'en-US': `The address book and settings file could not be read (${detail['en-US']}). It was moved, unchanged, to ${backupPath}. Room Dialer started with an empty address book and default settings; the old content is still in that backup for support to recover.`,
        };
  return { kind: 'moved-aside', reason, detail, backupPath, message };
}

function upgradedNotice(from: number, backupPath: string): StoreNotice {
  return {
    kind: 'upgraded',
    from,
    backupPath,
    message: {
      'zh-CN': `通讯录和设置已从旧格式（数据版本 ${from}）升级到版本 ${CURRENT_SCHEMA_VERSION}；升级前的文件保存在 ${backupPath}。`,
      'en-US': `The address book and settings were upgraded from data version ${from} to ${CURRENT_SCHEMA_VERSION}; the file as it was is kept at ${backupPath}.`,
    },
  };
}

/** Opens (creating, upgrading or recovering as needed) the store file in `options.cwd`. Throws only on I/O errors. */
export function openAppStore(options: AppStoreOptions): OpenedAppStore {
  const configName = options.configName ?? 'config';
  const filePath = path.resolve(options.cwd, `${configName}.json`);
  const now = options.now ?? (() => new Date());
  const notices: StoreNotice[] = [];

  let data = defaultStoreData();
  const state = inspectStoreFile(filePath);
  if (state.kind === 'unreadable') {
    const backupPath = moveAside(filePath, BACKUP_LABEL[state.reason](state.version), now());
    notices.push(movedAsideNotice(state.reason, state.detail, backupPath));
  } else if (state.kind === 'readable') {
    data = state.data;
    if (state.from < CURRENT_SCHEMA_VERSION) {
      const backupPath = copyAside(filePath, `v${state.from}`, now());
      writeStoreFileAtomically(filePath, state.data);
      notices.push(upgradedNotice(state.from, backupPath));
    }
  }

  const backendOptions = {
    ...confSchemaOptions(),
    cwd: path.dirname(filePath),
    configName,
    defaults: defaultStoreData(),
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  } as const;
  let backend: StoreBackend;
  try {
    backend = options.backend(backendOptions);
  } catch (error) {
    // The backend's own check refused a file ours accepted (or the file changed meanwhile). Keep it, start clean.
    if (!existsSync(filePath)) throw error;
    const why = error instanceof Error ? error.message.slice(0, 300) : String(error);
    const backupPath = moveAside(filePath, 'corrupt', now());
    notices.push(movedAsideNotice('invalid', { 'zh-CN': why, 'en-US': why }, backupPath));
    data = defaultStoreData();
    backend = options.backend(backendOptions);
  }
  if (path.resolve(backend.path) !== filePath) {
    throw new Error(`store backend uses ${backend.path}, expected ${filePath}: check the factory passes cwd and name`);
  }
  const store = new AppStore(backend, data, now, options.newId ?? randomUUID);
  return { store, notices };
}

/** Objects handed out are frozen: a caller editing one must not change the store behind its back. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

function unknownRoom(field: string, id: string): Validated<never> {
  return invalid(field, unknownRoomMessage(field, id));
}

export class AppStore {
  private data: StoreData;
  /** Inside batch(): changes stay in memory and the file is written once at the end. */
  private batching = false;

  /** Use openAppStore(); the constructor trusts `data` to be what the backend's file holds. */
  constructor(
    private readonly backend: StoreBackend,
    data: StoreData,
    private readonly clock: () => Date,
    private readonly newId: () => string,
  ) {
    this.data = deepFreeze(data);
  }

  /** The file the store lives in (for "show in folder" and support). */
  get path(): string {
    return this.backend.path;
  }

  private nowIso(): string {
    return this.clock().toISOString();
  }

  /** Writes first (the backend validates and throws before touching the file), then swaps the in-memory copy. */
  private commit(next: StoreData): void {
    if (!this.batching) this.backend.store = next;
    this.data = deepFreeze(next);
  }

  /**
   * Runs `apply` with every change kept in memory, then writes the file once: a CSV import of thousands of rows
   * would otherwise rewrite (and re-validate) the whole file per row. Each change inside is still checked by its
   * own method; if the one write fails, none of the batch is kept and the error is thrown.
   */
  batch<T>(apply: () => T): T {
    if (this.batching) return apply();
    const before = this.data;
    this.batching = true;
    let result: T;
    try {
      result = apply();
    } catch (error) {
      this.data = before;
      throw error;
    } finally {
      this.batching = false;
    }
    if (this.data !== before) {
      try {
        this.backend.store = this.data;
      } catch (error) {
        this.data = before;
        throw error;
      }
    }
    return result;
  }

  private replaceRoom(room: Room): void {
    this.commit({ ...this.data, rooms: this.data.rooms.map((r) => (r.id === room.id ? room : r)) });
  }

  // ── Rooms ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** In the order they were added (the renderer sorts and filters). */
  listRooms(): readonly Room[] {
    return this.data.rooms;
  }

  getRoom(id: string): Room | undefined {
    return this.data.rooms.find((room) => room.id === id);
  }

  /** Checks the input (common/room-input.ts) and refuses an address or Rooms ID already in the book. */
  addRoom(input: RoomInput): Validated<Room> {
    const checked = validateRoomInput(input);
    if (!checked.ok) return checked;
    const at = this.nowIso();
    const room = createRoom(checked.value, this.newId(), at);
    const unique = checkNotDuplicate(this.data.rooms, room, undefined);
    if (!unique.ok) return unique;
    this.commit({ ...this.data, rooms: [...this.data.rooms, room] });
    return valid(room);
  }

  /** `patch` holds the fields to change; undefined values are ignored. An edit that changes nothing writes nothing. */
  updateRoom(id: string, patch: Partial<RoomInput>): Validated<Room> {
    const room = this.getRoom(id);
    if (!room) return unknownRoom('id', id);
    const checked = validateRoomPatch(room, patch);
    if (!checked.ok) return checked;
    const next = applyRoomInput(room, checked.value, this.nowIso());
    if (sameRoomContent(room, next)) return valid(room);
    const unique = checkNotDuplicate(this.data.rooms, next, room.id);
    if (!unique.ok) return unique;
    this.replaceRoom(next);
    return valid(next);
  }

  /** Removes the room and returns it as it was, so the UI can offer undo (restoreRoom). */
  deleteRoom(id: string): Validated<Room> {
    const room = this.getRoom(id);
    if (!room) return unknownRoom('id', id);
    this.commit({ ...this.data, rooms: this.data.rooms.filter((r) => r.id !== id) });
    return valid(room);
  }

  /** Puts back a room returned by deleteRoom, unchanged (same id and timestamps), at the end of the list. */
  restoreRoom(room: Room): Validated<Room> {
    const parsed = roomSchema.safeParse(room);
    if (!parsed.success) return { ok: false, error: fieldErrorFromZod(parsed.error, 'room') };
    const restored = parsed.data;
    if (this.getRoom(restored.id)) {
      return invalid('id', {
        'zh-CN': 'id：这个会议室已在通讯录中，无需恢复',
        'en-US': 'id: this room is already in the address book',
      });
    }
    const unique = checkNotDuplicate(this.data.rooms, restored, undefined);
    if (!unique.ok) return unique;
    this.commit({ ...this.data, rooms: [...this.data.rooms, restored] });
    return valid(restored);
  }

  /** The room that would ring the same device (same kind, same normalised address or Rooms ID), if any. */
  findDuplicateAddress(kind: RoomKind, address: string, exceptId?: string): Room | undefined {
    return findDuplicate(this.data.rooms, kind, address, exceptId);
  }

  /**
   * Records the latest dial of a room. `at` is the UTC ISO time of the dial; a result older than the one already
   * recorded (batch results arriving out of order) is ignored. Not an edit: updatedAt stays.
   */
  markDialed(roomId: string, outcome: string, at: string): Validated<Room> {
    const room = this.getRoom(roomId);
    if (!room) return unknownRoom('roomId', roomId);
    const outcomeText = typeof outcome === 'string' ? outcome.trim() : '';
    if (outcomeText === '' || codePointLength(outcomeText) > 64) {
      return invalid('outcome', {
        'zh-CN': 'outcome：必须填写通话结果（最多 64 个字符）',
        'en-US': 'outcome: the call outcome is required (at most 64 characters)',
      });
    }
    if (!isoTime.safeParse(at).success) {
      return invalid('at', {
        'zh-CN': 'at：必须是 UTC 时间，例如 2026-11-22T10:00:00.000Z',
        'en-US': 'at: must be a UTC time such as 2026-11-22T10:00:00.000Z',
      });
    }
    if (room.lastDialedAt !== undefined && Date.parse(room.lastDialedAt) > Date.parse(at)) return valid(room);
    const next: Room = { ...room, lastDialedAt: at, lastOutcome: outcomeText };
    this.replaceRoom(next);
    return valid(next);
  }

  /**
   * Adds and refreshes Tencent Rooms rooms by meetingRoomId (see tencent-import.ts). Importing the same list
   * twice adds nothing the second time. One malformed entry refuses the whole import.
   */
  importTencentRooms(list: readonly MeetingRoomInfo[]): Validated<ImportSummary> {
    const merged = mergeTencentRooms(this.data.rooms, list, this.nowIso(), this.newId);
    if (!merged.ok) return merged;
    const { rooms, summary } = merged.value;
    if (summary.added + summary.updated > 0) this.commit({ ...this.data, rooms });
    return valid(summary);
  }

  // ── Settings ───────────────────────────────────────────────────────────────────────────────────────────────

  getSettings(): Settings {
    return this.data.settings;
  }

  /** Applies every field of the patch or none of them. */
  updateSettings(patch: SettingsPatch): Validated<Settings> {
    const checked = applySettingsPatch(this.data.settings, patch);
    if (!checked.ok) return checked;
    if (isDeepStrictEqual(checked.value, this.data.settings)) return valid(this.data.settings);
    this.commit({ ...this.data, settings: checked.value });
    return valid(this.data.settings);
  }

  // ── Recent meetings ────────────────────────────────────────────────────────────────────────────────────────

  /** Most recent first, at most 20, one per meeting. */
  recentMeetings(): readonly RecentMeeting[] {
    return this.data.recentMeetings;
  }

  /** Puts the meeting at the top (usedAt defaults to now) and returns the new list. */
  addRecentMeeting(meeting: RecentMeetingInput): Validated<readonly RecentMeeting[]> {
    const checked = validateRecentMeeting(meeting, this.nowIso());
    if (!checked.ok) return checked;
    this.commit({ ...this.data, recentMeetings: pushRecentMeeting(this.data.recentMeetings, checked.value) });
    return valid(this.data.recentMeetings);
  }

  // ── Call history ───────────────────────────────────────────────────────────────────────────────────────────

  /** Saves a finished call (id assigned when absent); beyond 5,000 records the oldest is dropped. */
  appendHistory(record: HistoryInput): Validated<HistoryRecord> {
    const checked = validateHistoryRecord(record, this.data.history, this.newId);
    if (!checked.ok) return checked;
    this.commit({ ...this.data, history: appendCapped(this.data.history, checked.value) });
    return valid(checked.value);
  }

  /** Newest first. */
  listHistory(filter?: HistoryFilter): readonly HistoryRecord[] {
    return filterHistory(this.data.history, filter);
  }
}
