// What an operator may type for one address-book room, checked field by field.
// Pure so the renderer's form and the main-process store run the very same rules; input arrives over IPC,
// so every validator takes `unknown` and checks the type too. Every error names its field.
import { MAX_ROOM_ID_LENGTH, validateH323Address, validateMeetingRoomId, validateSipAddress } from './address';
import type { Localized } from './locale';
import { codePointLength, ROOM_LIMITS } from './room-limits';
import { invalid, valid, type FieldError, type Validated } from './validation';

export const ROOM_KINDS = ['sip', 'h323', 'rooms'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
/** Rooms dialed by address (MRA); 'rooms' are Tencent Rooms dialed by their meeting_room_id. */
export type AddressRoomKind = Exclude<RoomKind, 'rooms'>;

/** A stored meeting_room_id, as common/room-id.ts leaves it: letters and digits only. */
export const MEETING_ROOM_ID_PATTERN = new RegExp(`^[A-Za-z0-9]{1,${MAX_ROOM_ID_LENGTH}}$`);

/** A room id that names nothing in the address book (deleted meanwhile, or never there). Callers add the hint. */
export function unknownRoomMessage(field: string, id: string): Localized {
  const shown = id.slice(0, 40);
  return {
    'zh-CN': `${field}：通讯录中没有这个会议室（${shown}），可能已被删除`,
    'en-US': `${field}: no such room in the address book (${shown}); it may have been deleted`,
  };
}

/** What a form or an IPC call supplies. Optional text fields default to empty, favorite to false. */
export interface RoomInput {
  readonly name: string;
  readonly kind: RoomKind;
  /** Required for 'sip' and 'h323'; ignored for 'rooms'. */
  readonly address?: string;
  /** Required for 'rooms'; ignored for 'sip' and 'h323'. */
  readonly meetingRoomId?: string;
  readonly location?: string;
  readonly group?: string;
  readonly tags?: readonly string[];
  readonly notes?: string;
  readonly favorite?: boolean;
}

export const ROOM_INPUT_FIELDS = [
  'name',
  'kind',
  'address',
  'meetingRoomId',
  'location',
  'group',
  'tags',
  'notes',
  'favorite',
] as const satisfies readonly (keyof RoomInput)[];

interface CommonRoomFields {
  readonly name: string;
  readonly location: string;
  readonly group: string;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly favorite: boolean;
}

/** A checked, normalised room input: trimmed text, the address as the address validator normalised it. */
export type ValidRoomInput =
  | (CommonRoomFields & { readonly kind: AddressRoomKind; readonly address: string })
  | (CommonRoomFields & { readonly kind: 'rooms'; readonly meetingRoomId: string });

// C0 controls and DEL. Single-line fields refuse all of them (a pasted tab or newline would break lists and CSV
// exports); notes may keep line breaks and tabs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function notText(field: string): Validated<never> {
  return invalid(field, { 'zh-CN': `${field}：必须是文本`, 'en-US': `${field}: must be text` });
}

function tooLong(field: string, max: number): Validated<never> {
  return invalid(field, {
    'zh-CN': `${field}：过长（最多 ${max} 个字符）`,
    'en-US': `${field}: too long (at most ${max} characters)`,
  });
}

function oneLine(field: string): Validated<never> {
  return invalid(field, {
    'zh-CN': `${field}：只能是一行文字，不能包含换行、制表符或控制字符`,
    'en-US': `${field}: must be a single line without line breaks, tabs or control characters`,
  });
}

/** Trimmed single-line text of at most `max` characters; empty allowed unless `required`. */
function singleLine(value: unknown, field: string, max: number, required: boolean): Validated<string> {
  if (value === undefined && !required) return valid('');
  if (typeof value !== 'string') return notText(field);
  const text = value.trim();
  if (required && text === '') {
    return invalid(field, { 'zh-CN': `${field}：不能为空`, 'en-US': `${field}: must not be empty` });
  }
  if (CONTROL_CHARS.test(text)) return oneLine(field);
  if (codePointLength(text) > max) return tooLong(field, max);
  return valid(text);
}

