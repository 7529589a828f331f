// The service the main process (IPC handlers, the dialer) talks to: settings, recent meetings, the desk's profiles,
// call history, and the address book and room sets of the profile in use.
//
// Three kinds of file, so that each change writes only what it changes (open-store.ts names them and opens them):
// settings, recent meetings and the desk's profiles (config.json) and the address book (config.rooms.json) through
// electron-store / conf, rewritten whole; call history appended to as JSON Lines (history-log.ts); each room's latest
// dial appended to a small log (last-dial.ts). A finished call therefore appends two short lines and rewrites nothing.
// Each profile (common/profiles.ts) has its own address book, room sets and last-dial log (config.<id>.rooms.json …;
// the first profile keeps the plain names): an AddressBook (address-book.ts) holds the one in use, its rooms and its
// sets (`store.sets`, room-sets.ts), and switchProfile() replaces it. The room methods here hand over to it; this
// file keeps what belongs to the desk as a whole, and batch(), which spans the address book and the settings.
//
// Every mutation checks its input first and returns a FieldError without writing anything when it is bad; good
// changes are written (the backend re-validates the whole document and writes atomically) before the in-memory copy
// is replaced, so a failed write (StoreWriteError, naming the folder) changes nothing. All calls are synchronous,
// like conf.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { CopyRoomsSummary, ProfileInput, ProfileRecord } from '../../common/profiles';
import type { RoomInput, RoomKind } from '../../common/room-input';
import { invalid, valid, type Validated } from '../../common/validation';
import type { MeetingRoomInfo } from '../../common/wemeet-types';
import type {
  HistoryCapacity,
  HistoryPage,
  HistoryRecord,
  LastDial,
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
import { bookPaths, bookStem, openProfileBook, openStoreFiles, type DocumentFile, type OpenedBook } from './open-store';
import {
  activeProfileOf,
  addProfile,
  findProfile,
  profilesOf,
  removeProfile,
  unknownProfile,
  updateProfile,
  withActiveProfile,
  withManagedProfiles,
  type ManagedProfileEntry,
} from './profiles';
import { copyRoomsInto, setBookAside } from './profile-book';
import { schedulesPath } from './schedules-file';
import { LastDialLog } from './last-dial';
import { OpenContext } from './open-context';
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

export interface StoreFiles {
  readonly settingsFile: DocumentFile;
  readonly history: HistoryLog;
  /** Opens a profile's address book (a switch, a copy into it); bad files are moved aside with notices. */
  readonly openBook: (profileId: string) => { readonly book: OpenedBook; readonly notices: readonly StoreNotice[] };
  /** The stem of a profile's files (open-store.ts bookStem): its schedules file is `<stem>.schedules.json`. */
  readonly bookStem: (profileId: string) => string;
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
    // The address book stays the same throughout: switchProfile refuses to run inside a batch.
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
    if (profileId === undefined || profileId === activeProfileOf(this.settingsDoc)) {
      return this.book.markDialed(roomId, outcome, at);
    }
    // A call placed before a profile switch ends in its own profile's book: one line in that book's log, read
    // (and applied, newest wins) when the profile is opened again.
    const checked = checkDialResult(roomId, outcome, at);
    return checked.ok ? this.markDialedElsewhere(profileId, checked.value) : checked;
  }

  private markDialedElsewhere(profileId: string, entry: LastDial): Validated<null> {
    if (!findProfile(this.settingsDoc, profileId)) return unknownProfile('profileId', profileId);
    const file = bookPaths(path.dirname(this.path), this.files.bookStem(profileId)).lastDial;
    LastDialLog.open(file, new OpenContext(this.clock)).log.append(entry);
    return valid(null);
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

  // ── Profiles ───────────────────────────────────────────────────────────────────────────────────────────────

  /** In menu order; the first is the keychain's "default" account on a desk upgraded from before profiles. */
  listProfiles(): readonly ProfileRecord[] {
    return profilesOf(this.settingsDoc);
  }

  /** The profile whose address book this store shows and whose credentials new calls use. */
  activeProfile(): ProfileRecord {
    return findProfile(this.settingsDoc, activeProfileOf(this.settingsDoc)) as ProfileRecord;
  }

  /** The file name stem of a profile's files; its schedules are `<stem>.schedules.json` beside the settings. */
  profileStem(profileId: string): string {
    return this.files.bookStem(profileId);
  }

  addProfile(input: ProfileInput): Validated<ProfileRecord> {
    const added = addProfile(this.settingsDoc, input);
    if (!added.ok) return added;
    this.writeSettings(added.value.doc);
    return valid(added.value.profile);
  }

  updateProfile(id: string, input: ProfileInput): Validated<ProfileRecord> {
    const updated = updateProfile(this.settingsDoc, id, input);
    if (!updated.ok) return updated;
    this.writeSettings(updated.value.doc);
    return valid(updated.value.profile);
  }

  /** IT's profiles (managed.json) laid over the list: see withManagedProfiles. Writes only when something changed. */
  syncManagedProfiles(entries: readonly ManagedProfileEntry[]): void {
    const next = withManagedProfiles(this.settingsDoc, entries);
    if (next) this.writeSettings(next);
  }

  /** removeProfile's checks alone: the caller deletes the keychain entry only for a profile that may go. */
  profileRemovable(id: string): Validated<ProfileRecord> {
    const removed = removeProfile(this.settingsDoc, id);
    return removed.ok ? valid(removed.value.profile) : removed;
  }

  /**
   * Takes a profile that is not in use off the list, then moves its address book, sets, last-dial log and schedules
   * aside (renamed beside them, never deleted). Its keychain entry is the caller's (the vault's) to delete first.
   */
  removeProfile(id: string): Validated<{ readonly profile: ProfileRecord; readonly movedAside: readonly string[] }> {
    const removed = removeProfile(this.settingsDoc, id);
    if (!removed.ok) return removed;
    this.writeSettings(removed.value.doc);
    const stem = this.files.bookStem(id);
    const movedAside = setBookAside(
      bookPaths(path.dirname(this.path), stem),
      schedulesPath(path.dirname(this.path), stem),
      this.clock(),
    );
    return valid({ profile: removed.value.profile, movedAside });
  }

  /**
   * Makes `id` the profile in use: its address book and sets replace this one's (opened first, so a file that
   * cannot be read changes nothing but a notice). Calls already placed are not the store's business.
   */
  switchProfile(id: string): Validated<{ readonly profile: ProfileRecord; readonly notices: readonly StoreNotice[] }> {
    if (this.batching) throw new Error('switchProfile inside batch()');
    const next = withActiveProfile(this.settingsDoc, id);
    if (!next.ok) return next;
    if (activeProfileOf(this.settingsDoc) === id) return valid({ profile: this.activeProfile(), notices: [] });
    const { book, notices } = this.files.openBook(id);
    this.writeSettings(next.value);
    this.book = new AddressBook(book, this.bookContext);
    return valid({ profile: this.activeProfile(), notices });
  }

  /** Copies rooms of the profile in use into another profile's address book (profile-book.ts copyRoomsInto). */
  copyRoomsToProfile(roomIds: readonly string[], profileId: string): Validated<CopyRoomsSummary> {
    if (!findProfile(this.settingsDoc, profileId)) return unknownProfile('profileId', profileId);
    if (profileId === activeProfileOf(this.settingsDoc)) {
      return invalid('profileId', {
        'zh-CN': 'profileId：这些会议室已在当前配置的通讯录中，请选择其他配置',
        'en-US': 'profileId: these rooms are already in this profile; choose another profile',
      });
    }
    const rooms: Room[] = [];
    let notFound = 0;
    for (const id of new Set(roomIds)) {
      const room = this.getRoom(id);
      if (room) rooms.push(room);
      else notFound += 1;
    }
    const { book } = this.files.openBook(profileId);
    return valid(copyRoomsInto(book, rooms, notFound, { newId: this.newId, at: this.nowIso() }));
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
