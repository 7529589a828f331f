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

/**
 * A meeting_room_id as Tencent issues it, for dialing a typed ID: digits only, like every ID the Rooms list returns
 * and every doc example (the simulator refuses anything else with 190004). validateMeetingRoomId, which the address
 * book uses, also lets letters through; a typed "abc" is caught here before anything is sent.
 */
export function validateIssuedRoomId(input: string, field = 'roomId'): Validated<string> {
  const id = validateMeetingRoomId(input, field);
  if (!id.ok || /^\d+$/.test(id.value)) return id;
  return fieldProblem(
    field,
    `腾讯会议 Rooms 的会议室 ID 只有数字，"${id.value.slice(0, 40)}" 不是（例如 2489756789）`,
    `a Tencent Rooms ID has only digits, "${id.value.slice(0, 40)}" is not one (e.g. 2489756789)`,
  );
}
