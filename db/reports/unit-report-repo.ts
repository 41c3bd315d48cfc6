import { sql } from 'kysely';
import type { ReportState } from '../../shared/workflow/states';
import type { Executor } from '../executor';

/** A reporting duty of a plan, with what its reports are listed and found by. */
export interface DutyRow {
  duty_id: string;
  plan_id: string;
  kind: string;
  due_date: string;
  year: number;
  number: string;
  symbol: string;
  title: string;
}

/** A unit's report on a duty (`report_id` null: owed, nothing in yet). */
export interface UnitReportRow extends DutyRow {
  report_id: string | null;
  unit_id: string;
  status: ReportState | null;
  received_date: string | null;
}

const DUTY_COLUMNS = ['plan_duty.id as duty_id', 'plan_duty.plan_id', 'plan_duty.kind', 'plan_duty.due_date', 'plan.year', 'plan.number', 'plan.symbol', 'plan.title'] as const;

/** The reporting duties of the office's issued plans, which the units report on (a few dozen after ten years). */
export async function listIssuedDuties(db: Executor): Promise<DutyRow[]> {
  return db.selectFrom('plan_duty').innerJoin('plan', 'plan.id', 'plan_duty.plan_id').select(DUTY_COLUMNS).where('plan.kind', '=', 'own').where('plan.status', '=', 'issued').execute();
}

/** Reports with the plan and duty they answer (the columns both lists show). */
const reportsWithDuty = (db: Executor) =>
  db
    .selectFrom('report')
    .innerJoin('plan_duty', 'plan_duty.id', 'report.duty_id')
    .innerJoin('plan', 'plan.id', 'plan_duty.plan_id')
    .select([...DUTY_COLUMNS, 'report.id as report_id', 'report.unit_id', 'report.status', 'report.received_date']);

/**
 * Reports made by any of `unitIds` on any of `dutyIds` (through the duty–unit key, never reading the
 * reports' content), the `limit` of the newest periods.
 */
export async function listReportsOf(db: Executor, unitIds: string[], dutyIds: string[], limit: number): Promise<UnitReportRow[]> {
  if (!unitIds.length || !dutyIds.length) return [];
  return reportsWithDuty(db)
    .where('report.duty_id', 'in', dutyIds)
    .where('report.unit_id', 'in', unitIds)
    .orderBy('plan_duty.due_date', 'desc')
    .limit(limit)
    .execute();
}

/** Every report of one unit, with its plan and duty. */
export async function listReportsOfUnit(db: Executor, unitId: string): Promise<UnitReportRow[]> {
  return reportsWithDuty(db).where('report.unit_id', '=', unitId)
    .execute();
}

/** The duties of issued plans that name the unit, itself or through a group it belongs to. */
export async function listDutiesOwedBy(db: Executor, unitId: string): Promise<DutyRow[]> {
  return db
    .selectFrom('plan_duty')
    .innerJoin('plan', 'plan.id', 'plan_duty.plan_id')
    .select(DUTY_COLUMNS)
    .where('plan.kind', '=', 'own')
    .where('plan.status', '=', 'issued')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_duty_unit')
          .select('plan_duty_unit.duty_id')
          .whereRef('plan_duty_unit.duty_id', '=', 'plan_duty.id')
          .where((w) => w.or([w('plan_duty_unit.unit_id', '=', unitId), w('plan_duty_unit.group_id', 'in', w.selectFrom('unit_group_member').select('group_id').where('unit_id', '=', unitId))])),
      ),
    )
    .execute();
}

/** How many reports each of `unitIds` has made, counted on the duty–unit key. */
export async function countReportsOf(db: Executor, unitIds: string[]): Promise<Map<string, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db.selectFrom('report').select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')]).where('unit_id', 'in', unitIds).groupBy('unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** The labels a plan's duties carry in its document (most have none and take their kind's), for a few plans. */
export async function dutyLabelsOf(db: Executor, planIds: string[]): Promise<Map<string, string>> {
  if (!planIds.length) return new Map();
  const rows = await sql<{ duty_id: string; label: string | null }>`
    SELECT json_extract(d.value, '$.id') AS duty_id, json_extract(d.value, '$.label') AS label
    FROM plan, json_each(plan.content_json, '$.duties') AS d
    WHERE plan.id IN (${sql.join(planIds)})`.execute(db);
  return new Map(rows.rows.map((r) => [r.duty_id, r.label ?? '']));
}
