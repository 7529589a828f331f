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

const MEETING_KEYS = ['meeting_id', 'meeting_code', 'subject', 'start_time', 'end_time', 'status'];

describe('meeting', () => {
  it('--json by code: exactly {meeting_id, meeting_code, subject, start_time, end_time, status}', async () => {
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
    });
    expect(requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/v1\/meetings\?.*meeting_code=806146667/)]);
  });

  it('by a 20-digit meeting ID: looked up by ID, the ID kept exactly', async () => {
    const { run, requests } = await cli(['meeting', '13434567890123927028', '--json']);
    expect(run.code).toBe(0);
    expect(onlyJson(run)).toMatchObject({ meeting_id: '13434567890123927028', meeting_code: '123456789' });
    expect(requests[0]?.path).toMatch(/^\/v1\/meetings\/13434567890123927028\?/);
  });

  it('human output: subject, formatted code, ID and hosts; Chinese with --lang zh-CN', async () => {
    const en = await cli(['meeting', '123456789']);
    expect(en.run.code).toBe(0);
    expect(en.run.stdout).toContain('产品周会');
    expect(en.run.stdout).toContain('code 123-456-789  meeting ID 13434567890123927028');
    expect(en.run.stdout).toContain('hosts admin1');
    const zh = await cli(['meeting', '123456789', '--lang', 'zh-CN']);
    expect(zh.run.stdout).toContain('会议号 123-456-789  会议 ID 13434567890123927028');
    expect(zh.run.stdout).toContain('主持人 admin1');
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
