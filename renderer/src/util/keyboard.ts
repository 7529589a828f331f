// Which key presses the dial-board Enter shortcut may take: not typing in a field (except the room search, where
// Enter means "dial the selection"), not a button or link (Enter activates those), not inside a dialog.
export function isDialShortcutTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target.closest('[role="dialog"], .el-overlay, .el-popper')) return false;
  if (target.closest('[data-testid="room-search"]')) return false; // handled by the search box itself
  if (target.closest('button, a, select, textarea, [contenteditable="true"], [role="button"], [role="tab"]')) {
    return false;
  }
  if (target instanceof HTMLInputElement) return target.type === 'checkbox' || target.type === 'radio';
  return true;
}
