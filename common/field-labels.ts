// What an operator calls each input field, in both languages, and the one way a field error is shown to them: the
// validators (here and in main) start every message with the field's code name ("address：…", "appId: …"), which is
// what the command line wants (it is the option or JSON key the user typed) and what tests and logs key on. A
// window shows the field's label instead ("地址：…", "Address: …"): withFieldLabel swaps the leading code name for
// it, in both languages at once, so the result still follows a language switch.
import type { Localized } from './locale';
import type { FieldError } from './validation';

const both = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

/**
 * Labels by field code. The form fields read exactly as the labels above them (renderer/src/i18n, checked by
 * tests/renderer/field-labels.test.ts). An empty label drops the prefix: the caller already says where (a CSV row).
 */
export const FIELD_LABELS: Readonly<Record<string, Localized>> = {
  // A room (common/room-input.ts), also per CSV row
  name: both('名称', 'Name'),
  kind: both('类型', 'Type'),
  address: both('地址', 'Address'),
  meetingRoomId: both('Rooms 会议室 ID', 'Rooms room ID'),
  location: both('位置', 'Location'),
  group: both('分组', 'Group'),
  tags: both('标签', 'Tags'),
  notes: both('备注', 'Notes'),
  favorite: both('收藏', 'Favorite'),
  room: both('会议室', 'Room'),
  row: both('', ''),
  // Credentials (common/credentials.ts)
  appId: both('AppId（企业 ID）', 'AppId (enterprise ID)'),
  sdkId: both('SdkId', 'SdkId'),
  secretId: both('SecretId', 'SecretId'),
  secretKey: both('SecretKey', 'SecretKey'),
  operatorId: both('操作人 userid', 'Operator userid'),
  // Preferences (main/store/settings-input.ts)
  locale: both('界面语言', 'Language'),
  endpoint: both('API 地址', 'API address'),
  instanceId: both('设备类型', 'Device type'),
  pollIntervalMs: both('状态刷新间隔', 'Status refresh interval'),
  maxConcurrentDials: both('最多同时呼叫', 'Max concurrent dials'),
  historyLimit: both('通话记录上限', 'History limit'),
  // Meetings, dialing and history filters
  meeting: both('会议号或会议 ID', 'Meeting code or meeting ID'),
  sip: both('SIP 地址', 'SIP address'),
  h323: both('H.323 地址', 'H.323 address'),
  roomId: both('Rooms 会议室 ID', 'Rooms room ID'),
  since: both('开始日期', 'From'),
  until: both('结束日期', 'To'),
  outcome: both('结果', 'Outcome'),
  // A room-dialer:// link or the installed app's --dial arguments (common/dial-link.ts)
  link: both('链接', 'Link'),
  set: both('会议室组', 'Room set'),
  arguments: both('启动参数', 'Command line'),
  // A schedule (renderer/src/components/ScheduleDialog.vue; schedules:add)
  setId: both('会议室组', 'Room set'),
  minutes: both('提前分钟数', 'Minutes before the start'),
  hostWatchMinutes: both('提前查看主持人（分钟）', 'Watch for the host from (min before)'),
};

/** `tags[2]` → tags and 2; `rows[3].address` → address (the last name along the path) and no index. */
function parsePath(field: string): { name: string; index: number | undefined } | undefined {
  const last = field.split('.').at(-1) ?? '';
  const match = /^([A-Za-z]+)(?:\[(\d{1,6})\])?$/.exec(last);
  if (!match?.[1]) return undefined;
  return { name: match[1], index: match[2] === undefined ? undefined : Number(match[2]) };
}

/** The operator's name for a field code, or undefined for a code the window never sends (left as it is). */
export function fieldLabel(field: string): Localized | undefined {
  const path = parsePath(field);
  const label = path && Object.hasOwn(FIELD_LABELS, path.name) ? FIELD_LABELS[path.name] : undefined;
  if (!label || path?.index === undefined || label['en-US'] === '') return label;
  const n = path.index + 1;
  return both(`${label['zh-CN']}（第 ${n} 个）`, `${label['en-US']} #${n}`);
}

function relabel(text: string, code: string, separator: string, label: string): string {
  if (!text.startsWith(`${code}${separator}`)) return text;
  const rest = text.slice(code.length + separator.length);
  return label === '' ? rest : `${label}${separator}${rest}`;
}

/**
 * The message with its leading code name replaced by the field's label in each language. A message that does not
 * start with the code, or a code with no label, is returned as it is.
 */
export function withFieldLabel(field: string, message: Localized): Localized {
  const label = fieldLabel(field);
  if (!label) return message;
  return {
    'zh-CN': relabel(message['zh-CN'], field, '：', label['zh-CN']),
    'en-US': relabel(message['en-US'], field, ': ', label['en-US']),
  };
}

/** A field error as the window shows it: the same error, its message led by the field's label. */
export function labelledFieldError(error: FieldError): FieldError {
  return { field: error.field, message: withFieldLabel(error.field, error.message) };
}
