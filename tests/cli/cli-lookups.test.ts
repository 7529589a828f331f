// meeting and rooms from the command line: the documented JSON shapes, human output, and real paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { errorJson, onlyJson, runCli, simEnv } from './harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

async function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const before = sim.requests.length;
  const run = await runCli(args, simEnv(sim, env));
  return { run, requests: sim.requests.slice(before) };
}

const MEETING_KEYS = [
  'meeting_id',
  'meeting_code',
  'subject',
  'start_time',
  'end_time',
  'status',
  'hosts',
  'co_hosts',
  'operator_role',
];

describe('meeting', () => {
  it("--json by code: the meeting, its hosts and co-hosts, and the operator account's role", async () => {
    const { run, requests } = await cli(['meeting', '806-146-667', '--json']);
    expect(run.code).toBe(0);
    const out = onlyJson(run);
    expect(Object.keys(out)).toEqual(MEETING_KEYS);
    const seeded = sim.meetings.find((m) => m.meetingCode === '806146667')!;
    expect(out).toEqual({
      meeting_id: '7567173273889276131',
      meeting_code: '806146667',
      subject: 'Weekly sync with the Shenzhen office',
      start_time: seeded.startTime,
      end_time: seeded.endTime,
      status: 'MEETING_STATE_STARTED',
      hosts: ['admin1'],
      co_hosts: [],
      operator_role: 'host',
    });
    expect(requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/v1\/meetings\?.*meeting_code=806146667/)]);
  });

  it('--json of a meeting where the operator is co-host, and of one where it is neither', async () => {
    const coHost = onlyJson((await cli(['meeting', '318204976', '--json'])).run);
    expect(coHost).toMatchObject({ hosts: ['zhangwei'], co_hosts: ['admin1'], operator_role: 'co_host' });
    const guest = onlyJson((await cli(['meeting', '246813579', '--json'])).run);
    expect(guest).toMatchObject({ hosts: ['liuyang'], co_hosts: [], operator_role: 'none' });
  });

  it('by a 20-digit meeting ID: looked up by ID, the ID kept exactly', async () => {
    const { run, requests } = await cli(['meeting', '13434567890123927028', '--json']);
    expect(run.code).toBe(0);
    expect(onlyJson(run)).toMatchObject({ meeting_id: '13434567890123927028', meeting_code: '123456789' });
    expect(requests[0]?.path).toMatch(/^\/v1\/meetings\/13434567890123927028\?/);
  });

  it("human output: subject, code and ID, time and status in words, hosts, co-hosts, the operator's role", async () => {
    const en = await cli(['meeting', '318204976']);
    expect(en.run.code).toBe(0);
    const lines = en.run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('客户演示 Customer demo');
    expect(lines[1]).toBe('  code 318-204-976  meeting ID 12269259670683052373');
    // en-US dates: "Nov 29, 2026, 8:10 – 9:10 PM" (one date for a meeting within a day); the status in words.
    expect(lines[2]).toMatch(
      /^ {2}[A-Z][a-z]{2} \d{1,2}, \d{4}, .*\d{1,2}:\d{2}.*\s*–\s*.*\d{1,2}:\d{2}\s*(AM|PM) {2}In progress$/u,
    );
    expect(lines.slice(3)).toEqual([
      '  hosts zhangwei',
      '  co-hosts admin1',
      '  you (admin1) are co-host: SIP/H.323 calls allowed',
    ]);

    const zh = await cli(['meeting', '318204976', '--lang', 'zh-CN']);
    const zhLines = zh.run.stdout.trimEnd().split('\n');
    expect(zhLines[1]).toBe('  会议号 318-204-976  会议 ID 12269259670683052373');
    // zh-CN dates: "2026/11/29 20:10–21:10", a 24-hour clock; the status in Chinese words.
    // The end's date is said too when the meeting runs past midnight (it is in progress now: late at night it does).
    expect(zhLines[2]).toMatch(
      /^ {2}\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}\s*–\s*(\d{4}\/\d{1,2}\/\d{1,2} )?\d{2}:\d{2} {2}会议中$/u,
    );
    expect(zhLines.slice(3)).toEqual([
      '  主持人 zhangwei',
      '  联席主持人 admin1',
      '  你（admin1）是联席主持人：可以通过 SIP/H.323 地址呼叫',
    ]);
  });

  it('human output for a host, and for a participant who cannot dial SIP/H.323', async () => {
    const host = await cli(['meeting', '123456789']);
    expect(host.run.stdout).toContain(
      '\n  hosts admin1\n  co-hosts none\n  you (admin1) are host: SIP/H.323 calls allowed\n',
    );
    const guest = await cli(['meeting', '246813579']);
    expect(guest.run.stdout).toContain(
      '\n  you (admin1) are neither host nor co-host: SIP/H.323 calls will be refused; calls by Rooms ID need an enterprise admin or a participant\n',
    );
  });

  it('a meeting not started yet says so in words', async () => {
    const { run } = await cli(['meeting', '555000111']);
    expect(run.stdout.split('\n')[2]).toMatch(/ {2}Not started$/);
  });

  it('a 10-digit number is taken as a meeting ID; when Tencent refuses it, the hint is about meeting codes', async () => {
    const { run, requests } = await cli(['meeting', '8061466671', '--json']);
    const error = errorJson(run, 3);
    expect(requests[0]?.path).toMatch(/^\/v1\/meetings\/8061466671\?/);
    expect(error.hint).toMatch(
      /^A meeting code has 9 digits; the 10 digits given were taken as a meeting ID \(those usually have 19–20\)\. Check for an extra digit/,
    );
    // A meeting ID of the usual length that does not exist gets Tencent's own advice only.
    const long = errorJson((await cli(['meeting', '1234567890123456789', '--json'])).run, 3);
    expect(long.hint).not.toContain('9 digits');
  });

  it('an unknown meeting code is an API error: exit 3 with code, message and hint', async () => {
    const error = errorJson((await cli(['meeting', '111222333', '--json'])).run, 3);
    expect(error).toMatchObject({ kind: 'api', code: 9003 });
    expect(error.hint).not.toBe('');
  });
});

