// What each Tencent Meeting error_code means to a front-desk operator, and what to do next
// (codes and meanings from docs/tencent-api.md §7; wording is ours). Pure data: the lookup lives in api-errors.ts.
import type { Localized } from './locale';

/** How the room was being called; permission rules differ (docs/tencent-api.md, decisions). */
export type CallTarget = 'rooms' | 'mra';

export interface CatalogEntry {
  readonly message: Localized;
  /** The next step when the call target is unknown or irrelevant. */
  readonly hint: Localized;
  /** A more precise next step when we know whether a Rooms room or a SIP/H.323 address was being called. */
  readonly hintFor?: Readonly<Record<CallTarget, Localized>>;
  /** Repeating the same read-only request a little later can succeed. */
  readonly transient: boolean;
}

// Calling by SIP/H.323 address needs host or co-host; by Rooms ID an enterprise admin or a participant suffices.
const MRA_PERMISSION: Localized = {
  'zh-CN':
    '通过 SIP/H.323 地址呼叫时，操作者账号必须是该会议的主持人或联席主持人：请主持人在会议中把操作者设为联席主持人，或改用主持人的账号后重试',
  'en-US':
    "Calling by SIP/H.323 address requires the operator account to be host or co-host of this meeting: ask the host to make the operator a co-host, or use the host's account, then try again",
};
const ROOMS_PERMISSION: Localized = {
  'zh-CN':
    '呼叫 Rooms 会议室时，操作者账号必须是会议创建者所在企业的管理员或该会议的参会成员，且会议室属于同一企业：请检查设置中的操作者账号',
  'en-US':
    "Calling a Tencent Rooms room requires the operator account to be an admin of the meeting creator's enterprise or a participant of this meeting, and the room to belong to that enterprise: check the operator account in Settings",
};
const PERMISSION_HINTS = { rooms: ROOMS_PERMISSION, mra: MRA_PERMISSION } as const;
const ANY_PERMISSION: Localized = {
  'zh-CN': `${MRA_PERMISSION['zh-CN']}。${ROOMS_PERMISSION['zh-CN']}`,
  'en-US': `${MRA_PERMISSION['en-US']}. ${ROOMS_PERMISSION['en-US']}`,
};

const RATE_LIMITED_HINT: Localized = {
  'zh-CN': '请求太频繁，已被限流：等待一分钟后再试，并避免多人同时刷新',
  'en-US':
    'Too many requests, so Tencent is throttling them: wait a minute and try again, and avoid several people refreshing at once',
};

const CREDENTIALS_HINT: Localized = {
  'zh-CN':
    '请在设置中检查 AppId（企业 ID）、SdkId、SecretId 和 SecretKey，并确认企业自建应用已启用且有会议室相关权限（企业管理后台 → 应用管理）',
  'en-US':
    'Check AppId (enterprise ID), SdkId, SecretId and SecretKey in Settings, and that the self-built app is enabled with the meeting-room permissions (admin console → app management)',
};

const OPERATOR_HINT: Localized = {
  'zh-CN': '请在设置中检查操作者 userid：必须是本企业内已激活的成员（企业管理后台 → 账户管理）',
  'en-US':
    'Check the operator userid in Settings: it must be an active member of your enterprise (admin console → accounts)',
};

const APP_ID_HINT: Localized = {
  'zh-CN': '请在设置中检查 AppId（企业 ID，在企业管理后台可以找到），并确认企业账号有效',
  'en-US':
    'Check AppId in Settings (the enterprise ID shown in the admin console) and that the enterprise account is active',
};

const REPORT_HINT: Localized = {
  'zh-CN': '请核对会议号/会议 ID 和会议室 ID 或地址；如果都正确，请把日志发给管理员（可能是本程序发送的参数不被接受）',
  'en-US':
    'Check the meeting code/ID and the room ID or address; if they are right, send the log to your administrator (the API may not accept what this app sent)',
};

