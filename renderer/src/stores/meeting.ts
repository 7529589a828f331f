// The meeting rooms are dialed into: what the operator typed, the looked-up meeting, and the recent list.
// Nothing can be dialed until a lookup succeeded, so a mistyped code shows its error before any room rings.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { withFieldLabel } from '../../../common/field-labels';
import type { RequestOf } from '../../../common/ipc-contract';
import type { IpcErrorKind } from '../../../common/ipc-error';
import type { Localized } from '../../../common/locale';
import { parseMeetingNumber } from '../../../common/meeting-number';
import { meetingClosedReason } from '../../../common/meeting-state';
import type { RecentMeeting } from '../../../common/store-schema';
import type { MeetingInfo } from '../../../common/wemeet-types';
import { api, toIpcError, unwrap } from '../api';
import { meetingDigits, meetingFieldText } from '../meeting/meeting-input';

export type MeetingRef = RequestOf<'calls:dial'>['meeting'];

export interface MeetingProblem {
  readonly message: Localized;
  readonly hint?: Localized;
  /** Set when main answered with an error (absent for a code refused in the window): tells a network failure apart. */
  readonly kind?: IpcErrorKind;
}

export const useMeetingStore = defineStore('meeting', () => {
  const input = ref('');
  const meeting = shallowRef<MeetingInfo | null>(null);
  const problem = shallowRef<MeetingProblem | null>(null);
  const looking = ref(false);
  const recent = shallowRef<readonly RecentMeeting[]>([]);
  /** Answers to an older lookup (the operator kept typing) are dropped. */
  let lookupSeq = 0;

  /** Why nothing can be dialed into the meeting found (cancelled, ended); the dialer refuses it too. */
  const closedReason = computed(() => (meeting.value ? meetingClosedReason(meeting.value.status) : undefined));

  /** What dial() is given: the ids as Tencent has them, and the subject for the history. */
  const dialRef = computed<MeetingRef | null>(() => {
    const m = meeting.value;
    if (!m || closedReason.value) return null;
    return {
      meetingId: m.meetingId,
      ...(/^\d{9}$/.test(m.meetingCode) ? { meetingCode: m.meetingCode } : {}),
      ...(m.subject ? { subject: [...m.subject].slice(0, 255).join('') } : {}),
    };
  });

  /** Typing: regroup the code, and forget a looked-up meeting the text no longer names. */
  function setInput(text: string): void {
    const next = meetingFieldText(text);
    if (next !== input.value) {
      // A lookup still under way is for the old text: its answer must not become the meeting rooms are dialed into.
      lookupSeq++;
      looking.value = false;
    }
    input.value = next;
    problem.value = null;
    const digits = meetingDigits(input.value);
    const m = meeting.value;
    if (m && digits !== m.meetingCode && digits !== m.meetingId) meeting.value = null;
  }

  async function lookup(): Promise<boolean> {
    const seq = ++lookupSeq;
    const parsed = parseMeetingNumber(input.value);
    if (!parsed.ok) {
      meeting.value = null;
      // Led by the field's label ("会议号或会议 ID：…"), not its code name.
      problem.value = { message: withFieldLabel(parsed.error.field, parsed.error.message) };
      return false;
    }
    const number = parsed.value.kind === 'code' ? parsed.value.meetingCode : parsed.value.meetingId;
    looking.value = true;
    problem.value = null;
    try {
      const found = await unwrap(api().lookupMeeting({ meeting: number }));
      if (seq !== lookupSeq) return false;
      meeting.value = found;
      void loadRecent();
      return true;
    } catch (thrown) {
      if (seq !== lookupSeq) return false;
      meeting.value = null;
      const error = toIpcError(thrown);
      const message = error.field ? withFieldLabel(error.field, error.message) : error.message;
      problem.value = { message, hint: error.hint, kind: error.kind };
      return false;
    } finally {
      if (seq === lookupSeq) looking.value = false;
    }
  }

  async function pickRecent(entry: RecentMeeting): Promise<boolean> {
    setInput(entry.meetingCode);
    return lookup();
  }

  /** A failed read leaves the old list: it is a convenience, not worth an error of its own. */
  async function loadRecent(): Promise<void> {
    try {
      recent.value = await unwrap(api().recentMeetings());
    } catch {
      // keep what is shown
    }
  }

  return { input, meeting, problem, looking, recent, closedReason, dialRef, setInput, lookup, pickRecent, loadRecent };
});
