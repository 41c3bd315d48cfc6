import type { Executor } from '../../db/executor';
import { getPlanRow } from '../../db/plans/plan-repo';
import { listReportRowsOfDuty } from '../../db/reports/report-repo';
import type { PlanContent } from '../../shared/plans/plan-schemas';
import type { Consolidation } from '../../shared/reports/consolidation';
import { indicatorRules } from '../../shared/reports/figure-rules';
import { foldVietnamese } from '../../shared/text/fold';
import { figureOutliers, type HistoryTarget } from './figure-history';
import { orgLookup, tasksCarriedBy } from './obligations';

/**
 * The consolidation's figures with where they come from: of how many units ("từ 3/4 đơn vị": those whose
 * figure is summed, of those owing the report, and for a task's figures of those carrying the task), and
 * each unit's share flagged when far from that unit's previous period. Kept apart from consolidate(),
 * which the documents and the bundles also read.
 */
export async function withFigureSources(db: Executor, c: Consolidation): Promise<Consolidation> {
  const planRow = await getPlanRow(db, c.planId);
  if (!planRow) return c;
  // validated by consolidate() just before
  const plan = JSON.parse(planRow.content_json) as PlanContent;
  const duty = plan.duties.find((d) => d.id === c.dutyId);
  if (!duty) return c;
  const org = await orgLookup(db);
  const owing = c.units.map((u) => u.id);
  const carried = new Map(owing.map((id) => [id, new Set(tasksCarriedBy(plan, id, org).map((t) => t.taskId))]));
  const accepted = (await listReportRowsOfDuty(db, c.dutyId)).filter((r) => r.plan_id === c.planId && r.status === 'accepted');
  const targets: HistoryTarget[] = accepted.map((r) => ({ reportId: r.id, unitId: r.unit_id, planYear: planRow.year, duty, content: JSON.parse(r.content_json) as HistoryTarget['content'] }));
  const outliers = await figureOutliers(db, targets, indicatorRules(plan.indicators));
  const reportOf = new Map(accepted.map((r) => [org.unitName.get(r.unit_id) ?? '', r.id]));
  const outlierOf = (unitName: string, name: string) => outliers.get(reportOf.get(unitName) ?? '')?.find((o) => foldVietnamese(o.name) === foldVietnamese(name))?.words ?? null;
  return {
    ...c,
    tasks: c.tasks.map((t) => ({
      ...t,
      figures: t.figures.map((f) => ({ ...f, fromUnits: { reported: f.byUnit.length, expected: owing.filter((id) => carried.get(id)!.has(t.taskId)).length } })),
    })),
    figures: c.figures.map((f) => ({
      ...f,
      byUnit: f.byUnit.map((b) => ({ ...b, outlier: outlierOf(b.unitName, f.name) })),
      fromUnits: { reported: f.byUnit.length, expected: owing.length },
    })),
  };
}
