// How each call state looks on the board: its tone (colour pair in styles/app.css), its icon and where it sorts in
// the live roster. Words (CALL_STATE_LABELS) and icons differ for every state, so the board reads without colour.
// Tones are apart from the protocol badges (neutral) and from the buttons (Element Plus blue).
import {
  BellFilled,
  CircleCheckFilled,
  CircleCloseFilled,
  Clock,
  MuteNotification,
  PhoneFilled,
  QuestionFilled,
  RemoveFilled,
  TopRight,
  WarnTriangleFilled,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { CallState } from '../../../common/call-model';

export type StateTone = 'queued' | 'calling' | 'ringing' | 'joined' | 'problem' | 'unknown' | 'stopped';

export interface StateStyle {
  readonly tone: StateTone;
  readonly icon: Component;
  /** Roster order: problems first, then calls under way, then the settled ones. */
  readonly rank: number;
}

export const STATE_STYLE: Readonly<Record<CallState, StateStyle>> = {
  failed: { tone: 'problem', icon: WarnTriangleFilled, rank: 0 },
  unknown: { tone: 'unknown', icon: QuestionFilled, rank: 1 },
  rejected: { tone: 'problem', icon: CircleCloseFilled, rank: 2 },
  no_answer: { tone: 'problem', icon: MuteNotification, rank: 3 },
  left: { tone: 'stopped', icon: TopRight, rank: 4 },
  ringing: { tone: 'ringing', icon: BellFilled, rank: 5 },
  calling: { tone: 'calling', icon: PhoneFilled, rank: 6 },
  queued: { tone: 'queued', icon: Clock, rank: 7 },
  cancelled: { tone: 'stopped', icon: RemoveFilled, rank: 8 },
  joined: { tone: 'joined', icon: CircleCheckFilled, rank: 9 },
};

/** The CSS classes that give an element the tone of `state` (see styles/app.css). */
export function toneClass(state: CallState): string {
  return `rd-tone rd-tone--${STATE_STYLE[state].tone}`;
}
