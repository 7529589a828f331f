import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Loopback servers and spawned CLI processes: generous per-test limit, never a timing assertion.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
