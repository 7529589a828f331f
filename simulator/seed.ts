// Deterministic seed data: the demo enterprise's credentials, meetings (times relative to the clock at start)
// and 320 Rooms, plus the outcome scripts for rooms and SIP/H.323 dial strings.
import { createHash } from 'node:crypto';
import type {
  CallOutcome,
  MeetingState,
  MraProtocolNumber,
  SeedMeeting,
  SeedRoom,
  SimulatorCredentials,
} from './types';

/** A local demo key for the simulator only; printing it is fine. */
export const DEMO_CREDENTIALS: SimulatorCredentials = Object.freeze({
  appId: '200000001',
  sdkId: '20000000001',
  secretId: 'AKIDRoomDialerDemo0001',
  secretKey: 'RoomDialerLocalSimulatorDemoKey-not-a-real-secret',
  operatorId: 'admin1',
});

interface MeetingTemplate {
  meetingId: string;
  meetingCode: string;
  subject: string;
  startOffsetMin: number;
  durationMin: number;
  status: MeetingState;
  type: 0 | 1;
  hosts: string[];
  coHosts: string[];
  participants: string[];
  note: string;
}

// meeting_id values: 19 digits, 20 digits above int64 max, and one above 2^64 (18446744073709551616).
const MEETING_TEMPLATES: readonly MeetingTemplate[] = [
  {
    meetingId: '13434567890123927028',
    meetingCode: '123456789',
    subject: '产品周会',
    startOffsetMin: -15,
    durationMin: 60,
    status: 'MEETING_STATE_STARTED',
    type: 0,
    hosts: ['admin1'],
    coHosts: [],
    participants: ['admin1', 'zhangwei'],
    note: 'operator hosts; 20-digit id above int64 max (reference vector A)',
  },
  {
    meetingId: '7567173273889276131',
    meetingCode: '806146667',
    subject: 'Weekly sync with the Shenzhen office',
    startOffsetMin: -5,
    durationMin: 45,
    status: 'MEETING_STATE_STARTED',
    type: 0,
    hosts: ['admin1'],
    coHosts: [],
    participants: ['admin1'],
    note: 'operator hosts; 19-digit id',
  },
  {
    meetingId: '19876543210987654321',
    meetingCode: '555000111',
    subject: '季度业务回顾 Q3 Business Review',
    startOffsetMin: 30,
    durationMin: 90,
    status: 'MEETING_STATE_INIT',
    type: 0,
    hosts: ['admin1'],
    coHosts: [],
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
    note: 'operator is co-host (SIP/H.323 calls allowed)',
  },
  {
    meetingId: '9182736450918273645',
    meetingCode: '702315648',
    subject: '全员大会 All hands',
    startOffsetMin: 120,
    durationMin: 60,
    status: 'MEETING_STATE_INIT',
    type: 0,
    hosts: ['admin1'],
    coHosts: [],
    participants: [],
    note: 'operator hosts; starts in two hours',
  },
  {
    meetingId: '11223344556677889900',
    meetingCode: '246813579',
    subject: '外部合作方会议（admin1 仅为参会者）',
    startOffsetMin: -10,
    durationMin: 60,
    status: 'MEETING_STATE_STARTED',
    type: 0,
    hosts: ['liuyang'],
    coHosts: [],
    participants: ['liuyang', 'admin1'],
    note: 'operator is only a participant: SIP/H.323 calls → 9042, Rooms calls allowed',
  },
  {
    meetingId: '8877665544332211009',
    meetingCode: '987654321',
    subject: '已结束的复盘会 Ended retro',
    startOffsetMin: -180,
    durationMin: 60,
    status: 'MEETING_STATE_ENDED',
    type: 0,
    hosts: ['admin1'],
    coHosts: [],
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
    coHosts: [],
    participants: ['admin1', 'zhangwei', 'liuyang'],
    note: 'operator hosts; quick meeting',
  },
];

export function seedMeetings(nowMs: number): readonly SeedMeeting[] {
  const nowS = Math.floor(nowMs / 1000);
  const baseS = nowS - (nowS % 60);
  return Object.freeze(
    MEETING_TEMPLATES.map((t) =>
      Object.freeze({
        meetingId: t.meetingId,
        meetingCode: t.meetingCode,
        subject: t.subject,
        startTime: baseS + t.startOffsetMin * 60,
        endTime: baseS + (t.startOffsetMin + t.durationMin) * 60,
        status: t.status,
        type: t.type,
        hosts: Object.freeze([...t.hosts]),
        coHosts: Object.freeze([...t.coHosts]),
        participants: Object.freeze([...t.participants]),
        note: t.note,
      }),
    ),
  );
}

// ---------------------------------------------------------------- rooms

export const ROOM_COUNT = 320;

interface ScriptedRoom {
  id: string;
  name: string;
  location: string;
  status: SeedRoom['status'];
  isAllowCall: boolean;
  outcome: CallOutcome;
}

