// Turning what the operator typed into a RoomTarget: exactly one of a Rooms ID, a SIP address or an H.323
// address (room-call's meeting_room_id and mra_address are "二选一"). Also guesses the protocol of a typed
// address where only one protocol can mean it, so the UI can preselect SIP or H.323.
import type { Localized } from './locale';
import { validateH323Address } from './h323-address';
import { fieldProblem, MAX_DIAL_STRING_LENGTH } from './input-text';
import { validateIssuedRoomId } from './room-id';
import { MRA_PROTOCOL, type AddressProtocol, type RoomTarget } from './room-target';
import { validateSipAddress } from './sip-address';
import { valid, type Validated } from './validation';

export { validateSipAddress } from './sip-address';
export { validateH323Address, E164_MAX_DIGITS } from './h323-address';
export { validateMeetingRoomId, MAX_ROOM_ID_LENGTH } from './room-id';
export { MAX_DIAL_STRING_LENGTH } from './input-text';

/**
 * 'sip' or 'h323' when the text can only be meant one way; undefined when it could be either (a bare IP,
 * alias@IP) or is not a valid address at all. A sip:/sips: (or h323:) prefix decides on its own, even while
 * the rest is still being typed.
 */
export function guessProtocol(input: string): AddressProtocol | undefined {
  if (input.length > MAX_DIAL_STRING_LENGTH * 2) return undefined; // cheap refusal before any work
  const prefix = input.trim().slice(0, 5).toLowerCase();
  if (prefix.startsWith('sip:') || prefix.startsWith('sips:')) return 'sip';
  if (prefix.startsWith('h323:')) return 'h323';
  const sip = validateSipAddress(input).ok;
  const h323 = validateH323Address(input).ok;
  if (sip === h323) return undefined;
  return sip ? 'sip' : 'h323';
}

export interface RoomTargetInput {
  readonly roomId?: string | undefined;
  readonly sip?: string | undefined;
  readonly h323?: string | undefined;
}

type TargetField = keyof RoomTargetInput;
const TARGET_FIELDS: readonly TargetField[] = ['roomId', 'sip', 'h323'];
const TARGET_LABELS: Record<TargetField, Localized> = {
  roomId: { 'zh-CN': 'Rooms 会议室 ID', 'en-US': 'Rooms room ID' },
  sip: { 'zh-CN': 'SIP 地址', 'en-US': 'SIP address' },
  h323: { 'zh-CN': 'H.323 地址', 'en-US': 'H.323 address' },
};
/** The field name reported when the problem is the combination, not one input. */
export const TARGET_FIELD = 'target';

/**
 * Exactly one of the three must be filled in; a blank or whitespace-only value counts as not filled in, as an
 * empty form field would. `names` renames the fields in errors, e.g. { roomId: 'room-id' } for the CLI.
 */
export function parseRoomTarget(
  input: RoomTargetInput,
  names: Partial<Record<TargetField, string>> = {},
): Validated<RoomTarget> {
  const nameOf = (f: TargetField): string => names[f] ?? f;
  const given = TARGET_FIELDS.filter((f) => (input[f] ?? '').trim() !== '');
  if (given.length !== 1) return combinationError(given, nameOf);

  const [field] = given as [TargetField];
  const text = input[field] ?? '';
  if (field === 'roomId') {
    const id = validateIssuedRoomId(text, nameOf(field));
    return id.ok ? valid({ kind: 'rooms', meetingRoomId: id.value }) : id;
  }
  const checked = field === 'sip' ? validateSipAddress(text, nameOf(field)) : validateH323Address(text, nameOf(field));
  return checked.ok ? valid({ kind: 'mra', protocol: MRA_PROTOCOL[field], dialString: checked.value }) : checked;
}

function combinationError(given: readonly TargetField[], nameOf: (f: TargetField) => string): Validated<RoomTarget> {
  const all = TARGET_FIELDS.map((f) => `${TARGET_LABELS[f]['zh-CN']}（${nameOf(f)}）`).join('、');
  const allEn = TARGET_FIELDS.map((f) => `${TARGET_LABELS[f]['en-US']} (${nameOf(f)})`).join(', ');
  if (given.length === 0) {
    return fieldProblem(TARGET_FIELD, `请填写以下一项：${all}`, `give one of: ${allEn}`);
  }
  const names = given.map(nameOf);
  return fieldProblem(
    TARGET_FIELD,
    `只能填写一项，但同时填写了 ${names.join('、')}`,
    `give only one of ${TARGET_FIELDS.map(nameOf).join(', ')}; got ${names.join(' and ')}`,
  );
}
