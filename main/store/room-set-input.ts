// Checking a room set before it is stored: a new one from its input, an edit as a patch laid over the set. Every
// problem names its field in both languages (name, roomIds[3], defaultMeeting, retry.retries…) and a set with any
// bad field is refused whole. The name and the default meeting follow common/room-set.ts (the window checks them as
// they are typed), the retry override the same rules as settings.retry.
import { unknownRoomMessage } from '../../common/room-input';
import { ROOM_SET_LIMITS, validateDefaultMeeting, validateSetName } from '../../common/room-set';
import type { RetryPolicy } from '../../common/retry-policy';
import type { RoomSet } from '../../common/store-schema';
import { capText } from '../../common/text-cap';
import { invalid, valid, type Validated } from '../../common/validation';
import { validateRetryPolicy } from './settings-input';

/** The editable part of a set, checked and normalised. */
export interface SetFields {
  readonly name: string;
  readonly roomIds: readonly string[];
  readonly defaultMeeting: string | undefined;
  readonly retry: RetryPolicy | undefined;
}

const SET_FIELDS = ['name', 'roomIds', 'defaultMeeting', 'retry'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The set's rooms: 1 to 200 address-book ids, each once. `allowed` says whether an id may be kept although the
 * address book no longer has it (an edit keeps a deleted room's place; a new set starts without gaps).
 */
export function validateSetRoomIds(
  value: unknown,
  roomExists: (id: string) => boolean,
  allowed: (id: string) => boolean = () => false,
  field = 'roomIds',
): Validated<string[]> {
  if (!Array.isArray(value)) {
    return invalid(field, { 'zh-CN': `${field}：必须是会议室列表`, 'en-US': `${field}: must be a list of rooms` });
  }
  if (value.length === 0) {
    return invalid(field, {
      'zh-CN': `${field}：请至少选择一个会议室`,
      'en-US': `${field}: choose at least one room`,
    });
  }
  if (value.length > ROOM_SET_LIMITS.rooms) {
    return invalid(field, {
      'zh-CN': `${field}：会议室过多（${value.length} 个，一个会议室组最多 ${ROOM_SET_LIMITS.rooms} 个）`,
      'en-US': `${field}: too many rooms (${value.length}; a set holds at most ${ROOM_SET_LIMITS.rooms})`,
    });
  }
  const ids: string[] = [];
  for (const [index, id] of value.entries()) {
    const itemField = `${field}[${index}]`;
    if (typeof id !== 'string') {
      return invalid(itemField, {
        'zh-CN': `${itemField}：必须是会议室 id`,
        'en-US': `${itemField}: must be a room id`,
      });
    }
    if (!roomExists(id) && !allowed(id)) return invalid(itemField, unknownRoomMessage(itemField, capText(id, 40)));
    if (ids.includes(id)) {
      return invalid(itemField, {
        'zh-CN': `${itemField}：这个会议室已在会议室组中（每个会议室只能出现一次）`,
        'en-US': `${itemField}: this room is already in the set (each room once)`,
      });
    }
    ids.push(id);
  }
  return valid(ids);
}

function retryOverride(value: unknown): Validated<RetryPolicy | undefined> {
  return value === undefined || value === null ? valid(undefined) : validateRetryPolicy(value, 'retry');
}

/** The fields of `input` laid over `base` (a patch) or taken as they are (a new set, `base` undefined). */
function merged(input: unknown, base: SetFields | undefined): Validated<Record<string, unknown>> {
  if (!isPlainObject(input)) {
    return base
      ? invalid('patch', { 'zh-CN': 'patch：必须是要修改的字段', 'en-US': 'patch: must be the fields to change' })
      : invalid('set', { 'zh-CN': 'set：必须是会议室组的字段', 'en-US': 'set: must be the fields of a room set' });
  }
  const extra = Object.keys(input).find((key) => !(SET_FIELDS as readonly string[]).includes(key));
  if (extra !== undefined) {
    const field = capText(extra, 64);
    return invalid(field, {
      'zh-CN': `${field}：不是会议室组的字段`,
      'en-US': `${field}: is not a field of a room set`,
    });
  }
  if (!base) return valid(input);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return valid({ ...base, ...changes });
}

/**
 * A new set's fields (`current` undefined) or an edited set's (`current` the set as stored), checked in form order.
 * Name uniqueness and the number of sets are the store's to check: they depend on the other sets.
 */
export function checkSetFields(
  input: unknown,
  current: RoomSet | undefined,
  roomExists: (id: string) => boolean,
): Validated<SetFields> {
  const base: SetFields | undefined = current && {
    name: current.name,
    roomIds: current.roomIds,
    defaultMeeting: current.defaultMeeting,
    retry: current.retry,
  };
  const fields = merged(input, base);
  if (!fields.ok) return fields;
  const { name, roomIds, defaultMeeting, retry } = fields.value;
  const checkedName = validateSetName(name ?? '');
  if (!checkedName.ok) return checkedName;
  const kept = new Set(current?.roomIds ?? []);
  const checkedRooms = validateSetRoomIds(roomIds, roomExists, (id) => kept.has(id));
  if (!checkedRooms.ok) return checkedRooms;
  const checkedMeeting = validateDefaultMeeting(defaultMeeting);
  if (!checkedMeeting.ok) return checkedMeeting;
  const checkedRetry = retryOverride(retry);
  if (!checkedRetry.ok) return checkedRetry;
  return valid({
    name: checkedName.value,
    roomIds: checkedRooms.value,
    defaultMeeting: checkedMeeting.value,
    retry: checkedRetry.value,
  });
}

/** The stored form: optional fields left out rather than undefined (the file's schema is strict). */
export function setFromFields(fields: SetFields, id: string, createdAt: string, updatedAt: string): RoomSet {
  return {
    id,
    name: fields.name,
    roomIds: [...fields.roomIds],
    ...(fields.defaultMeeting === undefined ? {} : { defaultMeeting: fields.defaultMeeting }),
    ...(fields.retry === undefined ? {} : { retry: { ...fields.retry, backoffMs: [...fields.retry.backoffMs] } }),
    createdAt,
    updatedAt,
  };
}
