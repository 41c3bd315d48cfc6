// Types of scripts/build-cli.mjs for the tests.
export function buildCli(outDir?: string): Promise<void>;
