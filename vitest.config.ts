import { defineConfig } from 'vitest/config';

// Measured with both cores busy (load 5–6, the other suites running): the slowest unit test without a
// budget of its own takes about 14 s (bundle trust, 20 MB payload); 60 s leaves 4×. Tests that start
// many processes set their own budget next to their measured time.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
