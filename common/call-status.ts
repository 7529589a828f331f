// THE one mapping from room-call-info `status` to a call state (docs/tencent-api.md: decisions at the top).
// One copy of Tencent's docs reads 2 as "accepted" and 5 as "joined"; the SDKs and newer pages read as below.
import type { Localized } from './locale';

export const ANSWER_STATES = ['no_answer', 'not_called', 'joined', 'rejected', 'ringing', 'cancelled', 'left'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

interface AnswerStatusRow {
  readonly state: AnswerState;
  /** The ringing is over: the room answered, refused, timed out or was cancelled. */
  readonly settled: boolean;
  /** Nothing will change any more for this invite (joined is settled but can still become left). */
  readonly final: boolean;
  readonly label: Localized;
}

/** Indexed by the API's integer status 0..6. */
const ANSWER_STATUS_TABLE: readonly AnswerStatusRow[] = [
  {
    state: 'no_answer',
    settled: true,
    final: true,
    label: { 'zh-CN': '无应答（60 秒内未接听）', 'en-US': 'No answer (not picked up within 60 s)' },
  },
  { state: 'not_called', settled: false, final: false, label: { 'zh-CN': '未呼叫', 'en-US': 'Not called' } },
  { state: 'joined', settled: true, final: false, label: { 'zh-CN': '已入会', 'en-US': 'In the meeting' } },
  { state: 'rejected', settled: true, final: true, label: { 'zh-CN': '已拒绝', 'en-US': 'Rejected' } },
  { state: 'ringing', settled: false, final: false, label: { 'zh-CN': '呼叫中', 'en-US': 'Ringing' } },
  { state: 'cancelled', settled: true, final: true, label: { 'zh-CN': '已取消呼叫', 'en-US': 'Call cancelled' } },
  { state: 'left', settled: true, final: true, label: { 'zh-CN': '已离会', 'en-US': 'Left the meeting' } },
];

export type AnswerStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function isAnswerStatus(value: unknown): value is AnswerStatus {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < ANSWER_STATUS_TABLE.length;
}

export function answerStatusInfo(status: AnswerStatus): AnswerStatusRow {
  // isAnswerStatus guards the range, so the row exists.
  return ANSWER_STATUS_TABLE[status] as AnswerStatusRow;
}

export function answerStatusOf(state: AnswerState): AnswerStatus {
  return ANSWER_STATUS_TABLE.findIndex((row) => row.state === state) as AnswerStatus;
}
