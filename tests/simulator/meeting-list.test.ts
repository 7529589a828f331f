// A user's meeting list (GET /v1/meetings without meeting_code, reference §8.3): 20 a page, pos (a start time in Unix
// seconds) + opaque cursory, only in-progress and upcoming meetings where the user has a part.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_JOINS_LATER_MEETING_ID, startSimulator, type Simulator } from '../../simulator/server';
import { errorCodeOf, signed } from './signed-http';

const T0 = Date.UTC(2024, 5, 3, 2, 0, 30); // 10:00:30 in Beijing
const RECURRING = '14725836901472583690';
const CANCELLED_CODE = '739104826';

let now = T0;
let sim: Simulator;
beforeEach(async () => {
  now = T0;
  sim = await startSimulator({ clock: () => now });
});
afterEach(async () => {
  await sim.close();
});

interface ListedMeeting {
  meeting_id: string;
  start_time: string;
  end_time: string;
  status: string;
  join_meeting_role: string;
  meeting_type: number;
  current_sub_meeting_id?: string;
  sub_meetings?: { sub_meeting_id: string }[];
}

const list = (query: string) => signed(sim, { path: `/v1/meetings?${query}`, nowMs: now });

/** Follows next_pos / next_cursory (or pos alone) to the end; at most 10 pages. */
async function allPages(userid: string, withCursory = true): Promise<{ pages: number; meetings: ListedMeeting[] }> {
  const meetings: ListedMeeting[] = [];
  let query = `userid=${userid}&instanceid=1`;
  for (let pages = 1; pages <= 10; pages += 1) {
    const res = await list(query);
    expect(res.status, res.text).toBe(200);
    meetings.push(...(res.json.meeting_info_list as ListedMeeting[]));
    expect(res.json.meeting_number).toBe(res.json.meeting_info_list.length);
    if (res.json.remaining === 0) return { pages, meetings };
    query =
      `userid=${userid}&instanceid=1&pos=${res.json.next_pos}` +
      (withCursory ? `&cursory=${res.json.next_cursory}` : '');
  }
  throw new Error('the list never ended');
}

