// When the API refuses (exit 3) or the network fails (exit 4): what the operator is told, and what was sent.
// room-call is never repeated; read-only calls are.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { closedPort, errorJson, onlyJson, runCli, simEnv } from './harness';

let sim: Simulator;
// A fresh simulator per test: a room one test joined would be in the meeting for the next, and the dialer's
// cross-desk guard (rightly) would not ring it again.
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
});

const MEETING_ID = '7567173273889276131';
const ROOM_CALL = '/v1/meeting-rooms/room-call';
/** By meeting ID: no code lookup; the dialer reads the meeting's state and the room's status, then rings once. */
const CALL_BY_ID = ['call', '--meeting', MEETING_ID, '--room-id', '2489756789', '--json'];

async function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const before = sim.requests.length;
  const invitesBefore = sim.invites().length;
  const run = await runCli(args, simEnv(sim, env));
  return {
    run,
    requests: sim.requests.slice(before),
    newInvites: sim.invites().slice(invitesBefore),
  };
}

describe('API errors: exit 3 with code, message and hint', () => {
  it('a call into an ended meeting is refused before anything rings: exit 2 naming the meeting', async () => {
    const { run, newInvites } = await cli([
      'call',
      '--meeting',
      '987654321',
      '--sip',
      'room101@sip.example.com',
      '--json',
    ]);
    const error = errorJson(run, 2);
    expect(error).toMatchObject({ kind: 'validation', code: 'meeting_closed', field: 'meeting' });
    expect(error.message).toMatch(/ended/);
    expect(newInvites).toEqual([]);
  });

  it('an offline address: 10004', async () => {
    const { run } = await cli(['call', '--meeting', MEETING_ID, '--sip', 'sip:offline@sip.example.com', '--json']);
    const error = errorJson(run, 3);
    expect(error).toMatchObject({ kind: 'api', code: 10004 });
    expect(error.message).toContain('10004');
  });

  it('a SIP call without host rights: 9042, and the hint says host or co-host', async () => {
    const { run } = await cli(['call', '--meeting', '246813579', '--h323', '192.0.2.10', '--json']);
    const error = errorJson(run, 3);
    expect(error).toMatchObject({ kind: 'api', code: 9042 });
    expect(`${error.message} ${error.hint}`).toMatch(/co-host/);
  });

  it('a wrong secret key: 200003 pointing at SecretId/SecretKey, and the key is never printed', async () => {
    const wrongKey = 'WrongSecretKeyValue-0123456789';
    const { run } = await cli(['meeting', '806146667', '--json'], { WEMEET_SECRET_KEY: wrongKey });
    const error = errorJson(run, 3);
    expect(error).toMatchObject({ kind: 'api', code: 200003 });
    expect(`${error.message} ${error.hint}`).toMatch(/SecretKey/);
    expect(JSON.stringify(error)).not.toContain(wrongKey);
  });

  it('without --json: error and hint on stderr, in Chinese with --lang zh-CN', async () => {
    const { run } = await cli(['call', '--meeting', '987654321', '--room-id', '2489756789', '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^错误: .*会议已结束.*\n建议: \S+/);
  });

  it('a server clock 10 minutes ahead: the refusal is explained as clock skew, with the size', async () => {
    sim.setFaults({ clockOffsetMs: 10 * 60_000 });
    const { run } = await cli(['meeting', '806146667', '--json']);
    const error = errorJson(run, 3);
    expect(error).toMatchObject({ kind: 'clock_skew', code: 'clock_skew' });
    expect(error.message).toMatch(/10 min/);
  });

  it('a server clock 4.5 minutes ahead still works, with a warning on stderr only', async () => {
    sim.setFaults({ clockOffsetMs: 4.5 * 60_000 });
    const { run } = await cli(['meeting', '806146667', '--json']);
    expect(run.code).toBe(0);
    expect(onlyJson(run)['meeting_id']).toBe(MEETING_ID);
    expect(run.stderr).toMatch(/^warning: .*behind the server/);
  });

  it('a rate limit on room-call is reported, not retried', async () => {
    sim.injectFault({ kind: 'rate_limit', path: ROOM_CALL });
    const { run, requests } = await cli(CALL_BY_ID);
    expect(errorJson(run, 3)).toMatchObject({ kind: 'api', code: 190310 });
    expect(requests.filter((r) => r.path === ROOM_CALL)).toHaveLength(1);
    expect(requests.at(-1)?.path).toBe(ROOM_CALL);
  });
});

describe('network trouble: exit 4', () => {
  it('nothing listening: "connection refused" at the endpoint tried, not at api.meeting.qq.com', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const { run } = await cli(CALL_BY_ID, { WEMEET_ENDPOINT: endpoint });
    const error = errorJson(run, 4);
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(error.message).toBe(
      `Cannot reach the Tencent Meeting API at ${endpoint}: connection refused (ECONNREFUSED)`,
    );
    expect(error.hint).toMatch(/^Nothing listens at that address and port: check the API address\. /);
    expect(error.hint).toContain(`no firewall blocks ${endpoint}`);
    expect(`${error.message} ${error.hint}`).not.toContain('api.meeting.qq.com');
  });

  it('a host name that does not resolve: DNS named, the endpoint from --endpoint', async () => {
    // .invalid never resolves (RFC 6761), online or off.
    const endpoint = 'https://api.room-dialer-test.invalid';
    const { run } = await cli([...CALL_BY_ID, '--endpoint', endpoint]);
    const error = errorJson(run, 4);
    expect(error).toMatchObject({ kind: 'network', code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/) });
    expect(error.message).toMatch(
      /^Cannot reach the Tencent Meeting API at https:\/\/api\.room-dialer-test\.invalid: the host name could not be resolved \(DNS\)/,
    );
  });

  it('https:// to a server that does not speak TLS: the TLS failure named, and nothing was sent', async () => {
    const endpoint = sim.url.replace('http://', 'https://');
    const { run, requests, newInvites } = await cli(CALL_BY_ID, { WEMEET_ENDPOINT: endpoint });
    const error = errorJson(run, 4);
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      new RegExp(`^Cannot reach the Tencent Meeting API at ${endpoint}: the secure connection \\(TLS\\) failed \\(`),
    );
    // Failed in the handshake: a definite "not sent", not "unknown: the room may be ringing".
    expect(requests).toEqual([]);
    expect(newInvites).toEqual([]);
  });

  it('in Chinese: the cause and the endpoint', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const { run } = await cli([...CALL_BY_ID, '--lang', 'zh-CN'], { WEMEET_ENDPOINT: endpoint });
    expect(errorJson(run, 4).message).toBe(`无法连接腾讯会议 API ${endpoint}：连接被拒绝（ECONNREFUSED）`);
  });

  it.each([
    ['no answer within --timeout', 'hang', ['--timeout', '500']],
    ['a dropped connection', 'drop', []],
    ['a cut-off JSON answer', 'malformed', []],
    ['a 502 gateway page', 'gateway_error', []],
  ] as const)('room-call with %s: "unknown, check the status", sent exactly once', async (_label, kind, extra) => {
    sim.injectFault({ kind, path: ROOM_CALL });
    const { run, requests, newInvites } = await cli([...CALL_BY_ID, ...extra]);
    const error = errorJson(run, 4);
    expect(error).toMatchObject({ kind: 'unknown_outcome', code: 'unknown_outcome' });
    expect(error.hint).toMatch(/status/);
    expect(requests.filter((r) => r.path === ROOM_CALL)).toHaveLength(1);
    expect(requests.at(-1)?.path).toBe(ROOM_CALL);
    // The simulator did process it: the room may really be ringing.
    expect(newInvites).toHaveLength(1);
  });

  it('read-only calls are retried: one 5xx, then the lookup succeeds', async () => {
    sim.injectFault({ kind: 'server_error', path: '/v1/meetings' });
    const { run, requests } = await cli(['meeting', '806146667', '--json']);
    expect(run.code).toBe(0);
    expect(onlyJson(run)['meeting_id']).toBe(MEETING_ID);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers['x-tc-nonce']).not.toBe(requests[1]?.headers['x-tc-nonce']);
  });

  it('a lookup that times out on every attempt: exit 4 after 1 + 3 attempts', async () => {
    sim.injectFault({ kind: 'hang', path: '/v1/meetings', count: 4 });
    const { run, requests } = await cli(['meeting', '806146667', '--json', '--timeout', '200']);
    const error = errorJson(run, 4);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toBe(`No answer from the Tencent Meeting API at ${sim.url} within 200 ms`);
    expect(requests).toHaveLength(4);
  });
});
