// Deterministic meetings of the demo enterprise, with times relative to the clock at start (rounded down to the
// minute): the eight original lookup meetings, then enough of "today" that admin1's meeting list takes two pages,
// with three meetings starting at the same minute across the page boundary (so `pos` alone is not enough).
import type { MeetingState, SeedMeeting, SeedParticipant, SeedSubMeeting, UserRole } from './types';

/** The enterprise's users (userid → display name). admin1 is the operator and the enterprise admin. */
export const SEED_USERS: Readonly<Record<string, string>> = Object.freeze({
  admin1: '前台 Front desk',
  zhangwei: '张伟',
  liuyang: '刘洋',
  wangfang: '王芳',
  chenjing: '陈静',
  lihua: '李华',
});

/** The scripted "answer" room (seed.ts): booked for several meetings, so its own meeting list has a few. */
const DEMO_ANSWER_ROOM = '2489756789';

/** meeting_id of the meeting whose host joins `hostJoinAfterMs` after the simulator starts. */
export const HOST_JOINS_LATER_MEETING_ID = '15550001112223334445';

interface PresentTemplate {
  /** A userid of SEED_USERS, or a guest's display name prefixed with "guest:". */
  who: string;
  role: UserRole;
  instanceId: number;
  /** Minutes after the meeting's start (clamped to the clock at start). */
  joinedAfterMin: number;
}

interface MeetingTemplate {
  meetingId: string;
  meetingCode: string;
  subject: string;
  startOffsetMin: number;
  durationMin: number;
  status: MeetingState;
  type?: 0 | 1;
  creator?: string;
  hosts: string[];
  coHosts?: string[];
  participants?: string[];
  present?: PresentTemplate[];
  /** Recurring: a daily series of `count` occurrences; the current one is index `current` (today). */
  recurring?: { count: number; current: number };
  /** Tencent Rooms booked for it (meeting_room_id). */
  rooms?: string[];
  note: string;
}

const member = (who: string, joinedAfterMin = 0, instanceId = 1): PresentTemplate => ({
  who,
  role: 0,
  instanceId,
  joinedAfterMin,
});
const host = (who: string, role: UserRole, joinedAfterMin = 0, instanceId = 1): PresentTemplate => ({
  who,
  role,
  instanceId,
  joinedAfterMin,
});
const guest = (name: string, joinedAfterMin = 0): PresentTemplate => ({
  who: `guest:${name}`,
  role: 4,
  instanceId: 5,
  joinedAfterMin,
});

// meeting_id values: 19 digits, 20 digits above int64 max, and one above 2^64 (18446744073709551616).
const LOOKUP_MEETINGS: readonly MeetingTemplate[] = [
  {
    meetingId: '13434567890123927028',
    meetingCode: '123456789',
    rooms: [DEMO_ANSWER_ROOM],
    subject: '产品周会',
    startOffsetMin: -15,
    durationMin: 60,
    status: 'MEETING_STATE_STARTED',
    hosts: ['admin1'],
    participants: ['admin1', 'zhangwei'],
    present: [member('zhangwei'), guest('访客 Visitor', 2)],
    note: 'operator hosts (not in it); 20-digit id above int64 max (reference vector A)',
  },
  {
    meetingId: '7567173273889276131',
    meetingCode: '806146667',
    subject: 'Weekly sync with the Shenzhen office',
    startOffsetMin: -5,
    durationMin: 45,
    status: 'MEETING_STATE_STARTED',
    hosts: ['admin1'],
    participants: ['admin1'],
    present: [host('admin1', 3, 0, 2)],
    note: 'operator hosts and is in it; 19-digit id',
  },
  {
    meetingId: '19876543210987654321',
    meetingCode: '555000111',
    rooms: [DEMO_ANSWER_ROOM, '2489700131'],
    subject: '季度业务回顾 Q3 Business Review',
    startOffsetMin: 30,
    durationMin: 90,
    status: 'MEETING_STATE_INIT',
    hosts: ['admin1'],
    participants: ['admin1', 'liuyang'],
    note: 'operator hosts; not started yet; 20-digit id above 2^64',
  },
  {
    meetingId: '12269259670683052373',
    meetingCode: '318204976',
    subject: '客户演示 Customer demo',
    startOffsetMin: -30,
    durationMin: 60,
    status: 'MEETING_STATE_STARTED',
    type: 1,
    hosts: ['zhangwei'],
    coHosts: ['admin1'],
    participants: ['zhangwei', 'admin1'],
    present: [host('zhangwei', 3)],
    note: 'operator is co-host (SIP/H.323 calls allowed)',
  },
  {
    meetingId: '9182736450918273645',
    meetingCode: '702315648',
    rooms: ['2489700524'],
    subject: '全员大会 All hands',
    startOffsetMin: 120,
    durationMin: 60,
    status: 'MEETING_STATE_INIT',
    hosts: ['admin1'],
    note: 'operator hosts; starts in two hours',
  },
  {
    meetingId: '11223344556677889900',
    meetingCode: '246813579',
    subject: '外部合作方会议（admin1 仅为参会者）',
    startOffsetMin: -10,
    durationMin: 60,
    status: 'MEETING_STATE_STARTED',
    hosts: ['liuyang'],
    participants: ['liuyang', 'admin1'],
    present: [host('liuyang', 3), guest('Partner Co. 合作方', 1)],
    note: 'operator is only a participant: SIP/H.323 calls → 9042, Rooms calls allowed',
  },
  {
    meetingId: '8877665544332211009',
    meetingCode: '987654321',
    rooms: [DEMO_ANSWER_ROOM],
    subject: '已结束的复盘会 Ended retro',
    startOffsetMin: -180,
    durationMin: 60,
    status: 'MEETING_STATE_ENDED',
    hosts: ['admin1'],
    participants: ['admin1'],
    note: 'ended: room-call → 9003',
  },
  {
    meetingId: '16000000000000000001',
    meetingCode: '135792468',
    subject: 'Design review 设计评审',
    startOffsetMin: 0,
    durationMin: 30,
    status: 'MEETING_STATE_STARTED',
    type: 1,
    hosts: ['admin1'],
    participants: ['admin1', 'zhangwei', 'liuyang'],
    present: [host('admin1', 3), member('zhangwei'), member('liuyang', 0, 3)],
    note: 'operator hosts and is in it; quick meeting',
  },
];

