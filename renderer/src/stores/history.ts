// Call history as main pages it: the filters are sent with each request and main answers one page, newest first,
// with how many calls match. Nothing is filtered, reversed or counted here: history may hold 100,000 calls, and the
// one filter lives in main (main/store/history.ts).
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { RequestOf } from '../../../common/ipc-contract';
import type { HistoryCapacity, HistoryRecord } from '../../../common/store-schema';
import { api, unwrap } from '../api';
import { meetingDigits } from '../meeting/meeting-input';

export interface HistoryFilters {
  room: string;
  meeting: string;
  outcome: string;
  /** YYYY-MM-DD, local dates, inclusive; '' for no bound. */
  since: string;
  until: string;
}

export const HISTORY_PAGE_SIZE = 50;
/** Records per request when exporting everything that matches (the channel's largest page). */
const EXPORT_PAGE_SIZE = 5000;

const EMPTY: HistoryFilters = { room: '', meeting: '', outcome: '', since: '', until: '' };

/** Local midnight of a YYYY-MM-DD date, `days` later, as an ISO time; undefined for '' or a malformed date. */
function localMidnight(date: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export type HistoryFilterQuery = Omit<RequestOf<'history:list'>, 'offset' | 'limit'>;

/**
 * The filters as main's history:list takes them: local dates become the times of local midnight (the "until" day
 * included), a meeting typed as 123-456-789 becomes its digits; empty filters are left out.
 */
export function historyQuery(filters: HistoryFilters): HistoryFilterQuery {
  const room = filters.room.trim();
  const meeting = meetingDigits(filters.meeting.trim());
  const since = localMidnight(filters.since);
  const until = localMidnight(filters.until, 1);
  return {
    ...(room ? { room } : {}),
    ...(meeting ? { meeting } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

export const useHistoryStore = defineStore('history', () => {
  /** The page on screen, newest first, as main sent it (at most HISTORY_PAGE_SIZE rows). */
  const records = shallowRef<HistoryRecord[]>([]);
  /** Calls matching the filters, on every page. */
  const total = ref(0);
  const page = ref(1);
  const capacity = shallowRef<HistoryCapacity | null>(null);
  const loading = ref(false);
  const filters = reactive<HistoryFilters>({ ...EMPTY });
  // Answers can come back out of order while the operator types; only the latest request's is shown.
  let latest = 0;

  async function load(pageNumber = 1): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const result = await unwrap(
        api().listHistory({
          ...historyQuery(filters),
          offset: (pageNumber - 1) * HISTORY_PAGE_SIZE,
          limit: HISTORY_PAGE_SIZE,
        }),
      );
      if (request !== latest) return;
      records.value = [...result.records];
      total.value = result.total;
      capacity.value = result.capacity;
      page.value = pageNumber;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** Every call matching the filters, newest first, fetched page by page (for the CSV export). */
  async function matchingAll(): Promise<HistoryRecord[]> {
    const query = historyQuery(filters);
    const all: HistoryRecord[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
      const result = await unwrap(api().listHistory({ ...query, offset, limit: EXPORT_PAGE_SIZE }));
      all.push(...result.records);
      if (result.records.length < EXPORT_PAGE_SIZE || all.length >= result.total) return all;
    }
  }

  function resetFilters(): void {
    Object.assign(filters, EMPTY);
  }

  return { records, total, page, capacity, loading, filters, load, matchingAll, resetFilters };
});
