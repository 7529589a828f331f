// Dial requests from outside the app: a room-dialer:// link (a calendar invite, an intranet page, a script) or the
// same as command-line arguments of the installed app. Either only STAGES a dial: main hands the StagedDial to the
// window, which shows the meeting and rooms and rings nothing until the operator confirms (never silently from a
// link). Everything here is hostile until checked: the whole text is capped before it is scanned, every value is
// decoded strictly (a bad %-escape is refused, not guessed), unknown parameters and other schemes (javascript:,
// http:) are refused, and every refusal names its field in both languages.
//
//   room-dialer://dial?meeting=806146667&room=Board%20room&room=Lobby
//   room-dialer://dial?meeting=806-146-667&set=Monday%20board
//   "Room Dialer" --dial --meeting 806146667 --room "Board room" [--room …] [--set "Monday board"]
import { fieldProblem } from './input-text';
import { parseMeetingNumber } from './meeting-number';
import { codePointLength, ROOM_LIMITS } from './room-limits';
import { valid, type FieldError, type Validated } from './validation';

export const DIAL_LINK_SCHEME = 'room-dialer';
/** The one action a link names: room-dialer://dial?… */
export const DIAL_LINK_ACTION = 'dial';

export const DIAL_LINK_LIMITS = {
  /** The whole link (or one argument) in UTF-16 units, checked before anything else looks at it. */
  link: 4096,
  /** `room` given this often at most: beyond a link anyone writes by hand, within what a window shows. */
  rooms: 100,
  /** Parameters in one link. */
  params: 120,
  /** A room's name or id, and a set's name, in characters (the address book's own limit for names). */
  name: ROOM_LIMITS.name,
  /** Arguments read from one command line (the OS and Chromium add their own switches). */
  args: 256,
} as const;

/**
 * A dial waiting for the operator: the meeting as given (a 9-digit code or a meeting ID, digits only), the rooms as
 * given (each an address-book name or room id, resolved by the window), and a room set's name.
 */
export interface StagedDial {
  readonly meeting: string;
  readonly rooms: readonly string[];
  readonly set?: string;
}

/** What main pushes to the window: a dial to confirm, or why a link was refused (nothing is dialed). */
export type StagedDialEvent =
  { readonly kind: 'staged'; readonly dial: StagedDial } | { readonly kind: 'refused'; readonly error: FieldError };

type Field = 'link' | 'arguments' | 'meeting' | 'room' | 'set';

const refuse = (field: Field, zh: string, en: string): Validated<never> => fieldProblem(field, zh, en);

/**
 * Characters no meeting number, room name or set name contains and that would hide or disguise text when shown:
 * control characters (C0, C1), lone surrogates, zero-width and direction-override marks, line separators, the BOM.
 */
