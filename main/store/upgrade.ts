// Brings a store document of any known older version up to CURRENT_SCHEMA_VERSION, then checks it in full.
//
// Version history (add one step per bump; never edit an old step, files of that version exist in the field):
//
//   v0  The prototype's file, written before `schemaVersion` existed. Same as v1 except:
//       - no `schemaVersion` key;
//       - rooms kept their dial address in `sipUri`, for H.323 rooms too (v1 renames it `address`);
//         Tencent Rooms rooms had no `sipUri`, or an empty one;
//       - rooms had no `callable` flag: every room was offered for dialing (v1: true);
//       - `settings` could be partial, a missing key meaning "the built-in default";
//       - any top-level key could be missing (a fresh prototype file was `{}`).
//   v1  schema.ts.
//
// Data from a NEWER version is refused, not "downgraded": dropping fields this build does not know would destroy
// them. The caller moves such a file aside untouched (app-store.ts).
import type { Localized } from '../../common/locale';
import { DEFAULT_SETTINGS } from './defaults';
import { fieldErrorFromZod } from './field-error';
import { CURRENT_SCHEMA_VERSION, storeDataSchema, type StoreData } from '../../common/store-schema';

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

/** v0 → v1, see the history above. Only reshapes; the full check runs once at the end of upgrade(). */
function upgradeV0(v0: Document): Document {
  const rooms = Array.isArray(v0['rooms'])
    ? v0['rooms'].map((room: unknown) => {
        if (!isObject(room)) return room;
        const { sipUri, ...rest } = room;
        const kept = room['kind'] === 'rooms' ? {} : { address: sipUri };
        return { ...rest, ...kept, callable: true };
      })
    : (v0['rooms'] ?? []);
  const settings = isObject(v0['settings'])
    ? { ...DEFAULT_SETTINGS, ...v0['settings'] }
    : (v0['settings'] ?? DEFAULT_SETTINGS);
  return {
    ...v0,
    schemaVersion: 1,
    rooms,
    settings,
    recentMeetings: v0['recentMeetings'] ?? [],
    history: v0['history'] ?? [],
  };
}

/** UPGRADES[n] turns a version-n document into version n+1. */
const UPGRADES: readonly ((data: Document) => Document)[] = [upgradeV0];

if (UPGRADES.length !== CURRENT_SCHEMA_VERSION) throw new Error('upgrade.ts: one step per schema version is missing');

function versionOf(data: Document): number {
  const version = data['schemaVersion'];
  if (version === undefined) return 0;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) return version;
  throw new UnreadableStoreError('invalid', {
    'zh-CN': `schemaVersion：不是有效的版本号（${JSON.stringify(version)?.slice(0, 40)}）`,
    'en-US': `schemaVersion: not a valid version number (${JSON.stringify(version)?.slice(0, 40)})`,
  });
}

/**
 * The document as the current version, and the version it was found in (`from === CURRENT_SCHEMA_VERSION` means
 * nothing was changed). Throws UnreadableStoreError for a document that is not an object, fails the schema after
 * upgrading, or comes from a newer version.
 */
export function upgrade(data: unknown): { data: StoreData; from: number } {
  if (!isObject(data)) {
    throw new UnreadableStoreError('invalid', {
      'zh-CN': '文件内容不是一个 JSON 对象',
      'en-US': 'the file does not contain a JSON object',
    });
  }
  const from = versionOf(data);
  if (from > CURRENT_SCHEMA_VERSION) {
    throw new UnreadableStoreError(
      'newer-version',
      {
        'zh-CN': `文件由更新版本的 Room Dialer 写入（数据版本 ${from}，本程序最高支持 ${CURRENT_SCHEMA_VERSION}）`,
        'en-US': `written by a newer Room Dialer (data version ${from}; this build knows up to ${CURRENT_SCHEMA_VERSION})`,
      },
      from,
    );
  }
  let current = data;
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = UPGRADES[version] as (data: Document) => Document;
    current = step(current);
  }
  const parsed = storeDataSchema.safeParse(current);
  if (!parsed.success) {
    throw new UnreadableStoreError('invalid', fieldErrorFromZod(parsed.error, 'file').message, from);
  }
  return { data: parsed.data, from };
}
