// Bundles the Electron main process and preload (with core/, db/ and shared/) into dist/electron/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };
// pdfjs-dist stays a real ESM package at run time: bundled into CommonJS it loses import.meta.url and cannot read PDFs.
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3', 'pdfjs-dist'] });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('Đã build phần Electron vào dist/electron/');
