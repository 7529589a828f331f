// Dialing a room set with one action (Enter on the set, or its Dial button): into the meeting on screen, or, when
// none is looked up, into the set's default meeting, looked up first through the meeting field so that it is on
// screen (and on the dial board) like any meeting the operator typed. Every dial rule is the dialer's in main
// (sets:dial); this asks its questions in the operator's language (a large set, rooms of unknown outcome) and says
// what happened on the view's status line: how many rooms ring, and which were not rung and why (a deleted room).
import { useI18n } from 'vue-i18n';
import type { DialConfirmation } from '../../../common/call-model';
import { formatMeetingCode } from '../../../common/meeting-number';
import type { RoomSet } from '../../../common/store-schema';
import { useLocalize } from '../i18n';
import { useCallsStore, type ConfirmAnswer } from '../stores/calls';
import { useMeetingStore, type MeetingRef } from '../stores/meeting';
import { useRoomsStore } from '../stores/rooms';
import { confirm } from '../util/confirm';
import type { useStatusNote } from '../util/status-note';

type StatusNote = ReturnType<typeof useStatusNote>;

/** At most this many skipped rooms are named in the note; the rest are counted. */
const NAMED_SKIPS = 3;

export function useSetDial(status: StatusNote) {
  const { t } = useI18n();
  const localize = useLocalize();
  const calls = useCallsStore();
  const meeting = useMeetingStore();
  const rooms = useRoomsStore();

  const subjectOf = (target: MeetingRef): string =>
    target.subject ?? (target.meetingCode ? formatMeetingCode(target.meetingCode) : target.meetingId);

  /** The meeting the set rings into, or null after saying why there is none. */
  async function meetingFor(set: RoomSet): Promise<MeetingRef | null> {
    if (meeting.dialRef) return meeting.dialRef;
    const closed = meeting.closedReason;
    if (meeting.meeting && closed) {
      status.show({ tone: 'error', text: () => t('sets.meetingClosed', { reason: localize(closed) }) }, null);
      return null;
    }
    if (set.defaultMeeting === undefined) {
      status.show({ tone: 'error', text: () => t('sets.noMeeting') }, null);
      return null;
    }
    meeting.setInput(set.defaultMeeting);
    if (!(await meeting.lookup())) {
      const problem = meeting.problem;
      status.show(
        {
          tone: 'error',
          text: () => t('sets.defaultNotFound', { reason: problem ? localize(problem.message) : '' }),
          ...(problem?.hint ? { detail: () => localize(problem.hint!) } : {}),
        },
        null,
      );
      return null;
    }
    const found = meeting.dialRef;
    const reason = meeting.closedReason;
    if (!found && reason) {
      status.show({ tone: 'error', text: () => t('sets.meetingClosed', { reason: localize(reason) }) }, null);
    }
    return found;
  }

  /** A set is a batch: no to rooms of unknown outcome skips them and the rest still rings. */
  async function ask(set: RoomSet, target: MeetingRef, question: DialConfirmation): Promise<ConfirmAnswer> {
    if (question.kind === 'large_batch') {
      const yes = await confirm({
        title: t('sets.largeBatchTitle', { n: question.count }),
        message: t('sets.largeBatch', { n: question.count, name: set.name, subject: subjectOf(target) }),
        confirmText: t('sets.dialN', { n: question.count }),
        cancelText: t('common.cancel'),
      });
      return yes ? 'ring' : 'stop';
    }
    const again = await confirm({
      title: t('sets.unknownTitle'),
      message: t(
        'sets.unknownConfirm',
        { n: question.roomIds.length, names: question.roomNames.join(t('sets.listSep')) },
        question.roomIds.length,
      ),
      confirmText: t('sets.dialAgain'),
      cancelText: t('sets.skipUnknown'),
    });
    return again ? 'ring' : 'skip';
  }

  async function dial(set: RoomSet): Promise<void> {
    const target = await meetingFor(set);
    if (!target) return;
    const present = set.roomIds.filter((id) => rooms.byId.has(id));
    try {
      const outcome = await calls.dialSet(set.id, target, present, (question) => ask(set, target, question));
      if (outcome.stopped) {
        status.show({ tone: 'info', text: () => t('sets.notDialed', { name: set.name }) });
        return;
      }
      const skipped = outcome.skipped;
      const named = () => {
        const list = skipped.slice(0, NAMED_SKIPS).map((s) => localize(s.message));
        if (skipped.length > NAMED_SKIPS) list.push(t('sets.andMore', { n: skipped.length - NAMED_SKIPS }));
        return t('sets.skipped', { list: list.join('；') });
      };
      status.show({
        tone: outcome.calls.length > 0 ? 'success' : 'info',
        text: () => t('sets.dialing', { n: outcome.calls.length, name: set.name }, outcome.calls.length),
        ...(skipped.length > 0 ? { detail: named } : {}),
      });
    } catch (thrown) {
      status.error(thrown);
    }
  }

  return { dial };
}