export const API_ERROR_CATALOG: ReadonlyMap<number, CatalogEntry> = new Map<number, CatalogEntry>([
  [
    200003,
    {
      message: {
        'zh-CN': '签名验证失败，腾讯会议拒绝了请求',
        'en-US': 'Signature verification failed: Tencent Meeting rejected the request',
      },
      hint: {
        'zh-CN':
          '请在设置中检查 SecretId 和 SecretKey（重新复制，不要带空格）、SdkId（若应用分配了 SdkId 则必须填写），并确认本机时钟准确（相差不能超过 5 分钟）',
        'en-US':
          "Check SecretId and SecretKey in Settings (copy them again, without spaces), the SdkId (required if your app was given one), and that this PC's clock is correct (within 5 minutes)",
      },
      transient: false,
    },
  ],
  [
    190301,
    {
      message: {
        'zh-CN': '请求被当作重放拒绝：同一个签名到达了两次',
        'en-US': 'The request was rejected as a replay: the same signed request arrived twice',
      },
      hint: {
        'zh-CN':
          '正常情况下不会发生（可能是代理重复发送了请求），请重试。如果是呼叫会议室，请先查看该会议室的呼叫状态：第一次请求可能已经在呼叫',
        'en-US':
          "This should not happen (a proxy may have sent the request twice); try again. For a room call, check the room's call status first: the first copy may already be ringing it",
      },
      transient: false,
    },
  ],
  [
    190004,
    {
      message: { 'zh-CN': '参数不合法', 'en-US': 'Invalid parameter' },
      hint: REPORT_HINT,
      transient: false,
    },
  ],
  [
    20000,
    {
      message: { 'zh-CN': '参数类型错误', 'en-US': 'A parameter has the wrong type' },
      hint: {
        'zh-CN': '本程序发送的字段类型不被接受（例如 meeting_id）；请把日志发给管理员',
        'en-US':
          'The API did not accept the type of a field this app sent (e.g. meeting_id); send the log to your administrator',
      },
      transient: false,
    },
  ],
  [
    10004,
    {
      message: { 'zh-CN': '会议室呼叫失败', 'en-US': 'The room call failed' },
      hint: {
        'zh-CN': '请确认会议室设备在线、已开机、已注册（登录 Rooms 或注册到 SIP/H.323 服务器）并允许被呼叫，然后再呼叫',
        'en-US':
          'Check that the room is online, powered on, registered (signed in to Rooms or to its SIP/H.323 server) and allowed to be called, then dial again',
      },
      hintFor: {
        rooms: {
          'zh-CN':
            '请确认该 Rooms 会议室在线（不是离线或未登录）、已开机并允许被呼叫（会议室列表中的“可呼叫”），然后再呼叫',
          'en-US':
            'Check that the Rooms room is online (not offline or signed out), powered on and allowed to be called (callable in the room list), then dial again',
        },
        mra: {
          'zh-CN': '请确认地址正确，设备已开机、已注册或可从公网访问，并允许接听来电，然后再呼叫',
          'en-US':
            'Check that the address is right and the system is powered on, registered or reachable from the internet, and allowed to accept incoming calls, then dial again',
        },
      },
      transient: false,
    },
  ],
  [
    10002,
    {
      message: { 'zh-CN': '查询会议室呼叫状态失败', 'en-US': "Could not query the room's call status" },
      hint: {
        'zh-CN': '稍等片刻后刷新状态；呼叫本身可能仍在进行',
        'en-US': 'Wait a moment and refresh the status; the call itself may still be going on',
      },
      transient: true,
    },
  ],
  [
    20201,
    {
      message: { 'zh-CN': '查询会议室信息失败', 'en-US': 'Could not load the meeting-room information' },
      hint: { 'zh-CN': '稍等片刻后重试', 'en-US': 'Wait a moment and try again' },
      transient: true,
    },
  ],
  [
    9002,
    {
      message: { 'zh-CN': '会议 ID 错误', 'en-US': 'Wrong meeting ID' },
      hint: {
        'zh-CN': '请核对会议 ID，或改用 9 位会议号查找会议',
        'en-US': 'Check the meeting ID, or look the meeting up by its 9-digit meeting code instead',
      },
      transient: false,
    },
  ],
  [
    9003,
    {
      message: { 'zh-CN': '会议不存在', 'en-US': 'The meeting does not exist' },
      hint: {
        'zh-CN': '请核对会议号；会议可能已取消或已结束，会议号也可能已被回收（可改用会议 ID 查找）',
        'en-US':
          'Check the meeting code; the meeting may have been cancelled or ended, or its code recycled (try the meeting ID)',
      },
      transient: false,
    },
  ],
  [
    9042,
    {
      message: { 'zh-CN': '没有权限执行此操作', 'en-US': 'No permission for this operation' },
      hint: ANY_PERMISSION,
      hintFor: PERMISSION_HINTS,
      transient: false,
    },
  ],
  [
    9061,
    {
      message: { 'zh-CN': '查询会议过于频繁，已超过限制', 'en-US': 'Meetings were queried too often (rate limit)' },
      hint: RATE_LIMITED_HINT,
      transient: true,
    },
  ],
  [
    9008,
    {
      message: {
        'zh-CN': '创建会议的数量超过限制（每天 100 个，每分钟 9 个）',
        'en-US': 'Too many meetings created (limit: 100 a day, 9 a minute)',
      },
      hint: {
        'zh-CN': '请稍后再试；如果经常出现，请联系管理员',
        'en-US': 'Try again later; if it keeps happening, contact your administrator',
      },
      transient: false,
    },
  ],
  [
    9099,
    {
      message: { 'zh-CN': '没有权限进入该预定会议', 'en-US': 'No permission to enter this scheduled meeting' },
      hint: {
        'zh-CN': '请确认操作者账号受邀参加了该会议或属于会议所在企业，或请主持人邀请该账号',
        'en-US':
          "Check that the operator account is invited to the meeting or belongs to the meeting's enterprise, or ask the host to invite it",
      },
      transient: false,
    },
  ],
  [
    9100,
    {
      message: { 'zh-CN': '没有权限预定会议', 'en-US': 'No permission to schedule meetings' },
      hint: {
        'zh-CN': '请管理员在企业管理后台为操作者账号开通预定会议的权限',
        'en-US': 'Ask an administrator to let the operator account schedule meetings (admin console)',
      },
      transient: false,
    },
  ],
  [
    9101,
    {
      message: { 'zh-CN': '没有权限加入该会议', 'en-US': 'No permission to join this meeting' },
      hint: ANY_PERMISSION,
      hintFor: PERMISSION_HINTS,
      transient: false,
    },
  ],
  [
    9102,
    {
      message: { 'zh-CN': '没有权限修改该会议', 'en-US': 'No permission to change this meeting' },
      hint: ANY_PERMISSION,
      hintFor: PERMISSION_HINTS,
      transient: false,
    },
  ],
  [
    10000,
    {
      message: {
        'zh-CN': '腾讯会议用户管理服务出现未知错误',
        'en-US': "Unknown error in Tencent Meeting's user management service",
      },
      hint: {
        'zh-CN': '稍等片刻后重试；如果一直出现，请联系管理员或腾讯会议客服',
        'en-US': 'Wait a moment and try again; if it persists, contact your administrator or Tencent Meeting support',
      },
      transient: true,
    },
  ],
  [
    10001,
    {
      message: { 'zh-CN': '用户管理参数错误', 'en-US': 'User management parameter error' },
      hint: OPERATOR_HINT,
      transient: false,
    },
  ],
  [
    10005,
    {
      message: { 'zh-CN': '此应用版本已被禁用', 'en-US': 'This app version has been disabled' },
      hint: {
        'zh-CN': '请升级 Room Dialer，或请管理员在企业管理后台检查应用版本设置',
        'en-US': 'Update Room Dialer, or ask an administrator to check the app version settings in the admin console',
      },
      transient: false,
    },
  ],
  [
    20001,
    {
      message: { 'zh-CN': '操作者用户不存在', 'en-US': 'The operator user does not exist' },
      hint: OPERATOR_HINT,
      transient: false,
    },
  ],
  [
    20003,
    {
      message: {
        'zh-CN': '操作者用户不可用（可能已停用）',
        'en-US': 'The operator user is not available (it may be disabled)',
      },
      hint: OPERATOR_HINT,
      transient: false,
    },
  ],
  [
    50000,
    {
      message: { 'zh-CN': '企业 ID（AppId）不合法', 'en-US': 'The enterprise ID (AppId) is not valid' },
      hint: APP_ID_HINT,
      transient: false,
    },
  ],
  [
    50001,
    {
      message: { 'zh-CN': '企业不可用', 'en-US': 'The enterprise is not available' },
      hint: APP_ID_HINT,
      transient: false,
    },
  ],
  // The per-app limits (reference §8.1). Not retried by the client: the request budget (main/api/request-budget.ts)
  // holds every request until the limit has passed, so a retry would only wait in the same queue.
  [
    190310,
    {
      message: {
        'zh-CN': '本应用每分钟 300 次的调用次数已用完（所有使用同一凭据的电脑共用）',
        'en-US': "This app's 300 requests per minute are used up (shared by every PC with these credentials)",
      },
      hint: {
        'zh-CN': 'Room Dialer 会暂停发送请求，到下一分钟自动继续；如果经常出现，请在其他电脑的设置里调低请求预算',
        'en-US':
          'Room Dialer holds its requests and carries on by itself at the next minute; if this keeps happening, lower the request budget in Settings on the other PCs',
      },
      transient: false,
    },
  ],
  [
    190311,
    {
      message: {
        'zh-CN': '本应用今天的调用次数（20 万次）已用完',
        'en-US': "This app's requests for today (200,000) are used up",
      },
      hint: {
        'zh-CN': 'Room Dialer 在午夜前不再发送请求；请联系管理员检查是哪台电脑或程序用掉了额度',
        'en-US':
          'Room Dialer sends no request until midnight; ask your administrator which PC or program used the quota',
      },
      transient: false,
    },
  ],
  [
    190313,
    {
      message: {
        'zh-CN': '这个接口每分钟的调用次数已用完（全企业共用）',
        'en-US': "This endpoint's requests for this minute are used up (shared by the whole enterprise)",
      },
      hint: {
        'zh-CN': 'Room Dialer 会暂停发送请求，到下一分钟自动继续',
        'en-US': 'Room Dialer holds its requests and carries on by itself at the next minute',
      },
      transient: false,
    },
  ],
  // Undocumented; a third-party client treats them as fatal authentication/configuration errors.
  ...[200001, 202004, 500014].map((code): [number, CatalogEntry] => [
    code,
    {
      message: {
        'zh-CN': '腾讯会议拒绝了本应用的凭据或配置',
        'en-US': "Tencent Meeting rejected this app's credentials or configuration",
      },
      hint: CREDENTIALS_HINT,
      transient: false,
    },
  ]),
]);
