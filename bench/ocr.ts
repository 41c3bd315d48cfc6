/**
 * `npx tsx bench/ocr.ts [--pages 10] [--runs 1]`: OCR of an image-only A4 scan at 200 dpi (the seed plans as
 * the app writes them, printed by Chromium, rasterised by pdftoppm, wrapped as a scanner does) through the
 * app's own path (`runUntrusted('readPlan')`: the untrusted worker, pdfjs-dist drawing each page, tesseract.js,
 * the layout and the parser) against plain tesseract.js recognising the same page images with the same model
 * and as many workers as the app starts (ocrEngineCount). Each side runs in a process of its own, in turn, and reports its wall time and peak
 * resident memory (maxRSS). Goals (issue 19): the app under 45 s for 10 pages, under 1.3 × plain tesseract.js,
 * under 600 MB. Not part of `npm test`; figures in docs/performance.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '10' }, runs: { type: 'string', default: '1' }, child: { type: 'string' }, dir: { type: 'string' } } });

async function child(kind: string, dir: string): Promise<void> {
  const images = fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  const started = performance.now();
  let detail = '';
  if (kind === 'app') {
    const { runUntrusted } = await import('../core/untrusted/run-untrusted');
    const { OCR_LIMITS } = await import('../core/import/read-jobs');
    const read = await runUntrusted('readPlan', { bytes: fs.readFileSync(path.join(dir, 'scan.pdf')), fileName: 'scan.pdf' }, OCR_LIMITS);
    detail = `${read.parsed.tasks.length} tasks, confidence ${read.ocr?.confidence}`;
  } else {
    // Plain tesseract.js with as many workers as the app starts (tesseract.js's own scheduler hands out the pages).
    const { createWorker, createScheduler, OEM } = (await import('tesseract.js')).default;
    const { vietnameseModelFolder } = await import('../core/import/readers/ocr/ocr-engine');
    const { ocrEngineCount } = await import('../core/import/readers/ocr/ocr-pool');
    const scheduler = createScheduler();
    for (let i = 0; i < ocrEngineCount(); i++) scheduler.addWorker(await createWorker('vie', OEM.LSTM_ONLY, { langPath: vietnameseModelFolder(), gzip: true, cacheMethod: 'none' }));
    const texts = await Promise.all(images.map((image) => scheduler.addJob('recognize', image)));
    await scheduler.terminate();
    detail = `${texts.reduce((n, r) => n + r.data.text.length, 0)} characters, ${ocrEngineCount()} workers`;
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ kind, ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), detail }));
  process.exit(0); // the shared untrusted runner's idle worker would keep the process a minute
}

async function makeScan(pages: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-ocr-bench-'));
  const { IMPORT_SEEDS } = await import('../test/helpers/import-seeds');
  const { seedDocx, seedPdf } = await import('../test/helpers/plan-documents');
  const { imagePdf } = await import('../test/helpers/scan-pdf');
  let n = 0;
  for (const seed of IMPORT_SEEDS) {
    if (n >= pages) break;
    const pdf = path.join(dir, `${seed.name}.pdf`);
    fs.writeFileSync(pdf, await seedPdf(await seedDocx(seed)));
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-jpeg', '-jpegopt', 'quality=75', '-l', String(pages - n), pdf, path.join(dir, `p${String(n).padStart(2, '0')}`)]);
    n = fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).length;
  }
  const images = fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().slice(0, pages);
  for (const extra of fs.readdirSync(dir).filter((f) => f.endsWith('.jpg') && !images.includes(f))) fs.rmSync(path.join(dir, extra));
  fs.writeFileSync(path.join(dir, 'scan.pdf'), imagePdf(images.map((f) => fs.readFileSync(path.join(dir, f)))));
  return dir;
}

async function main(): Promise<void> {
  if (values.child) return child(values.child, values.dir!);
  const pages = Number(values.pages);
  const dir = await makeScan(pages);
  console.log(`OCR của bản quét ${pages} trang A4, 200 dpi (${(fs.statSync(path.join(dir, 'scan.pdf')).size / 1e6).toFixed(1)} MB), ${os.availableParallelism()} lõi, tải ${os.loadavg()[0]!.toFixed(1)}`);
  const results: Record<string, { ms: number; maxRssMb: number; detail: string }[]> = { app: [], raw: [] };
  for (let run = 0; run < Number(values.runs); run++) {
    for (const kind of run % 2 ? ['raw', 'app'] : ['app', 'raw']) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ocr.ts'), '--child', kind, '--dir', dir], { encoding: 'utf8' });
      const line = out.stdout.trim().split('\n').pop()!;
      const r = JSON.parse(line) as { ms: number; maxRssMb: number; detail: string };
      results[kind]!.push(r);
      console.log(`  ${kind === 'app' ? 'ứng dụng (readPlan)' : 'tesseract.js thuần'}: ${(r.ms / 1000).toFixed(1)} s, ${r.maxRssMb} MB (${r.detail}), tải ${os.loadavg()[0]!.toFixed(1)}`);
    }
  }
  const best = (kind: string) => Math.min(...results[kind]!.map((r) => r.ms));
  const ratio = best('app') / best('raw');
  const rss = Math.max(...results.app!.map((r) => r.maxRssMb));
  console.log(`ocr-${pages}-trang\t${(best('app') / 1000).toFixed(1)} s\tthuần ${(best('raw') / 1000).toFixed(1)} s\ttỉ lệ ${ratio.toFixed(2)} (mục tiêu < 1.3)\t${rss} MB (mục tiêu < 600)\t${best('app') < 45_000 ? 'đạt' : 'CHƯA ĐẠT'} 45 s`);
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
