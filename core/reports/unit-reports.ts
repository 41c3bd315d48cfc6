import { getUnit } from '../../db/units/unit-repo';
import type { Executor } from '../../db/executor';
import { dutyLabelsOf, listDutiesOwedBy, listReportsOfUnit, type UnitReportRow } from '../../db/reports/unit-report-repo';
import { DUTY_KIND_LABELS, type DutyKind } from '../../shared/plans/plan-schemas';
import type { UnitKind } from '../../shared/units/unit-schemas';
import type { UnitReportItem, UnitReports } from '../../shared/reports/unit-reports';
import type { IsoDate } from '../../shared/dates/vn-date';
import { AppError } from '../app-error';
import { documentNumber } from '../plans/plan-service';
import { cellState } from './matrix';

/** Rows as the screens list them: newest due date first, each with its plan, duty label and matrix state. */
export async function unitReportItems(db: Executor, rows: UnitReportRow[], unitName: (id: string) => string, today: IsoDate): Promise<UnitReportItem[]> {
  const labels = await dutyLabelsOf(db, [...new Set(rows.map((r) => r.plan_id))]);
  return [...rows]
    .sort((a, b) => (a.due_date === b.due_date ? a.unit_id.localeCompare(b.unit_id) : a.due_date < b.due_date ? 1 : -1))
    .map((r) => ({
      reportId: r.report_id,
      unitId: r.unit_id,
      unitName: unitName(r.unit_id),
      planId: r.plan_id,
      dutyId: r.duty_id,
      year: r.year,
      documentNumber: documentNumber(r),
      planTitle: r.title,
      dutyLabel: labels.get(r.duty_id) || DUTY_KIND_LABELS[r.kind as DutyKind] || r.kind,
      dueDate: r.due_date,
      state: r.status,
      receivedDate: r.received_date,
      cell: cellState(r.status ? { status: r.status, received_date: r.received_date } : undefined, r.due_date, today),
    }));
}

/** Every report a unit has made, and every report the office's issued plans ask of it that has not come in. */
export async function unitReports(db: Executor, unitId: string, today: IsoDate): Promise<UnitReports> {
  const unit = await getUnit(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const made = await listReportsOfUnit(db, unitId);
  const madeDuties = new Set(made.map((r) => r.duty_id));
  const owed = (await listDutiesOwedBy(db, unitId)).filter((d) => !madeDuties.has(d.duty_id)).map((d): UnitReportRow => ({ ...d, report_id: null, unit_id: unitId, status: null, received_date: null }));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitKind, active: unit.active === 1 },
    reports: await unitReportItems(db, [...made, ...owed], () => unit.name, today),
  };
}
