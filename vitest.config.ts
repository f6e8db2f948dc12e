import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Generous: on a 2-core CI machine a first PGlite store, argon2 and Chromium start can take tens of seconds.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    env: { TZ: 'UTC' },
  },
});
