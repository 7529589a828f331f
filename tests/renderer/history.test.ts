// @vitest-environment happy-dom
// The history view asks main for one page at a time with the filters, and shows what main sent in main's order.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryPage, HistoryRecord } from '../../common/store-schema';
import { historyQuery, useHistoryStore, type HistoryFilters } from '../../renderer/src/stores/history';
import HistoryView from '../../renderer/src/views/HistoryView.vue';
import { installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, fakeLayout, mountApp, settle, textOf } from './helpers/mount';

const NO_FILTERS: HistoryFilters = { room: '', meeting: '', outcome: '', since: '', until: '' };

function record(n: number): HistoryRecord {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    meetingId: '7567173273889276131',
    meetingCode: '806146667',
    roomId: '00000000-0000-4000-8000-000000000999',
    roomName: `Room ${n}`,
    target: `SIP room${n}@sip.example.com`,
    startedAt: new Date(Date.UTC(2026, 10, 22, 10, n)).toISOString(),
    endedAt: new Date(Date.UTC(2026, 10, 22, 10, n, 30)).toISOString(),
    outcome: 'joined',
  };
}

function page(records: HistoryRecord[], total = records.length, offset = 0): Promise<{ ok: true; value: HistoryPage }> {
  return ok({ records, total, offset, capacity: { stored: total, limit: 100_000, dropped: 0 } }) as Promise<{
    ok: true;
    value: HistoryPage;
  }>;
}

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('historyQuery', () => {
  it('sends local dates as local midnights (the until day included), a meeting as its digits, and no empty filter', () => {
    expect(historyQuery(NO_FILTERS)).toEqual({});
    expect(
      historyQuery({
        room: ' 北京 ',
        meeting: '806-146-667',
        outcome: 'rejected',
        since: '2026-11-01',
        until: '2026-11-30',
      }),
    ).toEqual({
      room: '北京',
      meeting: '806146667',
      outcome: 'rejected',
      since: new Date(2026, 10, 1).toISOString(),
      until: new Date(2026, 11, 1).toISOString(),
    });
    // Text that is not a meeting number filters nothing rather than matching nothing.
    expect(historyQuery({ ...NO_FILTERS, meeting: 'weekly' })).toEqual({});
  });
});

describe('history store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('asks for one page with the filters and keeps main’s order and count', async () => {
    const rows = [record(3), record(2)];
    fake.listHistory.mockReturnValue(page(rows, 52, 50));
    const history = useHistoryStore();
    history.filters.outcome = 'joined';
    await history.load(2);
    expect(fake.listHistory).toHaveBeenCalledWith({ outcome: 'joined', offset: 50, limit: 50 });
    expect(history.records).toEqual(rows);
    expect(history.total).toBe(52);
    expect(history.page).toBe(2);
  });

  it('shows the answer to the latest request when an earlier one comes back later', async () => {
    let answerFirst: (value: unknown) => void = () => undefined;
    fake.listHistory
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
      .mockReturnValueOnce(page([record(2)]));
    const history = useHistoryStore();
    const first = history.load();
    await history.load();
    answerFirst({ ok: true, value: { records: [record(1)], total: 1, offset: 0, capacity: null } });
    await first;
    expect(history.records).toEqual([record(2)]);
  });

  it('fetches everything that matches, page by page, for the export', async () => {
    const all = Array.from({ length: 5003 }, (_, n) => record(n));
    fake.listHistory.mockImplementation(({ offset = 0, limit = 50 }: { offset?: number; limit?: number }) =>
      page(all.slice(offset, offset + limit), all.length, offset),
    );
    const history = useHistoryStore();
    history.filters.room = 'Room';
    expect(await history.matchingAll()).toEqual(all);
    expect(fake.listHistory.mock.calls.map(([q]) => q)).toEqual([
      { room: 'Room', offset: 0, limit: 5000 },
      { room: 'Room', offset: 5000, limit: 5000 },
    ]);
  });
});

