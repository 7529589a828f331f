import vue from '@vitejs/plugin-vue';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Renderer component tests import .vue files; they choose happy-dom per file (`// @vitest-environment happy-dom`).
  plugins: [vue()],
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
