// Call history: one record per finished call, kept in append order and capped, the oldest dropped first, so the
// file stays a bounded size (5,000 records is roughly 2 MB).
import { invalid, valid, type Validated } from '../../common/validation';
import { fieldErrorFromZod } from './field-error';
import { HISTORY_LIMIT, historyRecordSchema, type HistoryRecord } from '../../common/store-schema';

/** The store assigns the id when none is given. */
export type HistoryInput = Omit<HistoryRecord, 'id'> & { readonly id?: string };

export interface HistoryFilter {
  readonly roomId?: string;
  readonly meetingId?: string;
  readonly outcome?: string;
  /** Calls started at or after this ISO time. */
  readonly since?: string;
  /** Calls started before this ISO time. */
  readonly until?: string;
  /** At most this many, newest first. */
  readonly limit?: number;
}

export function validateHistoryRecord(
  input: unknown,
  existing: readonly HistoryRecord[],
  newId: () => string,
): Validated<HistoryRecord> {
  const withId =
    typeof input === 'object' && input !== null && !Array.isArray(input) && (input as { id?: unknown }).id === undefined
      ? { ...input, id: newId() }
      : input;
  const parsed = historyRecordSchema.safeParse(withId);
  if (!parsed.success) return { ok: false, error: fieldErrorFromZod(parsed.error, 'record') };
  const record = parsed.data;
  if (Date.parse(record.endedAt) < Date.parse(record.startedAt)) {
    return invalid('endedAt', {
      'zh-CN': 'endedAt：结束时间不能早于开始时间 startedAt',
      'en-US': 'endedAt: must not be earlier than startedAt',
    });
  }
  if (existing.some((r) => r.id === record.id)) {
    return invalid('id', { 'zh-CN': 'id：这条通话记录已经保存过', 'en-US': 'id: this call record is already saved' });
  }
  return valid(record);
}

/** Appends and drops the oldest records beyond the cap. */
export function appendCapped(
  list: readonly HistoryRecord[],
  record: HistoryRecord,
  limit = HISTORY_LIMIT,
): HistoryRecord[] {
  const next = [...list, record];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Matching records, newest (last appended) first. */
export function filterHistory(list: readonly HistoryRecord[], filter: HistoryFilter = {}): HistoryRecord[] {
  const since = filter.since === undefined ? undefined : Date.parse(filter.since);
  const until = filter.until === undefined ? undefined : Date.parse(filter.until);
  const out: HistoryRecord[] = [];
  const limit = filter.limit ?? Number.POSITIVE_INFINITY;
  for (let i = list.length - 1; i >= 0 && out.length < limit; i--) {
    const r = list[i] as HistoryRecord;
    if (filter.roomId !== undefined && r.roomId !== filter.roomId) continue;
    if (filter.meetingId !== undefined && r.meetingId !== filter.meetingId) continue;
    if (filter.outcome !== undefined && r.outcome !== filter.outcome) continue;
    const started = Date.parse(r.startedAt);
    if (since !== undefined && started < since) continue;
    if (until !== undefined && started >= until) continue;
    out.push(r);
  }
  return out;
}
