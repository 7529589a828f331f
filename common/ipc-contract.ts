// THE list of everything the window may ask the main process, one entry per channel: the request's schema (checked
// by main before a handler runs) and the response type. The preload and the end-to-end tests build the window API
// from this same list (window-api.ts), and main registers exactly these handlers (main/ipc/). Adding a channel is
// adding one entry here; a handler or window function that does not match fails to typecheck.
//
// Request schemas check the envelope: types, no unknown keys, and a size bound on every string and array, so a 1 MB
// string is refused before any handler sees it. The domain rules (is this a SIP address?) stay in the validators
// the handlers call, which name the field in the operator's language.
import { z } from 'zod';
import type { CallView, DialResult } from './call-model';
import type { PendingRedial } from './retry-policy';
import { SCHEDULE_LIMITS, type ScheduleView } from './schedule';
import type { TodayMeetings } from './today-meetings';
import type { CredentialPublicView } from './credentials';
import type { CopyRoomsSummary, ProfilesState, ProfileSwitchResult, ProfileView } from './profiles';
import type { IpcError } from './ipc-error';
import type { Locale } from './locale';
import type { ManagedInfo } from './managed-config';
import { ROOM_SET_LIMITS, type SetImportReport } from './room-set';
import type { HistoryPage, RecentMeeting, Room, RoomSet, Settings } from './store-schema';
import type { MeetingInfo } from './wemeet-types';

/** Long enough for any real value, short enough that nothing huge crosses. */
const MAX_TEXT = 2048;
const MAX_NOTES = 4096;
/** A whole address book in one dial: the dialer queues it, and Cancel all empties that queue. */
const MAX_BATCH = 20_000;
const MAX_IMPORT_ROWS = 10_000;

const text = (max = MAX_TEXT) => z.string().max(max);
const id = z.string().min(1).max(64);
const none = z.strictObject({});

const roomInput = z.strictObject({
  name: text(),
  kind: z.enum(['sip', 'h323', 'rooms']),
  address: text().optional(),
  meetingRoomId: text().optional(),
  location: text().optional(),
  group: text().optional(),
  tags: z.array(text()).max(100).optional(),
  notes: text(MAX_NOTES).optional(),
  favorite: z.boolean().optional(),
});
export type RoomInputPayload = z.infer<typeof roomInput>;

const meetingId = z.string().regex(/^\d{1,32}$/);
const unknownOutcome = z.enum(['ask', 'skip', 'ring']);

const scheduleTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('host_joins') }),
  z.strictObject({ kind: z.literal('at_start') }),
  z.strictObject({
    kind: z.literal('before_start'),
    minutes: z.int().min(SCHEDULE_LIMITS.beforeStartMinutes.min).max(SCHEDULE_LIMITS.beforeStartMinutes.max),
  }),
]);

const meetingRef = z.strictObject({
  meetingId,
  meetingCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  subject: text(255).optional(),
});

/** A room set's own retry/rejoin rules: the envelope only; the store checks the ranges (settings-input.ts). */
const setRetry = z.strictObject({
  retries: z.number(),
  backoffMs: z.array(z.number()).max(10),
  rejoinOnDrop: z.boolean(),
  rejoins: z.number(),
});

const setRoomIds = z.array(id).max(ROOM_SET_LIMITS.rooms);

/** One row of a room-set CSV import (common/room-set.ts SetImportRow). */
const setImportRow = z.strictObject({
  row: z.int().min(1).max(10_000_000),
  set: text(ROOM_SET_LIMITS.importCell),
  room: text(ROOM_SET_LIMITS.importCell),
  address: text(ROOM_SET_LIMITS.importCell).optional(),
});

/** One row of an address-book import, with what to do when it matches an existing room. */
const importRow = z.strictObject({
  room: roomInput,
  /** Set to the existing room's id only when the operator confirmed overwriting it. */
  overwriteId: id.optional(),
});

