import fs from 'node:fs';
import { createServices } from './core/services';
const dataDir = process.argv[2]!;
const out = process.argv[3]!;
const s = await createServices({ dataDir, log: () => undefined, localOperator: 'x' });
const call = async (name: string, input: unknown) => { const r = await s.invoke(name as never, input as never); if (!r.ok) throw new Error(JSON.stringify(r.error)); return r.value as any; };
const plans = await call('plans.list', { year: null, status: null });
console.log(plans.map((p: any) => [p.id, p.kind, p.status, p.year, p.documentNumber, p.title].join(' | ')).join('\n'));
const own = plans.filter((p: any) => p.kind === 'own' && p.status === 'issued' && p.year === Number(process.argv[4] ?? 2026))[0];
const plan = await call('plans.get', { id: own.id, revision: null });
const duty = plan.content.duties.find((d: any) => d.kind === (process.argv[5] ?? 'semiannual'));
const t0 = Date.now();
const c = await call('reports.consolidation', { planId: own.id, dutyId: duty.id });
console.log('consolidation ms', Date.now() - t0, 'units', c.units.length, 'prev', JSON.stringify(c.previousPeriod), c.figures.map((f: any) => [f.name, f.total, f.previous]));
for (const format of ['docx', 'xlsx']) {
  const f = await call('reports.exportConsolidated', { planId: own.id, dutyId: duty.id, format });
  fs.writeFileSync(`${out}/${f.fileName}`, Buffer.from(f.base64, 'base64'));
  console.log(f.fileName);
}
try { const r = await call('reports.exportReminder', { planId: own.id, dutyId: duty.id, today: duty.dueDate > '2026-06-30' ? '2026-12-01' : '2026-06-20' }); fs.writeFileSync(`${out}/${r.fileName}`, Buffer.from(r.base64, 'base64')); console.log(r.fileName); } catch (e) { console.log('reminder', (e as Error).message); }
const p = await call('plans.exportDocx', { id: own.id, revision: null });
fs.writeFileSync(`${out}/${p.fileName}`, Buffer.from(p.base64, 'base64'));
await s.close();