const HIDDEN_CHARS = /[\p{Cc}\p{Cs}\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** A value for display in a message: short, and with anything invisible escaped, so it cannot hide itself. */
function shown(value: string, max = 40): string {
  const visible = [...value]
    .slice(0, max)
    .map((ch) => (HIDDEN_CHARS.test(ch) ? `\\u{${ch.codePointAt(0)?.toString(16)}}` : ch));
  return `"${visible.join('')}${codePointLength(value) > max ? '…' : ''}"`;
}

/** One name (a room's or a set's): trimmed, not empty, no hidden characters, at most DIAL_LINK_LIMITS.name. */
function checkName(value: string, field: 'room' | 'set'): Validated<string> {
  const text = value.trim();
  const what =
    field === 'room'
      ? { zh: '会议室名称或 ID', en: "a room's name or id" }
      : { zh: '会议室组名称', en: "a room set's name" };
  if (text === '') return refuse(field, `不能为空，应为${what.zh}`, `must not be empty; give ${what.en}`);
  if (text.length > DIAL_LINK_LIMITS.name * 2 || codePointLength(text) > DIAL_LINK_LIMITS.name) {
    return refuse(
      field,
      `太长（最多 ${DIAL_LINK_LIMITS.name} 个字符）`,
      `too long (at most ${DIAL_LINK_LIMITS.name} characters)`,
    );
  }
  const hidden = [...text].find((ch) => HIDDEN_CHARS.test(ch));
  if (hidden !== undefined) {
    const code = `U+${(hidden.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return refuse(
      field,
      `包含不可见或控制字符 ${code}，可能是伪造的链接`,
      `contains an invisible or control character ${code}; the link may be forged`,
    );
  }
  return valid(text);
}

/** The collected values of one request, before they are checked. */
interface RawDial {
  meeting?: string;
  readonly rooms: string[];
  set?: string;
}

function once(raw: RawDial, key: 'meeting' | 'set', value: string): Validated<true> {
  if (raw[key] !== undefined) {
    return refuse(key, '只能给出一次', 'given more than once; a link names one meeting and at most one set');
  }
  raw[key] = value;
  return valid(true);
}

function addRoom(raw: RawDial, value: string): Validated<true> {
  if (raw.rooms.length >= DIAL_LINK_LIMITS.rooms) {
    return refuse('room', `太多（最多 ${DIAL_LINK_LIMITS.rooms} 个）`, `too many (at most ${DIAL_LINK_LIMITS.rooms})`);
  }
  raw.rooms.push(value);
  return valid(true);
}

/** Checks what a link or the arguments gave: a meeting, and rooms or a set. */
function finish(raw: RawDial): Validated<StagedDial> {
  if (raw.meeting === undefined) {
    return refuse(
      'meeting',
      '缺少会议号（9 位会议号或会议 ID）',
      'missing: give the 9-digit meeting code or the meeting ID',
    );
  }
  const meeting = parseMeetingNumber(raw.meeting, 'meeting');
  if (!meeting.ok) return meeting;
  const rooms: string[] = [];
  for (const value of raw.rooms) {
    const name = checkName(value, 'room');
    if (!name.ok) return name;
    if (!rooms.includes(name.value)) rooms.push(name.value);
  }
  let set: string | undefined;
  if (raw.set !== undefined) {
    const name = checkName(raw.set, 'set');
    if (!name.ok) return name;
    set = name.value;
  }
  if (rooms.length === 0 && set === undefined) {
    return refuse(
      'room',
      '缺少会议室：至少给出一个会议室或一个会议室组',
      'missing: name at least one room, or a room set',
    );
  }
  const number = meeting.value.kind === 'code' ? meeting.value.meetingCode : meeting.value.meetingId;
  return valid({ meeting: number, rooms, ...(set === undefined ? {} : { set }) });
}

/** Strict percent-decoding of a query component ('+' is a space, as URLSearchParams writes it). */
function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const LINK_PREFIX = `${DIAL_LINK_SCHEME}://`;

/** True when `text` is meant as a room-dialer link (whatever else is wrong with it). */
export function isDialLink(text: unknown): text is string {
  return typeof text === 'string' && text.slice(0, LINK_PREFIX.length).toLowerCase() === LINK_PREFIX;
}

const LINK_EXAMPLE = `${LINK_PREFIX}dial?meeting=123456789&room=…`;

/** room-dialer://dial?meeting=…&room=…(&room=…)(&set=…) → the dial to stage, or why not. */
export function parseDialLink(input: unknown): Validated<StagedDial> {
  if (typeof input !== 'string') return refuse('link', '必须是文本', 'must be text');
  if (input.length > DIAL_LINK_LIMITS.link) {
    return refuse(
      'link',
      `太长（最多 ${DIAL_LINK_LIMITS.link} 个字符）`,
      `too long (at most ${DIAL_LINK_LIMITS.link} characters)`,
    );
  }
  if (!isDialLink(input)) {
    const scheme = /^[a-z][a-z0-9+.-]{0,30}:/i.exec(input)?.[0];
    return refuse(
      'link',
      `不是 Room Dialer 链接${scheme ? `（${shown(scheme)}）` : ''}，应为 ${LINK_EXAMPLE}`,
      `not a Room Dialer link${scheme ? ` (${shown(scheme)})` : ''}; expected ${LINK_EXAMPLE}`,
    );
  }
  const rest = input.slice(LINK_PREFIX.length);
  if (rest.includes('#')) {
    return refuse('link', '不能包含 "#"（名称中的 # 应写作 %23）', 'must not contain "#" (write a # in a name as %23)');
  }
  const questionMark = rest.indexOf('?');
  const action = (questionMark === -1 ? rest : rest.slice(0, questionMark)).toLowerCase();
  if (action !== DIAL_LINK_ACTION && action !== `${DIAL_LINK_ACTION}/`) {
    return refuse(
      'link',
      `不支持的操作 ${shown(action)}，只支持 ${LINK_PREFIX}dial?…`,
      `unsupported action ${shown(action)}; only ${LINK_PREFIX}dial?… is supported`,
    );
  }
  const query = questionMark === -1 ? '' : rest.slice(questionMark + 1);
  const pairs = query.split('&').filter((pair) => pair !== '');
  if (pairs.length > DIAL_LINK_LIMITS.params) {
    return refuse(
      'link',
      `参数太多（最多 ${DIAL_LINK_LIMITS.params} 个）`,
      `too many parameters (at most ${DIAL_LINK_LIMITS.params})`,
    );
  }
  const raw: RawDial = { rooms: [] };
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1));
    if (key === undefined || value === undefined) {
      return refuse(
        'link',
        `编码有误：${shown(pair)} 不是有效的 UTF-8 百分号编码`,
        `badly encoded: ${shown(pair)} is not valid UTF-8 percent-encoding`,
      );
    }
    const added = addParam(raw, key.toLowerCase(), value);
    if (!added.ok) return added;
  }
  return finish(raw);
}

