import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium (and Electron, where installed), three files at a time: a browser
// spends most of a step waiting (idle, two files at a time kept 0.7 of a core busy: 222 s of CPU in 302 s),
// so a third file finishes the suite sooner, and more so when other processes keep both cores busy (more
// runnable processes, a larger share of the cores).
// Budgets measured, not guessed: the longest scenario (offices-cycle.e2e.ts, four installations) takes
// 111 s on an idle 2-core machine with two files at a time; 300 s leaves room for both cores busy
// (about 2× slower). A UI state polled with expect.poll waits up to 15 s (the default 1 s fails when a busy
// machine needs a second to re-render a table).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    maxWorkers: 3,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 15_000 } },
  },
});