describe('history view', () => {
  it('lists the page main sent, counts every match, and asks main for the next page', async () => {
    fakeLayout();
    const rows = Array.from({ length: 50 }, (_, n) => record(120 - n));
    fake.listHistory.mockReturnValue(page(rows, 120));
    mountApp(HistoryView);
    await settle();
    expect(fake.listHistory).toHaveBeenLastCalledWith({ offset: 0, limit: 50 });
    expect(await textOf('history-count')).toContain('120');
    const shown = [...document.querySelectorAll('[data-testid="history-table"] tbody tr')].map(
      (row) => row.textContent ?? '',
    );
    expect(shown[0]).toContain('Room 120');
    expect(shown[1]).toContain('Room 119');

    fake.listHistory.mockReturnValue(page([record(70)], 120, 50));
    (byTestId('history-pages')?.querySelector('.btn-next') as HTMLElement).click();
    await settle();
    expect(fake.listHistory).toHaveBeenLastCalledWith({ offset: 50, limit: 50 });
    expect(useHistoryStore().page).toBe(2);
  });

  it('asks main again, from the first page, once typing in a filter pauses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fake.listHistory.mockReturnValue(page([]));
    mountApp(HistoryView);
    await vi.advanceTimersByTimeAsync(1_000);
    const history = useHistoryStore();
    history.filters.room = 'B';
    await vi.advanceTimersByTimeAsync(10);
    history.filters.room = 'Bo';
    await vi.advanceTimersByTimeAsync(10);
    history.filters.room = 'Boa';
    // Well past the view's pause (250 ms); not runAllTimers, which Element Plus's own layout timers never let end.
    await vi.advanceTimersByTimeAsync(1_000);
    const rooms = fake.listHistory.mock.calls.map(([q]) => (q as { room?: string }).room);
    expect(rooms).toEqual([undefined, 'Boa']);
    expect(fake.listHistory).toHaveBeenLastCalledWith({ room: 'Boa', offset: 0, limit: 50 });
  });
});

describe('history view readability (issue 11)', () => {
  const failed = (n: number, outcome: string, errorMessage?: string): HistoryRecord => ({
    ...record(n),
    outcome,
    ...(errorMessage ? { errorCode: '10004', errorMessage } : {}),
  });

  it('shows each outcome as the board does (word, icon and tone), and shows the error in the language on screen only', async () => {
    fakeLayout();
    const bilingual = '会议室呼叫失败（10004） / The room call failed (10004)';
    fake.listHistory.mockReturnValue(
      page([failed(4, 'failed', bilingual), failed(3, 'unknown'), failed(2, 'cancelled'), failed(1, 'joined')]),
    );
    mountApp(HistoryView, { locale: 'zh-CN' });
    await settle();
    const tones = [...document.querySelectorAll<HTMLElement>('[data-testid="history-outcome"]')].map(
      (cell) => `${cell.dataset['outcome']}=${cell.dataset['tone']}`,
    );
    expect(tones).toEqual(['failed=problem', 'unknown=unknown', 'cancelled=stopped', 'joined=joined']);
    // As on the board: the word (and an icon) in the state's tone, so colour is never the only sign.
    expect(document.querySelector('[data-outcome="failed"] .state-badge')?.textContent?.trim()).toBe('失败');
    expect(await textOf('history-error')).toBe('10004 会议室呼叫失败（10004）');
  });

  it('picks dates with Element Plus date pickers in the operator language, not the browser date input', async () => {
    fake.listHistory.mockReturnValue(page([]));
    mountApp(HistoryView, { locale: 'zh-CN' });
    await settle();
    expect(document.querySelector('input[type="date"]')).toBeNull();
    const pickers = [...document.querySelectorAll('.history-view__date input')];
    expect(pickers.map((input) => [input.getAttribute('aria-label'), input.getAttribute('placeholder')])).toEqual([
      ['开始日期', '开始日期'],
      ['结束日期', '结束日期'],
    ]);
  });

  it('says a failed load on its status line, with the next step', async () => {
    fake.listHistory.mockReturnValue(
      Promise.resolve({
        ok: false,
        error: {
          kind: 'storage',
          code: 'storage',
          message: { 'zh-CN': '读取失败', 'en-US': 'History could not be read' },
          hint: { 'zh-CN': '请重试', 'en-US': 'Try again' },
        },
      }),
    );
    mountApp(HistoryView);
    await settle();
    expect(await textOf('status-note')).toContain('History could not be read');
    expect(await textOf('status-note')).toContain('Try again');
  });
});

describe('history near its bound', () => {
  const withCapacity = (stored: number, dropped: number) =>
    ok({ records: [record(1)], total: 1, offset: 0, capacity: { stored, limit: 100_000, dropped } });

  it('says nothing while there is room', async () => {
    fake.listHistory.mockReturnValue(withCapacity(89_999, 0));
    mountApp(HistoryView);
    await settle();
    expect(byTestId('history-capacity')).toBeNull();
  });

  it('suggests an export when nearly full, and says how many went once some were dropped', async () => {
    fake.listHistory.mockReturnValue(withCapacity(95_000, 0));
    mountApp(HistoryView);
    await settle();
    expect(await textOf('history-capacity')).toBe(
      'History is nearly full: 95,000 of 100,000 calls kept, the oldest go first. Export to keep them.',
    );
    document.body.innerHTML = '';

    fake.listHistory.mockReturnValue(withCapacity(100_000, 1_234));
    mountApp(HistoryView, { locale: 'zh-CN' });
    await settle();
    expect(await textOf('history-capacity')).toBe(
      '通话记录只保留最新的 100,000 条：本次运行已删除 1,234 条较早的记录。请导出以保留其余记录。',
    );
  });
});
