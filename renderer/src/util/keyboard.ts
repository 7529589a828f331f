// The dial board's keys: which key presses a shortcut may take, and the list the help overlay (ShortcutHelp.vue) and
// the tooltips show. A shortcut never takes a key from a dialog or a dropdown, nor Enter from a button or a link
// (Enter activates those), nor a printable key from a field being typed in.

/** Where the board's own keys are handled even though it is a text field. */
const BOARD_SEARCH = '[data-testid="room-search"]';

function isElement(target: EventTarget | null): target is Element {
  return target instanceof Element;
}

/** Inside a dialog, a dropdown or a popover: its own keys (Esc closes it). */
export function inOverlay(target: EventTarget | null): boolean {
  return isElement(target) && target.closest('[role="dialog"], [role="alertdialog"], .el-overlay, .el-popper') !== null;
}

/** A field that takes typed text (the room search included). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  if (target instanceof HTMLTextAreaElement || target.closest('[contenteditable="true"]')) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

export function isBoardSearch(target: EventTarget | null): boolean {
  return isElement(target) && target.closest(BOARD_SEARCH) !== null;
}

/** A control that does something on Enter or Space itself. */
function isActivatable(target: Element): boolean {
  return target.closest('button, a, select, [role="button"], [role="tab"], [role="radio"], .el-select') !== null;
}

/**
 * Which key presses the Enter shortcut (dial) may take: not typing in a field (the room search is handled by the
 * board), not a button or link, not inside a dialog.
 */
export function isDialShortcutTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return true;
  if (inOverlay(target)) return false;
  if (isBoardSearch(target)) return false; // handled by the search box itself
  if (target.closest('textarea, [contenteditable="true"]') || isActivatable(target)) return false;
  if (target instanceof HTMLInputElement) return target.type === 'checkbox' || target.type === 'radio';
  return true;
}

/** Space (select the highlighted room) and arrows: not while typing elsewhere, not on a control that uses them. */
export function isListKeyTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return true;
  if (inOverlay(target)) return false;
  if (isBoardSearch(target)) return true;
  if (isTextEntry(target)) return false;
  return !isActivatable(target) && !(target instanceof HTMLInputElement);
}

/** Esc for the board: not in a dialog or dropdown, not in a field other than the room search. */
export function isEscapeTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return true;
  if (inOverlay(target) || target.closest('.el-select')) return false;
  return !isTextEntry(target) || isBoardSearch(target);
}

/** Ctrl on Windows and Linux, ⌘ on macOS: what the operator presses with F, L. */
export function isMod(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey;
}

export function modLabel(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}

/**
 * Alt+R redials the failed rooms: Ctrl/Cmd+R reloads the window in `npm run dev` (main/shell/menu.ts) and in any
 * browser, and on macOS Option+R types a character, so the key is matched by its position (event.code).
 */
export function isRedialFailedKey(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyR';
}

export interface Shortcut {
  /** Keys as shown, e.g. ['Ctrl', 'F']; 'Mod' stands for Ctrl or ⌘. */
  readonly keys: readonly string[];
  /** The board.keys.* message that says what it does. */
  readonly action: string;
}

/** Every shortcut of the board, in the order the help overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Mod', 'L'], action: 'board.keys.meeting' },
  { keys: ['Enter'], action: 'board.keys.lookup' },
  { keys: ['Mod', 'F'], action: 'board.keys.search' },
  { keys: ['↑', '↓'], action: 'board.keys.move' },
  { keys: ['Space'], action: 'board.keys.select' },
  { keys: ['Enter'], action: 'board.keys.dial' },
  { keys: ['Esc'], action: 'board.keys.cancel' },
  { keys: ['Alt', 'R'], action: 'board.keys.redialFailed' },
  { keys: ['?'], action: 'board.keys.help' },
];

/** "Ctrl+F" or "⌘+F" for a tooltip. */
export function shortcutText(keys: readonly string[]): string {
  return keys.map((key) => (key === 'Mod' ? modLabel() : key)).join('+');
}
