// A Tencent Rooms meeting_room_id as listed by the Rooms inventory API, e.g. "2489756789".
// Kept a string: it is an opaque ID, and long digit strings must not pass through JS numbers.
import { fieldProblem, preflightDialText } from './input-text';
import { valid, type Validated } from './validation';

export const MAX_ROOM_ID_LENGTH = 64;
const ROOM_ID = /^[A-Za-z0-9]+$/;

export function validateMeetingRoomId(input: string, field = 'roomId'): Validated<string> {
  const pre = preflightDialText(input, field, { maxLength: MAX_ROOM_ID_LENGTH, example: '2489756789' });
  if (!pre.ok) return pre;
  if (!ROOM_ID.test(pre.value)) {
    const bad = [...pre.value].find((ch) => !ROOM_ID.test(ch)) ?? pre.value;
    return fieldProblem(
      field,
      `会议室 ID 只能包含字母和数字，不能有 "${bad}"（例如 2489756789）`,
      `a room ID has only letters and digits, not "${bad}" (e.g. 2489756789)`,
    );
  }
  return valid(pre.value);
}
