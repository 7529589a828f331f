// Call history as CSV, with column names and outcomes in the operator's language and times in local time
// (what a spreadsheet user expects), plus the raw outcome and error code for anyone filtering the file.
import { CALL_STATE_LABELS, CALL_STATES, type CallState } from '../../../common/call-model';
import type { Locale } from '../../../common/locale';
import type { HistoryRecord } from '../../../common/store-schema';
import { formatDuration } from '../util/format';
import { toCsv } from './cells';

const HEADERS: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '开始时间',
    '结束时间',
    '会议号',
    '会议 ID',
    '会议主题',
    '会议室',
    '呼叫地址',
    '结果',
    '结果代码',
    '时长',
    '错误代码',
    '错误',
  ],
  'en-US': [
    'Started',
    'Ended',
    'Meeting code',
    'Meeting ID',
    'Subject',
    'Room',
    'Dialed',
    'Outcome',
    'Outcome code',
    'Duration',
    'Error code',
    'Error',
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-22 10:00:05" in this computer's time zone. */
export function localTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function outcomeLabel(outcome: string, locale: Locale): string {
  return (CALL_STATES as readonly string[]).includes(outcome)
    ? CALL_STATE_LABELS[outcome as CallState][locale]
    : outcome;
}

export function historyToCsv(records: readonly HistoryRecord[], locale: Locale): string {
  return toCsv(
    HEADERS[locale],
    records.map((r) => [
      localTimestamp(r.startedAt),
      localTimestamp(r.endedAt),
      r.meetingCode ?? '',
      r.meetingId,
      r.subject ?? '',
      r.roomName,
      r.target,
      outcomeLabel(r.outcome, locale),
      r.outcome,
      formatDuration(r.startedAt, r.endedAt),
      r.errorCode ?? '',
      r.errorMessage ?? '',
    ]),
  );
}