/** A store problem the operator should see once: a file moved aside (its backup path), an upgrade. */
export interface StoreNoticeView {
  readonly message: Record<Locale, string>;
  /** '' when nothing was moved aside (IT's notices name their file in the message). */
  readonly backupPath: string;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** The OS language, for the first start before the operator picked one. */
  readonly systemLocale: Locale;
  /** True when running against the local simulator (npm run demo). */
  readonly demo: boolean;
  /** Tencent's clock minus this PC's, in ms, when the last answer showed more than a minute; else null. */
  readonly clockSkewMs: number | null;
  /** Store problems found at start (a file moved aside, an upgrade), to show the operator once. */
  readonly notices: readonly StoreNoticeView[];
  /** What IT's managed configuration sets (common/managed-config.ts); absent when the desk is not managed. */
  readonly managed?: ManagedInfo;
}

export interface ImportRowResult {
  readonly index: number;
  readonly ok: boolean;
  readonly room?: Room;
  readonly error?: IpcError;
}

export interface TencentImportSummary {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rooms marked not callable (is_allow_call false). */
  readonly notCallable: number;
}

export type ConnectionTestResult = { readonly ok: true } | { readonly ok: false; readonly error: IpcError };

/** `channel<Response>()(requestSchema)`: curried so the request type is inferred from its schema. */
function channel<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({
    request,
    /** Type-only: never read at run time. */
    response: undefined as unknown as Response,
  });
}

