// Real-time participants (reference §8.4) and what changes them: scripted host joins and leaves, rooms that answer,
// drop out or are cut when the meeting ends. Plus the room-call `status` (§8.2) and the fail / drop<seconds> scripts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HOST_JOINS_LATER_MEETING_ID,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/server';
import { errorCodeOf, signed } from './signed-http';

const T0 = Date.UTC(2024, 5, 3, 2, 0, 0);
const HOST_MEETING = '13434567890123927028'; // admin1 creator + host, not in it
const COHOST_MEETING = '12269259670683052373'; // zhangwei hosts, admin1 co-host
const TOWN_HALL = '10203040506070809010'; // 58 people
const RECURRING = '14725836901472583690';
const ROOM = '2489756789';
const OP = { operator_id: 'admin1', operator_id_type: 1 };

let now = T0;
let sim: Simulator;
async function restart(options: SimulatorOptions = {}) {
  await sim.close();
  sim = await startSimulator({ clock: () => now, answerDelayMs: 3000, ...options });
}
beforeEach(async () => {
  now = T0;
  sim = await startSimulator({ clock: () => now, answerDelayMs: 3000 });
});
afterEach(async () => {
  await sim.close();
});

interface Participant {
  userid?: string;
  open_id?: string;
  ms_open_id: string;
  user_name: string;
  user_role: number;
  instanceid: number;
  join_time: string;
  join_type: number;
  audio_state: boolean;
  video_state: boolean;
}

const participantsPath = (meetingId: string, query = 'operator_id=admin1&operator_id_type=1&page=1&page_size=50') =>
  `/v1/meetings/${meetingId}/real-time-participants?${query}`;
const participants = (meetingId: string, query?: string) =>
  signed(sim, { path: participantsPath(meetingId, query), nowMs: now });
const people = async (meetingId: string, query?: string): Promise<Participant[]> => {
  const res = await participants(meetingId, query);
  expect(res.status, res.text).toBe(200);
  return res.json.participants;
};
const nameOf = (p: Participant) => Buffer.from(p.user_name, 'base64').toString('utf8');
const roomCall = (target: object, meetingId = HOST_MEETING) =>
  signed(sim, {
    method: 'PUT',
    path: '/v1/meeting-rooms/room-call',
    nowMs: now,
    body: { ...OP, ...target, meeting_id: meetingId },
  });
const statusOf = async (target: object, meetingId = HOST_MEETING) =>
  (
    await signed(sim, {
      method: 'POST',
      path: '/v1/meeting-rooms/room-call-info',
      nowMs: now,
      body: { ...OP, instance_id: 1, ...target, meeting_id: meetingId },
    })
  ).json.status as number;
const sip = (dial: string) => ({ mra_address: { protocol: 1, dial_string: dial } });
const h323 = (dial: string) => ({ mra_address: { protocol: 2, dial_string: dial } });
const rooms = (id: string) => ({ meeting_room_id: id });

describe('query rules', () => {
  it.each(['operator_id', 'operator_id_type', 'page', 'page_size'])('missing %s → 190004 naming it', async (name) => {
    const query = ['operator_id=admin1', 'operator_id_type=1', 'page=1', 'page_size=20']
      .filter((p) => !p.startsWith(`${name}=`))
      .join('&');
    const res = await participants(HOST_MEETING, query);
    expect({ status: res.status, code: errorCodeOf(res) }).toEqual({ status: 400, code: 190004 });
    expect(res.json.error_info.message).toContain(`"${name}"`);
  });

  it.each([
    ['page_size=51', 'page_size'],
    ['page_size=0', 'page_size'],
    ['page_size=1.0', 'page_size'],
    ['page_size=abc', 'page_size'],
  ])('%s → 190004', async (pageSize, name) => {
    const res = await participants(HOST_MEETING, `operator_id=admin1&operator_id_type=1&page=1&${pageSize}`);
    expect(errorCodeOf(res)).toBe(190004);
    expect(res.json.error_info.message).toContain(name);
  });

  it('page from 1, operator_id_type 1, no unknown or repeated parameters, a digit meeting id', async () => {
    const q = (rest: string) => participants(HOST_MEETING, `operator_id=admin1&${rest}`);
    expect(errorCodeOf(await q('operator_id_type=1&page=0&page_size=20'))).toBe(190004);
    expect(errorCodeOf(await q('operator_id_type=2&page=1&page_size=20'))).toBe(190004);
    expect(errorCodeOf(await q('operator_id_type=1&page=1&page_size=20&userid=admin1'))).toBe(190004);
    expect(errorCodeOf(await q('operator_id_type=1&page=1&page=1&page_size=20'))).toBe(190004);
    expect(errorCodeOf(await participants('abc'))).toBe(190004);
    expect(errorCodeOf(await participants('12345678901234567890'))).toBe(9003);
  });

  it('allowed: the admin, the creator, hosts and co-hosts; another enterprise user → 9042; unknown → 20001', async () => {
    const as = (userid: string, meetingId: string) =>
      participants(meetingId, `operator_id=${userid}&operator_id_type=1&page=1&page_size=20`);
    expect((await as('zhangwei', COHOST_MEETING)).status).toBe(200);
    expect((await as('admin1', COHOST_MEETING)).status).toBe(200);
    const refused = await as('lihua', COHOST_MEETING);
    expect({ status: refused.status, code: errorCodeOf(refused) }).toEqual({ status: 500, code: 9042 });
    expect(errorCodeOf(await as('mallory', COHOST_MEETING))).toBe(20001);
  });

  it('a recurring meeting needs sub_meeting_id (an occurrence of it); a one-off meeting refuses one', async () => {
    const base = 'operator_id=admin1&operator_id_type=1&page=1&page_size=20';
    const missing = await participants(RECURRING, base);
    expect(errorCodeOf(missing)).toBe(190004);
    expect(missing.json.error_info.message).toContain('sub_meeting_id');
    const current = sim.meetings.find((m) => m.meetingId === RECURRING)?.currentSubMeetingId;
    const past = sim.meetings.find((m) => m.meetingId === RECURRING)?.subMeetings[0]?.subMeetingId;
    expect((await people(RECURRING, `${base}&sub_meeting_id=${current}`)).map(nameOf)).toEqual(['张伟', '李华']);
    expect(await people(RECURRING, `${base}&sub_meeting_id=${past}`)).toEqual([]);
    expect(errorCodeOf(await participants(RECURRING, `${base}&sub_meeting_id=1`))).toBe(190004);
    expect(errorCodeOf(await participants(HOST_MEETING, `${base}&sub_meeting_id=${current}`))).toBe(190004);
  });
});

