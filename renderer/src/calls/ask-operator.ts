// The dialer's questions before it rings (a large batch, rooms whose last call ended unknown), asked in the
// operator's language through the window's one ConfirmDialog: the one place the board, a confirmed link and a room
// set ask them.
import { useI18n } from 'vue-i18n';
import type { DialConfirmation } from '../../../common/call-model';
import type { AskOperator, ConfirmAnswer } from '../stores/calls';
import { confirm } from '../util/confirm';

/**
 * `askFor(requested)` answers the dialer's questions for a request of `requested` rooms. When the one room dialed is
 * the unknown one, no means stop; in a batch, no skips the unknown rooms and the rest are still rung.
 */
export function useAskOperator(): (requested: number) => AskOperator {
  const { t } = useI18n();
  async function ask(question: DialConfirmation, requested: number): Promise<ConfirmAnswer> {
    if (question.kind === 'large_batch') {
      const subject = question.meeting.subject ?? question.meeting.meetingCode ?? question.meeting.meetingId;
      const yes = await confirm({
        title: t('board.largeBatchTitle', { n: question.count }),
        message: t('board.largeBatch', { n: question.count, subject }),
        confirmText: t('board.dialN', { n: question.count }),
        cancelText: t('common.cancel'),
      });
      return yes ? 'ring' : 'stop';
    }
    const [only] = question.roomNames;
    if (requested === 1 && only !== undefined) {
      const yes = await confirm({
        title: t('board.unknownConfirmTitle'),
        message: t('board.unknownConfirm', { name: only }),
        confirmText: t('board.dialAgain'),
        cancelText: t('common.cancel'),
      });
      return yes ? 'ring' : 'stop';
    }
    const again = await confirm({
      title: t('board.unknownConfirmTitle'),
      message: t('board.unknownConfirmMany', { n: question.roomIds.length }),
      confirmText: t('board.dialAgain'),
      cancelText: t('board.skipUnknown'),
    });
    return again ? 'ring' : 'skip';
  }
  return (requested) => (question) => ask(question, requested);
}
