// Call history rules: checking a record before it is kept, and the one filter every caller uses (the window's
// history view pages through it in main; nothing filters history anywhere else).
import { invalid, valid, type Validated } from '../../common/validation';
import { fieldErrorFromZod } from './field-error';
import { historyRecordSchema, type HistoryRecord } from '../../common/store-schema';

/** The store assigns the id when none is given. */
export type HistoryInput = Omit<HistoryRecord, 'id'> & { readonly id?: string };

export interface HistoryFilter {
  readonly roomId?: string;
  /** Part of the room's name or of what was dialed, any case. */
  readonly room?: string;
  /** The meeting's ID or its 9-digit code, digits only. */
  readonly meeting?: string;
  readonly outcome?: string;
  /** Calls started at or after this ISO time. */
  readonly since?: string;
  /** Calls started before this ISO time. */
  readonly until?: string;
}

/** A page of the filtered history, newest first. */
export interface HistoryQuery extends HistoryFilter {
  readonly offset?: number;
  readonly limit?: number;
}

export function validateHistoryRecord(
  input: unknown,
  isKnownId: (id: string) => boolean,
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
  if (isKnownId(record.id)) {
    return invalid('id', { 'zh-CN': 'id：这条通话记录已经保存过', 'en-US': 'id: this call record is already saved' });
  }
  return valid(record);
}

/** The filter as one test, with its texts and times prepared once rather than per record. */
export function historyMatcher(filter: HistoryFilter = {}): (record: HistoryRecord) => boolean {
  const { roomId, meeting, outcome } = filter;
  const room = filter.room?.trim().toLowerCase() || undefined;
  const since = filter.since === undefined ? undefined : Date.parse(filter.since);
  const until = filter.until === undefined ? undefined : Date.parse(filter.until);
  return (r) => {
    if (roomId !== undefined && r.roomId !== roomId) return false;
    if (room !== undefined && !r.roomName.toLowerCase().includes(room) && !r.target.toLowerCase().includes(room)) {
      return false;
    }
    if (meeting !== undefined && r.meetingId !== meeting && r.meetingCode !== meeting) return false;
    if (outcome !== undefined && r.outcome !== outcome) return false;
    if (since === undefined && until === undefined) return true;
    const started = Date.parse(r.startedAt);
    if (since !== undefined && started < since) return false;
    if (until !== undefined && started >= until) return false;
    return true;
  };
}
