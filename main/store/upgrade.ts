// Brings the store's files of any known older version up to CURRENT_SCHEMA_VERSION, then checks them in full.
//
// Version history (add one step per bump; never edit an old step, files of that version exist in the field):
//
//   v0  The prototype's config.json, written before `schemaVersion` existed. Same as v1 except:
//       - no `schemaVersion` key;
//       - rooms kept their dial address in `sipUri`, for H.323 rooms too (v1 renames it `address`);
//         Tencent Rooms rooms had no `sipUri`, or an empty one;
//       - rooms had no `callable` flag: every room was offered for dialing (v1: true);
//       - `settings` could be partial, a missing key meaning "the built-in default";
//       - any top-level key could be missing (a fresh prototype file was `{}`).
//   v1  One config.json held rooms, settings, recent meetings and the last 5,000 calls (legacyStoreDataSchema).
//   v2  The file is split so that a finished call no longer rewrites the address book (splitLegacy below):
//       config.json keeps settings (now with historyLimit) and recent meetings, the rooms move to
//       config.rooms.json, the calls to config.history/ as JSON Lines. Each file carries the version from here on.
//
// Data from a NEWER version is refused, not "downgraded": dropping fields this build does not know would destroy
// them. The caller moves such a file aside untouched (open-store.ts).
import type { z } from 'zod';
import type { Localized } from '../../common/locale';
import { DEFAULT_SETTINGS, roomsDocument } from './defaults';
import { fieldErrorFromZod } from './field-error';
import {
  CURRENT_SCHEMA_VERSION,
  legacyStoreDataSchema,
  roomSetsDocumentSchema,
  roomsDocumentSchema,
  settingsDocumentSchema,
  type HistoryRecord,
  type LegacyStoreData,
  type RoomSetsDocument,
  type RoomsDocument,
  type SettingsDocument,
  settingsV1Schema,
} from '../../common/store-schema';

export type UnreadableReason = 'unparseable' | 'invalid' | 'newer-version';

/** The file cannot be used as it is; it must be kept (moved aside), never overwritten. */
export class UnreadableStoreError extends Error {
  override readonly name = 'UnreadableStoreError';

  constructor(
    readonly reason: UnreadableReason,
    /** What is wrong, for the operator and for support; never contains secrets (the store holds none). */
    readonly detail: Localized,
    /** The file's schemaVersion when it was readable as a number. */
    readonly version?: number,
  ) {
    super(detail['en-US']);
  }
}

type Document = Record<string, unknown>;

const isObject = (value: unknown): value is Document =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** v0 → v1, see the history above. Only reshapes; the full check runs once the chain is done. */
function upgradeV0(v0: Document): Document {
  const rooms = Array.isArray(v0['rooms'])
    ? v0['rooms'].map((room: unknown) => {
        if (!isObject(room)) return room;
        const { sipUri, ...rest } = room;
        const kept = room['kind'] === 'rooms' ? {} : { address: sipUri };
        return { ...rest, ...kept, callable: true };
      })
    : (v0['rooms'] ?? []);
  // Only what version 1 had: the fields v2 added would make a v1 document invalid.
  const v1Defaults = Object.fromEntries(
    Object.entries(DEFAULT_SETTINGS).filter(([key]) => key in settingsV1Schema.shape),
  );
  const settings = isObject(v0['settings']) ? { ...v1Defaults, ...v0['settings'] } : (v0['settings'] ?? v1Defaults);
  return {
    ...v0,
    schemaVersion: 1,
    rooms,
    settings,
    recentMeetings: v0['recentMeetings'] ?? [],
    history: v0['history'] ?? [],
  };
}

/** LEGACY_UPGRADES[n] turns a version-n single-file document into version n+1, up to version 1. */
const LEGACY_UPGRADES: readonly ((data: Document) => Document)[] = [upgradeV0];
const LAST_SINGLE_FILE_VERSION = 1;

