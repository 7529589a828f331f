// Native notifications for call outcomes (the decisions are in ../call-notifications.ts). Clicking one brings the
// window forward.
import { Notification, type BrowserWindow } from 'electron';
import type { Locale } from '../../../common/locale';
import type { Dialer } from '../../calls/dialer';
import { createCallNotifier } from '../call-notifications';
import { focusWindow } from '../focus-window';

/** Starts notifying; returns the function that stops it. */
export function notifyCallOutcomes(
  tracker: Pick<Dialer, 'onUpdate'>,
  window: () => BrowserWindow | undefined,
  locale: () => Locale,
): () => void {
  if (!Notification.isSupported()) return () => {};
  const notifier = createCallNotifier({
    locale,
    isWindowFocused: () => window()?.isFocused() ?? false,
    show: ({ title, body }) => {
      const notification = new Notification({ title, body });
      notification.on('click', () => focusWindow(window()));
      notification.show();
    },
  });
  return tracker.onUpdate(notifier);
}
