// Every channel of the contract, attacked: a wrong sender (another origin, a subframe) with a payload that WOULD
// work, and payloads with a wrong type, an extra field, a missing field and a 1 MB string. Each must be refused
// with an error naming the field, and leave the store file, the keychain, the simulator and the calls untouched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../common/ipc-contract';
import type { Room } from '../../common/store-schema';
import { DEMO_CREDENTIALS } from '../../simulator/server';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

const MB = 'x'.repeat(1024 * 1024);
const MEETING = { meetingId: '7567173273889276131', meetingCode: '806146667' };
const SIP = { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' } as const;

/** [payload, the field the error must name]. */
type Bad = readonly [unknown, string];

interface Case {
  /** A payload the channel accepts (from the app's window). */
  readonly good: (room: Room) => unknown;
  readonly wrongType: (room: Room) => Bad;
  readonly huge: (room: Room) => Bad;
  /** Absent for channels without a required field. */
  readonly missing?: (room: Room) => Bad;
}

const noFields: Case = {
  good: () => ({}),
  wrongType: () => [[], 'request'],
  huge: () => [{ text: MB }, 'text'],
};

const callId: Case = {
  good: () => ({ callId: 'c1' }),
  wrongType: () => [{ callId: ['c1'] }, 'callId'],
  missing: () => [{}, 'callId'],
  huge: () => [{ callId: MB }, 'callId'],
};

const CASES: Record<Channel, Case> = {
  'app:info': noFields,
  'settings:get': noFields,
  'settings:update': {
    good: () => ({ locale: 'en-US', maxConcurrentDials: 2 }),
    wrongType: () => [{ locale: 1 }, 'locale'],
    huge: () => [{ endpoint: `https://${MB}` }, 'endpoint'],
  },
  'credentials:get': noFields,
  'credentials:save': {
    good: () => ({ ...DEMO_CREDENTIALS, secretKey: 'a-brand-new-secret-key-123456', operatorId: 'admin2' }),
    wrongType: () => [{ ...DEMO_CREDENTIALS, appId: 200000001 }, 'appId'],
    missing: () => [{ appId: '1', secretId: 'AKIDx', secretKey: 'k-123456789' }, 'operatorId'],
    huge: () => [{ ...DEMO_CREDENTIALS, secretKey: MB }, 'secretKey'],
  },
  'credentials:test': noFields,
  'credentials:delete': noFields,
  'profiles:list': noFields,
  'profiles:add': {
    good: () => ({ name: 'Branch office' }),
    wrongType: () => [{ name: ['Branch'] }, 'name'],
    missing: () => [{}, 'name'],
    huge: () => [{ name: MB }, 'name'],
  },
  'profiles:update': {
    good: () => ({ id: 'Second', name: 'Second desk' }),
    wrongType: () => [{ id: 'Second', name: 7 }, 'name'],
    missing: () => [{ name: 'Second desk' }, 'id'],
    huge: () => [{ id: 'Second', endpoint: `https://${MB}` }, 'endpoint'],
  },
  'profiles:remove': {
    good: () => ({ id: 'Second' }),
    wrongType: () => [{ id: ['Second'] }, 'id'],
    missing: () => [{}, 'id'],
    huge: () => [{ id: MB }, 'id'],
  },
  'profiles:switch': {
    good: () => ({ id: 'Second' }),
    wrongType: () => [{ id: 'Second', confirmed: 'yes' }, 'confirmed'],
    missing: () => [{ confirmed: true }, 'id'],
    huge: () => [{ id: MB }, 'id'],
  },
  'rooms:list': noFields,
  'rooms:copy-to-profile': {
    good: (room) => ({ roomIds: [room.id], profileId: 'Second' }),
    wrongType: (room) => [{ roomIds: room.id, profileId: 'Second' }, 'roomIds'],
    missing: (room) => [{ roomIds: [room.id] }, 'profileId'],
    huge: (room) => [{ roomIds: [room.id], profileId: MB }, 'profileId'],
  },
  'rooms:add': {
    good: () => ({ name: 'Board room', kind: 'h323', address: '192.0.2.10' }),
    wrongType: () => [{ ...SIP, address: 'b@sip.example.com', favorite: 'yes' }, 'favorite'],
    missing: () => [{ kind: 'sip', address: 'b@sip.example.com' }, 'name'],
    huge: () => [{ ...SIP, address: 'b@sip.example.com', notes: MB }, 'notes'],
  },
  'rooms:update': {
    good: (room) => ({ id: room.id, patch: { name: 'Renamed' } }),
    wrongType: (room) => [{ id: room.id, patch: { tags: 'a,b' } }, 'patch.tags'],
    missing: () => [{ patch: { name: 'Renamed' } }, 'id'],
    huge: (room) => [{ id: room.id, patch: { location: MB } }, 'patch.location'],
  },
  'rooms:delete': {
    good: (room) => ({ id: room.id }),
    wrongType: () => [{ id: 42 }, 'id'],
    missing: () => [{}, 'id'],
    huge: () => [{ id: MB }, 'id'],
  },
  'rooms:restore': {
    good: (room) => ({
      room: { ...room, id: '0b6f3f7e-0000-4000-8000-000000000001', address: 'restored@sip.example.com' },
    }),
    wrongType: () => [{ room: 'a room' }, 'room'],
    missing: () => [{}, 'room'],
    // The envelope lets any object through as `room`; the store's own schema refuses it before writing.
    huge: (room) => [{ room: { ...room, id: '0b6f3f7e-0000-4000-8000-000000000002', name: MB } }, 'name'],
  },
  'rooms:import': {
    good: () => ({ rows: [{ room: { name: 'Imported', kind: 'sip', address: 'imported@sip.example.com' } }] }),
    wrongType: () => [{ rows: { 0: {} } }, 'rows'],
    missing: () => [{ rows: [{ overwriteId: 'x' }] }, 'rows[0].room'],
    huge: () => [{ rows: [{ room: { ...SIP, address: MB } }] }, 'rows[0].room.address'],
  },
  'rooms:import-tencent': noFields,
  'meetings:lookup': {
    good: () => ({ meeting: '806-146-667' }),
    wrongType: () => [{ meeting: 806146667 }, 'meeting'],
    missing: () => [{}, 'meeting'],
    huge: () => [{ meeting: MB }, 'meeting'],
  },
  'meetings:recent': noFields,
  'calls:dial': {
    good: (room) => ({ meeting: MEETING, roomIds: [room.id] }),
    wrongType: (room) => [{ meeting: { meetingId: 7567173 }, roomIds: [room.id] }, 'meeting.meetingId'],
    missing: (room) => [{ roomIds: [room.id] }, 'meeting'],
    huge: (room) => [{ meeting: { ...MEETING, subject: MB }, roomIds: [room.id] }, 'meeting.subject'],
  },
  'calls:list': noFields,
  'calls:cancel': callId,
  'calls:cancel-all': noFields,
  'calls:redial': callId,
  'calls:redial-failed': {
    good: () => ({ meeting: { meetingId: '7567173273889276131' } }),
    wrongType: () => [{ meeting: { meetingId: 7567173 } }, 'meeting.meetingId'],
    missing: () => [{}, 'meeting'],
    huge: () => [{ meeting: { meetingId: '7567173273889276131', subject: MB } }, 'meeting.subject'],
  },
  'sets:list': noFields,
  'sets:create': {
    good: (room) => ({ name: 'Board set', roomIds: [room.id] }),
    wrongType: (room) => [{ name: 'Board set', roomIds: room.id }, 'roomIds'],
    missing: (room) => [{ roomIds: [room.id] }, 'name'],
    huge: (room) => [{ name: MB, roomIds: [room.id] }, 'name'],
  },
  'sets:update': {
    good: () => ({ id: 'no-such-set', patch: { name: 'Renamed' } }),
    wrongType: () => [
      { id: 'x', patch: { retry: { retries: '2', backoffMs: [60_000], rejoinOnDrop: false, rejoins: 0 } } },
      'patch.retry.retries',
    ],
    missing: () => [{ patch: { name: 'Renamed' } }, 'id'],
    huge: () => [{ id: 'x', patch: { defaultMeeting: MB } }, 'patch.defaultMeeting'],
  },
  'sets:delete': {
    good: () => ({ id: 'no-such-set' }),
    wrongType: () => [{ id: 42 }, 'id'],
    missing: () => [{}, 'id'],
    huge: () => [{ id: MB }, 'id'],
  },
  'sets:import': {
    // A preview: past the gate, and nothing changes.
    good: (room) => ({ rows: [{ row: 2, set: 'Imported set', room: room.name }], apply: false }),
    wrongType: () => [{ rows: [{ row: '2', set: 'A', room: 'B' }], apply: false }, 'rows[0].row'],
    missing: () => [{ rows: [] }, 'apply'],
    huge: () => [{ rows: [{ row: 2, set: 'A', room: MB }], apply: true }, 'rows[0].room'],
  },
  'sets:dial': {
    good: () => ({ setId: 'no-such-set', meeting: MEETING }),
    wrongType: () => [{ setId: 'x', meeting: { meetingId: 7567173 } }, 'meeting.meetingId'],
    missing: () => [{ meeting: MEETING }, 'setId'],
    huge: () => [{ setId: 'x', meeting: { ...MEETING, subject: MB } }, 'meeting.subject'],
  },
  'automation:pending': noFields,
  'automation:cancel': {
    good: () => ({ id: 'p1' }),
    wrongType: () => [{ id: 1 }, 'id'],
    missing: () => [{}, 'id'],
    huge: () => [{ id: MB }, 'id'],
  },
  'schedules:list': noFields,
  'schedules:add': {
    good: () => ({
      name: 'Monday board',
      setId: 'no-such-set',
      meeting: { meetingId: '7567173273889276131' },
      recurring: false,
      trigger: { kind: 'host_joins' },
    }),
    wrongType: () => [
      { name: 'x', setId: 's', meeting: { meetingId: '1' }, recurring: 'no', trigger: { kind: 'at_start' } },
      'recurring',
    ],
    missing: () => [{ name: 'x', setId: 's', meeting: { meetingId: '1' }, recurring: false }, 'trigger'],
    huge: () => [
      { name: MB, setId: 's', meeting: { meetingId: '1' }, recurring: false, trigger: { kind: 'at_start' } },
      'name',
    ],
  },
  'schedules:arm': {
    good: () => ({ id: 'nope', armed: true }),
    wrongType: () => [{ id: 'nope', armed: 'yes' }, 'armed'],
    missing: () => [{ id: 'nope' }, 'armed'],
    huge: () => [{ id: MB, armed: true }, 'id'],
  },
  'schedules:remove': {
    good: () => ({ id: 'nope' }),
    wrongType: () => [{ id: 5 }, 'id'],
    missing: () => [{}, 'id'],
    huge: () => [{ id: MB }, 'id'],
  },
  'meetings:today': noFields,
  'history:list': {
    good: () => ({ limit: 10 }),
    wrongType: () => [{ limit: '10' }, 'limit'],
    huge: () => [{ outcome: MB }, 'outcome'],
  },
  'shell:open-external': {
    good: () => ({ url: 'https://meeting.tencent.com/support/' }),
    wrongType: () => [{ url: { href: 'https://meeting.tencent.com/' } }, 'url'],
    missing: () => [{}, 'url'],
    huge: () => [{ url: `https://meeting.tencent.com/${MB}` }, 'url'],
  },
};

let h: IpcHarness;
let room: Room;
let before: string;

beforeEach(async () => {
  h = await startIpcHarness();
  room = await h.ok('rooms:add', SIP);
  await h.ok('meetings:lookup', { meeting: '123456789' });
  await h.ok('profiles:add', { name: 'Second' });
  before = h.snapshot();
});

afterEach(async () => {
  await h.close();
});

/** Nothing reached the store, the keychain, the API, the call tracker or the system browser. */
function expectNothingHappened(requestsBefore: number): void {
  expect(h.snapshot()).toBe(before);
  expect(h.sim.requests).toHaveLength(requestsBefore);
  expect(h.services.dialer.list()).toEqual([]);
  expect(h.broadcasts).toEqual([]);
  expect(h.opened).toEqual([]);
}

it('covers every channel of the contract', () => {
  expect(Object.keys(CASES).sort()).toEqual([...CHANNELS].sort());
});

describe.each(CHANNELS)('%s', (channel) => {
  const c = CASES[channel];

  it('accepts the good payload from the app window (so the refusals below are about the sender)', async () => {
    const result = await h.call(channel, c.good(room));
    // calls:cancel/redial of an unknown call are not_found: past the gate, which is what matters here.
    if (!result.ok) expect(result.error.kind).toBe('not_found');
  });

  it.each([
    ['another origin', { url: 'https://evil.example.com/index.html', isMainFrame: true }],
    ['a subframe of the app', { url: 'app://room-dialer/index.html', isMainFrame: false }],
  ])('refuses a good payload from %s', async (_label, sender) => {
    const requests = h.sim.requests.length;
    const error = await h.fail(channel, c.good(room), sender);
    expect(error.kind).toBe('forbidden');
    expectNothingHappened(requests);
  });

  const bad: [string, (room: Room) => Bad][] = [
    ['a wrong type', c.wrongType],
    ['an extra field', (r) => [{ ...(c.good(r) as object), sneaky: true }, 'sneaky']],
    ['a 1 MB string', c.huge],
  ];
  if (c.missing) bad.push(['a missing field', c.missing]);

  it.each(bad)('refuses %s naming the field', async (_label, make) => {
    const requests = h.sim.requests.length;
    const [payload, field] = make(room);
    const error = await h.fail(channel, payload);
    expectFieldError(error, field);
    expect(JSON.stringify(error).length).toBeLessThan(4096);
    expectNothingHappened(requests);
  });
});