if (LEGACY_UPGRADES.length !== LAST_SINGLE_FILE_VERSION || CURRENT_SCHEMA_VERSION !== 2) {
  throw new Error('upgrade.ts: one step per schema version is missing');
}

/** The three files of v2, from a checked v1 document. Nothing is dropped: every v1 record fits v2. */
export interface SplitStore {
  readonly settings: SettingsDocument;
  readonly rooms: RoomsDocument;
  /** Oldest first. */
  readonly history: readonly HistoryRecord[];
}

export function splitLegacy(legacy: LegacyStoreData): SplitStore {
  return {
    settings: {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      // What v1 had stays; what v2 added starts at its default.
      settings: { ...DEFAULT_SETTINGS, ...legacy.settings },
      recentMeetings: legacy.recentMeetings,
    },
    rooms: roomsDocument(legacy.rooms),
    history: legacy.history,
  };
}

function versionOf(data: Document): number {
  const version = data['schemaVersion'];
  if (version === undefined) return 0;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) return version;
  throw new UnreadableStoreError('invalid', {
    'zh-CN': `schemaVersion：不是有效的版本号（${JSON.stringify(version)?.slice(0, 40)}）`,
    'en-US': `schemaVersion: not a valid version number (${JSON.stringify(version)?.slice(0, 40)})`,
  });
}

function checkedObject(data: unknown): Document {
  if (isObject(data)) return data;
  throw new UnreadableStoreError('invalid', {
    'zh-CN': '文件内容不是一个 JSON 对象',
    'en-US': 'the file does not contain a JSON object',
  });
}

function refuseNewer(from: number): void {
  if (from <= CURRENT_SCHEMA_VERSION) return;
  throw new UnreadableStoreError(
    'newer-version',
    {
      'zh-CN': `文件由更新版本的 Room Dialer 写入（数据版本 ${from}，本程序最高支持 ${CURRENT_SCHEMA_VERSION}）`,
      'en-US': `written by a newer Room Dialer (data version ${from}; this build knows up to ${CURRENT_SCHEMA_VERSION})`,
    },
    from,
  );
}

function parsed<T>(result: z.ZodSafeParseResult<T>, from: number): T {
  if (result.success) return result.data;
  throw new UnreadableStoreError('invalid', fieldErrorFromZod(result.error, 'file').message, from);
}

/** What config.json holds: the current document, or an older single file already split into v2's three parts. */
export type ConfigContent =
  | { readonly kind: 'current'; readonly document: SettingsDocument }
  | { readonly kind: 'split'; readonly from: number; readonly parts: SplitStore };

/**
 * Reads config.json's document. Throws UnreadableStoreError for a document that is not an object, fails the schema
 * (after upgrading), or comes from a newer version.
 */
export function upgradeConfig(data: unknown): ConfigContent {
  const document = checkedObject(data);
  const from = versionOf(document);
  refuseNewer(from);
  if (from === CURRENT_SCHEMA_VERSION) {
    return { kind: 'current', document: parsed(settingsDocumentSchema.safeParse(document), from) };
  }
  let current = document;
  for (let version = from; version < LAST_SINGLE_FILE_VERSION; version++) {
    const step = LEGACY_UPGRADES[version] as (data: Document) => Document;
    current = step(current);
  }
  const legacy = parsed(legacyStoreDataSchema.safeParse(current), from);
  return { kind: 'split', from, parts: splitLegacy(legacy) };
}

/** Reads config.rooms.json's document (the file exists from v2 on, so there is nothing older to upgrade). */
export function readRoomsDocument(data: unknown): RoomsDocument {
  const document = checkedObject(data);
  const from = versionOf(document);
  refuseNewer(from);
  return parsed(roomsDocumentSchema.safeParse(document), from);
}

/** Reads config.sets.json's document (added at v2 without a version bump: a missing file is no sets). */
export function readRoomSetsDocument(data: unknown): RoomSetsDocument {
  const document = checkedObject(data);
  const from = versionOf(document);
  refuseNewer(from);
  return parsed(roomSetsDocumentSchema.safeParse(document), from);
}
