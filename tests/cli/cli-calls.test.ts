// Dialing from the command line: call (--wait), status and cancel against the simulator, human and JSON output.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { errorJson, onlyJson, runCli, simEnv, waitStates, type CliRun } from './harness';

let sim: Simulator;
let ringsOut: Simulator;
let leavesAtOnce: Simulator;
// A fresh simulator per test: a room one test joined is in the meeting for the next, and the dialer's cross-desk
// guard (rightly) would not ring it again.
beforeEach(async () => {
  // A short scripted answer keeps --wait quick; the ring window stays long so ringing calls can be cancelled.
  sim = await startSimulator({ answerDelayMs: 400 });
  ringsOut = await startSimulator({ answerDelayMs: 200, ringWindowMs: 900 });
  // A "leave" room that is gone the moment it answers: the first settled state --wait sees is left.
  leavesAtOnce = await startSimulator({ answerDelayMs: 300, leaveAfterMs: 0 });
});
afterEach(async () => {
  await Promise.all([sim.close(), ringsOut.close(), leavesAtOnce.close()]);
});

const MEETING_CODE = '806146667';
const MEETING_ID = '7567173273889276131';
const FAST = ['--interval', '100'];

async function cli(args: readonly string[], on: Simulator = sim, env: NodeJS.ProcessEnv = {}) {
  const before = on.requests.length;
  const run = await runCli(args, simEnv(on, env));
  return { run, requests: on.requests.slice(before) };
}

function bodyOf(request: { rawBody: string }): Record<string, unknown> {
  return JSON.parse(request.rawBody) as Record<string, unknown>;
}

