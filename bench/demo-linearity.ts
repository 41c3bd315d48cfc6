/**
 * The demo seeding must be linear in its size: each simulated year costs about what the first one did,
 * however much data the years before it left. (It was not: a daily backup at every simulated day copied
 * the growing file, so year 10 cost four times year 1 and the 150 × 10 province took 25 minutes.)
 *
 * Seeds the province's first years, all complete (the demo stops on 31 December of last year), into a
 * fresh folder and compares the last years' time with the first years' in the same run, after a short
 * warm-up seed (module loading, JIT). At the province's own size (150 communes) on purpose: in a small
 * province a backup per day costs mostly its fixed part (syncing the file), which the ratio cannot see,
 * though the budget per commune and year does. Part of `npm run bench`;
 * alone: `npx tsx bench/demo-linearity.ts [--communes 150] [--years 4]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { seedDemoProvince } from '../core/demo/demo-province';
import { formatLine, header, meetsGoal, type Measurement } from './lib';

/** The README's promise, 150 communes × 10 years in under 3 minutes here, as a budget per commune and year. */
export const MS_PER_COMMUNE_YEAR = 180_000 / (150 * 10);
/** How much more the last years may cost than the first ones. */
export const MAX_GROWTH = 1.5;

export interface LinearityResult {
  measurement: Measurement;
  perYear: { year: number; ms: number; calls: number }[];
}

export async function demoLinearity(options: { communes: number; years: number; workDir: string; log?: (line: string) => void }): Promise<LinearityResult> {
  const { communes, years, workDir } = options;
  if (years < 4) throw new Error('Cần ít nhất 4 năm để so năm đầu với năm cuối.');
  const today = `${new Date().getFullYear() - 1}-12-31`; // every year complete
  fs.mkdirSync(workDir, { recursive: true });
  const warmUp = fs.mkdtempSync(path.join(workDir, 'khoi-dong-'));
  await seedDemoProvince({ dataDir: warmUp, communes: Math.min(communes, 5), years: 1, seed: 2, today });
  const dataDir = fs.mkdtempSync(path.join(workDir, 'tuyen-tinh-'));
  try {
    const summary = await seedDemoProvince({ dataDir, communes, years, seed: 1, today });
    const perYear = summary.perYear;
    const span = Math.max(2, Math.floor(perYear.length / 3)); // the first and last thirds, at least two years each
    const mean = (ys: typeof perYear) => ys.reduce((sum, y) => sum + y.ms, 0) / ys.length;
    const first = mean(perYear.slice(0, span));
    const last = mean(perYear.slice(-span));
    const backups = fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')).length : 0;
    const measurement: Measurement = {
      name: `tạo dữ liệu mẫu ${communes} xã: mỗi năm, ${span} năm cuối / ${span} năm đầu`,
      value: last,
      baseline: first,
      unit: 'ms',
      goal: { max: Math.round(MS_PER_COMMUNE_YEAR * communes), maxRatio: MAX_GROWTH },
      note: `${years} năm trong ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.apiCalls} lần gọi API), ${backups} bản sao lưu; từng năm (s): ${perYear.map((y) => (y.ms / 1000).toFixed(2)).join(', ')}; gọi API mỗi năm: ${perYear.map((y) => y.calls).join(', ')}`,
    };
    return { measurement, perYear };
  } finally {
    fs.rmSync(warmUp, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { communes: { type: 'string', default: '150' }, years: { type: 'string', default: '4' } } });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-tuyen-tinh-'));
  try {
    const { measurement } = await demoLinearity({ communes: Number(values.communes), years: Number(values.years), workDir });
    console.log(header());
    console.log(formatLine(measurement));
    console.log(`${measurement.name}: ${measurement.note}`);
    console.log(`Tải máy (1, 5, 15 phút): ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    process.exitCode = meetsGoal(measurement) ? 0 : 1;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
