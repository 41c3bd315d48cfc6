import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getPlanRow } from '../../db/plans/plan-repo';
import { listReportStatesOfPlan } from '../../db/reports/report-repo';
import { PlanContent } from '../../shared/plans/plan-schemas';
import { daysBetween, type IsoDate } from '../../shared/dates/vn-date';
import type { Matrix, MatrixCell, MatrixState } from '../../shared/reports/report-schemas';
import { AppError } from '../app-error';
import { dutyLabel, orgLookup, unitsOf } from './obligations';

/** One cell's state from the report (if any), the due date and today. */
export function cellState(report: { status: string; received_date: string | null } | undefined, dueDate: IsoDate, today: IsoDate): { state: MatrixState; daysLate: number } {
  const lateBy = (date: IsoDate) => Math.max(0, daysBetween(dueDate, date));
  if (report?.status === 'accepted') return { state: 'accepted', daysLate: report.received_date ? lateBy(report.received_date) : 0 };
  if (report?.status === 'submitted') {
    const late = report.received_date ? lateBy(report.received_date) : 0;
    return { state: late > 0 ? 'late' : 'on_time', daysLate: late };
  }
  if (report?.status === 'returned') return { state: 'returned', daysLate: lateBy(today) };
  if (today > dueDate) return { state: 'missing', daysLate: lateBy(today) };
  return { state: report ? 'draft' : 'not_due', daysLate: 0 };
}

/** Units down, reporting duties across: who has reported, on time or late, and who has not. */
export async function reportMatrix(db: Kysely<Database>, planId: string, today: IsoDate): Promise<Matrix> {
  const row = await getPlanRow(db, planId);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
  const plan = PlanContent.parse(JSON.parse(row.content_json));
  const org = await orgLookup(db);
  const reports = new Map((await listReportStatesOfPlan(db, planId)).map((r) => [`${r.duty_id}|${r.unit_id}`, r]));
  const owing = new Map(plan.duties.map((d) => [d.id, unitsOf(d.units, org)]));
  const owingAny = new Set([...owing.values()].flat());
  const unitIds = org.order.filter((id) => owingAny.has(id));
  const cells: MatrixCell[] = [];
  for (const duty of plan.duties) {
    for (const unitId of owing.get(duty.id) ?? []) {
      const report = reports.get(`${duty.id}|${unitId}`);
      cells.push({ dutyId: duty.id, unitId, reportId: report?.id ?? null, ...cellState(report, duty.dueDate!, today) });
    }
  }
  return {
    duties: plan.duties.map((d) => ({ id: d.id, label: dutyLabel(d), dueDate: d.dueDate! })),
    units: unitIds.map((id) => ({ id, name: org.unitName.get(id) ?? '' })),
    cells,
  };
}
