// An outcome word as stored (a call state such as "no_answer", or older free text) in the operator's language.
import { CALL_STATE_LABELS, CALL_STATES, type CallState } from '../../../common/call-model';
import type { Locale } from '../../../common/locale';

export function outcomeLabel(outcome: string, locale: Locale): string {
  return (CALL_STATES as readonly string[]).includes(outcome)
    ? CALL_STATE_LABELS[outcome as CallState][locale]
    : outcome;
}
