// Deterministic seed data: the demo enterprise's credentials and 320 Rooms, plus the outcome scripts for rooms and
// SIP/H.323 dial strings. Meetings are in seed-meetings.ts.
import { createHash } from 'node:crypto';
import type { CallOutcome, MraProtocolNumber, SeedRoom, SimulatorCredentials } from './types';

/** A local demo key for the simulator only; printing it is fine. */
export const DEMO_CREDENTIALS: SimulatorCredentials = Object.freeze({
  appId: '200000001',
  sdkId: '20000000001',
  secretId: 'AKIDRoomDialerDemo0001',
  secretKey: 'RoomDialerLocalSimulatorDemoKey-not-a-real-secret',
  operatorId: 'admin1',
});

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
        roomsId: String(6_120_000_000 + i * 977),
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

export interface DialScript {
  readonly outcome: CallOutcome;
  /** For 'leave': ms in the meeting before leaving, from `drop<seconds>`; undefined = leaveAfterMs. */
  readonly leaveAfterMs?: number;
}

/**
 * A dial string's script, by keyword (case-insensitive, first match wins): offline → 10004, fail → status 5 at once,
 * reject → 3, noanswer → 0, leave → 2 then 6 after leaveAfterMs, drop<seconds> (e.g. drop30) → 2 then 6 after that
 * many seconds; anything else answers.
 */
export function dialScript(dialString: string): DialScript {
  const text = dialString.toLowerCase();
  if (text.includes('offline')) return { outcome: 'unreachable' };
  if (text.includes('fail')) return { outcome: 'fail' };
  if (text.includes('reject')) return { outcome: 'reject' };
  if (text.includes('noanswer')) return { outcome: 'noanswer' };
  if (text.includes('leave')) return { outcome: 'leave' };
  const drop = /drop(\d{1,6})/.exec(text);
  if (drop) return { outcome: 'leave', leaveAfterMs: Number(drop[1]) * 1000 };
  return { outcome: 'answer' };
}

export function outcomeForDialString(dialString: string): CallOutcome {
  return dialScript(dialString).outcome;
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
  { protocol: 1, dialString: 'sip:drop30@sip.example.com', outcome: 'leave' },
  { protocol: 1, dialString: 'sip:fail@sip.example.com', outcome: 'fail' },
  // H.323 targets are an IP, an E.164 number or alias@IP (what the app accepts), so scripts ride on the alias.
  { protocol: 2, dialString: '192.0.2.10', outcome: 'answer' },
  { protocol: 2, dialString: '8675500101', outcome: 'answer' },
  { protocol: 2, dialString: 'reject@192.0.2.11', outcome: 'reject' },
  { protocol: 2, dialString: 'noanswer@192.0.2.12', outcome: 'noanswer' },
  { protocol: 2, dialString: 'offline@192.0.2.13', outcome: 'unreachable' },
  { protocol: 2, dialString: 'drop30@192.0.2.14', outcome: 'leave' },
  { protocol: 2, dialString: 'fail@192.0.2.15', outcome: 'fail' },
];
