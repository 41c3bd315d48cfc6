import type { TaskStatus } from '../../shared/reports/report-schemas';
import type { Executor } from '../executor';
import type { ReportEventTable, ReportRevisionTable, ReportTable } from '../schema';
import type { Insertable } from 'kysely';

export async function getReportRow(db: Executor, id: string): Promise<ReportTable | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReportRow(db: Executor, dutyId: string, unitId: string): Promise<ReportTable | undefined> {
  return db.selectFrom('report').selectAll().where('duty_id', '=', dutyId).where('unit_id', '=', unitId).executeTakeFirst();
}

/** Where each report of a plan stands, without its content: what the completeness matrix reads. */
export async function listReportStatesOfPlan(db: Executor, planId: string): Promise<Pick<ReportTable, 'id' | 'duty_id' | 'unit_id' | 'status' | 'received_date'>[]> {
  return db.selectFrom('report').select(['id', 'duty_id', 'unit_id', 'status', 'received_date']).where('plan_id', '=', planId).execute();
}

export async function listReportRowsOfDuty(db: Executor, dutyId: string): Promise<ReportTable[]> {
  return db.selectFrom('report').selectAll().where('duty_id', '=', dutyId).execute();
}

export async function insertReportRow(db: Executor, row: ReportTable): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function updateReportRow(db: Executor, id: string, row: Partial<Omit<ReportTable, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('report').set(row).where('id', '=', id).execute();
}

export async function replaceTaskEntries(db: Executor, reportId: string, entries: { taskId: string; status: TaskStatus | null }[]): Promise<void> {
  await db.deleteFrom('report_task_entry').where('report_id', '=', reportId).execute();
  if (!entries.length) return;
  await db.insertInto('report_task_entry').values(entries.map((e) => ({ report_id: reportId, task_id: e.taskId, status: e.status }))).execute();
}

export async function insertReportRevision(db: Executor, row: ReportRevisionTable): Promise<void> {
  await db.insertInto('report_revision').values(row).execute();
}

/** One revision's text, replacing any held under the same number (a bundle taking over a draft). */
export async function replaceReportRevision(db: Executor, row: ReportRevisionTable): Promise<void> {
  await db.deleteFrom('report_revision').where('report_id', '=', row.report_id).where('revision', '=', row.revision).execute();
  await insertReportRevision(db, row);
}

export async function listReportRevisions(db: Executor, reportId: string): Promise<ReportRevisionTable[]> {
  return db.selectFrom('report_revision').selectAll().where('report_id', '=', reportId).orderBy('revision').execute();
}

export async function insertReportEvent(db: Executor, row: Insertable<ReportEventTable>): Promise<void> {
  await db.insertInto('report_event').values(row).execute();
}

export async function listReportEvents(db: Executor, reportId: string) {
  return db.selectFrom('report_event').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

/** Reports made against a received plan: the office's own reports on it and the units' reports on the plans derived from it. */
export async function countReportsOnReceivedPlan(db: Executor, planId: string): Promise<number> {
  const own = await db.selectFrom('own_report').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  const units = await db
    .selectFrom('report')
    .innerJoin('plan', 'plan.id', 'report.plan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan.parent_plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(own.n) + Number(units.n);
}

/** A unit's earlier report as the outlier flags read it: its duty's kind and due date from the plan's mirror. */
export type EarlierReportRow = Pick<ReportTable, 'id' | 'plan_id' | 'duty_id' | 'unit_id' | 'content_json'> & { year: number; kind: string; due_date: string };

/**
 * The units' sent or accepted reports due before `dueBefore` on plans of the years given: what the outlier
 * flags compare a figure with (core/reports/figure-history.ts). The plans themselves are not read. In chunks
 * of units, as SQLite caps the parameters of one statement.
 */
export async function listEarlierReportsOfUnits(db: Executor, unitIds: string[], dueBefore: string, fromYear: number, toYear: number): Promise<EarlierReportRow[]> {
  const rows: EarlierReportRow[] = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('report')
        .innerJoin('plan', 'plan.id', 'report.plan_id')
        .innerJoin('plan_duty', 'plan_duty.id', 'report.duty_id')
        .select(['report.id', 'report.plan_id', 'report.duty_id', 'report.unit_id', 'report.content_json', 'plan.year', 'plan_duty.kind', 'plan_duty.due_date'])
        .where('report.unit_id', 'in', unitIds.slice(i, i + 500))
        .where('report.status', 'in', ['submitted', 'accepted'])
        .where('plan_duty.due_date', '<', dueBefore)
        .where('plan.year', '>=', fromYear)
        .where('plan.year', '<=', toYear)
        .execute()),
    );
  }
  return rows;
}
