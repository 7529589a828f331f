import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { historyToCsv, type HistoryCsvWords } from '../../renderer/src/csv/history-csv';
import { localTimestamp } from '../../renderer/src/util/local-time';
import type { HistoryRecord } from '../../common/store-schema';

const record: HistoryRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  meetingId: '7567173273889276131',
  meetingCode: '806146667',
  subject: '周会, 第 3 次',
  roomId: '00000000-0000-4000-8000-000000000002',
  roomName: '北京大会议室',
  target: 'H.323 10.0.0.5',
  startedAt: '2026-11-22T02:00:00.000Z',
  endedAt: '2026-11-22T02:01:05.000Z',
  outcome: 'rejected',
  errorCode: '9001',
  errorMessage: '=HYPERLINK("x")',
};

/** Stand-ins for the history screen's words (tests/renderer/profiles-history.test.ts checks the real ones). */
const WORDS: HistoryCsvWords = {
  origin: (origin) => (origin ? `origin(${origin})` : ''),
  profile: (profile) => profile?.name ?? '',
};

describe('historyToCsv', () => {
  it('writes localized headers and outcomes, local times, durations, and guards formulae', () => {
    const [header, row] = Papa.parse<string[]>(historyToCsv([record], 'zh-CN', WORDS).slice(1)).data;
    expect(header?.[0]).toBe('开始时间');
    expect(row).toEqual([
      localTimestamp(record.startedAt),
      localTimestamp(record.endedAt),
      '806146667',
      '7567173273889276131',
      '周会, 第 3 次',
      '北京大会议室',
      'H.323 10.0.0.5',
      '已拒绝',
      'rejected',
      '1:05',
      '9001',
      `'=HYPERLINK("x")`,
      '',
      '',
    ]);
    const english = Papa.parse<string[]>(historyToCsv([record], 'en-US', WORDS).slice(1)).data;
    expect(english[1]?.[7]).toBe('Rejected');
  });

  it("writes the error in the chosen language only (main keeps both, '<zh-CN> / <en-US>')", () => {
    const failed = {
      ...record,
      errorCode: '10004',
      errorMessage: '会议室呼叫失败（10004） / The room call failed (10004)',
    };
    const cell = (locale: 'zh-CN' | 'en-US') =>
      Papa.parse<string[]>(historyToCsv([failed], locale, WORDS).slice(1)).data[1]?.[11];
    expect(cell('zh-CN')).toBe('会议室呼叫失败（10004）');
    expect(cell('en-US')).toBe('The room call failed (10004)');
  });

  it('ends each row with its origin and its profile, as the screen says them, formulae guarded', () => {
    const scheduled = { ...record, origin: 'schedule: Monday', profile: { id: 'hq', name: '=Head office' } };
    const [header, row] = Papa.parse<string[]>(historyToCsv([scheduled], 'en-US', WORDS).slice(1)).data;
    expect(header?.slice(-2)).toEqual(['Origin', 'Profile']);
    expect(row?.slice(-2)).toEqual(['origin(schedule: Monday)', `'=Head office`]);
    const chinese = Papa.parse<string[]>(historyToCsv([scheduled], 'zh-CN', WORDS).slice(1)).data;
    expect(chinese[0]?.slice(-2)).toEqual(['来源', '配置']);
  });

  it('formats local time as YYYY-MM-DD HH:mm:ss', () => {
    expect(localTimestamp(record.startedAt)).toMatch(/^2026-11-2[12] \d\d:00:00$/);
  });
});