function expectExit(run: CliRun, code: number): void {
  expect(run.code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(code);
  expect(run.stderr).toBe('');
}
const expectOk = (run: CliRun) => expectExit(run, 0);
/** call --wait that ended without the room joining. */
const NOT_JOINED = 6;

/** calling, then ringing while it rings, then the final state (a quick answer may skip ringing). */
function expectStates(run: CliRun, last: string): void {
  const states = waitStates(run);
  expect(states[0]).toBe('calling');
  expect(states.at(-1)).toBe(last);
  expect(states.slice(1, -1).every((state) => state === 'ringing')).toBe(true);
}

describe('call --wait: each state change until a final state', () => {
  it.each([
    ['a SIP address', ['--sip', 'room101@sip.example.com'], { kind: 'mra', protocol: 1 }],
    ['an H.323 E.164 number', ['--h323', '8675500101'], { kind: 'mra', protocol: 2, dialString: '8675500101' }],
    ['a Tencent Rooms ID', ['--room-id', '2489756789'], { kind: 'rooms', meetingRoomId: '2489756789' }],
  ])('%s goes calling → joined', async (_label, target, expected) => {
    const { run, requests } = await cli(['call', '--meeting', MEETING_CODE, ...target, '--wait', ...FAST]);
    expectOk(run);
    expectStates(run, 'joined');
    // The app's own state words (common/call-model.ts).
    expect(run.stdout).toMatch(/^joined\tJoined$/m);
    // The meeting code was looked up first; the dialer read the meeting's state and the room's status (the
    // cross-desk guard), then called the room once with the meeting_id string.
    expect(requests.map((r) => r.path.split('?')[0]).slice(0, 4)).toEqual([
      '/v1/meetings',
      `/v1/meetings/${MEETING_ID}`,
      '/v1/meeting-rooms/room-call-info',
      '/v1/meeting-rooms/room-call',
    ]);
    expect(requests[0]?.path).toMatch(/^\/v1\/meetings\?.*meeting_code=806146667/);
    const calls = requests.filter((r) => r.path === '/v1/meeting-rooms/room-call');
    expect(calls).toHaveLength(1);
    expect(bodyOf(calls[0]!)['meeting_id']).toBe(MEETING_ID);
    const invite = sim.invites().at(-1)!;
    expect(invite).toMatchObject({ meetingId: MEETING_ID, target: expected });
    expect(run.stdout).toContain(invite.inviteId);
  });

  it.each([
    ['a SIP address', ['--sip', 'sip:reject@sip.example.com']],
    ['an H.323 alias@IP', ['--h323', 'reject@192.0.2.11']],
    ['the scripted Rooms room', ['--room-id', '2489700131']],
  ])('a rejecting %s ends rejected: exit 6', async (_label, target) => {
    const { run } = await cli(['call', '--meeting', MEETING_CODE, ...target, '--wait', ...FAST]);
    expectExit(run, NOT_JOINED);
    expectStates(run, 'rejected');
  });

  it('a room that never answers ends no_answer after the ring window: exit 6', async () => {
    const { run } = await cli(
      ['call', '--meeting', MEETING_CODE, '--sip', 'sip:noanswer@sip.example.com', '--wait', ...FAST],
      ringsOut,
    );
    expectExit(run, NOT_JOINED);
    expectStates(run, 'no_answer');
  });

  it('a room that has already left when the ringing ends: exit 6', async () => {
    const { run } = await cli(
      ['call', '--meeting', MEETING_CODE, '--sip', 'sip:leave@sip.example.com', '--wait', ...FAST],
      leavesAtOnce,
    );
    expectExit(run, NOT_JOINED);
    expectStates(run, 'left');
  });

  it('a call cancelled (by another process) while --wait watches it: exit 6', async () => {
    const target = ['--room-id', '2489700262']; // the scripted Rooms room that never answers
    const invitesBefore = sim.invites().length;
    let finished = false;
    const waiting = cli(['call', '--meeting', MEETING_CODE, ...target, '--wait', '--json', ...FAST]).finally(() => {
      finished = true;
    });
    // Wait for the invite to exist (not for any amount of time), then cancel it from a second CLI process.
    while (sim.invites().length === invitesBefore && !finished) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(finished, 'call --wait ended before its invite existed').toBe(false);
    const inviteId = sim.invites().at(-1)!.inviteId;
    const cancelled = await cli(['cancel', '--meeting', MEETING_CODE, '--invite', inviteId, ...target, '--json']);
    expectOk(cancelled.run);
    const { run } = await waiting;
    expectExit(run, NOT_JOINED);
    expect(onlyJson(run)).toMatchObject({ invite_id: inviteId, status: 5, state: 'cancelled' });
  });

  it('the first line names the room and the meeting once, after the state column', async () => {
    const { run } = await cli([
      'call',
      '--meeting',
      MEETING_CODE,
      '--sip',
      'room101@sip.example.com',
      '--wait',
      ...FAST,
    ]);
    expectOk(run);
    const first = run.stdout.split('\n')[0]!;
    expect(first).toMatch(
      /^calling\tinviting SIP room101@sip\.example\.com into Weekly sync with the Shenzhen office \(806-146-667\) \(invite [\w-]+\)$/,
    );
    expect(first).not.toMatch(/calling.*calling/i);
  });

  it('in Chinese with --lang zh-CN', async () => {
    const { run } = await cli([
      'call',
      '--meeting',
      MEETING_CODE,
      '--room-id',
      '2489756789',
      '--wait',
      '--lang',
      'zh-CN',
      ...FAST,
    ]);
    expectOk(run);
    expect(run.stdout).toContain('正在呼叫');
    expect(run.stdout).toMatch(/^joined\t已入会$/m);
  });

  it('--json: one object with the invite and the final status', async () => {
    const { run } = await cli(['call', '--meeting', MEETING_CODE, '--h323', '8675500101', '--wait', '--json', ...FAST]);
    expectOk(run);
    const out = onlyJson(run);
    expect(Object.keys(out).sort()).toEqual(['invite_id', 'meeting_id', 'response_time', 'state', 'status']);
    expect(out).toMatchObject({ meeting_id: MEETING_ID, status: 2, state: 'joined' });
    expect(out['invite_id']).toBe(sim.invites().at(-1)?.inviteId);
  });

  it('--json of a refused call: the same one object, and exit 6', async () => {
    const { run } = await cli([
      'call',
      '--meeting',
      MEETING_CODE,
      '--sip',
      'sip:reject@sip.example.com',
      '--wait',
      '--json',
      ...FAST,
    ]);
    expectExit(run, NOT_JOINED);
    expect(onlyJson(run)).toMatchObject({ meeting_id: MEETING_ID, status: 3, state: 'rejected' });
  });
});

describe('call without --wait', () => {
  it('--json prints exactly {"invite_id","meeting_id"}', async () => {
    const { run } = await cli(['call', '--meeting', MEETING_CODE, '--sip', 'room101@sip.example.com', '--json']);
    expectOk(run);
    const out = onlyJson(run);
    expect(Object.keys(out).sort()).toEqual(['invite_id', 'meeting_id']);
    expect(out).toEqual({ invite_id: sim.invites().at(-1)?.inviteId, meeting_id: MEETING_ID });
  });

  it('a meeting ID (20 digits, above 2^64) is used as is: no lookup, and it stays a string', async () => {
    const id = '19876543210987654321';
    const { run, requests } = await cli(['call', '--meeting', id, '--room-id', '2489756789', '--json']);
    expectOk(run);
    expect(onlyJson(run)['meeting_id']).toBe(id);
    expect(requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET /v1/meetings/${id}`,
      'POST /v1/meeting-rooms/room-call-info',
      'PUT /v1/meeting-rooms/room-call',
    ]);
    expect(requests.at(-1)?.rawBody).toContain(`"meeting_id":"${id}"`);
  });
});

describe('status and cancel', () => {
  it('status --json of a room never called: {"status":1,"state":"not_called","response_time"}', async () => {
    const { run } = await cli(['status', '--meeting', MEETING_ID, '--sip', 'never-called@sip.example.com', '--json']);
    expectOk(run);
    const out = onlyJson(run);
    expect(Object.keys(out)).toEqual(['status', 'state', 'response_time']);
    expect(out).toMatchObject({ status: 1, state: 'not_called' });
    expect(out['response_time']).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it.each([
    ['the scripted no-answer Rooms room', ['--room-id', '2489700262']],
    ['a SIP address that keeps ringing', ['--sip', 'sip:noanswer@sip.example.com']],
  ])('cancel stops a ringing call to %s', async (_label, target) => {
    const called = await cli(['call', '--meeting', MEETING_CODE, ...target, '--json']);
    expectOk(called.run);
    const inviteId = onlyJson(called.run)['invite_id'] as string;

    const ringing = await cli(['status', '--meeting', MEETING_CODE, ...target, '--json']);
    expect(onlyJson(ringing.run)).toMatchObject({ status: 4, state: 'ringing' });

    const cancelled = await cli(['cancel', '--meeting', MEETING_CODE, '--invite', inviteId, ...target, '--json']);
    expectOk(cancelled.run);
    expect(onlyJson(cancelled.run)).toMatchObject({
      cancelled: true,
      invite_id: inviteId,
      meeting_id: MEETING_ID,
      status: 5,
      state: 'cancelled',
    });
    const sent = cancelled.requests.find((r) => r.path === '/v1/meeting-rooms/cancel-room-call');
    expect(bodyOf(sent!)).toMatchObject({ invite_id: inviteId, meeting_id: MEETING_ID });

    const after = await cli(['status', '--meeting', MEETING_CODE, ...target]);
    expectOk(after.run);
    expect(after.run.stdout).toMatch(/^cancelled\tCall cancelled\t\d{4}\//);
  });

  it('cancel of a room that already joined says so instead of claiming it cancelled', async () => {
    const target = ['--sip', 'room303@sip.example.com'];
    const called = await cli(['call', '--meeting', MEETING_CODE, ...target, '--wait', '--json']);
    expectOk(called.run);
    const inviteId = onlyJson(called.run)['invite_id'] as string;
    const json = await cli(['cancel', '--meeting', MEETING_CODE, '--invite', inviteId, ...target, '--json']);
    expectOk(json.run);
    expect(onlyJson(json.run)).toMatchObject({ cancelled: false, state: 'joined', status: 2 });
    const human = await cli(['cancel', '--meeting', MEETING_CODE, '--invite', inviteId, ...target]);
    expect(human.run.stdout).toContain('had already answered; the cancel changed nothing');
  });

  it('cancel whose outcome cannot be read back reports it as unknown, not as cancelled', async () => {
    const target = ['--sip', 'sip:noanswer@sip.example.com'];
    const called = await cli(['call', '--meeting', MEETING_CODE, ...target, '--json']);
    const inviteId = onlyJson(called.run)['invite_id'] as string;
    // The status check after the cancel fails every try (the first one and the client's 3 retries).
    sim.injectFault({ kind: 'server_error', path: '/v1/meeting-rooms/room-call-info', count: 4 });
    const { run, requests } = await cli([
      'cancel',
      '--meeting',
      MEETING_CODE,
      '--invite',
      inviteId,
      ...target,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(requests.filter((r) => r.path === '/v1/meeting-rooms/cancel-room-call')).toHaveLength(1);
    expect(onlyJson(run)).toMatchObject({ cancelled: null, invite_id: inviteId, state: null });
    expect(run.stderr).toContain("the room's state could not be checked");
  });

  it('cancel with an invite that is not the current call is refused by the API: exit 3', async () => {
    const { run } = await cli([
      'cancel',
      '--meeting',
      MEETING_CODE,
      '--invite',
      '00000000-0000-0000-0000-000000000000',
      '--room-id',
      '2489756789',
      '--json',
    ]);
    expect(errorJson(run, 3)).toMatchObject({ kind: 'api', code: 190004 });
  });
});
