// Bundles the Electron main process and preload into dist/electron/, the services' utility process and worker
// thread (with core/, db/ and shared/) beside them, and the worker that reads files from outside (core/untrusted/)
// as untrusted-worker.cjs.
import { build } from 'esbuild';
import { bundleMetaUrl as metaUrl } from './bundle-meta-url.mjs';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };
// import.meta.url is main.cjs's own address in the bundle: run-untrusted.ts finds untrusted-worker.cjs next to it by that.
// pdfjs-dist stays a real ESM package at run time: bundled into CommonJS it loses import.meta.url and cannot read PDFs.
await build({ ...common, ...metaUrl, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3', 'pdfjs-dist', '@napi-rs/canvas', 'tesseract.js', '@tesseract.js-data/vie'] });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
// The packed app has @napi-rs/canvas: pdfjs-dist takes its DOMMatrix as it loads, and it draws scanned pages and
// decodes photos for the OCR (packaging.test.ts reads both with the packed worker).
// tesseract.js starts its own worker thread from its package folder and reads the Vietnamese model from
// @tesseract.js-data/vie's: both stay packages at run time (loaded only when a page must be read by OCR).
await build({ ...common, ...metaUrl, entryPoints: ['core/untrusted/untrusted-worker.ts'], outfile: 'dist/electron/untrusted-worker.cjs', external: ['pdfjs-dist', '@napi-rs/canvas', 'tesseract.js', '@tesseract.js-data/vie'] });
// The services, apart from the window (core/host/): the utility process's entry, and the worker thread it starts
// (thread-host.ts finds services-worker.cjs beside services-host.cjs; the worker finds untrusted-worker.cjs beside itself).
await build({ ...common, ...metaUrl, entryPoints: ['electron/services-host.ts'], outfile: 'dist/electron/services-host.cjs', external: ['electron'] });
await build({ ...common, ...metaUrl, entryPoints: ['core/host/services-worker.ts'], outfile: 'dist/electron/services-worker.cjs', external: ['better-sqlite3', 'pdfjs-dist', '@napi-rs/canvas', 'tesseract.js', '@tesseract.js-data/vie'] });
// The slow work on the office's own data (backups, the export of everything), in a thread of its own beside services-worker.cjs.
await build({ ...common, ...metaUrl, entryPoints: ['core/background/background-worker.ts'], outfile: 'dist/electron/background-worker.cjs', external: ['better-sqlite3'] });
console.log('Đã build phần Electron vào dist/electron/');
