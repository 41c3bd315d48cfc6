// Bundles the Electron main process and preload (with core/, db/ and shared/) into dist/electron/, and the
// worker that reads files from outside (core/untrusted/) beside them as untrusted-worker.cjs.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };
// import.meta.url is main.cjs's own address in the bundle: run-untrusted.ts finds untrusted-worker.cjs next to it by that.
const metaUrl = { define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } };
// pdfjs-dist stays a real ESM package at run time: bundled into CommonJS it loses import.meta.url and cannot read PDFs.
await build({ ...common, ...metaUrl, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3', 'pdfjs-dist'] });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
await build({ ...common, ...metaUrl, entryPoints: ['core/untrusted/untrusted-worker.ts'], outfile: 'dist/electron/untrusted-worker.cjs', external: ['pdfjs-dist'] });
console.log('Đã build phần Electron vào dist/electron/');