/** The demo rooms come first; their names say what they do. */
const SCRIPTED_ROOMS: readonly ScriptedRoom[] = [
  {
    id: '2489756789',
    name: '演示-正常接听 Demo Answer',
    location: '深圳-A座-5F',
    status: 2,
    isAllowCall: true,
    outcome: 'answer',
  },
  {
    id: '2489700131',
    name: '演示-拒接 Demo Reject',
    location: '深圳-A座-5F',
    status: 2,
    isAllowCall: true,
    outcome: 'reject',
  },
  {
    id: '2489700262',
    name: '演示-无人接听 Demo NoAnswer',
    location: '深圳-A座-6F',
    status: 2,
    isAllowCall: true,
    outcome: 'noanswer',
  },
  {
    id: '2489700393',
    name: '演示-离线 Demo Offline',
    location: '深圳-A座-6F',
    status: 4,
    isAllowCall: true,
    outcome: 'unreachable',
  },
  {
    id: '2489700524',
    name: '演示-入会后离开 Demo Leave',
    location: '深圳-B座-2F',
    status: 3,
    isAllowCall: true,
    outcome: 'leave',
  },
  {
    id: '2489700655',
    name: '演示-禁止呼叫 Demo NotAllowed',
    location: '深圳-B座-2F',
    status: 2,
    isAllowCall: false,
    outcome: 'unreachable',
  },
  {
    id: '2489700786',
    name: '演示-未登录 Demo NotLoggedIn',
    location: '深圳-B座-3F',
    status: 5,
    isAllowCall: true,
    outcome: 'unreachable',
  },
];

const CITIES = ['深圳', '北京', '上海', '广州', '成都', '武汉', '杭州', '西安'];
const BUILDINGS = ['A', 'B', 'C', 'D'];
const ROOM_KINDS = [
  '大会议室',
  '小会议室',
  '洽谈室',
  '培训室',
  '董事会议室',
  '视频会议室',
  'Focus Room',
  'Huddle Room',
  '多功能厅',
  '讨论室',
];
const CAPACITY = [4, 6, 8, 10, 12, 16, 20, 30, 50];

function genericStatus(i: number): SeedRoom['status'] {
  if (i % 37 === 0) return 4;
  if (i % 41 === 0) return 5;
  if (i % 53 === 0) return 0;
  if (i % 59 === 0) return 1;
  if (i % 5 === 0) return 3;
  return 2;
}

function activeCode(i: number): string {
  return createHash('sha256').update(`room-dialer-sim-room-${i}`).digest('hex').slice(0, 12).toUpperCase();
}

export function seedRooms(): readonly SeedRoom[] {
  const rooms: SeedRoom[] = [];
  for (let i = 0; i < ROOM_COUNT; i += 1) {
    const scripted = SCRIPTED_ROOMS[i];
    const city = CITIES[i % CITIES.length] as string;
    const building = BUILDINGS[Math.floor(i / CITIES.length) % BUILDINGS.length] as string;
    const floor = 1 + ((i * 7) % 30);
    const status = scripted?.status ?? genericStatus(i);
    const isAllowCall = scripted?.isAllowCall ?? i % 29 !== 0;
    const reachable = (status === 2 || status === 3) && isAllowCall;
    rooms.push(
      Object.freeze({
        meetingRoomId: scripted?.id ?? String(2_489_700_000 + i * 131),
        name:
          scripted?.name ?? `${floor}F-${ROOM_KINDS[i % ROOM_KINDS.length] as string}-${String(i).padStart(3, '0')}`,
        location: scripted?.location ?? `${city}-${building}座-${floor}F`,
        status,
        isAllowCall,
        participantNumber: CAPACITY[i % CAPACITY.length] as number,
        accountType: i % 11 === 0 ? 2 : i % 3 === 0 ? 1 : 0,
        accountNewType: i % 4 === 0 ? 0 : 1,
        activeCode: activeCode(i),
        scheduledStatus: i % 6 === 0 ? 0 : 1,
        outcome: scripted?.outcome ?? (reachable ? 'answer' : 'unreachable'),
      }),
    );
  }
  return Object.freeze(rooms);
}

// ---------------------------------------------------------------- SIP / H.323 scripts

/** A dial string's outcome, by keyword (case-insensitive): offline, reject, noanswer, leave; anything else answers. */
export function outcomeForDialString(dialString: string): CallOutcome {
  const text = dialString.toLowerCase();
  if (text.includes('offline')) return 'unreachable';
  if (text.includes('reject')) return 'reject';
  if (text.includes('noanswer')) return 'noanswer';
  if (text.includes('leave')) return 'leave';
  return 'answer';
}

export interface ExampleAddress {
  readonly protocol: MraProtocolNumber;
  readonly dialString: string;
  readonly outcome: CallOutcome;
}

export const EXAMPLE_ADDRESSES: readonly ExampleAddress[] = [
  { protocol: 1, dialString: 'sip:room101@sip.example.com', outcome: 'answer' },
  { protocol: 1, dialString: 'sip:reject@sip.example.com', outcome: 'reject' },
  { protocol: 1, dialString: 'sip:noanswer@sip.example.com', outcome: 'noanswer' },
  { protocol: 1, dialString: 'sip:offline@sip.example.com', outcome: 'unreachable' },
  { protocol: 1, dialString: 'sip:leave@sip.example.com', outcome: 'leave' },
  // H.323 targets are an IP, an E.164 number or alias@IP (what the app accepts), so scripts ride on the alias.
  { protocol: 2, dialString: '192.0.2.10', outcome: 'answer' },
  { protocol: 2, dialString: '8675500101', outcome: 'answer' },
  { protocol: 2, dialString: 'reject@192.0.2.11', outcome: 'reject' },
  { protocol: 2, dialString: 'noanswer@192.0.2.12', outcome: 'noanswer' },
  { protocol: 2, dialString: 'offline@192.0.2.13', outcome: 'unreachable' },
];
