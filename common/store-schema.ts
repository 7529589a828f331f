// The shape of the store's files, version CURRENT_SCHEMA_VERSION, as zod schemas:
//   config.json        settings and recent meetings (settingsDocumentSchema), small and rewritten whole;
//   config.rooms.json  the address book (roomsDocumentSchema), rewritten whole when a room changes;
//   config.history/    call history as JSON Lines segments (historyRecordSchema per line), appended to;
//   config.last-dial.jsonl  each room's latest dial (lastDialSchema per line), appended to per finished call;
//   config.sets.json   room sets (roomSetsDocumentSchema), written when a set changes; absent until the first one.
// Until version 1 one file held everything (legacyStoreDataSchema); main/store/upgrade.ts splits it.
//
// Why zod rather than a hand-written JSON schema: zod gives the TypeScript types, readable issue paths for the
// load-time check and for programmatic inputs (history records, Tencent imports), and refinements JSON schema
// cannot express (the endpoint must pass common/endpoint.ts). conf still gets a JSON schema (conf-schema.ts derives
// it from these same definitions with z.toJSONSchema), so ajv re-checks every write and there is one source of truth.
//
// Rules that keep the two validators in agreement (tests/unit/store-open.test.ts runs samples through both):
// - every object is strict (no unknown keys) in zod AND additionalProperties:false in JSON schema;
// - lengths count code points in both (zod via a refinement, ajv natively), via `text(max)`;
// - no `.default()` anywhere: ajv runs with useDefaults and would otherwise fill values in silently.
import { z } from 'zod';
import { validateEndpoint } from './endpoint';
import { MAX_DIAL_STRING_LENGTH } from './address';
import { MEETING_ROOM_ID_PATTERN } from './room-input';
import { codePointLength, ROOM_LIMITS } from './room-limits';
import { RETRY_LIMITS } from './retry-policy';
import { ROOM_SET_LIMITS } from './room-set';
import { PROFILE_LIMITS } from './profiles';
import { PROFILE_NAME_PATTERN } from './credentials';

export const CURRENT_SCHEMA_VERSION = 2;
export const RECENT_MEETINGS_LIMIT = 20;
/** What version 1 kept in its one file; the split store bounds history by settings.historyLimit instead. */
export const LEGACY_HISTORY_LIMIT = 5000;

export const SETTINGS_LIMITS = {
  pollIntervalMs: { min: 1000, max: 10_000 },
  maxConcurrentDials: { min: 1, max: 16 },
  /** Tencent's device types run 0..33 today (reference §6.3); the CLI accepts 0..99 too. */
  instanceId: { min: 0, max: 99 },
  /** Window coordinates and sizes in pixels: generous, but finite and whole. */
  windowCoordinate: { min: -100_000, max: 100_000 },
  windowSize: { min: 1, max: 100_000 },
  /** Calls kept in history. The store holds them in memory (about 1.3 KB each), hence the ceiling. */
  historyLimit: { min: 1000, max: 200_000 },
  /** A dial of more rooms than this asks the operator to confirm the count. */
  batchConfirmAbove: { min: 1, max: 20_000 },
  /** This PC's share of Tencent's 300 requests a minute per app (reference §8.1). */
  requestsPerMinute: { min: 10, max: 300 },
  /** Other hosts whose meetings "Today's meetings" lists beside the operator's own. */
  otherHosts: { max: 20 },
} as const;

/** Text of at most `max` code points. The `.meta` puts the same limit into the derived JSON schema. */
const text = (max: number) =>
  z
    .string()
    .refine((s) => codePointLength(s) <= max, { message: `at most ${max} characters`, params: { maxLength: max } })
    .meta({ maxLength: max });
/** Text with at least one non-space character. */
const nonBlank = (max: number) => text(max).regex(/\S/, { message: 'must not be blank' });
/** Timestamps are UTC ISO-8601 strings as Date#toISOString writes them. */
export const isoTime = z.iso.datetime();
export const meetingIdSchema = z.string().regex(/^\d{1,32}$/, { message: 'must be digits' });
export const meetingCodeSchema = z.string().regex(/^\d{9}$/, { message: 'must be 9 digits' });

const roomBase = {
  id: z.uuid(),
  name: nonBlank(ROOM_LIMITS.name),
  location: text(ROOM_LIMITS.location),
  group: text(ROOM_LIMITS.group),
  tags: z.array(nonBlank(ROOM_LIMITS.tag)).max(ROOM_LIMITS.tagCount),
  notes: text(ROOM_LIMITS.notes),
  favorite: z.boolean(),
  /** False for a Tencent Rooms room whose is_allow_call is false: listed, but not offered for dialing. */
  callable: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastDialedAt: isoTime.optional(),
  lastOutcome: nonBlank(64).optional(),
  /** From IT's shared address book (main/store/managed-rooms.ts): read-only at the desk. Absent on the desk's own. */
  managed: z.literal(true).optional(),
};

