// The service the main process (IPC handlers, the dialer) talks to: settings, recent meetings, the desk's profiles,
// call history, and the address book and room sets of the profile in use.
//
// Three kinds of file, so that each change writes only what it changes (open-store.ts names them and opens them):
// settings, recent meetings and the desk's profiles (config.json) and the address book (config.rooms.json) through
// electron-store / conf, rewritten whole; call history appended to as JSON Lines (history-log.ts); each room's latest
// dial appended to a small log (last-dial.ts). A finished call therefore appends two short lines and rewrites nothing.
// Each profile (common/profiles.ts) has its own address book, room sets and last-dial log (config.<id>.rooms.json …;
// the first profile keeps the plain names): an AddressBook (address-book.ts) holds the one in use, its rooms and its
// sets (`store.sets`, room-sets.ts), and a switch (`store.profiles`, profile-directory.ts) replaces it. The room
// methods here hand over to it; this file keeps what belongs to the desk as a whole, and batch(), which spans the
// address book and the settings.
//
// Every mutation checks its input first and returns a FieldError without writing anything when it is bad; good
// changes are written (the backend re-validates the whole document and writes atomically) before the in-memory copy
// is replaced, so a failed write (StoreWriteError, naming the folder) changes nothing. All calls are synchronous,
// like conf.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RoomInput, RoomKind } from '../../common/room-input';
import { valid, type Validated } from '../../common/validation';
import type { MeetingRoomInfo } from '../../common/wemeet-types';
import type {
  HistoryCapacity,
  HistoryPage,
  HistoryRecord,
  RecentMeeting,
  Room,
  Settings,
  SettingsDocument,
} from '../../common/store-schema';
import { AddressBook, checkDialResult, deepFreeze, type AddressBookContext, type RoomsBatch } from './address-book';
import type { StoreBackendFactory } from './backend';
import { validateHistoryRecord, type HistoryFilter, type HistoryInput, type HistoryQuery } from './history';
import type { HistoryDropListener, HistoryLog } from './history-log';
import type { StoreNotice } from './notices';
import { bookStem, openProfileBook, openStoreFiles, type DocumentFile, type OpenedBook } from './open-store';
import { ProfileDirectory, type ProfileFiles } from './profile-directory';
import { pushRecentMeeting, validateRecentMeeting, type RecentMeetingInput } from './recent-meetings';
import type { RoomSetStore } from './room-sets';
import {
  UNMANAGED_POLICY,
  type ManagedRoomInput,
  type ManagedRoomPolicy,
  type ManagedSyncSummary,
} from './managed-rooms';
import { applySettingsPatch, type SettingsPatch } from './settings-input';
import type { ImportSummary } from './tencent-import';

export interface AppStoreOptions {
  /** The folder of the files: `app.getPath('userData')` in the app, a temp dir in tests. */
  readonly cwd: string;
  /** File name stem; default `config` (config.json, config.rooms.json, config.history/…). */
  readonly configName?: string;
  /** Makes the Conf-compatible backend: electron-store in the app (electron-store-backend.ts), conf in tests. */
  readonly backend: StoreBackendFactory;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export interface OpenedAppStore {
  readonly store: AppStore;
  /** Empty on a normal start. Show each one: it names a file or folder the operator or support may need. */
  readonly notices: readonly StoreNotice[];
}

export type { StoreNotice } from './notices';
export type { RoomSetStore } from './room-sets';
export { StoreWriteError } from './store-errors';
export type { HistoryFilter, HistoryInput, HistoryQuery, ImportSummary, RecentMeetingInput, SettingsPatch };

/**
 * Opens (creating, upgrading or recovering as needed) the store's files in `options.cwd`. Does not throw for a
 * folder it cannot use: the store then runs in memory and a notice says why (open-store.ts).
 */
export function openAppStore(options: AppStoreOptions): OpenedAppStore {
  const now = options.now ?? (() => new Date());
  const opened = openStoreFiles({
    cwd: options.cwd,
    configName: options.configName ?? 'config',
    backend: options.backend,
    now,
  });
  const configName = options.configName ?? 'config';
  const store = new AppStore(
    {
      settingsFile: opened.settingsFile,
      history: opened.history,
      openBook: (profileId) =>
        openProfileBook({ cwd: options.cwd, configName, profileId, backend: options.backend, now }),
      bookStem: (profileId) => bookStem(configName, profileId),
    },
    { settings: opened.settings, book: opened.book },
    now,
    options.newId ?? randomUUID,
  );
  return { store, notices: opened.notices };
}

export interface StoreFiles extends ProfileFiles {
  readonly settingsFile: DocumentFile;
  readonly history: HistoryLog;
}

interface Batch {
  /** The address book's part: its rooms as they were, and whether the batch changed them. */
  readonly rooms: RoomsBatch;
  readonly settings: SettingsDocument;
  settingsChanged: boolean;
}

export class AppStore {
  private readonly settingsListeners = new Set<(settings: Settings) => void>();
  private settingsDoc: SettingsDocument;
  /** The profile in use: its address book, room sets and last-dial log. */
  private book: AddressBook;
  /** What every profile's AddressBook is made with; roomPolicy is read at each use, so a switch keeps it. */
  private readonly bookContext: AddressBookContext;
  /** Inside batch(): changes stay in memory and each file is written once at the end. */
  private batching: Batch | undefined;
  /** While IT shares an address book: may the desk add rooms of its own (managed-rooms.ts)? */
  private roomPolicy: ManagedRoomPolicy = UNMANAGED_POLICY;
  /** The desk's profiles: the list, the one in use (whose book this store shows), switching, removing. */
  readonly profiles: ProfileDirectory;

