/** Timing and reporting helpers for `npm run bench`. */

export interface Measurement {
  name: string;
  /** What is measured, in the unit below (ms or MB). */
  value: number;
  /** The same work done the plainest way, measured in the same run (null where there is none). */
  baseline: number | null;
  unit: 'ms' | 'MB';
  goal: { max: number; maxRatio: number | null };
  note?: string;
}

export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns every measured duration in ms. */
export async function timeRuns(fn: () => Promise<unknown> | unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * The measured path and its baseline run alternately (a, b, b, a, …) after a warm-up of each, so that a
 * busy machine (other work on the same cores) weighs on both alike. Returns both sets of samples in ms.
 */
export async function timePairs(a: () => Promise<unknown> | unknown, b: () => Promise<unknown> | unknown, runs: number): Promise<[number[], number[]]> {
  await a();
  await b();
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of i % 2 ? ([[b, sb], [a, sa]] as const) : ([[a, sa], [b, sb]] as const)) {
      const t0 = performance.now();
      await fn();
      into.push(performance.now() - t0);
    }
  }
  return [sa, sb];
}

export async function timeOnce(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export function ratioOf(m: Measurement): number | null {
  return m.baseline && m.baseline > 0 ? m.value / m.baseline : null;
}

export function meetsGoal(m: Measurement): boolean {
  const ratio = ratioOf(m);
  return m.value <= m.goal.max && (m.goal.maxRatio === null || ratio === null || ratio <= m.goal.maxRatio);
}

const fmt = (n: number | null, unit: string) => (n === null ? '—' : `${n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)} ${unit}`);

/** One line per measurement: name, measured, baseline, ratio, goal, verdict. */
export function formatLine(m: Measurement): string {
  const ratio = ratioOf(m);
  const goal = `≤ ${m.goal.max} ${m.unit}${m.goal.maxRatio !== null ? `, ≤ ${m.goal.maxRatio}×` : ''}`;
  return [
    m.name.padEnd(52),
    fmt(m.value, m.unit).padStart(11),
    fmt(m.baseline, m.unit).padStart(11),
    (ratio === null ? '—' : `${ratio.toFixed(1)}×`).padStart(8),
    goal.padEnd(20),
    meetsGoal(m) ? 'đạt' : 'CHƯA ĐẠT',
  ].join('  ');
}

export function header(): string {
  return ['phép đo'.padEnd(52), 'đo được'.padStart(11), 'gốc'.padStart(11), 'tỉ lệ'.padStart(8), 'mục tiêu'.padEnd(20), ''].join('  ');
}
