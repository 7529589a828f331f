// The result of an action, said where the action was: a line in the view's own layout (a StatusNote), never a
// toast over the window. A toast sits on top of whatever is there (the undo message covered the toolbar it was
// about); a note has its own place, so it covers nothing and nothing moves when it comes and goes. One note per
// view: a newer result replaces the older one. Texts are functions so they follow a language switch.
import { onBeforeUnmount, shallowRef } from 'vue';
import { toIpcError } from '../api';
import { withFieldLabel } from '../../../common/field-labels';
import type { Localized } from '../../../common/locale';

export type NoteTone = 'success' | 'info' | 'error';

export interface NoteAction {
  readonly label: () => string;
  readonly run: () => void;
  readonly testId: string;
}

export interface StatusNoteState {
  readonly tone: NoteTone;
  readonly text: () => string;
  /** The next step, for errors. */
  readonly detail?: () => string;
  readonly action?: NoteAction;
}

/** Successes go away by themselves; an error stays until the next result or until closed. */
export const NOTE_MS = 8000;

export function useStatusNote(localize: (text: Localized) => string) {
  const note = shallowRef<StatusNoteState | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function clear(): void {
    clearTimeout(timer);
    note.value = null;
  }

  function show(next: StatusNoteState, durationMs: number | null = NOTE_MS): void {
    clearTimeout(timer);
    note.value = next;
    if (durationMs !== null) {
      timer = setTimeout(() => {
        if (note.value === next) note.value = null;
      }, durationMs);
    }
  }

  /** Main's error, in the operator's language: a field error led by the field's label, then the next step. */
  function error(thrown: unknown): void {
    const failure = toIpcError(thrown);
    const message = failure.field ? withFieldLabel(failure.field, failure.message) : failure.message;
    show({ tone: 'error', text: () => localize(message), detail: () => localize(failure.hint) }, null);
  }

  onBeforeUnmount(() => clearTimeout(timer));
  return { note, show, error, clear };
}
