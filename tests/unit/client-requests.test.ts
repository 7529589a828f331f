// The exact bytes and headers each endpoint sends (reference §2–§6).
import { describe, expect, it } from 'vitest';
import { WemeetClient } from '../../main/api/client';
import { signature } from '../../main/api/signing';
import { fakeFetch, json } from '../helpers/fake-fetch';

const credentials = {
  appId: '200000001',
  sdkId: '20000000001',
  secretId: 'AKIDexample',
  secretKey: 'SKexample',
  operatorId: 'admin1',
};
const NOW = 1_700_000_000_500;
const MEETING_ID = '13434567890123927028'; // 20 digits: above 2^64, must stay a string

function client(
  fetch: ReturnType<typeof fakeFetch>['fetch'],
  extra: Partial<ConstructorParameters<typeof WemeetClient>[0]> = {},
) {
  return new WemeetClient({
    endpoint: 'https://api.meeting.qq.com',
    credentials,
    fetch,
    appVersion: '0.1.0',
    now: () => NOW,
    sleep: async () => {},
    ...extra,
  });
}

function expectSigned(call: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}) {
  const uri = call.url.replace('https://api.meeting.qq.com', '');
  const h = call.headers;
  expect(h['X-TC-Timestamp']).toBe('1700000000');
  expect(h['X-TC-Nonce']).toMatch(/^1700000000500\d{6}$/);
  expect(h['X-TC-Signature']).toBe(
    signature('SKexample', {
      method: call.method,
      secretId: 'AKIDexample',
      nonce: h['X-TC-Nonce'] as string,
      timestamp: '1700000000',
      uri,
      body: call.body ?? '',
    }),
  );
}

