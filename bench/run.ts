/**
 * `npm run bench`: the app at province scale (150 communes × 10 years of demo data, made once through
 * the services and cached in the temp folder) against the plainest way of doing the same work.
 * One line per measurement: name, measured, baseline measured in the same run, ratio, goal.
 * Options: --communes N --years N --seed N --runs N (repeats of the quick measurements)
 *          --skip-browser (no Chromium start-up) --json FILE (the results as JSON too)
 *          --linear-years N (years of the demo-seeding linearity run, 4; 0 skips it).
 * Not part of `npm test`. Goals and figures: docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { Document, Packer, Paragraph } from 'docx';
import { createServices, type Services } from '../core/services';
import { signInDemoAdmin } from '../core/demo/demo-province';
import { ensureDemoProvince } from '../core/demo/demo-cache';
import { describeSummary } from '../cli/demo-command';
import { toFtsQuery } from '../core/plans/plan-search-index';
import type { OperationName } from '../shared/api/contract';
import { docxParagraphs, docxParts } from '../test/helpers/docx';
import { benchTarget, reportBundles } from './bundles';
import { formatLine, header, median, meetsGoal, percentile, timeOnce, timePairs, type Measurement } from './lib';
import { openRaw, rawConsolidationRead, rawImport, rawMatrixRead, rawSearch } from './raw';
import { SEARCH_QUERIES } from './queries';
import { appStartup, blankStartup, RENDERER_DIR } from './startup';
import { demoLinearity } from './demo-linearity';

const { values } = parseArgs({
  options: {
    communes: { type: 'string', default: '150' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '7' },
    'skip-browser': { type: 'boolean', default: false },
    'linear-years': { type: 'string', default: '4' },
    json: { type: 'string' },
  },
});
const communes = Number(values.communes);
const years = Number(values.years);
const seed = Number(values.seed);
const runs = Number(values.runs);
// The demo stops on 1 October of this year: last year complete, this year's annual reports not yet due.
const today = `${new Date().getFullYear()}-10-01`;

const log = (line: string) => console.log(line);
const root = path.join(os.tmpdir(), 'danvan-bench');
const demoDir = path.join(root, `tinh-${communes}xa-${years}nam-seed${seed}-${today}`);

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
log(`Máy: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length} lõi, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}; tải (1, 5, 15 phút): ${load()}`);
log(`Dữ liệu: ${communes} xã, phường × ${years} năm (seed ${seed}), tính đến ${today}, ở ${demoDir}`);
const demo = await ensureDemoProvince({ dataDir: demoDir, communes, years, seed, today, onProgress: (p) => log(`  [${(p.elapsedMs / 1000).toFixed(1).padStart(6)} s] ${p.message}`) });
log(demo.reused ? `Dùng lại dữ liệu đã tạo (tạo mất ${(demo.summary.elapsedMs / 1000).toFixed(1)} s).` : describeSummary(demo.summary));

// Every run works on fresh copies: the import changes the data, the cache stays as made.
const work = fs.mkdtempSync(path.join(root, 'lan-chay-'));
const copyOf = (name: string) => {
  const dir = path.join(work, name);
  fs.cpSync(demoDir, dir, { recursive: true });
  return dir;
};
const results: Measurement[] = [];
const report = (m: Measurement) => {
  results.push(m);
  log(formatLine(m));
};

try {
  const appDir = copyOf('app');
  const raw = openRaw(path.join(copyOf('raw'), 'danvan.sqlite'));
  const services: Services = await createServices({ dataDir: appDir, log: () => undefined });
  await signInDemoAdmin(services);
  const call = async (name: OperationName, input: Record<string, unknown>) => {
    const r = await services.call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as never;
  };
  const target = await benchTarget(services);
  const bundlesDir = `${demoDir}-goi-bao-cao`;
  log('Chuẩn bị gói báo cáo của các xã…');
  const bundles = await reportBundles(services, bundlesDir, target, communes);
  const plans: { id: string; year: number; status: string }[] = await call('plans.list', { year: target.year - 1, status: 'issued' });
  const pastPlan = plans[0]!;
  const pastDuty: string = ((await call('plans.get', { id: pastPlan.id, revision: null })) as { content: { duties: { id: string; kind: string }[] } }).content.duties.find((d) => d.kind === 'annual')!.id;
  const past = { planId: pastPlan.id, dutyId: pastDuty };
  log('');
  log(header());

  // (1) 150 report bundles imported, each with its sender's key confirmed on first use.
  const base64 = bundles.map((b) => b.toString('base64'));
  const rawImportMs = await timeOnce(() => rawImport(raw, bundles));
  const importMs = await timeOnce(async () => {
    for (const b of base64) await call('bundles.import', { base64: b, acceptKey: true });
  });
  report({ name: `nhập ${bundles.length} gói báo cáo (bundles.import)`, value: importMs, baseline: rawImportMs, unit: 'ms', goal: { max: 15_000, maxRatio: 40 }, note: 'gốc: giải nén + JSON.parse + INSERT thô' });

  // (2) Consolidating last year's annual reports (150 accepted).
  const [consolidation, consolidationRaw] = await timePairs(() => call('reports.consolidation', past), () => rawConsolidationRead(raw, past.planId, past.dutyId), runs);
  report({ name: 'tổng hợp một kỳ, 150 báo cáo (reports.consolidation)', value: median(consolidation), baseline: median(consolidationRaw), unit: 'ms', goal: { max: 250, maxRatio: 15 } });

  // (3) Folded search over every year, typed without diacritics: what the search box runs (search.all:
  // units, their reports, plans and tasks), and the plans and tasks alone (plans.search).
  const fts = rawSearch(raw);
  for (const operation of ['search.all', 'plans.search'] as const) {
    const searchSamples: number[] = [];
    const ftsSamples: number[] = [];
    for (const q of SEARCH_QUERIES) await call(operation, { query: q }); // warm-up
    for (let round = 0; round < Math.max(3, Math.ceil(runs / 2)); round++) {
      for (const q of SEARCH_QUERIES) {
        const match = toFtsQuery(q)!;
        const [app, plain] = await timePairs(() => call(operation, { query: q }), () => fts(match), 1);
        searchSamples.push(...app);
        ftsSamples.push(...plain);
      }
    }
    report({ name: `tìm kiếm không dấu, p95 của ${searchSamples.length} (${operation})`, value: percentile(searchSamples, 95), baseline: percentile(ftsSamples, 95), unit: 'ms', goal: { max: 50, maxRatio: 20 } });
  }

  // (4) The completeness matrix of last year's plan (150 communes × 2 duties).
  const [matrix, matrixRaw] = await timePairs(() => call('reports.matrix', { planId: past.planId, today }), () => rawMatrixRead(raw, past.planId), runs);
  report({ name: 'ma trận báo cáo, 150 xã × 2 kỳ (reports.matrix)', value: median(matrix), baseline: median(matrixRaw), unit: 'ms', goal: { max: 120, maxRatio: 20 } });

  // (5) The consolidated BÁO CÁO as .docx, against a plain .docx of the same paragraphs.
  const exportDocx = () => call('reports.exportConsolidated', { ...past, format: 'docx' }) as Promise<{ base64: string }>;
  const paragraphs = docxParagraphs(docxParts(Buffer.from((await exportDocx()).base64, 'base64')).document);
  const [docxMs, plainMs] = await timePairs(exportDocx, () => Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] })), Math.max(3, Math.ceil(runs / 2)));
  report({ name: `báo cáo tổng hợp .docx, ${paragraphs.length} đoạn (exportConsolidated)`, value: median(docxMs), baseline: median(plainMs), unit: 'ms', goal: { max: 750, maxRatio: 4 } });
  await services.close();
  raw.close();

  // (6) Start-up to the first screen in Chromium.
  if (!values['skip-browser']) {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Chưa build giao diện: chạy npm run build:renderer (npm run bench tự chạy).');
    const startDir = copyOf('khoi-dong');
    const app: number[] = [];
    const loaded: number[] = [];
    const blank: number[] = [];
    let version = '';
    await blankStartup(); // warm the disk cache for Chromium itself
    for (let i = 0; i < 3; i++) {
      blank.push(await blankStartup());
      const s = await appStartup(startDir);
      app.push(s.firstScreenMs);
      loaded.push(s.loadedMs);
      version = s.browserVersion;
    }
    report({ name: 'khởi động đến màn hình Tổng quan (Chromium)', value: median(app), baseline: median(blank), unit: 'ms', goal: { max: 2_500, maxRatio: 3 }, note: `đủ dữ liệu sau ${median(loaded).toFixed(0)} ms; Chromium ${version}` });
  }

  // (7) Peak memory of a services process doing a day's work at province scale.
  // import.meta.url is the bundle's own address: the services find the untrusted-file worker (bundles are read there) beside it
  const bundled = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } } as const;
  await build({ ...bundled, entryPoints: ['bench/rss-child.ts', 'bench/rss-baseline.ts'], outdir: 'dist/bench', outExtension: { '.js': '.cjs' }, external: ['better-sqlite3', 'pdfjs-dist', '@napi-rs/canvas'] });
  await build({ ...bundled, entryPoints: ['core/untrusted/untrusted-worker.ts'], outfile: 'dist/bench/untrusted-worker.cjs', external: ['pdfjs-dist', '@napi-rs/canvas'] });
  const rssDir = copyOf('bo-nho');
  const job = { dataDir: rssDir, bundlesDir, today, target: { planId: target.planId, dutyId: target.dutyId }, past, queries: SEARCH_QUERIES };
  const child = spawnSync(process.execPath, ['dist/bench/rss-child.cjs', JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`Tiến trình đo bộ nhớ lỗi: ${child.stderr}`);
  const floor = spawnSync(process.execPath, ['dist/bench/rss-baseline.cjs', rssDir], { encoding: 'utf8' });
  const rss = JSON.parse(child.stdout) as { maxRssMb: number; elapsedMs: number; phases: Record<string, number> };
  const phases = Object.entries(rss.phases).map(([phase, mb]) => `${phase} ${mb}`).join(', ');
  report({ name: 'bộ nhớ đỉnh (RSS) của tiến trình dịch vụ', value: rss.maxRssMb, baseline: JSON.parse(floor.stdout).maxRssMb, unit: 'MB', goal: { max: 300, maxRatio: null }, note: `các thao tác chính trong ${(rss.elapsedMs / 1000).toFixed(1)} s; đỉnh sau từng bước (MB): ${phases}` });

  // (8) The demo seeding is linear in its size: the province's later years cost what its first ones did.
  const linearYears = Number(values['linear-years']);
  if (linearYears > 0) report((await demoLinearity({ communes, years: linearYears, workDir: path.join(work, 'tuyen-tinh') })).measurement);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

log('');
for (const m of results) if (m.note) log(`${m.name}: ${m.note}`);
log(`Tải máy lúc xong (1, 5, 15 phút): ${load()}`);
const failed = results.filter((m) => !meetsGoal(m));
log(failed.length ? `${failed.length} phép đo chưa đạt mục tiêu.` : 'Mọi phép đo đạt mục tiêu.');
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ today, communes, years, seed, machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memGb: os.totalmem() / 2 ** 30, os: `${os.type()} ${os.release()}`, node: process.version }, results }, null, 2)}\n`);