export function validateRoomName(value: unknown, field = 'name'): Validated<string> {
  return singleLine(value, field, ROOM_LIMITS.name, true);
}

/** What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list, less tab and CR: not in a name). */
const FORMULA_START = /^[=+\-@]/;

/**
 * A warning, not an error, for a name that starts like a formula: =, +, - or @. It may be meant ("-1 层大厅"), but a
 * hand-edited or received CSV can carry =HYPERLINK(…) as a name, and a spreadsheet that opens it runs it. The app's
 * own export escapes such cells (renderer/src/csv/cells.ts); the operator is told at import and in the room form.
 */
export function formulaWarning(value: string, field = 'name'): Localized | undefined {
  const text = value.trim();
  if (!FORMULA_START.test(text)) return undefined;
  const first = text[0] ?? '';
  return {
    'zh-CN': `${field}：以“${first}”开头，电子表格会把这样的值当作公式运行（=、+、-、@ 都是）。请确认这确实是会议室的名称`,
    'en-US': `${field}: starts with "${first}", which spreadsheets run as a formula (so do =, +, - and @). Check that this really is the room's name`,
  };
}

export function validateRoomKind(value: unknown, field = 'kind'): Validated<RoomKind> {
  if (typeof value === 'string' && (ROOM_KINDS as readonly string[]).includes(value)) {
    return valid(value as RoomKind);
  }
  return invalid(field, {
    'zh-CN': `${field}：必须是 sip、h323 或 rooms（腾讯会议 Rooms）`,
    'en-US': `${field}: must be sip, h323 or rooms (Tencent Rooms)`,
  });
}

/** The dial address of a SIP or H.323 room, checked and normalised by common/address.ts. */
export function validateRoomAddress(kind: AddressRoomKind, value: unknown, field = 'address'): Validated<string> {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return kind === 'sip'
      ? invalid(field, {
          'zh-CN': `${field}：SIP 会议室必须填写地址`,
          'en-US': `${field}: a SIP room needs an address`,
        })
      : invalid(field, {
          'zh-CN': `${field}：H.323 会议室必须填写地址`,
          'en-US': `${field}: an H.323 room needs an address`,
        });
  }
  if (typeof value !== 'string') return notText(field);
  return kind === 'sip' ? validateSipAddress(value.trim(), field) : validateH323Address(value.trim(), field);
}

/** The meeting_room_id of a Tencent Rooms room, checked (and half-width normalised) by common/room-id.ts. */
export function validateTencentRoomId(value: unknown, field = 'meetingRoomId'): Validated<string> {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return invalid(field, {
      'zh-CN': `${field}：腾讯会议 Rooms 必须填写会议室 ID`,
      'en-US': `${field}: a Tencent Rooms room needs its meeting room ID`,
    });
  }
  if (typeof value !== 'string') return notText(field);
  return validateMeetingRoomId(value, field);
}

export function validateRoomLocation(value: unknown, field = 'location'): Validated<string> {
  return singleLine(value, field, ROOM_LIMITS.location, false);
}

export function validateRoomGroup(value: unknown, field = 'group'): Validated<string> {
  return singleLine(value, field, ROOM_LIMITS.group, false);
}

/** Tags are trimmed; empty ones are dropped and repeats are kept once (a tag is a label, not a list entry). */
export function validateRoomTags(value: unknown, field = 'tags'): Validated<string[]> {
  if (value === undefined) return valid([]);
  if (!Array.isArray(value)) {
    return invalid(field, { 'zh-CN': `${field}：必须是标签列表`, 'en-US': `${field}: must be a list of tags` });
  }
  const tags: string[] = [];
  for (const [index, item] of value.entries()) {
    const tagField = `${field}[${index}]`;
    if (typeof item !== 'string') return notText(tagField);
    const tag = item.trim();
    if (CONTROL_CHARS.test(tag)) return oneLine(tagField);
    if (codePointLength(tag) > ROOM_LIMITS.tag) {
      return invalid(tagField, {
        'zh-CN': `${tagField}：标签“${tag.slice(0, 10)}…”过长（每个标签最多 ${ROOM_LIMITS.tag} 个字符）`,
        'en-US': `${tagField}: tag "${tag.slice(0, 10)}…" is too long (at most ${ROOM_LIMITS.tag} characters each)`,
      });
    }
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > ROOM_LIMITS.tagCount) {
    return invalid(field, {
      'zh-CN': `${field}：标签过多（最多 ${ROOM_LIMITS.tagCount} 个）`,
      'en-US': `${field}: too many tags (at most ${ROOM_LIMITS.tagCount})`,
    });
  }
  return valid(tags);
}

