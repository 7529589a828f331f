// The end-to-end suite: the built renderer (out/renderer) in Debian's Chromium, its window API bridged to the real
// main-process handlers running here against the simulator, a temp store and the real keychain. Needs `npm run
// build` first and a D-Bus session with an unlocked gnome-keyring: `npm run test:e2e` (and `npm test`) provide both
// through scripts/test.mjs. Files are *.e2e.ts so the plain `npx vitest run` never picks them up.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One browser and one keyring at a time: the scenarios share the keychain item of the default profile.
    fileParallelism: false,
    // A real browser against real handlers and the simulator's ringing delays: generous, never a timing assertion.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
