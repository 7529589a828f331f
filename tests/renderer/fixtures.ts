// Rooms, calls and meetings as the main process would send them, for renderer tests.
import type { CallState, CallView } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import type { MeetingInfo } from '../../common/wemeet-types';

let counter = 0;

/** A UUID-shaped id that is unique per call, stable in order. */
export function nextId(): string {
  counter++;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

const AT = '2026-11-22T02:00:00.000Z';

type RoomOverrides = Partial<Omit<Room, 'kind'>> & { kind?: Room['kind']; address?: string; meetingRoomId?: string };

export function makeRoom(overrides: RoomOverrides = {}): Room {
  const base = {
    id: overrides.id ?? nextId(),
    name: overrides.name ?? '会议室',
    location: overrides.location ?? '',
    group: overrides.group ?? '',
    tags: overrides.tags ?? [],
    notes: overrides.notes ?? '',
    favorite: overrides.favorite ?? false,
    callable: overrides.callable ?? true,
    createdAt: AT,
    updatedAt: AT,
    ...(overrides.lastDialedAt ? { lastDialedAt: overrides.lastDialedAt } : {}),
    ...(overrides.lastOutcome ? { lastOutcome: overrides.lastOutcome } : {}),
  };
  const kind = overrides.kind ?? 'sip';
  return kind === 'rooms'
    ? { ...base, kind, meetingRoomId: overrides.meetingRoomId ?? '12345678' }
    : { ...base, kind, address: overrides.address ?? 'room101@sip.example.com' };
}

export const MEETING: MeetingInfo = {
  meetingId: '7567173273889276131',
  meetingCode: '806146667',
  subject: '周会',
  startTime: 1_700_000_000,
  endTime: 1_700_003_600,
  status: 'MEETING_STATE_STARTED',
  hostUserIds: ['admin1'],
  coHostUserIds: [],
};

export function makeCall(room: Room, state: CallState, overrides: Partial<CallView> = {}): CallView {
  return {
    callId: overrides.callId ?? `call-${room.id}`,
    batchId: 'batch-1',
    roomId: room.id,
    roomName: room.name,
    target: room.kind === 'rooms' ? `Rooms ${room.meetingRoomId}` : `SIP ${room.address}`,
    meetingId: MEETING.meetingId,
    meetingCode: MEETING.meetingCode,
    state,
    queuedAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}