/** SIP/H.323 room system dialed by address. The address format itself is checked on input (common/address.ts). */
export const addressRoomSchema = z.strictObject({
  ...roomBase,
  kind: z.enum(['sip', 'h323']),
  address: nonBlank(MAX_DIAL_STRING_LENGTH),
});

/** Tencent Rooms room dialed by its meeting_room_id. */
export const tencentRoomSchema = z.strictObject({
  ...roomBase,
  kind: z.literal('rooms'),
  meetingRoomId: z.string().regex(MEETING_ROOM_ID_PATTERN),
});

// A union on `kind` instead of one object with two optional fields: a SIP room without an address, or a Rooms
// room without an ID, is then impossible in the types and in the file alike.
export const roomSchema = z.discriminatedUnion('kind', [addressRoomSchema, tencentRoomSchema]);

export const windowBoundsSchema = z.strictObject({
  x: z.int().min(SETTINGS_LIMITS.windowCoordinate.min).max(SETTINGS_LIMITS.windowCoordinate.max),
  y: z.int().min(SETTINGS_LIMITS.windowCoordinate.min).max(SETTINGS_LIMITS.windowCoordinate.max),
  width: z.int().min(SETTINGS_LIMITS.windowSize.min).max(SETTINGS_LIMITS.windowSize.max),
  height: z.int().min(SETTINGS_LIMITS.windowSize.min).max(SETTINGS_LIMITS.windowSize.max),
});

export const SETTINGS_LOCALES = ['zh-CN', 'en-US', 'system'] as const;

/** The endpoint as settings and profiles keep it. */
const endpointText = () =>
  // Signed requests go where this points, so a hand-edited http:// URL must not load (zod only; ajv sees a string).
  text(2048).refine((s) => validateEndpoint(s).ok, {
    message: 'must be an https:// API address',
    params: { rule: 'endpoint' },
  });

/** common/profiles.ts ProfileRecord. */
export const profileRecordSchema = z.strictObject({
  id: text(64).regex(PROFILE_NAME_PATTERN),
  name: text(PROFILE_LIMITS.name),
  endpoint: endpointText().optional(),
});

/** Settings as version 1 stored them. */
export const settingsV1Schema = z.strictObject({
  locale: z.enum(SETTINGS_LOCALES),
  pollIntervalMs: z.int().min(SETTINGS_LIMITS.pollIntervalMs.min).max(SETTINGS_LIMITS.pollIntervalMs.max),
  maxConcurrentDials: z.int().min(SETTINGS_LIMITS.maxConcurrentDials.min).max(SETTINGS_LIMITS.maxConcurrentDials.max),
  instanceId: z.int().min(SETTINGS_LIMITS.instanceId.min).max(SETTINGS_LIMITS.instanceId.max),
  endpoint: endpointText(),
  window: windowBoundsSchema.optional(),
});

/** common/retry-policy.ts's RetryPolicy, bounded by RETRY_LIMITS. */
export const retryPolicySchema = z.strictObject({
  retries: z.int().min(RETRY_LIMITS.retries.min).max(RETRY_LIMITS.retries.max),
  backoffMs: z
    .array(z.int().min(RETRY_LIMITS.backoffMs.min).max(RETRY_LIMITS.backoffMs.max))
    .min(1)
    .max(RETRY_LIMITS.retries.max),
  rejoinOnDrop: z.boolean(),
  rejoins: z.int().min(RETRY_LIMITS.rejoins.min).max(RETRY_LIMITS.rejoins.max),
});

export const settingsSchema = settingsV1Schema.extend({
  /** The oldest calls beyond this many are dropped from history (the store reports each drop). */
  historyLimit: z.int().min(SETTINGS_LIMITS.historyLimit.min).max(SETTINGS_LIMITS.historyLimit.max),
  batchConfirmAbove: z.int().min(SETTINGS_LIMITS.batchConfirmAbove.min).max(SETTINGS_LIMITS.batchConfirmAbove.max),
  requestsPerMinute: z.int().min(SETTINGS_LIMITS.requestsPerMinute.min).max(SETTINGS_LIMITS.requestsPerMinute.max),
  /** For dials by room sets and schedules; a set may override it. */
  retry: retryPolicySchema,
  otherHosts: z.array(text(64)).max(SETTINGS_LIMITS.otherHosts.max),
});

export const recentMeetingSchema = z.strictObject({
  meetingId: meetingIdSchema,
  meetingCode: meetingCodeSchema,
  subject: text(255),
  usedAt: isoTime,
});