describe('request bytes and headers', () => {
  it('room-call by Rooms ID: PUT, compact JSON with meeting_id as a string, every required header', async () => {
    const { fetch, calls } = fakeFetch(json({ invite_id: 'inv-1' }));
    const result = await client(fetch).roomCall(MEETING_ID, { kind: 'rooms', meetingRoomId: '2489756789' });
    expect(result).toEqual({ inviteId: 'inv-1', meetingId: MEETING_ID });
    const [call] = calls;
    expect(call?.method).toBe('PUT');
    expect(call?.url).toBe('https://api.meeting.qq.com/v1/meeting-rooms/room-call');
    expect(call?.body).toBe(
      '{"operator_id":"admin1","operator_id_type":1,"meeting_room_id":"2489756789","meeting_id":"13434567890123927028"}',
    );
    expect(call?.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-TC-Key': 'AKIDexample',
      AppId: '200000001',
      SdkId: '20000000001',
      'X-TC-Registered': '1',
      'X-TC-Version': '0.1.0',
      'User-Agent': 'RoomDialer/0.1.0',
    });
    expect(Object.values(call?.headers ?? {}).join(' ')).not.toContain('SKexample');
    expectSigned(call!);
  });

  it('room-call by SIP address sends mra_address as an object and no instance_id', async () => {
    const { fetch, calls } = fakeFetch(json({ invite_id: 'inv-2' }));
    await client(fetch).roomCall(MEETING_ID, { kind: 'mra', protocol: 1, dialString: 'room@example.com' });
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      operator_id: 'admin1',
      operator_id_type: 1,
      mra_address: { protocol: 1, dial_string: 'room@example.com' },
      meeting_id: MEETING_ID,
    });
  });

  it('cancel-room-call: PUT with invite_id and instance_id, accepts an empty body', async () => {
    const { fetch, calls } = fakeFetch(new Response('', { status: 200 }));
    await client(fetch, { instanceId: 2 }).cancelRoomCall(MEETING_ID, 'inv-1', {
      kind: 'mra',
      protocol: 2,
      dialString: '8613800000000',
    });
    expect(calls[0]?.method).toBe('PUT');
    expect(calls[0]?.url).toBe('https://api.meeting.qq.com/v1/meeting-rooms/cancel-room-call');
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      operator_id: 'admin1',
      operator_id_type: 1,
      meeting_id: MEETING_ID,
      invite_id: 'inv-1',
      instance_id: 2,
      mra_address: { protocol: 2, dial_string: '8613800000000' },
    });
    expectSigned(calls[0]!);
  });

  it('room-call-info: POST, maps the status through the one table', async () => {
    const { fetch, calls } = fakeFetch(json({ status: 2, response_time: '2022/11/22 14:35:26' }));
    const answer = await client(fetch).roomCallInfo(MEETING_ID, { kind: 'rooms', meetingRoomId: '2489756789' });
    expect(answer).toEqual({ status: 2, state: 'joined', responseTime: '2022/11/22 14:35:26' });
    expect(calls[0]?.method).toBe('POST');
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      operator_id: 'admin1',
      operator_id_type: 1,
      instance_id: 1,
      meeting_id: MEETING_ID,
      meeting_room_id: '2489756789',
    });
  });

  it('meeting by code: GET with the query signed as sent, no body', async () => {
    const { fetch, calls } = fakeFetch(
      json({
        meeting_number: 1,
        meeting_info_list: [
          {
            meeting_id: '7567173273889276131',
            meeting_code: '806146667',
            subject: '周会',
            start_time: '1700000000',
            end_time: '1700003600',
            status: 'MEETING_STATE_STARTED',
            hosts: [{ userid: 'admin1' }],
          },
        ],
      }),
    );
    const meeting = await client(fetch).getMeetingByCode('806146667');
    expect(meeting).toMatchObject({
      meetingId: '7567173273889276131',
      meetingCode: '806146667',
      subject: '周会',
      startTime: 1700000000,
      endTime: 1700003600,
      hostUserIds: ['admin1'],
    });
    expect(calls[0]?.url).toBe(
      'https://api.meeting.qq.com/v1/meetings?meeting_code=806146667&userid=admin1&instanceid=1',
    );
    expect(calls[0]?.body).toBeUndefined();
    expectSigned(calls[0]!);
  });

  it('meeting by ID: GET /v1/meetings/{id}', async () => {
    const { fetch, calls } = fakeFetch(json({ meeting_number: 0, meeting_info_list: [] }));
    await expect(client(fetch).getMeetingById(MEETING_ID)).rejects.toMatchObject({ kind: 'api', errorCode: 9003 });
    expect(calls[0]?.url).toBe(`https://api.meeting.qq.com/v1/meetings/${MEETING_ID}?userid=admin1&instanceid=1`);
  });

  it('room list: fetches every page, 50 at a time, each room once, with the name filter encoded', async () => {
    const room = (id: string) => ({ meeting_room_id: id, meeting_room_name: `R${id}`, is_allow_call: id !== '3' });
    const { fetch, calls } = fakeFetch(
      json({
        current_page: 1,
        current_size: 2,
        total_count: 3,
        total_page: 2,
        meeting_room_list: [room('1'), room('2')],
      }),
      json({ current_page: 2, current_size: 1, total_count: 3, total_page: 2, meeting_room_list: [room('3')] }),
    );
    const rooms = await client(fetch).listMeetingRooms({ name: '大 会议室+' });
    expect(rooms.map((r) => r.meetingRoomId)).toEqual(['1', '2', '3']);
    expect(rooms.map((r) => r.isAllowCall)).toEqual([true, true, false]);
    expect(calls.map((c) => new URL(c.url).searchParams.get('page'))).toEqual(['1', '2']);
    expect(calls[0]?.url).toContain('page_size=50');
    expect(calls[0]?.url).toContain('meeting_room_name=%E5%A4%A7+%E4%BC%9A%E8%AE%AE%E5%AE%A4%2B');
    for (const call of calls) expectSigned(call);
  });

  it('omits SdkId when none is configured and honours an endpoint path prefix in the signed URI', async () => {
    const { fetch, calls } = fakeFetch(json({ status: 4 }));
    await new WemeetClient({
      endpoint: 'http://127.0.0.1:8787/prefix',
      credentials: { ...credentials, sdkId: undefined },
      fetch,
      appVersion: '0.1.0',
    }).roomCallInfo(MEETING_ID, { kind: 'rooms', meetingRoomId: '1' });
    expect(calls[0]?.url).toBe('http://127.0.0.1:8787/prefix/v1/meeting-rooms/room-call-info');
    expect(calls[0]?.headers).not.toHaveProperty('SdkId');
  });

  it('signs each attempt with a fresh nonce', async () => {
    const { fetch, calls } = fakeFetch(json({}, 502), json({ status: 4 }));
    let t = NOW;
    await client(fetch, { now: () => (t += 1000) }).roomCallInfo(MEETING_ID, { kind: 'rooms', meetingRoomId: '1' });
    expect(calls).toHaveLength(2);
    expect(calls[0]?.headers['X-TC-Nonce']).not.toBe(calls[1]?.headers['X-TC-Nonce']);
    expect(calls[0]?.body).toBe(calls[1]?.body);
  });
});
