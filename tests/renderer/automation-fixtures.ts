// Schedules, today's meetings, pending redials and room sets as main would send them, for the automation tests.
import type { PendingRedial } from '../../common/retry-policy';
import type { ScheduleView } from '../../common/schedule';
import type { RoomSet } from '../../common/store-schema';
import type { TodayMeeting, TodayMeetings } from '../../common/today-meetings';

/** 2026-11-22 09:18:00 local: tests fake the clock at this moment. */
export const NOW = new Date(2026, 10, 22, 9, 18, 0).getTime();
export const at = (minutes: number, seconds = 0): string =>
  new Date(NOW + minutes * 60_000 + seconds * 1000).toISOString();
export const unix = (minutes: number): number => Math.floor((NOW + minutes * 60_000) / 1000);

export const BOARD_SET: RoomSet = {
  id: '00000000-0000-4000-8000-00000000a001',
  name: 'Board rooms',
  roomIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
export const LOBBY_SET: RoomSet = { ...BOARD_SET, id: '00000000-0000-4000-8000-00000000a002', name: '前台组' };

export function schedule(overrides: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id: 'schedule-1',
    name: 'Monday board',
    setId: BOARD_SET.id,
    meeting: { meetingId: '15550001112223334445', meetingCode: '614203758', subject: 'Board meeting' },
    recurring: false,
    trigger: { kind: 'host_joins' },
    hostWatchMinutes: 10,
    armed: true,
    status: 'waiting',
    ...overrides,
  };
}

export function todayMeeting(overrides: Partial<TodayMeeting> = {}): TodayMeeting {
  return {
    meetingId: '7567173273889276131',
    meetingCode: '806146667',
    subject: 'Weekly sync',
    startTime: unix(-5),
    endTime: unix(40),
    status: 'MEETING_STATE_STARTED',
    hostUserIds: ['admin1'],
    listedFor: ['admin1'],
    recurring: false,
    ...overrides,
  };
}

export function today(meetings: TodayMeeting[], problems: TodayMeetings['problems'] = []): TodayMeetings {
  return { meetings, readAt: new Date(NOW).toISOString(), problems };
}

export function pendingRedial(overrides: Partial<PendingRedial> = {}): PendingRedial {
  return {
    id: 'redial-1',
    kind: 'retry',
    roomId: '00000000-0000-4000-8000-000000000001',
    roomName: 'Board room',
    meetingId: '7567173273889276131',
    dueAt: new Date(NOW + 42_000).toISOString(),
    attempt: 1,
    of: 2,
    ...overrides,
  };
}
