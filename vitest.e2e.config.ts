import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium (and Electron, where installed), two files at a time: a browser
// spends much of a step waiting, so two files finish the suite sooner (idle 2-core machine: 423 s instead
// of 492 s one at a time), and more so when other processes keep both cores busy.
// Budgets measured, not guessed: the longest scenario (offices-cycle.e2e.ts, four installations) takes
// 111 s on an idle 2-core machine with two files at a time; 300 s leaves room for both cores busy
// (about 2× slower). A UI state polled with expect.poll waits up to 15 s (the default 1 s fails when a busy
// machine needs a second to re-render a table).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 15_000 } },
  },
});
