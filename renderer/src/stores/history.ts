// Call history: read once per visit (at most 5,000 records), filtered here so every filter change is instant.
import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { HistoryRecord } from '../../../common/store-schema';
import { api, unwrap } from '../api';
import { meetingDigits } from '../meeting/meeting-input';
import { localDate } from '../util/local-time';

export interface HistoryFilters {
  room: string;
  meeting: string;
  outcome: string;
  /** YYYY-MM-DD, local dates, inclusive; '' for no bound. */
  since: string;
  until: string;
}

const EMPTY: HistoryFilters = { room: '', meeting: '', outcome: '', since: '', until: '' };

export function filterHistory(records: readonly HistoryRecord[], filters: HistoryFilters): HistoryRecord[] {
  const room = filters.room.trim().toLowerCase();
  const meeting = meetingDigits(filters.meeting.trim());
  return records.filter((r) => {
    if (room && !r.roomName.toLowerCase().includes(room) && !r.target.toLowerCase().includes(room)) return false;
    if (meeting && r.meetingId !== meeting && r.meetingCode !== meeting) return false;
    if (filters.outcome && r.outcome !== filters.outcome) return false;
    const day = localDate(r.startedAt);
    if (filters.since && day < filters.since) return false;
    if (filters.until && day > filters.until) return false;
    return true;
  });
}

export const useHistoryStore = defineStore('history', () => {
  const records = shallowRef<readonly HistoryRecord[]>([]);
  const loading = ref(false);
  const filters = reactive<HistoryFilters>({ ...EMPTY });

  /** Newest first. */
  const shown = computed(() => filterHistory(records.value, filters).reverse());

  async function load(): Promise<void> {
    loading.value = true;
    try {
      records.value = await unwrap(api().listHistory({}));
    } finally {
      loading.value = false;
    }
  }

  function resetFilters(): void {
    Object.assign(filters, EMPTY);
  }

  return { records, loading, filters, shown, load, resetFilters };
});
