// The dialer's rules as the window meets them: through the real IPC handlers, the real dialer and call tracker, and
// the simulator. Waits are on broadcast updates or on the simulator's request log, never assertions on time.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../common/call-model';
import type { Room } from '../../common/store-schema';
import { startIpcHarness, type HarnessOptions, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

const WEEKLY = { meetingId: '7567173273889276131', meetingCode: '806146667', subject: 'Weekly sync' };
const DESIGN = { meetingId: '16000000000000000001', meetingCode: '135792468', subject: 'Design review' };
/** Seeded as MEETING_STATE_ENDED. */
const ENDED = { meetingId: '8877665544332211009', meetingCode: '987654321' };
const ROOM_CALL = '/v1/meeting-rooms/room-call';

const isFinal = (call: CallView) => !['queued', 'calling', 'ringing'].includes(call.state);
const roomCalls = () => h.sim.requests.filter((r) => r.path === ROOM_CALL).length;

async function harnessWith(addresses: readonly string[], options: HarnessOptions = {}): Promise<Room[]> {
  h = await startIpcHarness(options);
  const rooms: Room[] = [];
  for (const [i, address] of addresses.entries()) {
    rooms.push(await h.ok('rooms:add', { name: `Room ${i + 1}`, kind: 'sip', address }));
  }
  return rooms;
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the dialer', () => {
  it('Cancel all during a 500-room batch: no room-call is sent after it', async () => {
    h = await startIpcHarness({ simulator: { answerDelayMs: 600_000, faults: { latencyMs: 40 } } });
    const rows = Array.from({ length: 500 }, (_, i) => ({
      room: { name: `Batch ${i}`, kind: 'sip', address: `batch${i}@sip.example.com` },
    }));
    const imported = await h.ok('rooms:import', { rows });
    const roomIds = imported.map((row) => row.room?.id ?? '');

    // Above the threshold the dialer first asks, naming the count and the meeting, and rings nothing.
    const asked = await h.ok('calls:dial', { meeting: WEEKLY, roomIds });
    expect(asked.calls).toEqual([]);
    expect(asked.confirm).toEqual({ kind: 'large_batch', count: 500, meeting: WEEKLY });
    expect(roomCalls()).toBe(0);

    const { calls } = await h.ok('calls:dial', { meeting: WEEKLY, roomIds, confirmedCount: 500 });
    expect(calls).toHaveLength(500);
    await until(() => roomCalls() >= 8);
    await h.ok('calls:cancel-all', { meetingId: WEEKLY.meetingId });
    const sentAtCancel = roomCalls();

    const all = await h.ok('calls:list', { meetingId: WEEKLY.meetingId });
    await Promise.all(all.map((call) => h.nextUpdate((c) => c.callId === call.callId && isFinal(c))));
    const settled = await h.ok('calls:list', { meetingId: WEEKLY.meetingId });
    const sent = settled.filter((call) => call.startedAt !== undefined);
    // Only calls whose room-call had already left when Cancel all came could have rung (at most the 4 in flight).
    expect(roomCalls()).toBe(sent.length);
    expect(sent.length).toBeLessThanOrEqual(sentAtCancel + 4);
    expect(settled.filter((call) => call.startedAt === undefined).every((call) => call.state === 'cancelled')).toBe(
      true,
    );
    expect(settled.every((call) => call.state === 'cancelled')).toBe(true);
  });

  it('a room that joined is not rung again while it is in the meeting', async () => {
    const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 100 } });
    const [first] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
    expect((await h.nextUpdate((c) => c.callId === first!.callId && isFinal(c))).state).toBe('joined');
    const before = roomCalls();
    const again = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] });
    expect(again.calls).toEqual([]);
    expect(again.skipped).toEqual([expect.objectContaining({ roomId: room!.id, reason: 'already_joined' })]);
    expect(roomCalls()).toBe(before);
  });

  it('a room that joined and then dropped (status 6) may be rung again', async () => {
    const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 100 } });
    const [first] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
    await h.nextUpdate((c) => c.callId === first!.callId && c.state === 'joined');
    h.sim.dropRoom(WEEKLY.meetingId, { kind: 'mra', protocol: 1, dialString: 'room101@sip.example.com' });
    const again = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] });
    expect(again.skipped).toEqual([]);
    expect(again.calls).toHaveLength(1);
  });

  it('an ended meeting is refused with the reason, naming the meeting; nothing rings', async () => {
    const [room] = await harnessWith(['room101@sip.example.com']);
    const error = await h.fail('calls:dial', { meeting: ENDED, roomIds: [room!.id] });
    expect(error).toMatchObject({ kind: 'validation', code: 'meeting_closed', field: 'meeting' });
    expect(error.message['en-US']).toMatch(/ended/);
    expect(error.message['zh-CN']).toMatch(/结束/);
    expect(roomCalls()).toBe(0);
    expect(await h.ok('calls:list', {})).toEqual([]);
  });

  it('three spellings of one SIP device give one room-call', async () => {
    const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 600_000 } });
    const [first] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
    await h.nextUpdate((c) => c.callId === first!.callId && c.state === 'ringing');
    // The same device, edited in two other spellings while its call rings.
    for (const address of ['room101@sip.example.com:5060', 'sip:ROOM101@sip.example.com;transport=udp']) {
      await h.ok('rooms:update', { id: room!.id, patch: { address } });
      const again = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] });
      expect(again.calls).toEqual([]);
      expect(again.skipped).toEqual([expect.objectContaining({ reason: 'already_active', callId: first!.callId })]);
    }
    expect(roomCalls()).toBe(1);
  });

  it('the same device listed twice in one dial, in two spellings, rings once', async () => {
    h = await startIpcHarness({ simulator: { answerDelayMs: 600_000 } });
    const result = await h.services.dialer.dial({
      meeting: WEEKLY,
      rooms: [
        { roomId: '', roomName: 'Typed', target: { kind: 'mra', protocol: 1, dialString: 'x@10.0.0.7' } },
        { roomId: '', roomName: 'Typed', target: { kind: 'mra', protocol: 1, dialString: 'x@10.0.0.7:5060' } },
        {
          roomId: '',
          roomName: 'Typed',
          target: { kind: 'mra', protocol: 1, dialString: 'sip:x@10.0.0.7;transport=udp' },
        },
      ],
    });
    expect(result.calls).toHaveLength(1);
    expect(result.skipped.map((s) => s.reason)).toEqual(['repeated', 'repeated']);
  });

  it('calls belong to their meeting: listing and Cancel all see only that meeting', async () => {
    const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 600_000 } });
    const [inWeekly] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
    const [inDesign] = (await h.ok('calls:dial', { meeting: DESIGN, roomIds: [room!.id] })).calls;
    expect(inDesign).toBeDefined();
    expect((await h.ok('calls:list', { meetingId: WEEKLY.meetingId })).map((c) => c.callId)).toEqual([
      inWeekly!.callId,
    ]);
    expect((await h.ok('calls:list', { meetingId: DESIGN.meetingId })).map((c) => c.callId)).toEqual([
      inDesign!.callId,
    ]);
    await h.nextUpdate((c) => c.callId === inWeekly!.callId && c.state === 'ringing');
    const cancelled = await h.ok('calls:cancel-all', { meetingId: WEEKLY.meetingId });
    expect(cancelled.map((c) => c.callId)).toEqual([inWeekly!.callId]);
    const design = await h.ok('calls:list', { meetingId: DESIGN.meetingId });
    expect(design[0]?.state).not.toBe('cancelled');
  });

  it('a cancelled call is not redialed by "Redial failed"; a rejected one is', async () => {
    const [ringing, rejecting] = await harnessWith(['noanswer@sip.example.com', 'reject@sip.example.com'], {
      simulator: { answerDelayMs: 100 },
    });
    const { calls } = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [ringing!.id, rejecting!.id] });
    const [toCancel, toReject] = calls;
    await h.nextUpdate((c) => c.callId === toCancel!.callId && c.state === 'ringing');
    await h.ok('calls:cancel', { callId: toCancel!.callId });
    await h.nextUpdate((c) => c.callId === toReject!.callId && isFinal(c));
    const before = roomCalls();
    const redial = await h.ok('calls:redial-failed', { meeting: WEEKLY });
    expect(redial.calls.map((c) => c.roomId)).toEqual([rejecting!.id]);
    await until(() => roomCalls() === before + 1);
    const latest = await h.ok('calls:list', { meetingId: WEEKLY.meetingId });
    expect(latest.filter((c) => c.roomId === ringing!.id).map((c) => c.state)).toEqual(['cancelled']);
  });

  it('a room whose last outcome is unknown is asked about, then skipped or rung as the caller says', async () => {
    const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 600_000 } });
    // The room-call reaches Tencent but its answer is lost: the room may be ringing.
    h.sim.injectFault({ kind: 'drop', path: ROOM_CALL });
    const [lost] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
    expect((await h.nextUpdate((c) => c.callId === lost!.callId && isFinal(c))).state).toBe('unknown');
    const asked = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] });
    expect(asked.confirm).toEqual({ kind: 'unknown_outcome', roomIds: [room!.id], roomNames: ['Room 1'] });
    const skipped = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id], unknownOutcome: 'skip' });
    expect(skipped.skipped.map((s) => s.reason)).toEqual(['unknown_outcome']);
    const before = roomCalls();
    const rung = await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id], unknownOutcome: 'ring' });
    expect(rung.calls).toHaveLength(1);
    // The lost room-call had in fact reached Tencent and the room is ringing: the status read before ringing sees it,
    // and the room is not rung a second time.
    const seen = await h.nextUpdate((c) => c.callId === rung.calls[0]!.callId && c.state === 'ringing');
    expect(seen.note?.['en-US']).toMatch(/Already being called/);
    expect(roomCalls()).toBe(before);
  });

  describe('two desks on the same credentials (the cross-desk guard)', () => {
    it('the same room dialed into the same meeting from two desks rings once', async () => {
      const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 600_000 } });
      // A second desk: its own services, store and keychain, the same simulator and credentials.
      const other = await startIpcHarness({ sim: h.sim });
      try {
        const deskB = await other.ok('rooms:add', {
          name: 'Room 101',
          kind: 'sip',
          address: 'room101@sip.example.com',
        });
        const [first] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
        await h.nextUpdate((c) => c.callId === first!.callId && c.state === 'ringing');
        const [second] = (await other.ok('calls:dial', { meeting: WEEKLY, roomIds: [deskB.id] })).calls;
        const seen = await other.nextUpdate((c) => c.callId === second!.callId && c.state === 'ringing');
        expect(seen.note?.['en-US']).toBe(
          'Already being called — from another desk or by the host; not rung from here',
        );
        expect(seen.note?.['zh-CN']).toMatch(/其他前台/);
        expect(roomCalls()).toBe(1);
      } finally {
        await other.close();
      }
    });

    it('a room already in the meeting from another desk is not rung, and says so', async () => {
      const [room] = await harnessWith(['room101@sip.example.com'], { simulator: { answerDelayMs: 100 } });
      const other = await startIpcHarness({ sim: h.sim });
      try {
        const deskB = await other.ok('rooms:add', {
          name: 'Room 101',
          kind: 'sip',
          address: 'room101@sip.example.com',
        });
        const [first] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
        await h.nextUpdate((c) => c.callId === first!.callId && c.state === 'joined');
        const [second] = (await other.ok('calls:dial', { meeting: WEEKLY, roomIds: [deskB.id] })).calls;
        const seen = await other.nextUpdate((c) => c.callId === second!.callId && isFinal(c));
        expect(seen.state).toBe('joined');
        expect(seen.startedAt).toBeUndefined();
        expect(seen.note?.['en-US']).toMatch(/Already in the meeting — from another desk or by the host/);
        expect(roomCalls()).toBe(1);
      } finally {
        await other.close();
      }
    });

    it('when the status read fails, nothing is rung and the operator is told why', async () => {
      const [room] = await harnessWith(['room101@sip.example.com'], { services: { client: { retries: 0 } } });
      h.sim.injectFault({ kind: 'server_error', path: '/v1/meeting-rooms/room-call-info' });
      const [call] = (await h.ok('calls:dial', { meeting: WEEKLY, roomIds: [room!.id] })).calls;
      const seen = await h.nextUpdate((c) => c.callId === call!.callId && isFinal(c));
      expect(seen.state).toBe('failed');
      expect(seen.error?.message['en-US']).toMatch(/^Not rung: could not first check whether another desk/);
      expect(roomCalls()).toBe(0);
    });
  });
});
