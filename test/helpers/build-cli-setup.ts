import { buildCli } from '../../scripts/build-cli.mjs';

/** Vitest's global setup: the command line bundled once before any test file runs (test/helpers/cli.ts). */
export default async function setup() {
  await buildCli();
}
