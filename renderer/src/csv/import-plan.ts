// What an address-book import will do with each CSV row, decided before anything is sent: import it, skip it
// (invalid, or the same device twice in the file), or ask — a row that rings the same device as a saved room
// overwrites that room only when the operator ticked it (overwriteId), never silently.
import { withFieldLabel } from '../../../common/field-labels';
import type { RoomInputPayload } from '../../../common/ipc-contract';
import type { Localized } from '../../../common/locale';
import type { Room } from '../../../common/store-schema';
import { dialKey } from '../../../common/room-dial-key';
import type { DuplicateFinder } from '../rooms/duplicates';
import type { CsvRoomRow } from './room-csv';

export type PlanStatus = 'ready' | 'invalid' | 'conflict';

export interface PlannedRow extends CsvRoomRow {
  readonly status: PlanStatus;
  /** For 'conflict': the saved room this row would overwrite. */
  readonly existing?: Room;
  /** For 'invalid': every reason, in the operator's two languages, led by the field's label. */
  readonly reasons: readonly Localized[];
}

function dialOf(row: CsvRoomRow): string {
  return (row.input.kind === 'rooms' ? row.input.meetingRoomId : row.input.address) ?? '';
}

export function planImport(rows: readonly CsvRoomRow[], saved: DuplicateFinder): PlannedRow[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    if (row.errors.length > 0) {
      return {
        ...row,
        status: 'invalid',
        reasons: row.errors.map((error) => withFieldLabel(error.field, error.message)),
      };
    }
    const key = dialKey(row.input.kind, dialOf(row));
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      const field = row.input.kind === 'rooms' ? 'meetingRoomId' : 'address';
      const reason = withFieldLabel(field, {
        'zh-CN': `${field}：与第 ${first} 行相同`,
        'en-US': `${field}: the same as row ${first}`,
      });
      return { ...row, status: 'invalid', reasons: [reason] };
    }
    firstRowOf.set(key, row.row);
    const existing = saved.find(row.input.kind, dialOf(row));
    return existing ? { ...row, status: 'conflict', existing, reasons: [] } : { ...row, status: 'ready', reasons: [] };
  });
}

export interface ImportRequest {
  readonly rows: { room: RoomInputPayload; overwriteId?: string }[];
  /** CSV row number of each request row, to report the answers against the file. */
  readonly csvRows: number[];
}

/** The rows to send: every ready row, and the conflicting rows the operator chose to overwrite (by CSV row). */
export function importRequest(plan: readonly PlannedRow[], overwrite: ReadonlySet<number>): ImportRequest {
  const rows: ImportRequest['rows'] = [];
  const csvRows: number[] = [];
  for (const row of plan) {
    const chosen = row.status === 'conflict' && row.existing && overwrite.has(row.row);
    if (row.status !== 'ready' && !chosen) continue;
    const { tags, ...rest } = row.input;
    const room: RoomInputPayload = { ...rest, ...(tags ? { tags: [...tags] } : {}) };
    rows.push(chosen && row.existing ? { room, overwriteId: row.existing.id } : { room });
    csvRows.push(row.row);
  }
  return { rows, csvRows };
}

export interface PlanSummary {
  readonly ready: number;
  readonly invalid: number;
  readonly conflicts: number;
}

export function summarisePlan(plan: readonly PlannedRow[]): PlanSummary {
  let ready = 0;
  let invalid = 0;
  let conflicts = 0;
  for (const row of plan) {
    if (row.status === 'ready') ready++;
    else if (row.status === 'invalid') invalid++;
    else conflicts++;
  }
  return { ready, invalid, conflicts };
}
