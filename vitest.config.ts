import { defineConfig } from 'vitest/config';

// Three workers on a 2-core machine: many tests wait on child processes, servers and timers, so a third
// file keeps the cores busy (idle: 447 s instead of 661 s with Vitest's default of one worker per core
// minus one); with other processes using both cores, more runnable workers also mean a fairer share.
// Budgets measured with three workers on an idle 2-core machine: the slowest test without a budget of its
// own takes 25 s (fuzz-bundles, every manifest field); 120 s leaves about 5×, which a loaded machine
// (both cores busy) needs. Tests that start many processes set their own budget next to their measured time.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // the command line bundled once for the tests that start it (test/helpers/cli.ts)
    globalSetup: ['test/helpers/build-cli-setup.ts'],
    environment: 'node',
    maxWorkers: 3,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
