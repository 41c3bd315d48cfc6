import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packOffline } from '../../scripts/pack-offline.mjs';
import { readPlan } from '../../core/import/read-plan';
import { IMPORT_SEEDS } from '../helpers/import-seeds';
import { seedDocx, seedPdf } from '../helpers/plan-documents';
import { imagePdf } from '../helpers/scan-pdf';

/**
 * What the installers carry, checked without downloading Electron: electron-builder's `--dir` target for Linux x64
 * with the project's electron-builder.yml, a stand-in Electron distribution and no native rebuild
 * (scripts/pack-offline.mjs says what the real release does instead), then the packed app is read back.
 *
 * Time (2-core machine busy with other work): the Electron bundles about 2 s, the renderer about 25 s when
 * dist/renderer/ is missing (a fresh clone), electron-builder 7–15 s, the checks about 5 s (Chromium prints one PDF).
 */
const BUDGET_MS = 150_000;

const require = createRequire(import.meta.url);
// @electron/asar and @electron/fuses come with electron-builder (app-builder-lib uses them to pack); taken from there.
const fromBuilder = createRequire(createRequire(require.resolve('electron-builder')).resolve('app-builder-lib/package.json'));
const asar = fromBuilder('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { unpacked?: boolean; files?: unknown };
  extractFile(archive: string, file: string): Buffer;
  extractAll(archive: string, dest: string): void;
};
const fuses = fromBuilder('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, number | string>> };

const DRIVER = 'node_modules/better-sqlite3';
const DRIVER_BINARY = `${DRIVER}/build/Release/better_sqlite3.node`;
const CANVAS_BINARY = 'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node';

let work = '';
let appOutDir = '';
let archive = '';
let unpackedDir = '';
let extracted = '';
let entries: string[] = [];
const timings: Record<string, number> = {};

function timed<T>(label: string, run: () => T): T {
  const started = Date.now();
  const result = run();
  timings[label] = (Date.now() - started) / 1000;
  return result;
}

beforeAll(async () => {
  // the bundles the app is made of, from the current sources (the renderer only when missing: its content is not checked here)
  timed('build:electron', () => execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'pipe' }));
  if (!fs.existsSync('dist/renderer/index.html')) {
    timed('build:renderer', () => execFileSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'pipe' }));
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-pack-'));
  const packed = await packOffline(work);
  timings['electron-builder --dir'] = packed.seconds;
  appOutDir = packed.appOutDir;
  archive = path.join(appOutDir, 'resources', 'app.asar');
  unpackedDir = `${archive}.unpacked`;
  entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
  extracted = path.join(work, 'app');
  timed('extract app.asar', () => asar.extractAll(archive, extracted));
  console.log(`Đóng gói thử (giây): ${JSON.stringify(timings)}`);
}, BUDGET_MS);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const files = () => entries.filter((entry) => !asar.statFile(archive, entry).files);