describe('answers', () => {
  it('the documented fields, user_name in base64, join_time as a string of seconds', async () => {
    const res = await participants(COHOST_MEETING);
    expect(res.json).toMatchObject({
      meeting_id: COHOST_MEETING,
      meeting_code: '318204976',
      status: 'MEETING_STATE_STARTED',
      current_page: 1,
      current_size: 1,
      total_count: 1,
      total_page: 1,
    });
    expect(Buffer.from(res.json.subject, 'base64').toString('utf8')).toBe('客户演示 Customer demo');
    const [host] = res.json.participants as Participant[];
    expect(host).toMatchObject({ userid: 'zhangwei', user_role: 3, instanceid: 1, join_type: 1 });
    expect(nameOf(host as Participant)).toBe('张伟');
    expect(host?.join_time).toMatch(/^\d{10}$/);
    expect(typeof host?.audio_state).toBe('boolean');
    expect(typeof host?.ms_open_id).toBe('string');
  });

  it('58 people in the town hall take two pages of 50; each appears once', async () => {
    const first = await participants(TOWN_HALL);
    expect(first.json).toMatchObject({ total_count: 58, total_page: 2, current_size: 50 });
    const second = await participants(TOWN_HALL, 'operator_id=admin1&operator_id_type=1&page=2&page_size=50');
    expect(second.json).toMatchObject({ current_page: 2, current_size: 8 });
    const ids = [...first.json.participants, ...second.json.participants].map((p: Participant) => p.ms_open_id);
    expect(new Set(ids).size).toBe(58);
    const past = await participants(TOWN_HALL, 'operator_id=admin1&operator_id_type=1&page=3&page_size=50');
    expect(past.json).toMatchObject({ current_size: 0, participants: [] });
    // Guests from outside have no userid.
    expect(first.json.participants.some((p: Participant) => p.user_role === 4 && p.userid === undefined)).toBe(true);
  });
});

describe('scripted hosts', () => {
  it('the seeded late host joins at hostJoinAfterMs with role 2; earlier the meeting is empty and INIT', async () => {
    await restart({ hostJoinAfterMs: 45_000 });
    const before = await participants(HOST_JOINS_LATER_MEETING_ID);
    expect(before.json).toMatchObject({ status: 'MEETING_STATE_INIT', total_count: 0, participants: [] });
    now = T0 + 45_000;
    const after = await participants(HOST_JOINS_LATER_MEETING_ID);
    expect(after.json.status).toBe('MEETING_STATE_STARTED');
    expect(after.json.participants).toEqual([
      expect.objectContaining({ userid: 'wangfang', user_role: 2, join_time: String((T0 + 45_000) / 1000) }),
    ]);
  });

  it('scriptHostJoin / scriptHostLeave on any meeting: creator+host is role 3, a co-host 6', async () => {
    sim.scriptHostJoin(HOST_MEETING, T0 + 10_000);
    sim.scriptHostJoin(COHOST_MEETING, T0 + 10_000, 'admin1');
    sim.scriptHostLeave(HOST_MEETING, T0 + 20_000);
    const roleOf = async (meetingId: string, userid: string) =>
      (await people(meetingId)).find((p) => p.userid === userid)?.user_role;
    expect(await roleOf(HOST_MEETING, 'admin1')).toBeUndefined();
    now = T0 + 10_000;
    expect(await roleOf(HOST_MEETING, 'admin1')).toBe(3);
    expect(await roleOf(COHOST_MEETING, 'admin1')).toBe(6);
    now = T0 + 20_000;
    expect(await roleOf(HOST_MEETING, 'admin1')).toBeUndefined();
    expect(() => sim.scriptHostJoin(HOST_MEETING, T0 + 30_000, 'lihua')).toThrow(/neither host nor co-host/);
    expect(() => sim.scriptHostJoin(COHOST_MEETING, T0 + 15_000, 'admin1')).toThrow(/already/);
    expect(() => sim.scriptHostLeave(HOST_MEETING, T0 + 30_000)).toThrow(/no host/);
    expect(() => sim.scriptHostJoin('1', T0)).toThrow(/no seeded meeting/);
  });
});

