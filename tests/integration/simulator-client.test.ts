// The API client's newer calls against the simulator over real HTTP (reference §8): meeting lists, real-time
// participants, room-call status, room health, and the per-app rate limit with and without the request budget.
// One fake clock drives both sides; nothing here asserts timings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WemeetClient, type WemeetClientOptions } from '../../main/api/client';
import { ApiError } from '../../main/api/errors';
import { RequestBudget } from '../../main/api/request-budget';
import type { RoomTarget } from '../../common/room-target';
import {
  HOST_JOINS_LATER_MEETING_ID,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/server';

const T0 = Date.UTC(2024, 5, 3, 2, 0, 0); // 10:00 in Beijing
const HOST_MEETING = '13434567890123927028';
const TOWN_HALL = '10203040506070809010';
const RECURRING = '14725836901472583690';

let now = T0;
let sim: Simulator;

async function start(options: SimulatorOptions = {}): Promise<void> {
  now = T0;
  sim = await startSimulator({ clock: () => now, answerDelayMs: 3000, ...options });
}
beforeEach(() => start());
afterEach(async () => {
  await sim.close();
});

function client(extra: Partial<WemeetClientOptions> = {}): WemeetClient {
  return new WemeetClient({
    endpoint: sim.url,
    credentials: sim.credentials,
    fetch: (url, init) => fetch(url, init),
    appVersion: '0.0.0-test',
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    random: () => 0,
    ...extra,
  });
}

const apiCode = async (promise: Promise<unknown>): Promise<number | string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof ApiError ? error.errorCode : String(error);
  }
};

const sip = (dialString: string): RoomTarget => ({ kind: 'mra', protocol: 1, dialString });
const h323 = (dialString: string): RoomTarget => ({ kind: 'mra', protocol: 2, dialString });