/** The town hall has more people in it than one participants page (50) holds. */
const TOWN_HALL_CROWD = 56;

const TODAY_MEETINGS: readonly MeetingTemplate[] = [
  {
    meetingId: '14725836901472583690',
    meetingCode: '420135792',
    subject: '每日站会 Daily stand-up',
    startOffsetMin: -5,
    durationMin: 15,
    status: 'MEETING_STATE_STARTED',
    creator: 'admin1',
    hosts: ['zhangwei'],
    participants: ['admin1', 'zhangwei', 'lihua'],
    present: [host('zhangwei', 2), member('lihua', 1, 4)],
    recurring: { count: 7, current: 2 },
    note: 'recurring (current_sub_meeting_id; participants need sub_meeting_id); operator created it',
  },
  {
    meetingId: HOST_JOINS_LATER_MEETING_ID,
    meetingCode: '614203758',
    subject: '主持人稍后入会 Host joins later',
    startOffsetMin: 2,
    durationMin: 60,
    status: 'MEETING_STATE_INIT',
    creator: 'admin1',
    hosts: ['wangfang'],
    participants: ['admin1', 'wangfang'],
    note: 'empty until its host wangfang joins (hostJoinAfterMs, default 2 min)',
  },
  {
    meetingId: '17777777777777777777',
    meetingCode: '739104826',
    rooms: [DEMO_ANSWER_ROOM],
    subject: '已取消的培训 Cancelled training',
    startOffsetMin: 180,
    durationMin: 60,
    status: 'MEETING_STATE_CANCELLED',
    hosts: ['admin1'],
    note: 'cancelled: not listed; room-call → 9003',
  },
  {
    meetingId: '10203040506070809010',
    meetingCode: '851203647',
    rooms: ['2489700262'],
    subject: '部门大会 Department town hall',
    startOffsetMin: -20,
    durationMin: 90,
    status: 'MEETING_STATE_STARTED',
    hosts: ['wangfang'],
    coHosts: ['chenjing'],
    participants: ['admin1', 'wangfang', 'chenjing'],
    present: [
      host('wangfang', 3),
      host('chenjing', 6, 1),
      ...Array.from({ length: TOWN_HALL_CROWD }, (_, i) =>
        i % 7 === 3
          ? guest(`Guest ${i + 1}`, 2 + (i % 9))
          : member(`staff${String(i + 1).padStart(3, '0')}`, 1 + (i % 12), 1 + (i % 4)),
      ),
    ],
    note: `${TOWN_HALL_CROWD + 2} people in it (two participant pages); operator is an invitee`,
  },
  {
    meetingId: '18100000000000000001',
    meetingCode: '463820157',
    subject: '一对一 1:1 chenjing / lihua',
    startOffsetMin: 60,
    durationMin: 30,
    status: 'MEETING_STATE_INIT',
    hosts: ['chenjing'],
    participants: ['chenjing', 'lihua'],
    note: 'operator not involved: not in admin1’s list',
  },
];

interface UpcomingTemplate {
  offsetMin: number;
  subject: string;
  host: string;
  creator?: string;
  coHost?: string;
}

