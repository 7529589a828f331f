// calls:dial (and sets:dial) from a confirmed room-dialer:// link: the call and its history record carry origin
// "link" ("link: <set>" for a set); the window may claim that origin and no other (a schedule's or a retry's are main's own), and an unknown one changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

const MEETING = { meetingId: '7567173273889276131', meetingCode: '806146667', subject: 'Weekly sync' };
const finished = (callId: string) => (call: CallView) =>
  call.callId === callId && !['queued', 'calling', 'ringing'].includes(call.state);

describe('calls:dial with origin', () => {
  it('records a confirmed link as the origin of the call and in history', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
    const { calls } = await h.ok('calls:dial', { meeting: MEETING, roomIds: [room.id], origin: { kind: 'link' } });
    const [call] = calls as [CallView];
    expect(call.origin).toEqual({ kind: 'link' });
    expect((await h.nextUpdate(finished(call.callId))).state).toBe('joined');
    const [record] = (await h.ok('history:list', {})).records;
    expect(record).toMatchObject({ roomName: 'Room 101', outcome: 'joined', origin: 'link' });
  });

  it('records a set a confirmed link named as "link: <set>", and follows it with the set\'s retry rules', async () => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
    const set = await h.ok('sets:create', { name: 'Monday board', roomIds: [room.id] });
    const { calls } = await h.ok('sets:dial', { setId: set.id, meeting: MEETING, fromLink: true });
    const [call] = calls as [CallView];
    expect(call.origin).toEqual({ kind: 'link', label: 'Monday board' });
    expect((await h.nextUpdate(finished(call.callId))).state).toBe('joined');
    const [record] = (await h.ok('history:list', {})).records;
    expect(record).toMatchObject({ roomName: 'Room 101', origin: 'link: Monday board' });
  });

  it.each([
    [{ kind: 'schedule', label: 'Monday board' }, 'origin.kind'],
    [{ kind: 'retry' }, 'origin.kind'],
    [{ kind: 'link', label: 'x' }, 'origin.label'],
    ['link', 'origin'],
  ])('refuses %j, naming the field, before anything rings', async (origin, field) => {
    h = await startIpcHarness();
    const room = await h.ok('rooms:add', { name: 'Room 101', kind: 'sip', address: 'room101@sip.example.com' });
    const before = h.snapshot();
    expectFieldError(await h.fail('calls:dial', { meeting: MEETING, roomIds: [room.id], origin }), field);
    expect(h.sim.requests.filter((request) => request.path === '/v1/meeting-rooms/room-call')).toHaveLength(0);
    expect(h.snapshot()).toBe(before);
  });
});