export const historyRecordSchema = z.strictObject({
  id: z.uuid(),
  meetingId: meetingIdSchema,
  meetingCode: meetingCodeSchema.optional(),
  subject: text(255).optional(),
  roomId: z.uuid(),
  /** Copied at call time so the record still reads right after the room is renamed or deleted. */
  roomName: nonBlank(ROOM_LIMITS.name),
  /** describeTarget() of what was dialed, e.g. "SIP 10.0.0.5" or "Rooms 12345". */
  target: nonBlank(600),
  startedAt: isoTime,
  endedAt: isoTime,
  /** The call tracker's final state (joined, rejected, no_answer, failed, unknown…); free text until that exists. */
  outcome: nonBlank(64),
  /** Tencent's error_info.error_code as text, or a local code such as "network". */
  errorCode: nonBlank(64).optional(),
  errorMessage: text(1000).optional(),
  /** Who asked for the call when it was not the operator's own dial: "schedule: Monday board meeting", "retry 1/2". */
  origin: text(200).optional(),
  /** The profile that placed the call (common/profiles.ts); absent in records from before profiles. */
  profile: z.strictObject({ id: text(64), name: text(PROFILE_LIMITS.name) }).optional(),
});

/** config.json. */
export const settingsDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: settingsSchema,
  /** Most recent first, one entry per meetingId. */
  recentMeetings: z.array(recentMeetingSchema).max(RECENT_MEETINGS_LIMIT),
  /**
   * The enterprise accounts of this desk (common/profiles.ts), in menu order. Absent in files from before profiles:
   * the one profile then is FIRST_PROFILE, the keychain's "default" account, and the first change writes the list.
   */
  profiles: z.array(profileRecordSchema).min(1).max(PROFILE_LIMITS.count).optional(),
  /** The id of the profile in use; absent: the first. */
  activeProfile: text(64).optional(),
});

/** config.rooms.json. Rooms carry lastDialedAt/lastOutcome as of the file's last write; config.last-dial.jsonl has newer. */
export const roomsDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** In the order they were added. */
  rooms: z.array(roomSchema),
});

/** A named list of rooms dialed together (common/room-set.ts). */
export const roomSetSchema = z.strictObject({
  id: z.uuid(),
  name: nonBlank(ROOM_SET_LIMITS.name),
  /**
   * Address-book room ids in dial order. A deleted room's id stays (the set shows the gap and dialing skips it), so
   * these are not checked against the address book here.
   */
  roomIds: z.array(z.uuid()).max(ROOM_SET_LIMITS.rooms),
  /** Digits of a meeting code (9) or a meeting ID (10-32): looked up when the set is dialed with no meeting shown. */
  defaultMeeting: z
    .string()
    .regex(/^\d{9,32}$/, { message: 'must be digits' })
    .optional(),
  /** The set's own retry/rejoin rules; absent: settings.retry. */
  retry: retryPolicySchema.optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** config.sets.json. A set's id is unique (names too, but a hand-edited repeat is only refused on the next save). */
export const roomSetsDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  sets: z
    .array(roomSetSchema)
    .max(ROOM_SET_LIMITS.sets)
    .refine((sets) => new Set(sets.map((set) => set.id)).size === sets.length, {
      message: 'ids must be unique',
      params: { rule: 'unique-ids' },
    }),
});

/** One line of config.last-dial.jsonl: a room was dialed at `at` and the call ended as `outcome`. */
export const lastDialSchema = z.strictObject({
  roomId: z.uuid(),
  at: isoTime,
  outcome: nonBlank(64),
});

/** Version 1's single config.json, read only to upgrade it. */
export const legacyStoreDataSchema = z.strictObject({
  schemaVersion: z.literal(1),
  rooms: z.array(roomSchema),
  settings: settingsV1Schema,
  recentMeetings: z.array(recentMeetingSchema).max(RECENT_MEETINGS_LIMIT),
  /** Oldest first (append order). */
  history: z.array(historyRecordSchema).max(LEGACY_HISTORY_LIMIT),
});

/** How full history is: `dropped` counts the calls the bound pushed out since the app started. */
export interface HistoryCapacity {
  readonly stored: number;
  readonly limit: number;
  readonly dropped: number;
}

/** One page of history, newest first: `total` calls match the filter, this page starts at `offset`. */
export interface HistoryPage {
  readonly records: readonly HistoryRecord[];
  readonly total: number;
  readonly offset: number;
  readonly capacity: HistoryCapacity;
}

export type AddressRoom = z.infer<typeof addressRoomSchema>;
export type TencentRoom = z.infer<typeof tencentRoomSchema>;
export type Room = AddressRoom | TencentRoom;
export type WindowBounds = z.infer<typeof windowBoundsSchema>;
export type SettingsLocale = (typeof SETTINGS_LOCALES)[number];
export type Settings = z.infer<typeof settingsSchema>;
export type RecentMeeting = z.infer<typeof recentMeetingSchema>;
export type HistoryRecord = z.infer<typeof historyRecordSchema>;
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;
export type RoomsDocument = z.infer<typeof roomsDocumentSchema>;
export type LastDial = z.infer<typeof lastDialSchema>;
export type RoomSet = z.infer<typeof roomSetSchema>;
export type RoomSetsDocument = z.infer<typeof roomSetsDocumentSchema>;
export type LegacyStoreData = z.infer<typeof legacyStoreDataSchema>;
/** What a conf / electron-store file holds: config.json, config.rooms.json or config.sets.json. */
export type StoreData = SettingsDocument | RoomsDocument | RoomSetsDocument;