describe('listUserMeetings', () => {
  it('follows pos + cursory over two pages to every live meeting of the operator, each once', async () => {
    const before = sim.requests.length;
    const { meetings, complete } = await client().listUserMeetings();
    expect(complete).toBe(true);
    expect(meetings).toHaveLength(24);
    expect(new Set(meetings.map((m) => m.meetingId)).size).toBe(24);
    const requests = sim.requests.slice(before).map((r) => r.path);
    expect(requests).toEqual([
      '/v1/meetings?userid=admin1&instanceid=1',
      expect.stringMatching(/^\/v1\/meetings\?userid=admin1&instanceid=1&pos=\d{10}&cursory=\d+$/),
    ]);
    const starts = meetings.map((m) => m.startTime ?? 0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(meetings.every((m) => ['MEETING_STATE_INIT', 'MEETING_STATE_STARTED'].includes(m.status))).toBe(true);
    const recurring = meetings.find((m) => m.meetingId === RECURRING);
    expect(recurring).toMatchObject({ meetingType: 1, currentSubMeetingId: expect.stringMatching(/^\d+$/) });
    expect(meetings.find((m) => m.meetingId === HOST_MEETING)?.joinMeetingRole).toBe('creator');
  });

  it('another user’s list; an unknown user is an API error 20001', async () => {
    const { meetings } = await client().listUserMeetings('chenjing');
    expect(meetings.map((m) => m.meetingId)).toContain('18100000000000000001');
    expect(await apiCode(client({ retries: 0 }).listUserMeetings('nobody'))).toBe(20001);
    await expect(client().listUserMeetings('')).rejects.toThrow(TypeError);
  });
});

describe('realTimeParticipants', () => {
  it('reads every page (58 people in two pages of 50), names decoded, host present', async () => {
    const result = await client().realTimeParticipants(TOWN_HALL);
    expect(result).toMatchObject({ meetingStatus: 'MEETING_STATE_STARTED', totalCount: 58, complete: true });
    expect(result.participants).toHaveLength(58);
    expect(result.hostPresent).toBe(true);
    expect(result.participants.find((p) => p.userid === 'wangfang')).toMatchObject({
      userName: '王芳',
      userRole: 3,
      isHost: true,
    });
    // The co-host alone would not count as a host.
    expect(result.participants.find((p) => p.userid === 'chenjing')).toMatchObject({ userRole: 6, isHost: false });
    const pages = sim.requests.filter((r) => r.path.includes('/real-time-participants')).map((r) => r.path);
    expect(pages.map((p) => new URLSearchParams(p.split('?')[1]).get('page'))).toEqual(['1', '2']);
  });

  it('a scripted host join turns hostPresent on; the host leaving turns it off', async () => {
    const c = client();
    expect(await c.realTimeParticipants(HOST_JOINS_LATER_MEETING_ID)).toMatchObject({
      meetingStatus: 'MEETING_STATE_INIT',
      participants: [],
      hostPresent: false,
    });
    now = T0 + 120_000; // the seeded late host joins two minutes after start
    const joined = await c.realTimeParticipants(HOST_JOINS_LATER_MEETING_ID);
    expect(joined.hostPresent).toBe(true);
    expect(joined.participants[0]).toMatchObject({ userid: 'wangfang', userRole: 2, joinTime: (T0 + 120_000) / 1000 });
    sim.scriptHostLeave(HOST_JOINS_LATER_MEETING_ID, T0 + 180_000);
    now = T0 + 180_000;
    expect((await c.realTimeParticipants(HOST_JOINS_LATER_MEETING_ID)).hostPresent).toBe(false);
  });

  it('a recurring meeting needs its current sub-meeting id (190004 without it)', async () => {
    const c = client({ retries: 0 });
    expect(await apiCode(c.realTimeParticipants(RECURRING))).toBe(190004);
    const listed = (await c.listUserMeetings()).meetings.find((m) => m.meetingId === RECURRING);
    const result = await c.realTimeParticipants(RECURRING, { subMeetingId: listed?.currentSubMeetingId });
    expect(result.participants.map((p) => p.userName)).toEqual(['张伟', '李华']);
    expect(result.hostPresent).toBe(true);
    await expect(c.realTimeParticipants(RECURRING, { subMeetingId: 'abc' })).rejects.toThrow(TypeError);
  });

  it('a SIP room that joined is instanceid 9 without userid; dropRoom → room-call-info 6 and gone', async () => {
    const c = client();
    const target = sip('sip:room101@sip.example.com');
    await c.roomCall(HOST_MEETING, target);
    now += 3000;
    const withRoom = await c.realTimeParticipants(HOST_MEETING);
    const device = withRoom.participants.find((p) => p.instanceId === 9);
    expect(device).toMatchObject({ userid: undefined, userName: 'sip:room101@sip.example.com', isHost: false });
    sim.dropRoom(HOST_MEETING, { kind: 'mra', protocol: 1, dialString: 'sip:room101@sip.example.com' });
    expect((await c.roomCallInfo(HOST_MEETING, target)).status).toBe(6);
    expect((await c.realTimeParticipants(HOST_MEETING)).participants.some((p) => p.instanceId === 9)).toBe(false);
  });
});

describe('roomCall status and room health', () => {
  it('room-call returns status 2, or 5 for a call that failed at once; absent from the older service', async () => {
    const c = client();
    expect(await c.roomCall(HOST_MEETING, sip('sip:room101@sip.example.com'))).toMatchObject({ status: 2 });
    expect(await c.roomCall(HOST_MEETING, h323('fail@192.0.2.15'))).toMatchObject({ status: 5 });
    await sim.close();
    await start({ roomCallAnswersStatus: false });
    const old = await client().roomCall(HOST_MEETING, sip('sip:room101@sip.example.com'));
    expect(old.status).toBeUndefined();
    expect(old.inviteId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a drop<seconds> address leaves after that long: roomCallInfo goes 2 → 6', async () => {
    const c = client();
    const target = sip('sip:drop20@sip.example.com');
    await c.roomCall(HOST_MEETING, target);
    now += 3000;
    expect((await c.roomCallInfo(HOST_MEETING, target)).status).toBe(2);
    now += 20_000;
    expect((await c.roomCallInfo(HOST_MEETING, target)).status).toBe(6);
  });

  it('listMeetingRooms carries meeting_room_status and is_allow_call: offline, in-use and not callable rooms', async () => {
    const rooms = await client().listMeetingRooms();
    expect(rooms).toHaveLength(320);
    const byId = new Map(rooms.map((r) => [r.meetingRoomId, r]));
    expect(byId.get('2489700393')).toMatchObject({ roomStatus: 4, isAllowCall: true });
    expect(byId.get('2489700524')).toMatchObject({ roomStatus: 3 });
    expect(byId.get('2489700655')).toMatchObject({ roomStatus: 2, isAllowCall: false });
    expect(byId.get('2489700786')).toMatchObject({ roomStatus: 5 });
    // And calling the offline one fails with 10004, creating nothing.
    expect(await apiCode(client().roomCall(HOST_MEETING, { kind: 'rooms', meetingRoomId: '2489700393' }))).toBe(10004);
    expect(sim.invites()).toEqual([]);
  });
});

describe('listRoomMeetings', () => {
  it('a Rooms room’s bookings in a range, integer times kept as numbers, every page', async () => {
    const startTime = T0 / 1000 - 4 * 3600;
    const { meetings, complete } = await client().listRoomMeetings('2489756789', {
      startTime,
      endTime: startTime + 2 * 24 * 3600,
    });
    expect(complete).toBe(true);
    const expected = sim.meetings.filter(
      (m) => m.bookedRooms.includes('2489756789') && m.startTime >= startTime && m.startTime <= startTime + 2 * 86400,
    );
    expect(meetings.map((m) => m.meetingId).sort()).toEqual(expected.map((m) => m.meetingId).sort());
    expect(meetings.find((m) => m.meetingId === HOST_MEETING)).toMatchObject({
      meetingCode: '123456789',
      startTime: expect.any(Number),
      status: 'MEETING_STATE_STARTED',
    });
    const paths = sim.requests.map((r) => r.path).filter((p) => p.includes('/meetings?operator_id_type'));
    expect(paths[0]).toBe(
      `/v1/meeting-rooms/2489756789/meetings?operator_id_type=5&instanceid=1&target_rooms_id=2489756789` +
        `&target_rooms_id_type=5&start_time=${startTime}&end_time=${startTime + 2 * 86400}&page=1&page_size=20`,
    );
  });

  it('refuses a range over 90 days or a non-digit room before sending anything', async () => {
    const c = client();
    await expect(c.listRoomMeetings('2489756789', { startTime: 0, endTime: 90 * 86400 + 1 })).rejects.toThrow(
      TypeError,
    );
    await expect(c.listRoomMeetings('room', { startTime: 0, endTime: 1 })).rejects.toThrow(TypeError);
    expect(sim.requests).toEqual([]);
  });
});

describe('per-app rate limit', () => {
  it('without a budget the 301st request in a minute is 190310; after the window it works again', async () => {
    const c = client({ retries: 0 });
    for (let i = 0; i < 300; i += 1) await c.testConnection();
    expect(await apiCode(c.testConnection())).toBe(190310);
    now += 60_000;
    await c.testConnection();
    expect(sim.busiestWindow()).toBe(301);
  });

  it('with the request budget (240/min) 400 reads all succeed and no 60 s holds more than 240', async () => {
    // Virtual time: when the budget waits, the shared fake clock jumps ahead, but only once every request already
    // started has reached the simulator (on a real clock they arrive a moment after they start).
    let started = 0;
    const arrived = (fn: () => void): void => {
      if (sim.requests.length < started) setImmediate(() => arrived(fn));
      else fn();
    };
    // One turn first: requests just granted sign and call fetch in the microtasks that follow.
    const settled = (fn: () => void): void => void setImmediate(() => arrived(fn));
    const budget = new RequestBudget({
      perMinute: 240,
      now: () => now,
      setTimer: (fn, ms) => {
        const timer = { cancelled: false };
        settled(() => {
          if (timer.cancelled) return;
          now += ms;
          fn();
        });
        return timer;
      },
      clearTimer: (timer) => {
        (timer as { cancelled: boolean }).cancelled = true;
      },
    });
    const c = client({
      budget,
      retries: 0,
      fetch: (url, init) => {
        started += 1;
        return fetch(url, init);
      },
    });
    await Promise.all(Array.from({ length: 400 }, () => c.testConnection()));
    expect(sim.requests.filter((r) => r.errorCode !== undefined)).toEqual([]);
    expect(sim.requests).toHaveLength(400);
    expect(sim.busiestWindow()).toBeLessThanOrEqual(240);
    budget.close();
  });
});
