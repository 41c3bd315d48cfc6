import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium (and Electron, where installed) one file at a time.
// Budgets measured, not guessed: the longest scenario (plans.e2e.ts) takes about 20 s on an idle 2-core
// machine and 52 s with both cores busy (load 6, other test suites running); the seed documents of
// plan-import.e2e.ts take about 15 s to render idle. The budgets below leave 4× the loaded figure.
// A UI state polled with expect.poll waits up to 15 s (the default 1 s fails when a busy machine
// needs a second to re-render a table).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    expect: { poll: { timeout: 15_000 } },
  },
});
