// Notifications for the screens that have no place of their own for a result (the address book, history and
// settings say theirs on a StatusNote line in their layout: util/status-note.ts). Failures show what happened and
// the next step (from main's IpcError) in the current language, a field error led by the field's label; they stay
// until closed, at the bottom right, away from the header and the toolbars. Other messages are short, go away by
// themselves, and sit at the bottom centre: clear of the toolbars at the top (which the undo message used to cover)
// and of the buttons at either end of a list row.
import { ElMessage, ElNotification } from 'element-plus';
import { withFieldLabel } from '../../../common/field-labels';
import { toIpcError } from '../api';
import type { StoreNoticeView } from '../../../common/ipc-contract';
import { useI18n } from 'vue-i18n';
import { useLocalize } from '../i18n';

export function useNotify() {
  const localize = useLocalize();
  const { t } = useI18n();
  return {
    error(thrown: unknown, title?: string): void {
      const error = toIpcError(thrown);
      const message = localize(error.field ? withFieldLabel(error.field, error.message) : error.message);
      ElNotification({
        type: 'error',
        title: title ?? message,
        message: title ? `${message} ${localize(error.hint)}` : localize(error.hint),
        duration: 0,
        position: 'bottom-right',
        customClass: 'notify-error',
      });
    },
    /** Something the operator should know that is not a failure (rooms the dialer left out, and why). */
    info(text: string): void {
      ElMessage({ type: 'info', message: text, duration: 6000, placement: 'bottom', customClass: 'notify-info' });
    },
    /** Store problems (a file moved aside, an upgrade): each stays until closed, naming the copy kept. */
    storeNotices(notices: readonly StoreNoticeView[]): void {
      for (const notice of notices) {
        ElNotification({
          type: 'warning',
          title: t('app.noticeTitle'),
          // IT's notices name their file in the message and moved nothing aside: no backup path.
          message: notice.backupPath
            ? `${localize(notice.message)} ${t('app.noticeBackup', { path: notice.backupPath })}`
            : localize(notice.message),
          duration: 0,
          position: 'bottom-right',
          customClass: 'store-notice',
        });
      }
    },
    success(text: string): void {
      ElMessage({ type: 'success', message: text, placement: 'bottom', customClass: 'notify-success' });
    },
  };
}