describe('rooms', () => {
  it('--json: {"rooms":[…]} with every one of the 320 rooms exactly once, over several pages', async () => {
    const { run, requests } = await cli(['rooms', '--json']);
    expect(run.code).toBe(0);
    const out = onlyJson(run);
    expect(Object.keys(out)).toEqual(['rooms']);
    const rooms = out['rooms'] as Record<string, unknown>[];
    expect(rooms).toHaveLength(sim.rooms.length);
    expect(new Set(rooms.map((r) => r['meeting_room_id']))).toEqual(new Set(sim.rooms.map((r) => r.meetingRoomId)));
    expect(rooms[0]).toEqual({
      meeting_room_id: '2489756789',
      name: '演示-正常接听 Demo Answer',
      location: sim.rooms[0]?.location,
      status: sim.rooms[0]?.status,
      is_allow_call: true,
    });
    const pages = requests.filter((r) => r.path.startsWith('/v1/meeting-rooms?'));
    expect(pages.length).toBeGreaterThan(1);
    expect(requests).toHaveLength(pages.length);
  });

  it('--name filters on the server: the seven scripted rooms, not-callable ones marked', async () => {
    const { run, requests } = await cli(['rooms', '--name', '演示']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toBe('7 rooms');
    expect(lines.find((line) => line.startsWith('2489700655\t'))).toMatch(/\t\(not callable\)$/);
    expect(requests[0]?.path).toContain(`meeting_room_name=${encodeURIComponent('演示')}`);
  });

  it('in Chinese: the count line', async () => {
    const { run } = await cli(['rooms', '--name', 'demo'], { LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('共 7 个会议室');
  });
});