  /** Use openAppStore(); the constructor trusts its documents to be what the files hold. */
  constructor(
    private readonly files: StoreFiles,
    documents: { readonly settings: SettingsDocument; readonly book: OpenedBook },
    private readonly clock: () => Date,
    private readonly newId: () => string,
  ) {
    this.settingsDoc = deepFreeze(documents.settings);
    this.bookContext = { clock, newId, roomPolicy: () => this.roomPolicy };
    this.book = new AddressBook(documents.book, this.bookContext);
    this.profiles = new ProfileDirectory(files, {
      folder: path.dirname(files.settingsFile.path),
      settings: () => this.settingsDoc,
      writeSettings: (next) => this.writeSettings(next),
      inBatch: () => this.batching !== undefined,
      getRoom: (id) => this.book.getRoom(id),
      useBook: (book) => {
        this.book = new AddressBook(book, this.bookContext);
      },
      clock,
      newId,
    });
  }

  /** The room sets of the profile in use: getSet/listSets for the set dialer and the schedule runner. */
  get sets(): RoomSetStore {
    return this.book.sets;
  }

  /** The settings file (config.json); the others sit next to it (for "show in folder" and support). */
  get path(): string {
    return this.files.settingsFile.path;
  }

  private nowIso(): string {
    return this.clock().toISOString();
  }

  // ── Writing ────────────────────────────────────────────────────────────────────────────────────────────────

  private writeSettings(next: SettingsDocument): void {
    if (this.batching) this.batching.settingsChanged = true;
    else this.files.settingsFile.write(next);
    this.settingsDoc = deepFreeze(next);
  }

  /**
   * Runs `apply` with every change kept in memory, then writes each changed file once: a CSV import of thousands
   * of rows would otherwise rewrite (and re-validate) the whole address book per row. Each change inside is still
   * checked by its own method; if a write fails, none of the batch is kept and the error is thrown.
   */
  batch<T>(apply: () => T): T {
    if (this.batching) return apply();
    // The address book stays the same throughout: profiles.activate refuses to run inside a batch.
    const batch: Batch = { rooms: this.book.startBatch(), settings: this.settingsDoc, settingsChanged: false };
    this.batching = batch;
    let result: T;
    try {
      result = apply();
    } catch (error) {
      this.rollback(batch);
      throw error;
    } finally {
      this.batching = undefined;
    }
    try {
      this.book.finishBatch(batch.rooms);
      if (batch.settingsChanged) this.files.settingsFile.write(this.settingsDoc);
    } catch (error) {
      this.rollback(batch);
      throw error;
    }
    return result;
  }

  private rollback(batch: Batch): void {
    this.book.rollbackBatch(batch.rooms);
    this.settingsDoc = batch.settings;
  }

  // ── Rooms (the address book of the profile in use: address-book.ts) ─────────────────────────────────────────

  /** In the order they were added (the renderer sorts and filters). */
  listRooms(): readonly Room[] {
    return this.book.listRooms();
  }

  getRoom(id: string): Room | undefined {
    return this.book.getRoom(id);
  }

  /** Checks the input (common/room-input.ts) and refuses an address or Rooms ID already in the book. */
  addRoom(input: RoomInput): Validated<Room> {
    return this.book.addRoom(input);
  }

  /** `patch` holds the fields to change; undefined values are ignored. An edit that changes nothing writes nothing. */
  updateRoom(id: string, patch: Partial<RoomInput>): Validated<Room> {
    return this.book.updateRoom(id, patch);
  }

  /** Removes the room and returns it as it was, so the UI can offer undo (restoreRoom). */
  deleteRoom(id: string): Validated<Room> {
    return this.book.deleteRoom(id);
  }

  /** Puts back a room returned by deleteRoom, unchanged (same id and timestamps), at the end of the list. */
  restoreRoom(room: Room): Validated<Room> {
    return this.book.restoreRoom(room);
  }

  /** The room that would ring the same device (same kind, same normalised address or Rooms ID), if any. */
  findDuplicateAddress(kind: RoomKind, address: string, exceptId?: string): Room | undefined {
    return this.book.findDuplicateAddress(kind, address, exceptId);
  }

