// @vitest-environment happy-dom
// History says who asked for each call (main records it as "schedule: Monday board", "retry 1/2: Board rooms"), in
// the operator's language; the operator's own dial has none, and a line in another shape is shown as it is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryRecord } from '../../common/store-schema';
import { parseOrigin } from '../../renderer/src/automation/origin';
import HistoryView from '../../renderer/src/views/HistoryView.vue';
import { installFakeApi, ok, type FakeApi } from './helpers/fake-api';
import { fakeLayout, mountApp, settle } from './helpers/mount';

function record(n: number, origin?: string): HistoryRecord {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    meetingId: '15550001112223334445',
    meetingCode: '614203758',
    roomId: '00000000-0000-4000-8000-000000000999',
    roomName: `Room ${n}`,
    target: `Rooms 24897${n}`,
    startedAt: new Date(Date.UTC(2026, 10, 22, 10, 60 - n)).toISOString(),
    endedAt: new Date(Date.UTC(2026, 10, 22, 10, 60 - n, 30)).toISOString(),
    outcome: 'joined',
    ...(origin === undefined ? {} : { origin }),
  };
}

const RECORDS = [
  record(1, 'schedule: Monday board'),
  record(2, 'retry 1/2: Board rooms'),
  record(3, 'set: Board rooms'),
  record(4),
  record(5, 'something else'),
];

let fake: FakeApi;
beforeEach(() => {
  fakeLayout();
  fake = installFakeApi();
  fake.listHistory.mockReturnValue(
    ok({ records: RECORDS, total: RECORDS.length, offset: 0, capacity: { stored: 5, limit: 100_000, dropped: 0 } }),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const origins = () =>
  [...document.querySelectorAll('[data-testid="history-origin"]')].map((cell) => cell.textContent?.trim());

describe('origin in history', () => {
  it('reads back what main records, and nothing else', () => {
    expect(parseOrigin('schedule: Monday board')).toEqual({ kind: 'schedule', label: 'Monday board' });
    expect(parseOrigin('rejoin 2/2: set: Lobby')).toEqual({ kind: 'rejoin', attempt: 2, of: 2, label: 'set: Lobby' });
    expect(parseOrigin('link')).toEqual({ kind: 'link' });
    expect(parseOrigin('schedule Monday')).toBeUndefined();
  });

  it('says each call’s origin in English and in Chinese', async () => {
    const en = mountApp(HistoryView);
    await settle();
    expect(origins()).toEqual([
      'Schedule: Monday board',
      'Retry 1/2: Board rooms',
      'Room set: Board rooms',
      '',
      'something else',
    ]);
    en.unmount();
    document.body.innerHTML = '';
    mountApp(HistoryView, { locale: 'zh-CN' });
    await settle();
    expect(origins().slice(0, 3)).toEqual(['计划：Monday board', '自动重呼 1/2：Board rooms', '会议室组：Board rooms']);
  });
});
