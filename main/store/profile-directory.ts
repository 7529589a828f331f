// The desk's profiles as the running store keeps them (`store.profiles`): the list and the one in use (the settings
// document's `profiles` and `activeProfile`, changed through the pure steps of profiles.ts), which profile's address
// book is open, and the files of the profiles not in use: rooms copied into one, a call that ends in one, its files
// put aside when it goes (profile-book.ts).
//
// AppStore owns the settings document, the batch and the open AddressBook; this class reads and changes them only
// through its host (ProfileHost), so a profile change is written like any other settings change: once, batched
// inside AppStore.batch(), and not at all when it is refused.
import type { CopyRoomsSummary, ProfileInput, ProfileRecord } from '../../common/profiles';
import type { LastDial, Room, SettingsDocument } from '../../common/store-schema';
import { invalid, valid, type Validated } from '../../common/validation';
import { LastDialLog } from './last-dial';
import type { StoreNotice } from './notices';
import { OpenContext } from './open-context';
import { bookPaths, type BookPaths, type OpenedBook } from './open-store';
import { copyRoomsInto, setBookAside } from './profile-book';
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
import { schedulesPath } from './schedules-file';

/** Opening and naming each profile's files (open-store.ts); AppStore's StoreFiles provides them. */
export interface ProfileFiles {
  /** Opens a profile's address book (a switch, a copy into it); bad files are moved aside with notices. */
  readonly openBook: (profileId: string) => { readonly book: OpenedBook; readonly notices: readonly StoreNotice[] };
  /** The stem of a profile's files (open-store.ts bookStem): its schedules file is `<stem>.schedules.json`. */
  readonly bookStem: (profileId: string) => string;
}

/** What the directory reads and changes of the AppStore it belongs to. */
export interface ProfileHost {
  /** The folder of the store's files: every profile's files sit beside the settings file. */
  readonly folder: string;
  readonly settings: () => SettingsDocument;
  /** Written at once, or inside AppStore.batch() kept for the batch's one write. */
  readonly writeSettings: (next: SettingsDocument) => void;
  /** Inside AppStore.batch(), which spans the open address book: a switch would change that book under it. */
  readonly inBatch: () => boolean;
  /** A room of the address book open now (the profile in use). */
  readonly getRoom: (id: string) => Room | undefined;
  /** Makes `book` the address book in use. */
  readonly useBook: (book: OpenedBook) => void;
  readonly clock: () => Date;
  readonly newId: () => string;
}

export class ProfileDirectory {
  constructor(
    private readonly files: ProfileFiles,
    private readonly host: ProfileHost,
  ) {}

  /** In menu order; the first is the keychain's "default" account on a desk upgraded from before profiles. */
  list(): readonly ProfileRecord[] {
    return profilesOf(this.host.settings());
  }

  /** The profile whose address book the store shows and whose credentials new calls use. */
  active(): ProfileRecord {
    const doc = this.host.settings();
    return findProfile(doc, activeProfileOf(doc)) as ProfileRecord;
  }

  /** The file name stem of a profile's files; its schedules are `<stem>.schedules.json` beside the settings. */
  fileStem(profileId: string): string {
    return this.files.bookStem(profileId);
  }

  private bookPathsOf(profileId: string): BookPaths {
    return bookPaths(this.host.folder, this.files.bookStem(profileId));
  }

  add(input: ProfileInput): Validated<ProfileRecord> {
    const added = addProfile(this.host.settings(), input);
    if (!added.ok) return added;
    this.host.writeSettings(added.value.doc);
    return valid(added.value.profile);
  }

  update(id: string, input: ProfileInput): Validated<ProfileRecord> {
    const updated = updateProfile(this.host.settings(), id, input);
    if (!updated.ok) return updated;
    this.host.writeSettings(updated.value.doc);
    return valid(updated.value.profile);
  }

  /** IT's profiles (managed.json) laid over the list: see withManagedProfiles. Writes only when something changed. */
  syncManaged(entries: readonly ManagedProfileEntry[]): void {
    const next = withManagedProfiles(this.host.settings(), entries);
    if (next) this.host.writeSettings(next);
  }

  /** remove()'s checks alone: the caller deletes the keychain entry only for a profile that may go. */
  removable(id: string): Validated<ProfileRecord> {
    const removed = removeProfile(this.host.settings(), id);
    return removed.ok ? valid(removed.value.profile) : removed;
  }

  /**
   * Takes a profile that is not in use off the list, then moves its address book, sets, last-dial log and schedules
   * aside (renamed beside them, never deleted). Its keychain entry is the caller's (the vault's) to delete first.
   */
  remove(id: string): Validated<{ readonly profile: ProfileRecord; readonly movedAside: readonly string[] }> {
    const removed = removeProfile(this.host.settings(), id);
    if (!removed.ok) return removed;
    this.host.writeSettings(removed.value.doc);
    const schedules = schedulesPath(this.host.folder, this.files.bookStem(id));
    const movedAside = setBookAside(this.bookPathsOf(id), schedules, this.host.clock());
    return valid({ profile: removed.value.profile, movedAside });
  }

  /**
   * Makes `id` the profile in use: its address book and sets replace the open ones (opened first, so a file that
   * cannot be read changes nothing but a notice). Calls already placed are not the store's business: ProfileSwitch
   * (main/calls/profile-switch.ts) decides when a switch is asked first and what stops with it.
   */
  activate(id: string): Validated<{ readonly profile: ProfileRecord; readonly notices: readonly StoreNotice[] }> {
    if (this.host.inBatch()) throw new Error('profiles.activate inside batch()');
    const doc = this.host.settings();
    const next = withActiveProfile(doc, id);
    if (!next.ok) return next;
    if (activeProfileOf(doc) === id) return valid({ profile: this.active(), notices: [] });
    const { book, notices } = this.files.openBook(id);
    this.host.writeSettings(next.value);
    this.host.useBook(book);
    return valid({ profile: this.active(), notices });
  }

  /** Copies rooms of the profile in use into another profile's address book (profile-book.ts copyRoomsInto). */
  copyRoomsTo(roomIds: readonly string[], profileId: string): Validated<CopyRoomsSummary> {
    const doc = this.host.settings();
    if (!findProfile(doc, profileId)) return unknownProfile('profileId', profileId);
    if (profileId === activeProfileOf(doc)) {
      return invalid('profileId', {
        'zh-CN': 'profileId：这些会议室已在当前配置的通讯录中，请选择其他配置',
        'en-US': 'profileId: these rooms are already in this profile; choose another profile',
      });
    }
    const rooms: Room[] = [];
    let notFound = 0;
    for (const id of new Set(roomIds)) {
      const room = this.host.getRoom(id);
      if (room) rooms.push(room);
      else notFound += 1;
    }
    const { book } = this.files.openBook(profileId);
    const at = this.host.clock().toISOString();
    return valid(copyRoomsInto(book, rooms, notFound, { newId: this.host.newId, at }));
  }

  /**
   * A call placed before a profile switch ends in its own profile's book: one line (checked by the caller,
   * address-book.ts checkDialResult) in that book's last-dial log, read and applied (newest wins) when the profile is
   * opened again.
   */
  logDialIn(profileId: string, entry: LastDial): Validated<null> {
    if (!findProfile(this.host.settings(), profileId)) return unknownProfile('profileId', profileId);
    const file = this.bookPathsOf(profileId).lastDial;
    LastDialLog.open(file, new OpenContext(this.host.clock)).log.append(entry);
    return valid(null);
  }
}
