import type { Executor } from '../../db/executor';
import { getPlanRows } from '../../db/plans/plan-repo';
import { listSentReportsOfUnits } from '../../db/reports/report-repo';
import type { PlanContent, ReportingDuty } from '../../shared/plans/plan-schemas';
import type { FigureOutlier } from '../../shared/reports/report-schemas';
import { outlierWords, ruleOf, type IndicatorRule } from '../../shared/reports/figure-rules';
import { foldVietnamese } from '../../shared/text/fold';
import { periodPhrase } from './consolidation-service';
import { dutyLabel } from './obligations';

/** A report whose figures are compared with the same unit's earlier ones. */
export interface HistoryTarget {
  reportId: string;
  unitId: string;
  planYear: number;
  duty: ReportingDuty;
  content: { tasks: { figures: { name: string; unit: string; value: number }[] }[] };
}

interface Total {
  name: string;
  unit: string;
  value: number;
}

/** The report's figures summed per indicator over its tasks: a unit's figure for the period. */
function totalsOf(content: HistoryTarget['content']): Map<string, Total> {
  const totals = new Map<string, Total>();
  for (const task of content.tasks)
    for (const f of task.figures) {
      const key = foldVietnamese(f.name);
      const total = totals.get(key);
      if (total) total.value += f.value;
      else totals.set(key, { name: f.name, unit: f.unit, value: f.value });
    }
  return totals;
}

function periodOf(duty: Pick<ReportingDuty, 'kind' | 'label' | 'quarter'>, year: number): string {
  if (duty.kind === 'semiannual' || duty.kind === 'annual' || duty.kind === 'quarterly') return periodPhrase(duty.kind, year, duty.quarter);
  const label = dutyLabel(duty as ReportingDuty);
  return `${label.charAt(0).toLowerCase()}${label.slice(1)} năm ${year}`;
}

/**
 * Per report, its figures far from the same unit's previous period (figure-rules.ts says how far): each
 * indicator's total compared with the newest earlier report of the unit that has it, a report of the same
 * kind (6 months with 6 months) before any other. Earlier: a due date before this one, on a plan of this
 * year or the year before, sent or accepted. Reads the units' reports in one query and each plan once.
 */
export async function figureOutliers(db: Executor, targets: HistoryTarget[], rules: readonly IndicatorRule[]): Promise<Map<string, FigureOutlier[]>> {
  const result = new Map<string, FigureOutlier[]>();
  const dated = targets.filter((t) => t.duty.dueDate);
  if (!dated.length) return result;
  const years = dated.map((t) => t.planYear);
  const rows = await listSentReportsOfUnits(db, [...new Set(dated.map((t) => t.unitId))], Math.min(...years) - 1, Math.max(...years));
  // the stored plans were validated when saved; only their duties are read here
  const duties = new Map((await getPlanRows(db, [...new Set(rows.map((r) => r.plan_id))])).map((p) => [p.id, (JSON.parse(p.content_json) as PlanContent).duties]));
  const byUnit = new Map<string, { id: string; duty: ReportingDuty; year: number; totals: () => Map<string, Total> }[]>();
  for (const r of rows) {
    const duty = duties.get(r.plan_id)?.find((d) => d.id === r.duty_id);
    if (!duty?.dueDate) continue;
    let totals: Map<string, Total> | undefined;
    const list = byUnit.get(r.unit_id) ?? [];
    list.push({ id: r.id, duty, year: r.year, totals: () => (totals ??= totalsOf(JSON.parse(r.content_json) as HistoryTarget['content'])) });
    byUnit.set(r.unit_id, list);
  }
  for (const t of dated) {
    const earlier = (byUnit.get(t.unitId) ?? [])
      .filter((c) => c.id !== t.reportId && c.duty.dueDate! < t.duty.dueDate!)
      .sort((a, b) => Number(b.duty.kind === t.duty.kind) - Number(a.duty.kind === t.duty.kind) || b.duty.dueDate!.localeCompare(a.duty.dueDate!));
    const outliers: FigureOutlier[] = [];
    for (const [key, now] of totalsOf(t.content)) {
      const before = earlier.find((c) => c.totals().has(key));
      if (!before) continue;
      const previous = before.totals().get(key)!.value;
      const period = periodOf(before.duty, before.year);
      const words = outlierWords(now.value, previous, ruleOf(rules, now.name)?.kind ?? 'quantity', period, now.unit);
      if (words) outliers.push({ name: now.name, unit: now.unit, value: now.value, previous, period, words });
    }
    result.set(t.reportId, outliers);
  }
  return result;
}