  /**
   * Records the latest dial of a room. `at` is the UTC ISO time of the dial; a result older than the one already
   * recorded (batch results arriving out of order) is ignored. Not an edit: updatedAt stays. Appends one line to
   * the last-dial log; the address book file is not rewritten. `profileId`: the profile the call was placed in.
   */
  markDialed(roomId: string, outcome: string, at: string, profileId?: string): Validated<Room | null> {
    if (profileId === undefined || profileId === this.profiles.active().id) {
      return this.book.markDialed(roomId, outcome, at);
    }
    // A call placed before a profile switch ends in its own profile's book (ProfileDirectory.logDialIn).
    const checked = checkDialResult(roomId, outcome, at);
    return checked.ok ? this.profiles.logDialIn(profileId, checked.value) : checked;
  }

  /**
   * Adds and refreshes Tencent Rooms rooms by meetingRoomId (see tencent-import.ts). Importing the same list
   * twice adds nothing the second time. One malformed entry refuses the whole import.
   */
  importTencentRooms(list: readonly MeetingRoomInfo[]): Validated<ImportSummary> {
    return this.book.importTencentRooms(list);
  }

  // ── IT's shared address book ───────────────────────────────────────────────────────────────────────────────

  /** May the desk add rooms of its own while IT shares a book? Kept across profile switches. */
  setManagedRoomPolicy(policy: ManagedRoomPolicy): void {
    this.roomPolicy = Object.freeze({ ...policy });
  }

  /**
   * Merges the whole shared book (checked entries, one per device) into the address book: one write when anything
   * changed. Throws StoreWriteError when the file cannot be written; nothing is then changed.
   */
  syncManagedRooms(entries: readonly ManagedRoomInput[]): ManagedSyncSummary {
    return this.book.syncManagedRooms(entries);
  }

  /** IT stopped sharing a book: its rooms become the desk's own. Returns how many. */
  releaseManagedRooms(): number {
    return this.book.releaseManagedRooms();
  }

  // ── Settings ───────────────────────────────────────────────────────────────────────────────────────────────

  getSettings(): Settings {
    return this.settingsDoc.settings;
  }

  /** Applies every field of the patch or none of them. A lower historyLimit drops the oldest calls at once. */
  updateSettings(patch: SettingsPatch): Validated<Settings> {
    const current = this.settingsDoc.settings;
    const checked = applySettingsPatch(current, patch);
    if (!checked.ok) return checked;
    if (isDeepStrictEqual(checked.value, current)) return valid(current);
    this.writeSettings({ ...this.settingsDoc, settings: checked.value });
    if (checked.value.historyLimit !== current.historyLimit) this.files.history.setLimit(checked.value.historyLimit);
    for (const listener of this.settingsListeners) listener(this.settingsDoc.settings);
    return valid(this.settingsDoc.settings);
  }

  /**
   * Told after every settings change that was saved, whoever made it (the window, the tray, a managed policy): the
   * shell rebuilds its menu in the new language, the budget takes its new size. Returns the unsubscribe.
   */
  onSettingsChanged(listener: (settings: Settings) => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  // ── Recent meetings ────────────────────────────────────────────────────────────────────────────────────────

  /** Most recent first, at most 20, one per meeting. */
  recentMeetings(): readonly RecentMeeting[] {
    return this.settingsDoc.recentMeetings;
  }

  /** Puts the meeting at the top (usedAt defaults to now) and returns the new list. */
  addRecentMeeting(meeting: RecentMeetingInput): Validated<readonly RecentMeeting[]> {
    const checked = validateRecentMeeting(meeting, this.nowIso());
    if (!checked.ok) return checked;
    const recentMeetings = pushRecentMeeting(this.settingsDoc.recentMeetings, checked.value);
    this.writeSettings({ ...this.settingsDoc, recentMeetings });
    return valid(this.settingsDoc.recentMeetings);
  }

  // ── Call history ───────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Saves a finished call (id assigned when absent) by appending one line. Beyond settings.historyLimit calls the
   * oldest are dropped; onHistoryDropped hears of it.
   */
  appendHistory(record: HistoryInput): Validated<HistoryRecord> {
    const checked = validateHistoryRecord(record, (id) => this.files.history.has(id), this.newId);
    if (!checked.ok) return checked;
    this.files.history.append(checked.value);
    return valid(checked.value);
  }

  /** Every matching call, newest first (`limit` caps how many). The window pages with queryHistory. */
  listHistory(filter: HistoryFilter & { readonly limit?: number } = {}): readonly HistoryRecord[] {
    return this.files.history.list(filter, filter.limit);
  }

  /** One page of matching calls, newest first, with the number matching and how full history is. */
  queryHistory(query: HistoryQuery = {}): HistoryPage {
    return this.files.history.query(query);
  }

  historyCapacity(): HistoryCapacity {
    return this.files.history.capacity();
  }

  /** Called each time the bound drops calls (so the window can offer an export). Returns the unsubscribe. */
  onHistoryDropped(listener: HistoryDropListener): () => void {
    return this.files.history.onDropped(listener);
  }
}
