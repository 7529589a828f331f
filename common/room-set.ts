// A room set: a named list of address-book rooms dialed together ("Monday board meeting: board room + 2 overflow
// rooms"), with an optional default meeting and its own retry/rejoin rules. Pure, so the window checks the name and
// the default meeting as they are typed with the very rules main applies (main/store/room-set-input.ts), and the
// CSV import's row report crosses IPC in one shape.
import { fieldProblem } from './input-text';
import type { Localized } from './locale';
import { parseMeetingNumber } from './meeting-number';
import type { RetryPolicy } from './retry-policy';
import { validateRoomName } from './room-input';
import { valid, type Validated } from './validation';

export const ROOM_SET_LIMITS = {
  /** Code points, as a room name. */
  name: 100,
  /** Rooms in one set: a set is dialed as one batch, and 200 is already four times the batch confirmation. */
  rooms: 200,
  sets: 500,
  /** Rows of one CSV import: every set full would be 100,000; real files are a few hundred. */
  importRows: 20_000,
  /** What a CSV cell may hold before the import refuses it: longer than any name, address or ID. */
  importCell: 600,
} as const;

/** What the set dialog (or an IPC call) supplies to create a set. */
export interface RoomSetInput {
  readonly name: string;
  /** Address-book room ids, in dial order. */
  readonly roomIds: readonly string[];
  /** A 9-digit meeting code or a meeting ID (separators allowed); empty or absent for none. */
  readonly defaultMeeting?: string;
  /** The set's own retry/rejoin rules; absent or null: settings.retry. */
  readonly retry?: RetryPolicy | null;
}

/** An edit: fields left out stay as they are; `defaultMeeting: ''` and `retry: null` remove them. */
export type RoomSetPatch = Partial<RoomSetInput>;

/**
 * How names are compared (set names are unique by it; the CSV import finds rooms by it): without regard to case or
 * width, "Board" and "ｂｏａｒｄ" read as the same name in a list.
 * NFKC folds full-width letters (a Chinese input method's) onto ASCII before lower-casing.
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase();
}

/** A set name follows the rules of a room name (one line, 1–100 characters): both are labels in the same lists. */
export function validateSetName(value: unknown, field = 'name'): Validated<string> {
  return validateRoomName(value, field);
}

/**
 * The default meeting as it is stored: the digits of a meeting code (9) or a meeting ID (10–32), undefined for none.
 * Refused the way the meeting field refuses it, naming `field`.
 */
export function validateDefaultMeeting(value: unknown, field = 'defaultMeeting'): Validated<string | undefined> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return valid(undefined);
  }
  if (typeof value !== 'string') return fieldProblem(field, '必须是文本', 'must be text');
  const parsed = parseMeetingNumber(value, field);
  if (!parsed.ok) return parsed;
  return valid(parsed.value.kind === 'code' ? parsed.value.meetingCode : parsed.value.meetingId);
}

// ── CSV import (sets:import) ─────────────────────────────────────────────────────────────────────────────────────

/** One data row of a set CSV, as the window read it. */
export interface SetImportRow {
  /** The row as a spreadsheet numbers it (the header is row 1, blank lines count). */
  readonly row: number;
  readonly set: string;
  /** A room's name, or its address or Rooms ID. */
  readonly room: string;
  /** The address / Rooms ID column of an exported file, tried before the name. */
  readonly address?: string;
}

/** A row that was left out, and why, in both languages. */
export interface SetImportProblem {
  readonly row: number;
  readonly field: 'set' | 'room';
  readonly message: Localized;
}

export interface SetImportEntry {
  readonly name: string;
  /** A new set, or an existing one (same name) whose rooms the file's rooms replace. */
  readonly action: 'create' | 'replace';
  readonly rooms: number;
}

export interface SetImportReport {
  /** False for the preview: nothing was changed. */
  readonly applied: boolean;
  readonly sets: readonly SetImportEntry[];
  readonly problems: readonly SetImportProblem[];
}
