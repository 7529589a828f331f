// Where signed requests go is not the window's choice: settings:update takes only Tencent's API as the endpoint (and,
// in demo mode, the simulator on this machine). An endpoint set another way (here the harness saves the simulator's
// URL before start, as the environment or a managed configuration would) stays usable and may be sent back unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT } from '../../common/endpoint';
import { expectFieldError, startIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness;
afterEach(async () => {
  await h.close();
});

const ELSEWHERE = [
  'https://evil.example.com',
  'https://api.meeting.qq.com.evil.example',
  'https://evil.example/api.meeting.qq.com',
  'https://api.meeting.qq.com:8443',
  'https://api.meeting.qq.com/proxy',
  'https://API.MEETING.QQ.COM@evil.example',
  'http://api.meeting.qq.com',
];

describe('from the window, outside demo mode', () => {
  it.each([...ELSEWHERE, 'http://127.0.0.1:9', 'http://localhost:8787', 'http://[::1]:8787'])(
    'refuses %s naming endpoint, changes nothing, and keeps signing for the endpoint in use',
    async (endpoint) => {
      h = await startIpcHarness();
      const before = h.snapshot();
      const error = await h.fail('settings:update', { locale: 'zh-CN', endpoint });
      expectFieldError(error, 'endpoint');
      // The window rule says what may be set; an address that is not even valid gets the address rule's reason.
      expect(error.message['en-US']).toMatch(
        /only Tencent Meeting's API address \(https:\/\/api\.meeting\.qq\.com\) can be set here|must not contain a user name|must use https:\/\//,
      );
      expect(h.snapshot()).toBe(before);
      const requests = h.sim.requests.length;
      expect(await h.ok('credentials:test', {})).toEqual({ ok: true });
      expect(h.sim.requests.length).toBe(requests + 1);
    },
  );

  it('says in both languages what may be set, and where another address comes from', async () => {
    h = await startIpcHarness();
    const error = await h.fail('settings:update', { endpoint: 'https://evil.example.com' });
    expect(error.message['en-US']).toBe(
      `endpoint: only Tencent Meeting's API address (${DEFAULT_ENDPOINT}) can be set here; any other address must be set by an administrator through the environment or a managed configuration`,
    );
    expect(error.message['zh-CN']).toContain(`只能设置腾讯会议的接口地址 ${DEFAULT_ENDPOINT}`);
  });

  it("takes Tencent's own API address", async () => {
    h = await startIpcHarness();
    expect((await h.ok('settings:update', { endpoint: 'https://api.meeting.qq.com/' })).endpoint).toBe(
      DEFAULT_ENDPOINT,
    );
  });

  it('takes the endpoint in use sent back unchanged, as the preferences form does on every save', async () => {
    h = await startIpcHarness();
    const saved = await h.ok('settings:update', { locale: 'zh-CN', endpoint: `${h.sim.url}/` });
    expect(saved).toMatchObject({ locale: 'zh-CN', endpoint: h.sim.url });
  });
});

describe('from the window, in demo mode', () => {
  it('also takes the simulator on this machine, and still nothing else', async () => {
    h = await startIpcHarness({ services: { demo: { endpoint: 'http://127.0.0.1:1' } } });
    expect((await h.ok('settings:update', { endpoint: 'http://localhost:8787' })).endpoint).toBe(
      'http://localhost:8787',
    );
    expect((await h.ok('settings:update', { endpoint: 'http://127.0.0.1:8787' })).endpoint).toBe(
      'http://127.0.0.1:8787',
    );
    for (const endpoint of ELSEWHERE) expectFieldError(await h.fail('settings:update', { endpoint }), 'endpoint');
  });
});
