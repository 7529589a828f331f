// The room picker's row texts in the operator's language, translated once per language instead of by every row.
// A search that changes the list hands each row on screen another room, and a run of vue-i18n per label per row
// (six or seven of them) was a good part of a keystroke's time at 10,000 rooms. A label that names the room is kept
// as its message cut around the slots, so a row fills it in by joining strings.
import type { Locale } from '../../../common/locale';
import type { Room } from '../../../common/store-schema';
import { outcomeLabel } from '../calls/outcome';
import { formatDateTime } from '../util/format';

/** vue-i18n's `t`, as far as these labels use it. */
export type Translate = (key: string, named: Record<string, unknown>) => string;

/**
 * Stands in for slot `i` while the message is translated: a private-use character no message carries. Names are
 * joined in afterwards, never searched for markers, so whatever a name holds cannot be taken for one.
 */
const marker = (i: number) => `\uE000${i}\uE000`;
const MARKER = /\uE000(\d+)\uE000/u;

/**
 * Message `key` with its named slots filled in by the returned function: translated once, with markers in the
 * slots, then cut around them (the order of the slots is the language's, whatever the order of `slots`).
 */
export function messageTemplate<Slot extends string>(
  t: Translate,
  key: string,
  slots: readonly Slot[],
): (values: Readonly<Record<Slot, string>>) => string {
  const text = t(key, Object.fromEntries(slots.map((slot, i) => [slot, marker(i)])));
  // Even places: the message's own text; odd places: which slot goes there.
  const parts = text.split(MARKER);
  const head = parts[0] ?? '';
  const rest: { slot: Slot; after: string }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    rest.push({ slot: slots[Number(parts[i])] as Slot, after: parts[i + 1] ?? '' });
  }
  return (values) => {
    let out = head;
    for (const { slot, after } of rest) out += values[slot] + after;
    return out;
  };
}

export interface PickerRowLabels {
  readonly locale: Locale;
  /** A row's tooltip: how to select it, or why it cannot be called. */
  readonly rowHint: string;
  readonly notCallable: string;
  readonly notCallableShort: string;
  readonly inMeeting: string;
  readonly dial: string;
  readonly selectRoom: (name: string) => string;
  readonly favorite: (name: string) => string;
  readonly unfavorite: (name: string) => string;
  readonly dialRoom: (name: string) => string;
  /** The room's last recorded outcome and when, or that it was never dialed. */
  readonly lastOutcome: (room: Room) => string;
}

export function pickerRowLabels(t: Translate, locale: Locale): PickerRowLabels {
  const named = (key: string) => {
    const fill = messageTemplate(t, key, ['name']);
    return (name: string) => fill({ name });
  };
  const neverDialed = t('board.neverDialed', {});
  const lastOutcome = messageTemplate(t, 'board.lastOutcome', ['outcome', 'time']);
  return {
    locale,
    rowHint: t('board.rowHint', {}),
    notCallable: t('board.notCallable', {}),
    notCallableShort: t('board.notCallableShort', {}),
    inMeeting: t('board.inMeeting', {}),
    dial: t('board.dial', {}),
    selectRoom: named('board.selectRoom'),
    favorite: named('board.favorite'),
    unfavorite: named('board.unfavorite'),
    dialRoom: named('board.dialRoom'),
    lastOutcome: (room) =>
      room.lastOutcome
        ? lastOutcome({
            outcome: outcomeLabel(room.lastOutcome, locale),
            time: formatDateTime(room.lastDialedAt, locale),
          })
        : neverDialed,
  };
}
