/**
 * Run as its own process by `npm run bench` (bundled like the Electron main process): opens the province
 * data and does the main operations a clerk does in a day, then prints its peak resident memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createServices } from '../core/services';
import { signInDemoAdmin } from '../core/demo/demo-province';

interface Job {
  dataDir: string;
  bundlesDir: string;
  today: string;
  target: { planId: string; dutyId: string };
  past: { planId: string; dutyId: string };
  queries: string[];
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as Job;
  const started = performance.now();
  const services = await createServices({ dataDir: job.dataDir, log: () => undefined });
  const phases: Record<string, number> = {};
  const mark = (phase: string) => (phases[phase] = Math.round(process.resourceUsage().maxRSS / 1024));
  const must = async (name: string, input: Record<string, unknown>) => {
    const r = await services.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as never;
  };
  await signInDemoAdmin(services);
  mark('mở dữ liệu');
  await must('app.status', {});
  const plans: { id: string; year: number; kind: string; status: string }[] = await must('plans.list', {});
  for (const year of new Set(plans.map((p) => p.year))) await must('overview.deadlines', { year, today: job.today });
  for (const p of plans.filter((x) => x.status === 'issued')) {
    const matrix: { duties: { id: string }[]; cells: { reportId: string | null }[] } = await must('reports.matrix', { planId: p.id, today: job.today });
    for (const d of matrix.duties) await must('reports.consolidation', { planId: p.id, dutyId: d.id });
    if (p.id === job.past.planId) for (const c of matrix.cells) if (c.reportId) await must('reports.get', { id: c.reportId });
  }
  mark('ma trận, tổng hợp, báo cáo');
  await must('reports.exportConsolidated', { ...job.past, format: 'docx' });
  mark('.docx');
  await must('reports.exportConsolidated', { ...job.past, format: 'xlsx' });
  mark('.xlsx');
  await must('reports.exportReminder', { ...job.past, today: job.today }).catch(() => undefined);
  for (const query of job.queries) await must('search.all', { query });
  mark('tìm kiếm');
  for (const file of fs.readdirSync(job.bundlesDir).filter((f) => f.endsWith('.dvb')).sort()) {
    await must('bundles.import', { base64: fs.readFileSync(path.join(job.bundlesDir, file)).toString('base64'), acceptKey: true });
  }
  mark('nhập gói');
  await must('reports.matrix', { planId: job.target.planId, today: job.today });
  await must('reports.consolidation', job.target);
  mark('sau nhập');
  await services.close();
  process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, elapsedMs: performance.now() - started, phases }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
