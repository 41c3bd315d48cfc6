import type { Executor } from '../../db/executor';
import { getPlanRow } from '../../db/plans/plan-repo';
import { listEarlierReportsOfUnits, type EarlierReportRow } from '../../db/reports/report-repo';
import type { PlanContent, ReportingDuty } from '../../shared/plans/plan-schemas';
import type { FigureOutlier } from '../../shared/reports/report-schemas';
import { outlierWords, ruleOf, type IndicatorRule } from '../../shared/reports/figure-rules';
import { foldVietnamese } from '../../shared/text/fold';
import { periodPhrase } from './consolidation-service';
import { dutyLabel } from './obligations';
import { lowerFirst } from '../../shared/text/letter-case';

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
  return `${lowerFirst(label)} năm ${year}`;
}

/**
 * Per report, its figures far from the same unit's previous period (figure-rules.ts says how far): each
 * indicator's total compared with the newest earlier report of the unit that has it, a report of the same
 * kind (quarter with quarter) before any other. Earlier: due before this one, on a plan of this year or the
 * year before, sent or accepted. One query for all the units (kind and due date from the plan's duty mirror);
 * a report's content is read only when compared, a plan only to name the period of a flagged figure.
 */
export async function figureOutliers(db: Executor, targets: HistoryTarget[], rules: readonly IndicatorRule[]): Promise<Map<string, FigureOutlier[]>> {
  const result = new Map<string, FigureOutlier[]>();
  const dated = targets.filter((t) => t.duty.dueDate);
  if (!dated.length) return result;
  const years = dated.map((t) => t.planYear);
  const latestDue = dated.map((t) => t.duty.dueDate!).sort().at(-1)!;
  const rows = await listEarlierReportsOfUnits(db, [...new Set(dated.map((t) => t.unitId))], latestDue, Math.min(...years) - 1, Math.max(...years));
  const byUnit = new Map<string, { row: EarlierReportRow; totals: () => Map<string, Total> }[]>();
  for (const row of rows) {
    let totals: Map<string, Total> | undefined;
    const list = byUnit.get(row.unit_id) ?? [];
    list.push({ row, totals: () => (totals ??= totalsOf(JSON.parse(row.content_json) as HistoryTarget['content'])) });
    byUnit.set(row.unit_id, list);
  }
  const plans = new Map<string, PlanContent | null>();
  const periodOfRow = async (row: EarlierReportRow) => {
    // stored plans were validated when saved; only the duty's quarter and label are read here
    if (!plans.has(row.plan_id)) {
      const plan = await getPlanRow(db, row.plan_id);
      plans.set(row.plan_id, plan ? (JSON.parse(plan.content_json) as PlanContent) : null);
    }
    const duty = plans.get(row.plan_id)?.duties.find((d) => d.id === row.duty_id);
    return periodOf(duty ?? { kind: row.kind as ReportingDuty['kind'], label: '', quarter: null }, row.year);
  };
  for (const t of dated) {
    const earlier = (byUnit.get(t.unitId) ?? [])
      .filter((c) => c.row.id !== t.reportId && c.row.due_date < t.duty.dueDate!)
      .sort((a, b) => Number(b.row.kind === t.duty.kind) - Number(a.row.kind === t.duty.kind) || b.row.due_date.localeCompare(a.row.due_date));
    const outliers: FigureOutlier[] = [];
    for (const [key, now] of totalsOf(t.content)) {
      const before = earlier.find((c) => c.totals().has(key));
      if (!before) continue;
      const previous = before.totals().get(key)!.value;
      const kind = ruleOf(rules, now.name)?.kind ?? 'quantity';
      if (!outlierWords(now.value, previous, kind, '', now.unit)) continue;
      const period = await periodOfRow(before.row);
      outliers.push({ name: now.name, unit: now.unit, value: now.value, previous, period, words: outlierWords(now.value, previous, kind, period, now.unit)! });
    }
    result.set(t.reportId, outliers);
  }
  return result;
}