export const IPC_CONTRACT = {
  'app:info': channel<AppInfo>()(none),

  'settings:get': channel<Settings>()(none),
  /** Fields left out stay as they are; any bad field refuses the whole change. */
  'settings:update': channel<Settings>()(
    z.strictObject({
      locale: z.enum(['zh-CN', 'en-US', 'system']).optional(),
      pollIntervalMs: z.number().optional(),
      maxConcurrentDials: z.number().optional(),
      instanceId: z.number().optional(),
      endpoint: text().optional(),
      historyLimit: z.number().optional(),
      batchConfirmAbove: z.number().optional(),
      requestsPerMinute: z.number().optional(),
      retry: z
        .strictObject({
          retries: z.number(),
          backoffMs: z.array(z.number()).max(10),
          rejoinOnDrop: z.boolean(),
          rejoins: z.number(),
        })
        .optional(),
      otherHosts: z.array(text(64)).max(20).optional(),
    }),
  ),

  'credentials:get': channel<CredentialPublicView>()(none),
  /**
   * secretId and secretKey are write-only: empty or absent keeps the saved one (or, with nothing saved, is the
   * field error naming it). The answer never contains the key and shows only the id's masked tail.
   */
  'credentials:save': channel<CredentialPublicView>()(
    z.strictObject({
      appId: text(),
      sdkId: text().optional(),
      secretId: text().optional(),
      secretKey: text().optional(),
      operatorId: text(),
    }),
  ),
  'credentials:test': channel<ConnectionTestResult>()(none),
  'credentials:delete': channel<CredentialPublicView>()(none),

  /** The desk's profiles (common/profiles.ts) and the one in use. */
  'profiles:list': channel<ProfilesState>()(none),
  /** A new profile, not yet in use; its credentials are saved after switching to it (credentials:save). */
  'profiles:add': channel<ProfileView>()(z.strictObject({ name: text(200), endpoint: text().optional() })),
  /** Renames it, or sets its own endpoint ('' = the desk's). IT's profiles refuse both. */
  'profiles:update': channel<ProfileView>()(
    z.strictObject({ id, name: text(200).optional(), endpoint: text().optional() }),
  ),
  /**
   * Removes a profile that is not in use: its keychain entry is deleted, its address book, sets and schedules are
   * moved aside (never deleted). IT's profiles and the last one are refused.
   */
  'profiles:remove': channel<ProfilesState>()(z.strictObject({ id })),
  /**
   * Makes it the profile in use. While calls ring, retries wait or schedules are armed, nothing changes and the
   * answer is the question to ask; `confirmed: true` then switches (the calls keep polling on their own profile).
   */
  'profiles:switch': channel<ProfileSwitchResult>()(z.strictObject({ id, confirmed: z.boolean().optional() })),

  'rooms:list': channel<readonly Room[]>()(none),
  /** Copies rooms of the profile in use into another profile's address book (new ids there; duplicates left out). */
  'rooms:copy-to-profile': channel<CopyRoomsSummary>()(
    z.strictObject({ roomIds: z.array(id).max(MAX_BATCH), profileId: id }),
  ),
  'rooms:add': channel<Room>()(roomInput),
  'rooms:update': channel<Room>()(z.strictObject({ id, patch: roomInput.partial() })),
  'rooms:delete': channel<Room>()(z.strictObject({ id })),
  /** Undo of a delete: puts the room back exactly as rooms:delete returned it. */
  'rooms:restore': channel<Room>()(z.strictObject({ room: z.record(z.string(), z.unknown()) })),
  /** A CSV import after the operator saw the preview. Each row stands alone: valid rows go in, invalid ones say why. */
  'rooms:import': channel<readonly ImportRowResult[]>()(
    z.strictObject({ rows: z.array(importRow).max(MAX_IMPORT_ROWS) }),
  ),
  /** Every Tencent Rooms room of the account, merged without duplicates. */
  'rooms:import-tencent': channel<TencentImportSummary>()(none),

  /** A 9-digit code (dashes and spaces allowed) or a meeting_id. */
  'meetings:lookup': channel<MeetingInfo>()(z.strictObject({ meeting: text(64) })),
  'meetings:recent': channel<readonly RecentMeeting[]>()(none),

  /**
   * Asks the dialer (main/calls/dialer.ts) to ring the rooms into the meeting. Its answer says what it queued, what
   * it skipped and why, or what to confirm first (then nothing was rung): a large batch, rooms of unknown outcome.
   */
  'calls:dial': channel<DialResult>()(
    z.strictObject({
      meeting: meetingRef,
      roomIds: z.array(id).min(1).max(MAX_BATCH),
      unknownOutcome: unknownOutcome.optional(),
      confirmedCount: z.int().min(1).max(MAX_BATCH).optional(),
      /**
       * Where the request came from, when not the operator's own pick on the board: a room-dialer:// link the
       * operator confirmed. Recorded with each call and in history; the window may claim no other origin.
       */
      origin: z.strictObject({ kind: z.literal('link') }).optional(),
    }),
  ),
  /** Room sets (main/store/room-sets.ts), in the order they were made. */
  'sets:list': channel<readonly RoomSet[]>()(none),
  'sets:create': channel<RoomSet>()(
    z.strictObject({
      name: text(),
      roomIds: setRoomIds,
      defaultMeeting: text(64).optional(),
      retry: setRetry.optional(),
    }),
  ),
  /** Fields left out stay; defaultMeeting '' and retry null remove them. Deleted rooms already in the set may stay. */
  'sets:update': channel<RoomSet>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        name: text().optional(),
        roomIds: setRoomIds.optional(),
        defaultMeeting: text(64).optional(),
        retry: setRetry.nullable().optional(),
      }),
    }),
  ),
  'sets:delete': channel<RoomSet>()(z.strictObject({ id })),
  /**
   * The rows of a set CSV: each names a set and a room (name, address or Rooms ID). `apply` false previews (nothing
   * changes); true saves. A row whose room is unknown is reported on its row; the other rows still count.
   */
  'sets:import': channel<SetImportReport>()(
    z.strictObject({ rows: z.array(setImportRow).max(ROOM_SET_LIMITS.importRows), apply: z.boolean() }),
  ),
  /**
   * Dials every room of the set through the dialer, as "set: <name>", then follows the calls with the set's retry
   * rules (or settings.retry). No meeting: the set's default meeting is looked up. Answers like calls:dial.
   */
  'sets:dial': channel<DialResult>()(
    z.strictObject({
      setId: id,
      meeting: meetingRef.optional(),
      unknownOutcome: unknownOutcome.optional(),
      confirmedCount: z.int().min(1).max(MAX_BATCH).optional(),
      /** A room-dialer:// link named the set and the operator confirmed it: its calls' origin is "link: <set>". */
      fromLink: z.boolean().optional(),
    }),
  ),

  /** The calls of one meeting (all meetings when left out), newest batch first. */
  'calls:list': channel<readonly CallView[]>()(z.strictObject({ meetingId: meetingId.optional() })),
  'calls:cancel': channel<CallView>()(z.strictObject({ callId: id })),
  /** Cancels every call of the meeting still queued, calling or ringing; nothing queued is sent after it. */
  'calls:cancel-all': channel<readonly CallView[]>()(z.strictObject({ meetingId: meetingId.optional() })),
  'calls:redial': channel<DialResult>()(z.strictObject({ callId: id, unknownOutcome: unknownOutcome.optional() })),
  /** Rings again exactly the rooms of this meeting whose latest call was rejected, unanswered or failed. */
  'calls:redial-failed': channel<DialResult>()(
    z.strictObject({ meeting: meetingRef, confirmedCount: z.int().min(1).max(MAX_BATCH).optional() }),
  ),

  /**
   * One page of finished calls, newest first, filtered in main (the window neither reverses nor filters again):
   * `room` is part of a room name or dial target, `meeting` a meeting ID or 9-digit code (digits only), `since` and
   * `until` ISO times (from inclusive, until exclusive). With how full history is, so the window can offer export.
   */
  /** Retries and rejoins the automation is waiting to ring (of one meeting, when given), soonest first. */
  'automation:pending': channel<readonly PendingRedial[]>()(z.strictObject({ meetingId: meetingId.optional() })),
  /** Drops one waiting retry or rejoin; nothing rings for it. */
  'automation:cancel': channel<null>()(z.strictObject({ id })),

  /** Every schedule with its progress (waiting, watching for the host, dialed, missed…) and next action. */
  'schedules:list': channel<readonly ScheduleView[]>()(none),
  /** A room set dialed into a meeting by itself; armed at once. */
  'schedules:add': channel<ScheduleView>()(
    z.strictObject({
      name: z.string().trim().min(1).max(SCHEDULE_LIMITS.name),
      setId: id,
      meeting: meetingRef,
      recurring: z.boolean(),
      trigger: scheduleTrigger,
      hostWatchMinutes: z
        .int()
        .min(SCHEDULE_LIMITS.hostWatchMinutes.min)
        .max(SCHEDULE_LIMITS.hostWatchMinutes.max)
        .optional(),
    }),
  ),
  /** Arms or pauses one schedule. */
  'schedules:arm': channel<ScheduleView>()(z.strictObject({ id, armed: z.boolean() })),
  'schedules:remove': channel<null>()(z.strictObject({ id })),
  /** The operator's and the other hosts' meetings of the local day, with whether the host is in now. */
  'meetings:today': channel<TodayMeetings>()(z.strictObject({ fresh: z.boolean().optional() })),

  'history:list': channel<HistoryPage>()(
    z.strictObject({
      roomId: id.optional(),
      room: text(200).optional(),
      meeting: z.string().max(32).optional(),
      outcome: z.string().max(64).optional(),
      since: z.string().max(64).optional(),
      until: z.string().max(64).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
  ),

  /** Opens an https link in the system browser, only for the allowlisted hosts (Tencent's help pages). */
  'shell:open-external': channel<null>()(z.strictObject({ url: text() })),
} as const;

export type IpcContract = typeof IPC_CONTRACT;
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = z.infer<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];
export const CHANNELS = Object.keys(IPC_CONTRACT) as Channel[];
