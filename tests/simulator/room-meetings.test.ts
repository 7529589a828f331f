// A Tencent Rooms room's own bookings (GET /v1/meeting-rooms/{operator_id}/meetings, reference §8.3): the operator
// is a room (type 3 rooms_id / 5 meeting_room_id), times are integers, 20 a page at most, ranges up to 90 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { errorCodeOf, signed } from './signed-http';

const T0 = Date.UTC(2024, 5, 3, 2, 0, 0); // 10:00 in Beijing
const ROOM = '2489756789';
const DAY = 24 * 60 * 60;

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ clock: () => T0 });
});
afterEach(async () => {
  await sim.close();
});

const base = (extra = '') =>
  `operator_id_type=5&instanceid=1&target_rooms_id=${ROOM}&target_rooms_id_type=5${extra ? `&${extra}` : ''}`;
const get = (query: string, operator = ROOM) =>
  signed(sim, { path: `/v1/meeting-rooms/${operator}/meetings?${query}`, nowMs: T0 });

describe('a room’s meetings', () => {
  it('without a range: today’s bookings (Beijing day), times as integers, live status', async () => {
    const res = await get(base());
    expect(res.status, res.text).toBe(200);
    const expected = sim.meetings.filter((m) => m.bookedRooms.includes(ROOM) && m.startTime - T0 / 1000 < 14 * 3600);
    expect(res.json).toMatchObject({ current_page: 1, total_count: expected.length, total_page: 1 });
    for (const m of res.json.meeting_info_list) {
      expect(typeof m.start_time).toBe('number');
      expect(typeof m.end_time).toBe('number');
      expect(m.meeting_id).toMatch(/^\d+$/);
    }
    const statuses = res.json.meeting_info_list.map((m: { status: string }) => m.status);
    expect(statuses).toContain('MEETING_STATE_ENDED');
    expect(statuses).toContain('MEETING_STATE_CANCELLED');
  });

  it('by rooms_id too; pages of at most 20; a range of at most 90 days', async () => {
    const roomsId = sim.rooms.find((r) => r.meetingRoomId === ROOM)?.roomsId ?? '';
    const start = T0 / 1000 - DAY;
    const wide = `start_time=${start}&end_time=${start + 3 * DAY}`;
    const byRoomsId = await get(
      `operator_id_type=3&instanceid=1&target_rooms_id=${roomsId}&target_rooms_id_type=3&${wide}`,
      roomsId,
    );
    expect(byRoomsId.status).toBe(200);
    const paged = await get(base(`${wide}&page_size=2&page=2`));
    expect(paged.json).toMatchObject({ current_page: 2, current_size: 2, total_count: byRoomsId.json.total_count });
    expect(errorCodeOf(await get(base('page_size=21')))).toBe(190004);
    const tooWide = await get(base(`start_time=${start}&end_time=${start + 90 * DAY + 1}`));
    expect(errorCodeOf(tooWide)).toBe(190004);
    expect(tooWide.json.error_info.message).toContain('90 days');
    expect(errorCodeOf(await get(base(`start_time=${start}&end_time=${start - 1}`)))).toBe(190004);
  });

  it.each(['operator_id_type', 'instanceid', 'target_rooms_id', 'target_rooms_id_type'])(
    'missing %s → 190004 naming it',
    async (name) => {
      const query = base()
        .split('&')
        .filter((p) => !p.startsWith(`${name}=`))
        .join('&');
      const res = await get(query);
      expect(errorCodeOf(res)).toBe(190004);
      expect(res.json.error_info.message).toContain(name);
    },
  );

  it('the operator is a room: type 1 (userid) → 190004; an unknown room → 20201', async () => {
    expect(errorCodeOf(await get(base().replace('operator_id_type=5', 'operator_id_type=1'), 'admin1'))).toBe(190004);
    expect(errorCodeOf(await get(base(), '1234567'))).toBe(20201);
    expect(errorCodeOf(await get(base().replace(`target_rooms_id=${ROOM}`, 'target_rooms_id=1234567')))).toBe(20201);
    expect(errorCodeOf(await get(base('start_time=1.5')))).toBe(190004);
  });
});
