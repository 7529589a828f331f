// The client's paged §8 reads against a scripted server: they stop on the last page, on no progress and at their
// page bound, and read hostile values (huge names, odd statuses) without trusting them.
import { describe, expect, it } from 'vitest';
import { WemeetClient } from '../../main/api/client';
import { InvalidResponseError } from '../../main/api/errors';
import { fakeFetch, json } from '../helpers/fake-fetch';

const MEETING_ID = '13434567890123927028';

function client(fetch: ReturnType<typeof fakeFetch>['fetch']) {
  return new WemeetClient({
    endpoint: 'https://api.meeting.qq.com',
    credentials: { appId: '1', secretId: 'AKID', secretKey: 'SK', operatorId: 'admin1' },
    fetch,
    appVersion: '0.1.0',
    now: () => 1_700_000_000_000,
    sleep: async () => {},
    retries: 0,
  });
}

const meeting = (n: number) => ({
  meeting_id: String(1_000_000_000_000_000_000n + BigInt(n)),
  meeting_code: String(100_000_000 + n),
  subject: `m${n}`,
  start_time: String(1_700_000_000 + n * 60),
  end_time: String(1_700_003_600 + n * 60),
  status: 'MEETING_STATE_INIT',
});
const listPage = (ns: number[], remaining: number, nextPos?: number, nextCursory?: number) =>
  json({
    meeting_number: ns.length,
    meeting_info_list: ns.map(meeting),
    remaining,
    ...(nextPos === undefined ? {} : { next_pos: nextPos }),
    ...(nextCursory === undefined ? {} : { next_cursory: nextCursory }),
  });

describe('listUserMeetings', () => {
  it('sends pos and cursory back as given, keeps a meeting seen twice once, and ends when remaining is 0', async () => {
    const { fetch, calls } = fakeFetch(listPage([1, 2], 2, 1_700_000_120, 1_700_000_000_123), listPage([2, 3], 0));
    const result = await client(fetch).listUserMeetings('zhangwei');
    expect(result.complete).toBe(true);
    expect(result.meetings.map((m) => m.subject)).toEqual(['m1', 'm2', 'm3']);
    expect(calls.map((c) => c.url.replace('https://api.meeting.qq.com', ''))).toEqual([
      '/v1/meetings?userid=zhangwei&instanceid=1',
      '/v1/meetings?userid=zhangwei&instanceid=1&pos=1700000120&cursory=1700000000123',
    ]);
  });

  it('stops, incomplete, when the server points to the same place twice or gives no way on', async () => {
    const same = fakeFetch(listPage([1], 5, 10, 20), listPage([2], 5, 10, 20));
    expect(await client(same.fetch).listUserMeetings()).toMatchObject({ complete: false });
    expect(same.calls).toHaveLength(2);
    const noWay = fakeFetch(listPage([1], 5));
    expect(await client(noWay.fetch).listUserMeetings()).toMatchObject({ complete: false });
    expect(noWay.calls).toHaveLength(1);
  });

  it('stops after 25 pages of a list that never ends', async () => {
    const pages = Array.from({ length: 30 }, (_, i) => listPage([i], 1, 1_700_000_000 + i, i + 1));
    const { fetch, calls } = fakeFetch(...pages);
    const result = await client(fetch).listUserMeetings();
    expect(result).toMatchObject({ complete: false });
    expect(result.meetings).toHaveLength(25);
    expect(calls).toHaveLength(25);
  });

  it('an unsafe integer cursor is an invalid answer, not a rounded one sent back', async () => {
    const { fetch } = fakeFetch(
      new Response(`{"meeting_info_list":[],"remaining":1,"next_pos":1,"next_cursory":12345678901234567890}`),
    );
    await expect(client(fetch).listUserMeetings()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

const participant = (extra: object) => ({ ms_open_id: 'x', user_name: 'YQ==', user_role: 0, ...extra });
const participantsPage = (participants: object[], totalPage: number, status = 'MEETING_STATE_STARTED') =>
  json({ status, total_count: participants.length * totalPage, total_page: totalPage, participants });

describe('realTimeParticipants', () => {
  it('stops at 20 pages, incomplete', async () => {
    const pages = Array.from({ length: 25 }, (_, i) => participantsPage([participant({ ms_open_id: `p${i}` })], 1000));
    const { fetch, calls } = fakeFetch(...pages);
    const result = await client(fetch).realTimeParticipants(MEETING_ID);
    expect(result).toMatchObject({ complete: false, totalCount: 1000 });
    expect(result.participants).toHaveLength(20);
    expect(calls).toHaveLength(20);
    expect(calls[0]?.url).toBe(
      `https://api.meeting.qq.com/v1/meetings/${MEETING_ID}/real-time-participants?operator_id=admin1&operator_id_type=1&page=1&page_size=50`,
    );
  });

  it('an empty meeting is one request, complete, no host', async () => {
    const { fetch, calls } = fakeFetch(participantsPage([], 0, 'MEETING_STATE_INIT'));
    expect(await client(fetch).realTimeParticipants(MEETING_ID, { subMeetingId: '1700000000' })).toEqual({
      meetingStatus: 'MEETING_STATE_INIT',
      totalCount: 0,
      participants: [],
      hostPresent: false,
      complete: true,
    });
    expect(calls[0]?.url).toContain('&sub_meeting_id=1700000000');
  });

  it('host only for roles 2, 3, 5; a missing role is not a host; instanceid as digits; a huge name is capped', async () => {
    const huge = Buffer.from('名'.repeat(200_000), 'utf8').toString('base64');
    const { fetch } = fakeFetch(
      participantsPage(
        [
          participant({ ms_open_id: 'a', user_role: 6 }),
          participant({ ms_open_id: 'b', user_role: undefined, instanceid: '9' }),
          participant({ ms_open_id: 'c', user_role: 5, user_name: huge }),
        ],
        1,
      ),
    );
    const result = await client(fetch).realTimeParticipants(MEETING_ID);
    expect(result.participants.map((p) => [p.userRole, p.isHost, p.instanceId])).toEqual([
      [6, false, undefined],
      [undefined, false, 9],
      [5, true, undefined],
    ]);
    expect(result.hostPresent).toBe(true);
    expect(result.participants[2]?.userName.length).toBeLessThanOrEqual(2048);
    expect(result.participants[2]?.userName.startsWith('名名')).toBe(true);
  });
});

describe('roomCall status', () => {
  it('2 and 5 are read; any other status is left out, and the invite stands', async () => {
    const { fetch } = fakeFetch(
      json({ invite_id: 'a', status: 5 }),
      json({ invite_id: 'b', status: 7 }),
      json({ invite_id: 'c', status: '2' }),
    );
    const c = client(fetch);
    const target = { kind: 'rooms', meetingRoomId: '1' } as const;
    expect(await c.roomCall(MEETING_ID, target)).toEqual({ inviteId: 'a', status: 5, meetingId: MEETING_ID });
    expect(await c.roomCall(MEETING_ID, target)).toEqual({ inviteId: 'b', meetingId: MEETING_ID });
    expect(await c.roomCall(MEETING_ID, target)).toEqual({ inviteId: 'c', meetingId: MEETING_ID });
  });
});
