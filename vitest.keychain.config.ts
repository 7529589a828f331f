// The keychain tests only: they talk to a real Secret Service and need a D-Bus session with an unlocked
// gnome-keyring, which scripts/test.mjs provides (dbus-run-session, keyring files in a temp XDG_DATA_HOME).
// The plain `npx vitest run` (vitest.config.ts) leaves them out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/keychain/**/*.test.ts'],
    environment: 'node',
    // One keyring shared by the whole run: keep files in sequence so a count of items stays meaningful.
    fileParallelism: false,
    // Child processes start Node with tsx and sometimes a bus and a keyring daemon: generous, never a timing assertion.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
