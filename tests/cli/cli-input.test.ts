// Bad input and missing credentials: exit 2 / 5, the field named, and not one request reaches the simulator.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { errorJson, onlyJson, runCli, simEnv } from './harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

// Every test here but the last must leave the simulator untouched.
let expectRequests = 0;
afterEach(() => {
  expect(sim.requests.length).toBe(expectRequests);
});

const SIP = 'room101@sip.example.com';
const CALL = ['call', '--meeting', '806146667'];

describe('bad input: exit 2 naming the field, nothing sent', () => {
  it.each([
    ['a 5-digit meeting number', 'meeting', ['call', '--meeting', '12345', '--sip', SIP]],
    ['Chinese text as a meeting number', 'meeting', ['meeting', '会议号八零六']],
    ['no --meeting', 'meeting', ['call', '--sip', SIP]],
    ['no target', 'target', [...CALL]],
    ['two targets', 'target', [...CALL, '--sip', SIP, '--room-id', '2489756789']],
    ['a SIP address with a space', 'sip', [...CALL, '--sip', 'sip:room 101@sip.example.com']],
    ['a very long SIP address', 'sip', [...CALL, '--sip', `${'a'.repeat(5000)}@sip.example.com`]],
    ['a 16-digit E.164 number', 'h323', [...CALL, '--h323', '1234567890123456']],
    ['a Rooms ID with a dash', 'room-id', [...CALL, '--room-id', '24897-56789']],
    ['a Rooms ID that is not digits', 'room-id', [...CALL, '--room-id', 'abc']],
    ['cancel without --invite', 'invite', ['cancel', '--meeting', '806146667', '--sip', SIP]],
    ['an invite ID with spaces', 'invite', ['cancel', '--meeting', '806146667', '--invite', 'a b', '--sip', SIP]],
    ['--timeout 0', 'timeout', ['status', '--meeting', '806146667', '--sip', SIP, '--timeout', '0']],
    ['--instance abc', 'instance', ['meeting', '806146667', '--instance', 'abc']],
    ['--instance 99 (not a device type)', 'instance', ['meeting', '806146667', '--instance', '99']],
    ['--instance 11 (between documented types)', 'instance', ['meeting', '806146667', '--instance', '11']],
    ['--interval 5', 'interval', [...CALL, '--sip', SIP, '--wait', '--interval', '5']],
    ['--endpoint ftp://', 'endpoint', ['meeting', '806146667', '--endpoint', 'ftp://api.example.com']],
    ['--lang fr', 'lang', ['meeting', '806146667', '--lang', 'fr']],
  ])('%s → field %s', async (_label, field, args) => {
    const error = errorJson(await runCli([...args, '--json'], simEnv(sim)), 2);
    expect(error).toMatchObject({ kind: 'validation', code: 'bad_input', field });
    expect(error.message).toContain(field);
    expect(error.hint).toContain('Nothing was sent');
  });

  it.each([
    ['an unknown command', ['dial', '--json'], 'dial'],
    ['an option of another command', ['rooms', '--sip', SIP, '--json'], '--sip'],
    ['meeting without its number', ['meeting', '--json'], 'meeting'],
    ['an option without its value', ['call', '--sip', SIP, '--json', '--meeting'], '--meeting'],
    ['an unknown option', ['meeting', '806146667', '--json', '--force'], '--force'],
  ])('usage error: %s → exit 2, names %s', async (_label, args, named) => {
    const error = errorJson(await runCli(args, simEnv(sim)), 2);
    expect(error).toMatchObject({ kind: 'validation', code: 'usage' });
    expect(error.message).toContain(named);
  });

  it('target errors use the option names the operator types', async () => {
    const error = errorJson(await runCli([...CALL, '--sip', SIP, '--room-id', '1', '--json'], simEnv(sim)), 2);
    expect(error.message).toBe('target: give only one of room-id, sip, h323; got room-id and sip');
  });

  it('--room-id abc: says a Rooms ID is digits only, in both languages', async () => {
    const en = errorJson(await runCli([...CALL, '--room-id', 'abc', '--json'], simEnv(sim)), 2);
    expect(en.message).toBe('room-id: a Tencent Rooms ID has only digits, "abc" is not one (e.g. 2489756789)');
    const zh = errorJson(await runCli([...CALL, '--room-id', 'abc', '--json', '--lang', 'zh-CN'], simEnv(sim)), 2);
    expect(zh.message).toContain('只有数字');
  });

  it('--instance 99: lists the documented device types', async () => {
    const error = errorJson(await runCli(['meeting', '806146667', '--instance', '99', '--json'], simEnv(sim)), 2);
    expect(error.message).toMatch(
      /^instance: "99" is not a Tencent Meeting device type; use one of 0 PSTN, 1 PC, 2 Mac,/,
    );
    expect(error.message).toContain('33 Controller for Touch iOS');
  });

  it('WEMEET_INSTANCE_ID from the environment is checked the same way', async () => {
    const run = await runCli(['meeting', '806146667', '--json'], simEnv(sim, { WEMEET_INSTANCE_ID: '99' }));
    expect(errorJson(run, 2).field).toBe('instance');
  });

  it('WEMEET_ENDPOINT from the environment is validated too', async () => {
    const run = await runCli(['meeting', '806146667', '--json'], simEnv(sim, { WEMEET_ENDPOINT: 'not a url' }));
    expect(errorJson(run, 2).field).toBe('endpoint');
  });

  it('bad input is reported before missing credentials are', async () => {
    const run = await runCli([...CALL, '--sip', 'sip:', '--json'], { PATH: process.env['PATH'], LANG: 'C' });
    expect(errorJson(run, 2).field).toBe('sip');
  });

  it('without --json: nothing on stdout, the error and hint on stderr, in English by default', async () => {
    const run = await runCli([...CALL, '--h323', '1234567890123456'], simEnv(sim));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: h323: .*\nhint: Nothing was sent/);
  });

  it('--lang zh-CN, or a Chinese LANG, gives Chinese messages', async () => {
    for (const [args, env] of [
      [[...CALL, '--h323', '1234567890123456', '--lang', 'zh-CN'], simEnv(sim)],
      [[...CALL, '--h323', '1234567890123456'], simEnv(sim, { LANG: 'zh_CN.UTF-8' })],
    ] as const) {
      const run = await runCli(args, env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^错误: h323：.*\n建议: 未发送任何请求/);
    }
    const json = errorJson(await runCli([...CALL, '--lang', 'zh-CN', '--json'], simEnv(sim)), 2);
    expect(json.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a bare room-dialer prints the usage on stderr and exits 2', async () => {
    const run = await runCli([], simEnv(sim));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: room-dialer <command> \[options\]\n/);
  });

  it.each([
    [['call', '--meting', '806146667', '--sip', SIP], 'unknown option --meting; did you mean --meeting?'],
    [['rooms', '--nmae', 'x'], 'unknown option --nmae; did you mean --name?'],
    [['call', '--meeting', '806146667', '--sip', SIP, '--wiat'], 'unknown option --wiat; did you mean --wait?'],
    [['meeting', '806146667', '--inter', '100'], 'unknown option --inter; did you mean --interval?'],
    [['meeting', '806146667', '--frobnicate'], 'unknown option --frobnicate'],
    [['meting', '806146667'], 'unknown command "meting"; did you mean meeting?'],
    [
      ['call', '--meeting', '806146667', '--sip', SIP, '--sip', 'room102@sip.example.com'],
      '--sip is given more than once',
    ],
    [['rooms', '--json=yes'], '--json takes no value'],
    [['call', '--sip', SIP, '--meeting', '--wait'], '--meeting needs a value'],
  ])('usage error %j says: %s', async (args, message) => {
    const run = await runCli(args, simEnv(sim));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: ${message}\nhint: Run room-dialer --help for usage\n`);
  });

  it('an unknown option in Chinese, with --lang zh-CN given anywhere on the line', async () => {
    const run = await runCli(['call', '--lang', 'zh-CN', '--meting', '806146667'], simEnv(sim));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '错误: 未知选项 --meting，是不是要用 --meeting？\n建议: 运行 room-dialer --help 查看用法\n',
    );
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help'], simEnv(sim));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: room-dialer <command>');
    expect(run.stdout).toContain('Exit codes: 0 ok, 2 bad input');
    expect(run.stdout).toContain('6 call --wait ended without the room joining');
    expect(run.stdout).toContain('[--wait [--interval <ms>]]');
  });
});

describe('missing credentials: exit 5, nothing sent', () => {
  it('names exactly the variables that are missing', async () => {
    const env = simEnv(sim, { WEMEET_SECRET_KEY: undefined, WEMEET_OPERATOR_ID: '  ' });
    const error = errorJson(await runCli(['meeting', '806146667', '--json'], env), 5);
    expect(error).toMatchObject({ kind: 'credentials', code: 'missing_credentials' });
    expect(error.message).toContain('WEMEET_SECRET_KEY');
    expect(error.message).toContain('WEMEET_OPERATOR_ID');
    expect(error.message).not.toContain('WEMEET_APP_ID');
  });

  it('partly set variables: says WEMEET_SDK_ID is optional, and how to use the saved settings instead', async () => {
    const env = simEnv(sim, { WEMEET_SDK_ID: undefined, WEMEET_SECRET_KEY: undefined });
    const error = errorJson(await runCli(['rooms', '--json'], env), 5);
    expect(error.message).toBe(
      'Missing API credentials: WEMEET_SECRET_KEY (WEMEET_SDK_ID is optional: set it only if your enterprise was given an SdkId)',
    );
    expect(error.hint).toMatch(/^Set these variables too, or unset every WEMEET_\* credential variable/);
  });

  it('no credential variable and no Secret Service at all: the keychain is named as the cause, first', async () => {
    // A session bus address that leads nowhere: libsecret cannot reach any Secret Service.
    const env = {
      PATH: process.env['PATH'],
      WEMEET_ENDPOINT: sim.url,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/room-dialer-test-bus',
    };
    const json = errorJson(await runCli(['rooms', '--json'], env), 5);
    expect(json).toMatchObject({ kind: 'credentials', code: 'keychain_unavailable' });
    expect(json.message).toMatch(/^The system keychain cannot be used: no Secret Service keyring is running/);
    expect(json.message).toContain(
      'Without it, give the credentials as environment variables: WEMEET_APP_ID, WEMEET_SECRET_ID, WEMEET_SECRET_KEY, WEMEET_OPERATOR_ID (WEMEET_SDK_ID is optional',
    );
    expect(json.hint).toMatch(/gnome-keyring.*; or set those environment variables/);

    const zh = await runCli(['rooms', '--lang', 'zh-CN'], env);
    expect(zh.code).toBe(5);
    expect(zh.stdout).toBe('');
    // One error, led by the cause; no separate warning before it.
    expect(zh.stderr).toMatch(/^错误: 无法使用系统钥匙串：没有正在运行的 Secret Service 密钥环/);
    expect(zh.stderr).not.toContain('警告');
    for (const name of ['WEMEET_APP_ID', 'WEMEET_SECRET_ID', 'WEMEET_SECRET_KEY', 'WEMEET_OPERATOR_ID']) {
      expect(zh.stderr).toContain(name);
    }
    expect(zh.stderr).toContain('WEMEET_SDK_ID 可以不设');
  });
});

describe('control', () => {
  it('the same environment with good input does reach the simulator', async () => {
    const run = await runCli(['meeting', '806146667', '--json'], simEnv(sim));
    expect(run.code).toBe(0);
    expect(onlyJson(run)['meeting_code']).toBe('806146667');
    expectRequests = sim.requests.length;
    expect(expectRequests).toBeGreaterThan(0);
  });
});
