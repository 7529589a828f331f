// Call history as CSV, with column names, outcomes and error texts in the operator's language and times in local
// time (what a spreadsheet user expects), plus the raw outcome and error code for anyone filtering the file. Who
// asked for each call (its origin) and the profile that placed it are said as the history screen says them; the
// new columns come last, so a spreadsheet reading the older columns by position still finds them.
import type { CallProfile } from '../../../common/call-model';
import type { Locale } from '../../../common/locale';
import type { HistoryRecord } from '../../../common/store-schema';
import { outcomeLabel } from '../calls/outcome';
import { recordErrorText } from '../history/record-error';
import { formatDuration } from '../util/format';
import { localTimestamp } from '../util/local-time';
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
    '来源',
    '配置',
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
    'Origin',
    'Profile',
  ],
};

/** The history screen's words for the columns that need the window's texts (automation/words.ts, profiles). */
export interface HistoryCsvWords {
  /** '' for the operator's own dial. */
  origin(origin: string | undefined): string;
  /** '' for a record from before profiles. */
  profile(profile: CallProfile | undefined): string;
}

export function historyToCsv(records: readonly HistoryRecord[], locale: Locale, words: HistoryCsvWords): string {
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
      recordErrorText(r, locale),
      words.origin(r.origin),
      words.profile(r.profile),
    ]),
  );
}