export function validateRoomNotes(value: unknown, field = 'notes'): Validated<string> {
  if (value === undefined) return valid('');
  if (typeof value !== 'string') return notText(field);
  const text = value.trim();
  if (CONTROL_CHARS_EXCEPT_LINES.test(text)) {
    return invalid(field, {
      'zh-CN': `${field}：不能包含控制字符`,
      'en-US': `${field}: must not contain control characters`,
    });
  }
  if (codePointLength(text) > ROOM_LIMITS.notes) return tooLong(field, ROOM_LIMITS.notes);
  return valid(text);
}

export function validateRoomFavorite(value: unknown, field = 'favorite'): Validated<boolean> {
  if (value === undefined) return valid(false);
  if (typeof value === 'boolean') return valid(value);
  return invalid(field, { 'zh-CN': `${field}：必须是 是/否`, 'en-US': `${field}: must be true or false` });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every problem with a room input, in form order, so a form can mark all fields at once.
 * Keys that are not room fields (id, callable, createdAt…) are errors too: they are set by the app, not typed.
 */
export function roomInputErrors(input: unknown): FieldError[] {
  return checkRoomInput(input).errors;
}

/** The room input checked and normalised, or the first problem (in form order). */
export function validateRoomInput(input: unknown): Validated<ValidRoomInput> {
  const { value, errors } = checkRoomInput(input);
  const first = errors[0];
  if (first) return { ok: false, error: first };
  return valid(value as ValidRoomInput);
}

function checkRoomInput(input: unknown): { value: ValidRoomInput | undefined; errors: FieldError[] } {
  if (!isPlainObject(input)) {
    const message = { 'zh-CN': 'room：必须是会议室信息', 'en-US': 'room: must be a room record' };
    return { value: undefined, errors: [{ field: 'room', message }] };
  }
  const errors: FieldError[] = [];
  const take = <T>(result: Validated<T>): T | undefined => {
    if (result.ok) return result.value;
    errors.push(result.error);
    return undefined;
  };
  const name = take(validateRoomName(input['name']));
  const kind = take(validateRoomKind(input['kind']));
  const address = kind === 'sip' || kind === 'h323' ? take(validateRoomAddress(kind, input['address'])) : undefined;
  const meetingRoomId = kind === 'rooms' ? take(validateTencentRoomId(input['meetingRoomId'])) : undefined;
  const location = take(validateRoomLocation(input['location']));
  const group = take(validateRoomGroup(input['group']));
  const tags = take(validateRoomTags(input['tags']));
  const notes = take(validateRoomNotes(input['notes']));
  const favorite = take(validateRoomFavorite(input['favorite']));
  for (const key of Object.keys(input)) {
    if (!(ROOM_INPUT_FIELDS as readonly string[]).includes(key)) {
      errors.push({
        field: key,
        message: {
          'zh-CN': `${key}：不是可以填写的会议室字段`,
          'en-US': `${key}: is not a room field that can be set`,
        },
      });
    }
  }
  if (errors.length > 0) return { value: undefined, errors };
  const common = {
    name: name as string,
    location: location as string,
    group: group as string,
    tags: tags as string[],
    notes: notes as string,
    favorite: favorite as boolean,
  };
  const value: ValidRoomInput =
    kind === 'rooms'
      ? { ...common, kind, meetingRoomId: meetingRoomId as string }
      : { ...common, kind: kind as AddressRoomKind, address: address as string };
  return { value, errors };
}
