// Schedules: a room set dialed into a meeting by itself — when the host joins (the default), at the start time, or
// N minutes before it (issue 13; reference §8.3–§8.4). What is saved (Schedule) and what the window sees of a
// schedule's progress (ScheduleView). The runner is main/calls/schedules.ts.
import { z } from 'zod';
import type { Localized } from './locale';

export type ScheduleTrigger =
  | { readonly kind: 'host_joins' }
  | { readonly kind: 'at_start' }
  | { readonly kind: 'before_start'; readonly minutes: number };

export const SCHEDULE_LIMITS = {
  name: 100,
  beforeStartMinutes: { min: 1, max: 120 },
  /** Host presence is watched from this long before the start. */
  hostWatchMinutes: { min: 0, max: 120 },
  schedules: 200,
} as const;

export const DEFAULT_HOST_WATCH_MINUTES = 10;

export interface Schedule {
  readonly id: string;
  readonly name: string;
  readonly setId: string;
  readonly meeting: { readonly meetingId: string; readonly meetingCode?: string; readonly subject?: string };
  /** Each occurrence of a recurring meeting, not only the next one. */
  readonly recurring: boolean;
  readonly trigger: ScheduleTrigger;
  readonly hostWatchMinutes: number;
  readonly armed: boolean;
  /** The start (Unix s) of the last occurrence this schedule dialed or reported, so a restart never dials it twice. */
  readonly lastOccurrence?: number;
}

export type ScheduleStatus =
  | 'paused'
  /** Armed, waiting for the trigger time (or for the host watch to begin). */
  | 'waiting'
  /** Reading the meeting's participants until the host is in. */
  | 'watching_host'
  | 'dialed'
  /** The meeting ended before the trigger: the PC slept, the app was closed, or the host never came. */
  | 'missed'
  | 'meeting_closed'
  | 'error';

export interface ScheduleView extends Schedule {
  readonly status: ScheduleStatus;
  /** ISO: the trigger time, or the next host check. */
  readonly nextActionAt?: string;
  /** The occurrence being handled (Unix seconds). */
  readonly occurrence?: { readonly startTime: number; readonly endTime: number };
  /** What happened last, for the window and the notification. */
  readonly note?: Localized;
}

/** What the runner tells the shell (a desktop notification) and history (each dial carries its origin). */
export interface ScheduleEvent {
  readonly scheduleId: string;
  readonly kind: 'dialed' | 'missed' | 'host_never_joined' | 'meeting_closed' | 'failed';
  readonly title: Localized;
  readonly body: Localized;
}

const meetingIdText = z.string().regex(/^\d{1,32}$/);

/** The saved form of a Schedule (config.schedules.json), checked on read and before every write. */
export const scheduleSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(SCHEDULE_LIMITS.name),
  setId: z.string().min(1).max(64),
  meeting: z.strictObject({
    meetingId: meetingIdText,
    meetingCode: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
    subject: z.string().max(255).optional(),
  }),
  recurring: z.boolean(),
  trigger: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('host_joins') }),
    z.strictObject({ kind: z.literal('at_start') }),
    z.strictObject({
      kind: z.literal('before_start'),
      minutes: z.int().min(SCHEDULE_LIMITS.beforeStartMinutes.min).max(SCHEDULE_LIMITS.beforeStartMinutes.max),
    }),
  ]),
  hostWatchMinutes: z.int().min(SCHEDULE_LIMITS.hostWatchMinutes.min).max(SCHEDULE_LIMITS.hostWatchMinutes.max),
  armed: z.boolean(),
  lastOccurrence: z.int().min(0).optional(),
});

export const schedulesDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  schedules: z.array(scheduleSchema).max(SCHEDULE_LIMITS.schedules),
});
