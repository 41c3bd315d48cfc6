/**
 * A demo province made once and reused: `npm run web -- --demo` and `npm run bench` keep theirs in a
 * folder with a marker (demo.json) naming the parameters and the generator version it was made with.
 * A folder without a matching marker (another size, an older generator, a run cut short) is made anew.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_VERSION, seedDemoProvince, type DemoOptions, type DemoSummary } from './demo-province';

const MARKER = 'demo.json';

interface Marker {
  version: number;
  communes: number;
  years: number;
  seed: number;
  today: string;
  summary: DemoSummary;
}

export interface CachedDemo {
  dataDir: string;
  reused: boolean;
  summary: DemoSummary;
}

export function demoMarker(dataDir: string): Marker | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, MARKER), 'utf8')) as Marker;
  } catch {
    return null;
  }
}

/** The demo in `options.dataDir`: reused when it was made with the same parameters (and `today`, when given). */
export async function ensureDemoProvince(options: DemoOptions): Promise<CachedDemo> {
  const dataDir = path.resolve(options.dataDir);
  const marker = demoMarker(dataDir);
  if (
    marker &&
    marker.version === DEMO_VERSION &&
    marker.communes === options.communes &&
    marker.years === options.years &&
    marker.seed === options.seed &&
    (!options.today || marker.today === options.today)
  ) {
    return { dataDir, reused: true, summary: marker.summary };
  }
  if (!marker && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`Thư mục ${dataDir} đã có dữ liệu không phải dữ liệu mẫu; chọn thư mục khác cho dữ liệu mẫu.`);
  }
  // Made beside the folder and moved into place when complete, so an interrupted run is never reused.
  const partial = `${dataDir}.dang-tao`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const summary = await seedDemoProvince({ ...options, dataDir: partial });
  const done: Marker = { version: DEMO_VERSION, communes: options.communes, years: options.years, seed: options.seed, today: summary.today, summary };
  fs.writeFileSync(path.join(partial, MARKER), `${JSON.stringify(done, null, 2)}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(partial, dataDir);
  return { dataDir, reused: false, summary };
}
