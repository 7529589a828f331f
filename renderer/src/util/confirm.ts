// "Are you sure?" as a promise: `await confirm({...})` is true for yes. One ConfirmDialog (an ElDialog, mounted
// once by App) shows the question; a second question while one is open answers the first with no.
import { shallowRef } from 'vue';

export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  readonly confirmText: string;
  readonly cancelText: string;
  /** Danger for deletes and overwrites, warning for the rest. */
  readonly tone?: 'warning' | 'danger';
}

interface Pending extends ConfirmRequest {
  readonly answer: (yes: boolean) => void;
}

export const pendingConfirm = shallowRef<Pending | null>(null);

export function confirm(request: ConfirmRequest): Promise<boolean> {
  pendingConfirm.value?.answer(false);
  return new Promise((resolve) => {
    pendingConfirm.value = {
      ...request,
      answer: (yes) => {
        pendingConfirm.value = null;
        resolve(yes);
      },
    };
  });
}