function addParam(raw: RawDial, key: string, value: string): Validated<true> {
  if (key === 'meeting' || key === 'set') return once(raw, key, value);
  if (key === 'room') return addRoom(raw, value);
  return refuse(
    'link',
    `未知参数 ${shown(key)}；链接只接受 meeting、room 和 set`,
    `unknown parameter ${shown(key)}; a link takes only meeting, room and set`,
  );
}

/** The options after --dial, each taking one value (`--room X` or `--room=X`). */
const DIAL_OPTIONS = { '--meeting': 'meeting', '--room': 'room', '--set': 'set' } as const;
type DialOption = keyof typeof DIAL_OPTIONS;
const isDialOption = (name: string): name is DialOption => Object.hasOwn(DIAL_OPTIONS, name);

/**
 * A command line (process.argv, or a second instance's argv) → null when it asks for no dial (an ordinary start),
 * else the dial to stage or why not. A dial is asked for by a room-dialer:// argument (how the OS hands a clicked
 * link to the app on Windows and Linux) or by --dial with --meeting, --room and --set. Other arguments are left
 * alone: the executable, `.` in development, and the switches Chromium and the OS add to a second instance's line.
 */
export function parseDialArgs(argv: readonly unknown[]): Validated<StagedDial> | null {
  const args = argv.slice(0, DIAL_LINK_LIMITS.args);
  const links = args.filter(isDialLink);
  const dialFlag = args.includes('--dial');
  if (links.length === 0 && !dialFlag) return null;
  if (links.length + (dialFlag ? 1 : 0) > 1) {
    return refuse(
      'arguments',
      '只能给出一个链接，或者一组 --dial 参数',
      'give one link, or one set of --dial options, not both or several',
    );
  }
  const [link] = links;
  if (link !== undefined) return parseDialLink(link);
  const raw: RawDial = { rooms: [] };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (typeof arg !== 'string' || !arg.startsWith('--')) continue;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!isDialOption(name)) continue;
    const field = DIAL_OPTIONS[name];
    let value: unknown;
    if (equals !== -1) value = arg.slice(equals + 1);
    else {
      value = args[index + 1];
      index += 1;
    }
    if (typeof value !== 'string' || (equals === -1 && value.startsWith('--'))) {
      return refuse(field, `${name} 后面缺少值`, `${name} needs a value after it`);
    }
    if (value.length > DIAL_LINK_LIMITS.link) {
      return refuse(
        field,
        `太长（最多 ${DIAL_LINK_LIMITS.link} 个字符）`,
        `too long (at most ${DIAL_LINK_LIMITS.link} characters)`,
      );
    }
    const added = field === 'room' ? addRoom(raw, value) : once(raw, field, value);
    if (!added.ok) return added;
  }
  return finish(raw);
}
