import type { Consolidation } from './consolidation';
import type { Matrix } from './report-schemas';

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
const isDone = (s: string | null) => s === 'done' || s === 'done_late';

/** Share of reporting units that finished each task. */
export function completionByTask(c: Consolidation): { name: string; percent: number }[] {
  return c.tasks.map((t) => ({ name: `NV ${t.ordinal}`, percent: pct(t.results.filter((r) => isDone(r.status)).length, t.results.length) }));
}

/** Share of its tasks each reporting unit finished. */
export function completionByUnit(c: Consolidation): { name: string; percent: number }[] {
  const units = new Map<string, { done: number; all: number }>();
  for (const t of c.tasks) for (const r of t.results) {
    const u = units.get(r.unitName) ?? { done: 0, all: 0 };
    u.all += 1;
    if (isDone(r.status)) u.done += 1;
    units.set(r.unitName, u);
  }
  return [...units].map(([name, u]) => ({ name, percent: pct(u.done, u.all) }));
}

/** For each reporting period already due: the share of units that reported on time. */
export function onTimeRateByPeriod(m: Matrix, today: string): { name: string; percent: number }[] {
  return m.duties
    .filter((d) => d.dueDate <= today)
    .map((d) => {
      const cells = m.cells.filter((c) => c.dutyId === d.id);
      const onTime = cells.filter((c) => (c.state === 'on_time' || c.state === 'accepted') && c.daysLate === 0).length;
      return { name: d.label, percent: pct(onTime, cells.length) };
    });
}

/** Each figure as a share of the same figure in the same period of the previous year (figures with none then left out). */
export function figuresAgainstPreviousYear(c: Consolidation): { name: string; percent: number }[] {
  return c.figures.filter((f) => f.previous).map((f) => ({ name: f.name, percent: pct(f.total, f.previous!) }));
}
