// Bundles the command line into one file, dist/cli/main.cjs, with the two worker threads it starts beside it
// (untrusted-worker.cjs reads files from outside, background-worker.cjs takes backups): `node dist/cli/main.cjs …`
// starts in a fraction of a second, where `npm run -s cli` (tsx) compiles the TypeScript each time (about 3 s).
// The tests run the command line many times through this bundle (test/helpers/cli.ts builds it once per run).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleMetaUrl as metaUrl } from './bundle-meta-url.mjs';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
// import.meta.url is the bundle's own address: run-untrusted.ts and run-background.ts find their workers beside it.
// Packages that stay packages at run time: the native SQLite driver; pdfjs-dist (ESM, it finds its worker by
// import.meta.url) with @napi-rs/canvas; tesseract.js (starts its own worker from its folder) and its model.
const external = ['better-sqlite3', 'pdfjs-dist', '@napi-rs/canvas', 'tesseract.js', '@tesseract.js-data/vie'];

/** Builds the three files into `outDir` (dist/cli by default). */
export async function buildCli(outDir = 'dist/cli') {
  await Promise.all([
    build({ ...common, ...metaUrl, external, entryPoints: ['cli/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    build({ ...common, ...metaUrl, external, entryPoints: ['core/untrusted/untrusted-worker.ts'], outfile: path.join(outDir, 'untrusted-worker.cjs') }),
    build({ ...common, ...metaUrl, external, entryPoints: ['core/background/background-worker.ts'], outfile: path.join(outDir, 'background-worker.cjs') }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log('Đã build dòng lệnh vào dist/cli/ (node dist/cli/main.cjs …)');
}