describe('meeting list paging', () => {
  it('next_pos + next_cursory walk admin1’s 24 live meetings once each, in start order, over two pages', async () => {
    const first = await list('userid=admin1&instanceid=1');
    expect(first.json).toMatchObject({ meeting_number: 20, remaining: 4 });
    expect(first.json.next_pos).toBe(Number(first.json.meeting_info_list[19].start_time));
    expect(Number.isSafeInteger(first.json.next_cursory)).toBe(true);

    const { pages, meetings } = await allPages('admin1');
    expect(pages).toBe(2);
    const ids = meetings.map((m) => m.meeting_id);
    expect(new Set(ids).size).toBe(24);
    const starts = meetings.map((m) => Number(m.start_time));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const m of meetings) {
      expect(m.start_time).toMatch(/^\d{10}$/);
      expect(m.end_time).toMatch(/^\d{10}$/);
      expect(['MEETING_STATE_INIT', 'MEETING_STATE_STARTED']).toContain(m.status);
      expect(['creator', 'hoster', 'invitee']).toContain(m.join_meeting_role);
    }
    // Neither the ended nor the cancelled meeting, nor one admin1 has no part in.
    const listed = new Set(ids);
    for (const seeded of sim.meetings) {
      const hasPart = [seeded.creator, ...seeded.hosts, ...seeded.coHosts, ...seeded.participants].includes('admin1');
      const live = seeded.status === 'MEETING_STATE_INIT' || seeded.status === 'MEETING_STATE_STARTED';
      expect(listed.has(seeded.meetingId), seeded.subject).toBe(hasPart && live);
    }
  });

  it('pos alone repeats the meetings of the boundary second (the cursory says where the page ended)', async () => {
    const { meetings } = await allPages('admin1', false);
    const ids = meetings.map((m) => m.meeting_id);
    expect(ids.length).toBeGreaterThan(new Set(ids).size);
  });

  it('another user sees their own list; an unknown user is 20001', async () => {
    const { meetings } = await allPages('chenjing');
    expect(meetings.map((m) => m.meeting_id)).toContain('18100000000000000001');
    expect(meetings.length).toBeLessThan(20);
    expect(errorCodeOf(await list('userid=nobody&instanceid=1'))).toBe(20001);
  });

  it('a cursory that was not issued, or is used with another pos, is 190004 naming cursory', async () => {
    const first = await list('userid=admin1&instanceid=1');
    const { next_pos: pos, next_cursory: cursory } = first.json;
    const forged = await list(`userid=admin1&instanceid=1&pos=${pos}&cursory=${cursory + 1}`);
    expect({ status: forged.status, code: errorCodeOf(forged) }).toEqual({ status: 400, code: 190004 });
    expect(forged.json.error_info.message).toContain('cursory');
    expect(errorCodeOf(await list(`userid=admin1&instanceid=1&pos=${pos - 60}&cursory=${cursory}`))).toBe(190004);
    expect(errorCodeOf(await list(`userid=chenjing&instanceid=1&pos=${pos}&cursory=${cursory}`))).toBe(190004);
  });

  it.each([
    ['pos=abc', 'pos'],
    ['pos=1.5', 'pos'],
    ['pos=-1', 'pos'],
    ['cursory=1e3', 'cursory'],
    ['is_show_all_sub_meetings=2', 'is_show_all_sub_meetings'],
    ['is_show_all_sub_meetings=true', 'is_show_all_sub_meetings'],
    ['page=1', '"page"'],
  ])('%s → 190004 naming the parameter', async (extra, name) => {
    const res = await list(`userid=admin1&instanceid=1&${extra}`);
    expect({ status: res.status, code: errorCodeOf(res) }).toEqual({ status: 400, code: 190004 });
    expect(res.json.error_info.message).toContain(name);
  });

  it('instanceid is required; list-only parameters are refused with meeting_code', async () => {
    const noInstance = await list('userid=admin1');
    expect(errorCodeOf(noInstance)).toBe(190004);
    expect(noInstance.json.error_info.message).toContain('instanceid');
    const withCode = await list('meeting_code=123456789&userid=admin1&instanceid=1&pos=0');
    expect(errorCodeOf(withCode)).toBe(190004);
    expect(withCode.json.error_info.message).toContain('"pos"');
  });

  it('a recurring meeting carries current_sub_meeting_id; is_show_all_sub_meetings=1 lists every occurrence', async () => {
    const find = (meetings: ListedMeeting[]) => meetings.find((m) => m.meeting_id === RECURRING);
    const one = find((await list('userid=admin1&instanceid=1')).json.meeting_info_list);
    expect(one).toMatchObject({ meeting_type: 1, current_sub_meeting_id: expect.stringMatching(/^\d+$/) });
    expect(one?.sub_meetings?.map((s) => s.sub_meeting_id)).toEqual([one?.current_sub_meeting_id]);
    const all = find((await list('userid=admin1&instanceid=1&is_show_all_sub_meetings=1')).json.meeting_info_list);
    expect(all?.sub_meetings).toHaveLength(7);
    expect(all?.current_sub_meeting_id).toBe(one?.current_sub_meeting_id);
  });
});

describe('meeting state', () => {
  it('the cancelled meeting is found by code as CANCELLED and refuses room-call with 9003', async () => {
    const byCode = await list(`meeting_code=${CANCELLED_CODE}&userid=admin1&instanceid=1`);
    expect(byCode.json.meeting_info_list[0].status).toBe('MEETING_STATE_CANCELLED');
    const call = await signed(sim, {
      method: 'PUT',
      path: '/v1/meeting-rooms/room-call',
      nowMs: now,
      body: {
        operator_id: 'admin1',
        operator_id_type: 1,
        meeting_room_id: '2489756789',
        meeting_id: byCode.json.meeting_info_list[0].meeting_id,
      },
    });
    expect({ status: call.status, code: errorCodeOf(call) }).toEqual({ status: 500, code: 9003 });
    expect(sim.invites()).toEqual([]);
  });

  it('the "host joins later" meeting is INIT until its host joins (default 2 minutes after start), then STARTED', async () => {
    const status = async () =>
      (
        await signed(sim, {
          path: `/v1/meetings/${HOST_JOINS_LATER_MEETING_ID}?userid=admin1&instanceid=1`,
          nowMs: now,
        })
      ).json.meeting_info_list[0].status;
    expect(await status()).toBe('MEETING_STATE_INIT');
    now = T0 + 119_999;
    expect(sim.meetingStatus(HOST_JOINS_LATER_MEETING_ID)).toBe('MEETING_STATE_INIT');
    now = T0 + 120_000;
    expect(await status()).toBe('MEETING_STATE_STARTED');
  });
});