/** Upcoming meetings that fill admin1's list past one page (20). The three at +300 straddle the page boundary. */
const UPCOMING: readonly UpcomingTemplate[] = [
  { offsetMin: 45, subject: '销售周报 Sales weekly', host: 'liuyang' },
  { offsetMin: 60, subject: '招聘面试 Interview panel', host: 'admin1' },
  { offsetMin: 60, subject: '客户回访 Customer follow-up', host: 'zhangwei', creator: 'admin1' },
  { offsetMin: 90, subject: '预算评审 Budget review', host: 'wangfang' },
  { offsetMin: 150, subject: 'IT 支持例会 IT support sync', host: 'admin1' },
  { offsetMin: 180, subject: '供应商谈判 Supplier negotiation', host: 'chenjing', coHost: 'admin1' },
  { offsetMin: 210, subject: '新人培训 Onboarding', host: 'lihua', creator: 'admin1' },
  { offsetMin: 240, subject: '架构讨论 Architecture discussion', host: 'zhangwei' },
  { offsetMin: 270, subject: '市场复盘 Marketing retro', host: 'admin1' },
  { offsetMin: 300, subject: '董事会预备会 Board prep', host: 'wangfang' },
  { offsetMin: 300, subject: '华东区同步 East China sync', host: 'liuyang', coHost: 'admin1' },
  { offsetMin: 300, subject: '华南区同步 South China sync', host: 'admin1' },
  { offsetMin: 24 * 60, subject: '明日晨会 Tomorrow morning briefing', host: 'admin1' },
  { offsetMin: 26 * 60, subject: '明日客户演示 Tomorrow customer demo', host: 'zhangwei' },
];

const upcomingMeetings: readonly MeetingTemplate[] = UPCOMING.map((u, i) => ({
  meetingId: `161000000000000${String(10_001 + i * 37)}`,
  meetingCode: String(900_100_000 + i * 7_331),
  subject: u.subject,
  startOffsetMin: u.offsetMin,
  durationMin: 60,
  status: 'MEETING_STATE_INIT',
  ...(u.creator ? { creator: u.creator } : {}),
  hosts: [u.host],
  coHosts: u.coHost ? [u.coHost] : [],
  participants: [...new Set([u.host, 'admin1', 'lihua'])],
  // Every third one is booked in the demo answer room.
  rooms: i % 3 === 0 ? [DEMO_ANSWER_ROOM] : [],
  note: 'upcoming (list paging)',
}));

const MEETING_TEMPLATES: readonly MeetingTemplate[] = [...LOOKUP_MEETINGS, ...TODAY_MEETINGS, ...upcomingMeetings];

function participant(p: PresentTemplate, joinTime: number): SeedParticipant {
  const isGuest = p.who.startsWith('guest:');
  return Object.freeze({
    userid: isGuest ? undefined : p.who,
    name: isGuest ? p.who.slice('guest:'.length) : (SEED_USERS[p.who] ?? `员工 Staff ${p.who}`),
    role: p.role,
    instanceId: p.instanceId,
    joinTime,
  });
}

export function seedMeetings(nowMs: number): readonly SeedMeeting[] {
  const nowS = Math.floor(nowMs / 1000);
  const baseS = nowS - (nowS % 60);
  return Object.freeze(
    MEETING_TEMPLATES.map((t) => {
      const startTime = baseS + t.startOffsetMin * 60;
      const endTime = startTime + t.durationMin * 60;
      const subMeetings: SeedSubMeeting[] = [];
      if (t.recurring) {
        for (let k = 0; k < t.recurring.count; k += 1) {
          const start = startTime + (k - t.recurring.current) * 24 * 60 * 60;
          subMeetings.push(
            Object.freeze({ subMeetingId: String(start), startTime: start, endTime: start + t.durationMin * 60 }),
          );
        }
      }
      return Object.freeze({
        meetingId: t.meetingId,
        meetingCode: t.meetingCode,
        subject: t.subject,
        startTime,
        endTime,
        status: t.status,
        type: t.type ?? 0,
        meetingType: t.recurring ? 1 : 0,
        creator: t.creator ?? t.hosts[0] ?? 'admin1',
        hosts: Object.freeze([...t.hosts]),
        coHosts: Object.freeze([...(t.coHosts ?? [])]),
        participants: Object.freeze([...(t.participants ?? [])]),
        present: Object.freeze(
          (t.present ?? []).map((p) => participant(p, Math.min(nowS, startTime + p.joinedAfterMin * 60))),
        ),
        subMeetings: Object.freeze(subMeetings),
        currentSubMeetingId: t.recurring ? subMeetings[t.recurring.current]?.subMeetingId : undefined,
        bookedRooms: Object.freeze([...(t.rooms ?? [])]),
        note: t.note,
      });
    }),
  );
}
