// The WEMEET_* environment that points the CLI or the app (npm run demo) at a simulator: one definition for the
// simulator's own start-up banner, the demo script and the tests.
import { DEMO_CREDENTIALS } from './seed';
import type { SimulatorCredentials } from './types';

export function wemeetEnv(url: string, c: SimulatorCredentials = DEMO_CREDENTIALS): Record<string, string> {
  return {
    WEMEET_ENDPOINT: url,
    WEMEET_APP_ID: c.appId,
    WEMEET_SDK_ID: c.sdkId,
    WEMEET_SECRET_ID: c.secretId,
    WEMEET_SECRET_KEY: c.secretKey,
    WEMEET_OPERATOR_ID: c.operatorId,
  };
}

/** What `npm run demo` adds: demo mode on, with the simulator's URL and credentials. */
export function demoEnv(url: string): Record<string, string> {
  return { ROOM_DIALER_DEMO: '1', ...wemeetEnv(url) };
}
