import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';

/**
 * The command line as the tests run it: the bundle test/helpers/build-cli-setup.ts makes once per run
 * (scripts/build-cli.mjs), started with this Node. It is cli/main.ts itself, without tsx compiling it at each
 * start (about 0.3 s instead of 3 s; some tests start it ten times). cli.test.ts still runs `tsx cli/main.ts`,
 * the way `npm run -s cli` does, once.
 */
export const CLI_BUNDLE = path.resolve('dist/cli/main.cjs');

export const runCli = (args: string[], options: SpawnSyncOptions = {}) => spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8', ...options }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };

/** The same, as a running child (a test that reads its progress as it comes). */
export const startCli = (args: string[]) => spawn(process.execPath, [CLI_BUNDLE, ...args]);