describe('rooms among the participants', () => {
  it('an answered SIP room is instanceid 9 without userid; a Rooms room appears under its rooms_id', async () => {
    await roomCall(sip('sip:room101@sip.example.com'));
    await roomCall(rooms(ROOM));
    expect((await people(HOST_MEETING)).filter((p) => p.instanceid === 9 || p.instanceid === 20)).toEqual([]);
    now = T0 + 3000;
    const joined = await people(HOST_MEETING);
    const mra = joined.find((p) => p.instanceid === 9);
    expect(mra).toMatchObject({ user_role: 0, join_time: String((T0 + 3000) / 1000) });
    expect(mra && 'userid' in mra).toBe(false);
    expect(mra && nameOf(mra)).toBe('sip:room101@sip.example.com');
    const seededRoom = sim.rooms.find((r) => r.meetingRoomId === ROOM);
    expect(joined.find((p) => p.instanceid === 20)?.userid).toBe(seededRoom?.roomsId);
    expect(seededRoom?.roomsId).not.toBe(ROOM);
  });

  it('dropRoom: the room leaves (6) and the participants; it throws for a room not in the meeting', async () => {
    const target = h323('192.0.2.10');
    await roomCall(target);
    expect(() => sim.dropRoom(HOST_MEETING, { kind: 'mra', protocol: 2, dialString: '192.0.2.10' })).toThrow(
      /not in meeting/,
    );
    now = T0 + 5000;
    sim.dropRoom(HOST_MEETING, { kind: 'mra', protocol: 2, dialString: '192.0.2.10' }, T0 + 8000);
    expect(await statusOf(target)).toBe(2);
    now = T0 + 8000;
    expect(await statusOf(target)).toBe(6);
    expect((await people(HOST_MEETING)).some((p) => p.instanceid === 9)).toBe(false);
    expect(() => sim.dropRoom(HOST_MEETING, { kind: 'rooms', meetingRoomId: ROOM })).toThrow(/never called/);
  });

  it('endMeeting: ENDED, nobody left, joined rooms 6, ringing ones 0, and room-call refused with 9003', async () => {
    await roomCall(rooms(ROOM));
    now = T0 + 3000;
    await roomCall(sip('sip:room101@sip.example.com'));
    now = T0 + 4000;
    sim.endMeeting(HOST_MEETING);
    expect(sim.meetingStatus(HOST_MEETING)).toBe('MEETING_STATE_ENDED');
    expect(await statusOf(rooms(ROOM))).toBe(6);
    expect(await statusOf(sip('sip:room101@sip.example.com'))).toBe(0);
    expect((await participants(HOST_MEETING)).json).toMatchObject({ status: 'MEETING_STATE_ENDED', total_count: 0 });
    expect(errorCodeOf(await roomCall(rooms(ROOM)))).toBe(9003);
  });

  it('a room answering a room-call into an INIT meeting starts it', async () => {
    const meetingId = '19876543210987654321'; // INIT, +30 min
    await roomCall(rooms(ROOM), meetingId);
    expect(sim.meetingStatus(meetingId)).toBe('MEETING_STATE_INIT');
    now = T0 + 3000;
    expect(sim.meetingStatus(meetingId)).toBe('MEETING_STATE_STARTED');
  });
});

describe('room-call status and dial scripts', () => {
  it('room-call answers status 2, or 5 for a "fail" address (room-call-info then 0 at once)', async () => {
    expect((await roomCall(sip('sip:room101@sip.example.com'))).json).toEqual({
      invite_id: expect.any(String),
      status: 2,
    });
    const failed = await roomCall(h323('fail@192.0.2.15'));
    expect(failed.json).toEqual({ invite_id: expect.any(String), status: 5 });
    expect(await statusOf(h323('fail@192.0.2.15'))).toBe(0);
  });

  it('roomCallAnswersStatus: false answers invite_id only (the older service)', async () => {
    await restart({ roomCallAnswersStatus: false });
    expect(Object.keys((await roomCall(rooms(ROOM))).json)).toEqual(['invite_id']);
  });

  it('drop<seconds> leaves that many seconds after joining, whatever leaveAfterMs says', async () => {
    const target = sip('sip:drop30@sip.example.com');
    await roomCall(target);
    now = T0 + 3000 + 29_999;
    expect(await statusOf(target)).toBe(2);
    now = T0 + 3000 + 30_000;
    expect(await statusOf(target)).toBe(6);
    expect(sim.invites()[0]?.leaveAfterMs).toBe(30_000);
  });
});
