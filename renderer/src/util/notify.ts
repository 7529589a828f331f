// Operator notifications: failures show what happened and the next step (from main's IpcError) in the current
// language; successes are short and go away by themselves.
import { ElMessage, ElNotification } from 'element-plus';
import { toIpcError } from '../api';
import { useLocalize } from '../i18n';

export function useNotify() {
  const localize = useLocalize();
  return {
    error(thrown: unknown, title?: string): void {
      const error = toIpcError(thrown);
      ElNotification({
        type: 'error',
        title: title ?? localize(error.message),
        message: title ? `${localize(error.message)} ${localize(error.hint)}` : localize(error.hint),
        duration: 0,
        // Bottom right: the header's controls (language) stay clickable while a notice is open.
        position: 'bottom-right',
        customClass: 'notify-error',
      });
    },
    /** Something the operator should know that is not a failure (rooms the dialer left out, and why). */
    info(text: string): void {
      ElMessage({ type: 'info', message: text, duration: 6000, customClass: 'notify-info' });
    },
    success(text: string): void {
      ElMessage({ type: 'success', message: text, customClass: 'notify-success' });
    },
  };
}