/** "ELF64 x86-64", "PE", "Mach-O" or "unknown": the platform a native file is built for. */
function binaryKind(file: string): string {
  const head = fs.readFileSync(file).subarray(0, 20);
  if (head.readUInt32BE(0) === 0x7f454c46) {
    const machine = head[5] === 1 ? head.readUInt16LE(18) : head.readUInt16BE(18);
    const names: Record<number, string> = { 0x3e: 'x86-64', 0xb7: 'aarch64', 0x28: 'arm', 0x03: 'x86' };
    return `ELF${head[4] === 2 ? 64 : 32} ${names[machine] ?? machine}`;
  }
  if (head[0] === 0x4d && head[1] === 0x5a) return 'PE';
  if ([0xfeedfacf, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(head.readUInt32BE(0))) return 'Mach-O';
  return 'unknown';
}

describe('the packed app (electron-builder --dir, Linux x64, offline)', () => {
  it('is the stand-in Electron renamed to the app, with the fuses of electron-builder.yml flipped', async () => {
    const executable = path.join(appOutDir, 'dan-van');
    expect(fs.statSync(executable).mode & 0o111).not.toBe(0);
    expect(fs.existsSync(path.join(appOutDir, 'LICENSE.electron.txt'))).toBe(true);
    expect(fs.existsSync(path.join(appOutDir, 'resources', 'default_app.asar'))).toBe(false);
    const wire = await fuses.getCurrentFuseWire(executable);
    const on = (index: number) => String.fromCharCode(wire[index] as number);
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, inspect arguments off, embedded asar integrity on,
    // app only from the asar on, browser-process V8 snapshot as Electron ships it (off), file: extra privileges off
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(on).join('')).toBe('01001100');
  });

  it('app.asar holds the Electron bundles, the renderer and package.json, and nothing of the sources, tests or tools', () => {
    const built = fs.readdirSync('dist/electron').filter((name) => name.endsWith('.cjs'));
    expect(built).toEqual(expect.arrayContaining(['main.cjs', 'preload.cjs', 'untrusted-worker.cjs']));
    for (const name of built) expect(entries, name).toContain(`dist/electron/${name}`);
    expect(entries).toContain('dist/renderer/index.html');
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(entries).toContain(manifest.main);

    const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    const app = files().filter((entry) => !entry.startsWith('node_modules/'));
    expect(app.filter((entry) => !/^dist\/(electron\/[^/]+\.cjs|renderer\/.+)$/.test(entry) && entry !== 'package.json')).toEqual([]);
    expect(files().filter((entry) => /\.(map|ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts'))).toEqual([]);
  });

  it('the SQLite driver is unpacked under the name the code requires, with its binary, and loads from main.cjs and on its own', () => {
    for (const file of ['package.json', 'lib/index.js', 'build/Release/better_sqlite3.node']) {
      expect(fs.existsSync(path.join(unpackedDir, DRIVER, file)), file).toBe(true);
      expect(asar.statFile(archive, `${DRIVER}/${file}`).unpacked, file).toBe(true);
    }
    // the npm alias: installed and packed as better-sqlite3, the package inside is SQLite3MultipleCiphers' build
    const installed = require('better-sqlite3/package.json') as { name: string; version: string };
    const packed = JSON.parse(fs.readFileSync(path.join(unpackedDir, DRIVER, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(packed).toMatchObject({ name: 'better-sqlite3-multiple-ciphers', version: installed.version });
    expect(entries.filter((entry) => /(^|\/)better-sqlite3-multiple-ciphers(\/|$)/.test(entry))).toEqual([]);
    // none of its sources or build leftovers
    expect(files().filter((entry) => entry.startsWith(`${DRIVER}/`) && !/^node_modules\/better-sqlite3\/(package\.json|LICENSE|lib\/.+\.js|build\/Release\/better_sqlite3\.node)$/.test(entry))).toEqual([]);

    // require('better-sqlite3') as main.cjs does, in the extracted app (Node stands in for Electron: packed without
    // the rebuild, the binary is Node's build; in a release it is Electron's, at the same place)
    const script = `const r = require('node:module').createRequire(process.argv[1]);
      const Database = r('better-sqlite3');
      const db = new Database(':memory:');
      console.log(JSON.stringify({ resolved: r.resolve('better-sqlite3'), cipher: db.prepare('select sqlite3mc_version() as v').get().v }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script, path.join(extracted, 'dist', 'electron', 'main.cjs')], { cwd: extracted, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } })) as { resolved: string; cipher: string };
    expect(out.resolved).toBe(path.join(extracted, DRIVER, 'lib', 'index.js'));
    expect(out.cipher).toMatch(/^SQLite3 Multiple Ciphers/);

    // and the unpacked copy alone, by its real path (as a loader that does not read the asar sees it): bindings and
    // file-uri-to-path, which it requires to find its binary, are unpacked beside it
    const alone = `const r = require('node:module').createRequire(process.argv[1] + '/');
      const Database = r('./');
      console.log(JSON.stringify({ bindings: r.resolve('bindings'), cipher: new Database(':memory:').prepare('select sqlite3mc_version() as v').get().v }));`;
    const unpacked = JSON.parse(execFileSync(process.execPath, ['-e', alone, path.join(unpackedDir, DRIVER)], { cwd: os.tmpdir(), encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } })) as { bindings: string; cipher: string };
    expect(unpacked.bindings.startsWith(path.join(unpackedDir, 'node_modules') + path.sep)).toBe(true);
    expect(unpacked.cipher).toMatch(/^SQLite3 Multiple Ciphers/);
  });

  it('the native modules are the driver and the OCR\'s canvas, unpacked and built for Linux x64 only', () => {
    const native = files().filter((entry) => /\.(node|so|dll|dylib|exe)$/.test(entry));
    expect(native.sort()).toEqual([DRIVER_BINARY, CANVAS_BINARY].sort());
    expect(binaryKind(path.join(unpackedDir, DRIVER_BINARY))).toBe('ELF64 x86-64');
    expect(binaryKind(path.join(unpackedDir, CANVAS_BINARY))).toBe('ELF64 x86-64');
    const unpacked = fs.readdirSync(unpackedDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(unpackedDir, path.join(d.parentPath, d.name)).replace(/\\/g, '/'));
    // the driver, the two small packages it requires to find its binary, and the canvas
    expect(unpacked.filter((file) => !/^node_modules\/(better-sqlite3|bindings|file-uri-to-path|@napi-rs)\//.test(file))).toEqual([]);
    // no package made for another platform (…-win32-x64-msvc, …-darwin-…, esbuild's, …)
    expect(entries.filter((entry) => /(^|\/)node_modules\/(@[^/]+\/)?[^/]*-(linux|win32|darwin|freebsd|android)-[^/]*$/.test(entry))).toEqual(['node_modules/@napi-rs/canvas-linux-x64-gnu']);
  });

  it('pdfjs-dist (its Node build) and the OCR are packed: the packed worker reads a PDF and a scanned page as the sources do', async () => {
    const installed = require('pdfjs-dist/package.json') as { version: string };
    for (const file of ['package.json', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs']) expect(entries).toContain(`node_modules/pdfjs-dist/${file}`);
    expect(JSON.parse(asar.extractFile(archive, 'node_modules/pdfjs-dist/package.json').toString('utf8')).version).toBe(installed.version);
    for (const pkg of ['tesseract.js', 'tesseract.js-core', '@tesseract.js-data/vie']) expect(entries).toContain(`node_modules/${pkg}/package.json`);

    const seed = IMPORT_SEEDS.find((s) => s.name === 'vp-ubnd-tinh-2025')!;
    const pdf = new Uint8Array(await seedPdf(await seedDocx(seed)));
    const fromSources = await readPlan({ bytes: pdf.slice(), fileName: 'ke-hoach.pdf' });
    const { answer } = await runPackedWorker(path.join(extracted, 'dist', 'electron', 'untrusted-worker.cjs'), { id: 1, task: 'readPlan', input: { bytes: pdf, fileName: 'ke-hoach.pdf' } });
    expect(answer).toEqual({ type: 'done', id: 1, ok: true, value: fromSources });
    expect(fromSources.parsed.tasks.length).toBeGreaterThan(3);

    // a scanned page, read by tesseract.js and the Vietnamese model from the packed copies
    const scan = new Uint8Array(fs.readFileSync('test/fixtures/scans/vp-ubnd-tinh-2025-trang-1.jpg'));
    const ocr = await runPackedWorker(path.join(extracted, 'dist', 'electron', 'untrusted-worker.cjs'), { id: 2, task: 'readPlan', input: { bytes: scan, fileName: 'trang-1.jpg' } });
    const value = (ocr.answer as { ok: boolean; value?: { text?: string; sourceLines?: string[] } }).value;
    expect((ocr.answer as { ok: boolean }).ok).toBe(true);
    expect(JSON.stringify(value)).toMatch(/KẾ HOẠCH/);

    // the same page as a scanned PDF: drawn by pdfjs-dist on the packed canvas, then read
    const scannedPdf = new Uint8Array(imagePdf([Buffer.from(scan)]));
    const drawn = await runPackedWorker(path.join(extracted, 'dist', 'electron', 'untrusted-worker.cjs'), { id: 3, task: 'readPlan', input: { bytes: scannedPdf, fileName: 'ban-quet.pdf' } });
    expect((drawn.answer as { ok: boolean }).ok).toBe(true);
    expect(JSON.stringify((drawn.answer as { value?: unknown }).value)).toMatch(/KẾ HOẠCH/);
  }, 240_000);

  it('the preload is a few kilobytes and carries no zod, only the operation names', () => {
    const preload = asar.extractFile(archive, 'dist/electron/preload.cjs').toString('utf8');
    console.log(`preload.cjs: ${preload.length} byte`);
    expect(preload.length).toBeLessThan(50_000);
    expect(preload).not.toMatch(/zod/i);
    expect(preload).toContain('"app.status"');
  });
});

/** Runs one task in the packed untrusted-file worker, as runUntrusted() does, and returns its answer and console output. */
function runPackedWorker(file: string, message: { id: number; task: string; input: unknown }): Promise<{ answer: unknown; output: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { stdout: true, stderr: true, env: { ...process.env, NODE_PATH: '' } });
    let output = '';
    worker.stdout.on('data', (chunk) => (output += chunk));
    worker.stderr.on('data', (chunk) => (output += chunk));
    worker.on('error', reject);
    worker.on('message', (answer: { type: string }) => {
      if (answer.type === 'ready') return worker.postMessage(message);
      if (answer.type === 'progress') return; // pages read so far
      // let the console output arrive before ending the thread
      setTimeout(() => void worker.terminate().then(() => resolve({ answer, output })), 50);
    });
  });
}
