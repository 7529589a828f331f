import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real-keychain tests need a D-Bus session with an unlocked keyring: vitest.keychain.config.ts, run by npm test.
    exclude: [...configDefaults.exclude, 'tests/keychain/**'],
    environment: 'node',
    // Loopback servers and spawned CLI processes: generous per-test limit, never a timing assertion.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
