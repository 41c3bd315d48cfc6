import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium (and Electron, where installed) one file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
