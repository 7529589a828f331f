// Demo mode's set-up from the environment npm run demo provides, without a simulator.
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, demoEnv } from '../../simulator/server';
import { DemoSecretStore, demoSetupFromEnv, isDemo } from '../../main/services/demo';

const ENV = demoEnv('http://127.0.0.1:8787/');

describe('demoSetupFromEnv', () => {
  it('is off unless ROOM_DIALER_DEMO is 1', async () => {
    expect(isDemo({})).toBe(false);
    expect(isDemo({ ROOM_DIALER_DEMO: 'true' })).toBe(false);
    expect(await demoSetupFromEnv({ ...ENV, ROOM_DIALER_DEMO: '0' })).toBeUndefined();
  });

  it('gives the simulator URL and a vault holding the demo credentials', async () => {
    const setup = await demoSetupFromEnv(ENV);
    expect(setup?.endpoint).toBe('http://127.0.0.1:8787');
    expect(await setup?.vault.load('default')).toEqual({ ...DEMO_CREDENTIALS });
    expect((await setup?.vault.publicView('default'))?.configured).toBe(true);
  });

  it.each([
    ['WEMEET_SECRET_KEY', { WEMEET_SECRET_KEY: '' }],
    ['WEMEET_OPERATOR_ID', { WEMEET_OPERATOR_ID: undefined }],
  ])('refuses to start without %s', async (name, change) => {
    await expect(demoSetupFromEnv({ ...ENV, ...change })).rejects.toThrow(name);
  });

  it('refuses an endpoint that is neither https nor this machine', async () => {
    await expect(demoSetupFromEnv({ ...ENV, WEMEET_ENDPOINT: 'http://api.example.com' })).rejects.toThrow(
      'WEMEET_ENDPOINT',
    );
  });

  it('never quotes the secret key when the credentials are refused', async () => {
    const bad = { ...ENV, WEMEET_APP_ID: 'not-digits' };
    await expect(demoSetupFromEnv(bad)).rejects.toThrow(/appId/);
    await demoSetupFromEnv(bad).catch((error: Error) => {
      expect(error.message).not.toContain(DEMO_CREDENTIALS.secretKey);
    });
  });
});

describe('DemoSecretStore', () => {
  it('keeps secrets by account for this run only', async () => {
    const store = new DemoSecretStore();
    expect(await store.get('default')).toBeNull();
    await store.set('default', 'a');
    expect(await store.get('default')).toBe('a');
    expect(await store.delete('default')).toBe(true);
    expect(await store.delete('default')).toBe(false);
    expect(await new DemoSecretStore().get('default')).toBeNull();
  });
});
