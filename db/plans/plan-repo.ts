import type { PlanState } from '../../shared/workflow/states';
import { sql } from 'kysely';
import type { Executor } from '../executor';
import type { PlanRevisionTable, PlanTable } from '../schema';

export interface TaskRow {
  id: string;
  position: number;
  ordinal: string;
  body: string;
  timeframe: { kind: string; year: number | null; dueDate: string | null; from: string | null; to: string | null };
  parentTaskId: string | null;
  units: { role: string; unitId: string | null; groupId: string | null; externalName: string | null }[];
}

export interface DutyRow {
  id: string;
  kind: string;
  dueDate: string;
  units: { unitId: string | null; groupId: string | null; externalName: string | null }[];
}

export async function getPlanRow(db: Executor, id: string): Promise<PlanTable | undefined> {
  return db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Several plans in one read (search shows the plans its hits fall in). */
export async function getPlanRows(db: Executor, ids: string[]): Promise<PlanTable[]> {
  if (!ids.length) return [];
  return db.selectFrom('plan').selectAll().where('id', 'in', ids).execute();
}

export async function listPlanRows(db: Executor, filter: { year?: number | null; status?: PlanState | null }): Promise<(PlanTable & { task_count: number })[]> {
  let q = db
    .selectFrom('plan')
    .selectAll('plan')
    .select((eb) => eb.selectFrom('plan_task').whereRef('plan_task.plan_id', '=', 'plan.id').select(eb.fn.countAll<number>().as('n')).as('task_count'))
    .orderBy('year', 'desc')
    .orderBy('updated_at', 'desc');
  if (filter.year) q = q.where('year', '=', filter.year);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.execute()).map((r) => ({ ...r, task_count: Number(r.task_count ?? 0) }));
}

/** The plans of one kind and issuer in a year, not drafts (where the same period of the previous year is looked for). */
export async function listPlansLike(db: Executor, args: { year: number; kind: PlanTable['kind']; issuerName: string }): Promise<PlanTable[]> {
  return db.selectFrom('plan').selectAll().where('year', '=', args.year).where('kind', '=', args.kind).where('issuer_name', '=', args.issuerName).where('status', '!=', 'draft').orderBy('updated_at', 'desc').execute();
}

export async function insertPlanRow(db: Executor, row: PlanTable): Promise<void> {
  await db.insertInto('plan').values(row).execute();
}

export async function updatePlanRow(db: Executor, id: string, row: Partial<Omit<PlanTable, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('plan').set(row).where('id', '=', id).execute();
}

/**
 * A plan received from the body above, inserted or, when a newer revision comes, updated in place
 * (kind, state, creation and parent stay as first received).
 */
export async function upsertReceivedPlan(db: Executor, row: Omit<PlanTable, 'kind' | 'status' | 'parent_plan_id'>): Promise<void> {
  const { id: _id, created_at: _created, ...changed } = row;
  await db
    .insertInto('plan')
    .values({ ...row, kind: 'received', status: 'received', parent_plan_id: null })
    .onConflict((oc) => oc.column('id').doUpdateSet(changed))
    .execute();
}

/** The newest issued plan of this office derived from `parentPlanId` (the one it reports up from). */
export async function findIssuedChildPlan(db: Executor, parentPlanId: string): Promise<PlanTable | undefined> {
  return db.selectFrom('plan').selectAll().where('parent_plan_id', '=', parentPlanId).where('status', '=', 'issued').orderBy('updated_at', 'desc').executeTakeFirst();
}

/**
 * What the sender of a received plan says this office carries (tasks) and owes (reports), replacing what
 * an earlier revision said. Ids that are not this plan's tasks or duties are dropped; each is kept once.
 */
export async function replaceReceivedObligations(db: Executor, planId: string, obligations: { carriedTaskIds: string[]; owedDutyIds: string[] }): Promise<void> {
  await db.deleteFrom('received_obligation').where('plan_id', '=', planId).execute();
  const taskIds = [...new Set(obligations.carriedTaskIds)];
  const dutyIds = [...new Set(obligations.owedDutyIds)];
  if (taskIds.length) {
    await db
      .insertInto('received_obligation')
      .columns(['plan_id', 'task_id'])
      .expression((eb) => eb.selectFrom('plan_task').select([eb.val(planId).as('plan_id'), 'id']).where('plan_id', '=', planId).where('id', 'in', taskIds))
      .execute();
  }
  if (dutyIds.length) {
    await db
      .insertInto('received_obligation')
      .columns(['plan_id', 'duty_id'])
      .expression((eb) => eb.selectFrom('plan_duty').select([eb.val(planId).as('plan_id'), 'id']).where('plan_id', '=', planId).where('id', 'in', dutyIds))
      .execute();
  }
}

/** A received plan's obligations in the plan's order (both empty: the sender did not say). */
export async function listReceivedObligations(db: Executor, planId: string): Promise<{ carriedTaskIds: string[]; owedDutyIds: string[] }> {
  const tasks = await db
    .selectFrom('received_obligation')
    .innerJoin('plan_task', 'plan_task.id', 'received_obligation.task_id')
    .select('plan_task.id')
    .where('received_obligation.plan_id', '=', planId)
    .orderBy('plan_task.position')
    .execute();
  const duties = await db
    .selectFrom('received_obligation')
    .innerJoin('plan_duty', 'plan_duty.id', 'received_obligation.duty_id')
    .select('plan_duty.id')
    .where('received_obligation.plan_id', '=', planId)
    .orderBy('plan_duty.position')
    .execute();
  return { carriedTaskIds: tasks.map((t) => t.id), owedDutyIds: duties.map((d) => d.id) };
}

export async function deletePlanRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('plan_search').where('plan_id', '=', id).execute();
  await db.deleteFrom('plan').where('id', '=', id).execute();
}

/** Tasks of other plans that carry one of these ids (ids are global; a plan must not take another's). */
export async function findForeignTaskIds(db: Executor, planId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('plan_task').select('id').where('id', 'in', ids).where('plan_id', '<>', planId).execute();
  return rows.map((r) => r.id);
}

export async function findForeignDutyIds(db: Executor, planId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('plan_duty').select('id').where('id', 'in', ids).where('plan_id', '<>', planId).execute();
  return rows.map((r) => r.id);
}

export async function listTaskIds(db: Executor, planId: string): Promise<string[]> {
  return (await db.selectFrom('plan_task').select('id').where('plan_id', '=', planId).execute()).map((r) => r.id);
}

/** Rewrites the queryable mirror of a plan's tasks and duties; tasks keep their ids (reports refer to them). */
export async function writePlanStructure(db: Executor, planId: string, tasks: TaskRow[], duties: DutyRow[]): Promise<void> {
  const keep = tasks.map((t) => t.id);
  const existing = await listTaskIds(db, planId);
  const removed = existing.filter((id) => !keep.includes(id));
  if (removed.length) await db.deleteFrom('plan_task').where('id', 'in', removed).execute();
  if (keep.length) await db.deleteFrom('plan_task_unit').where('task_id', 'in', keep).execute();
  for (const t of tasks) {
    const row = {
      plan_id: planId,
      position: t.position,
      ordinal: t.ordinal,
      body: t.body,
      timeframe_kind: t.timeframe.kind,
      timeframe_year: t.timeframe.year,
      timeframe_due: t.timeframe.dueDate,
      timeframe_from: t.timeframe.from,
      timeframe_to: t.timeframe.to,
      parent_task_id: t.parentTaskId,
    };
    await db.insertInto('plan_task').values({ id: t.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    if (t.units.length) {
      await db
        .insertInto('plan_task_unit')
        .values(t.units.map((u, position) => ({ task_id: t.id, role: u.role, position, unit_id: u.unitId, group_id: u.groupId, external_name: u.externalName })))
        .execute();
    }
  }
  // Duties keep their ids too: reports will refer to them.
  const keepDuties = duties.map((d) => d.id);
  const existingDuties = (await db.selectFrom('plan_duty').select('id').where('plan_id', '=', planId).execute()).map((r) => r.id);
  const removedDuties = existingDuties.filter((id) => !keepDuties.includes(id));
  if (removedDuties.length) await db.deleteFrom('plan_duty').where('id', 'in', removedDuties).execute();
  if (keepDuties.length) await db.deleteFrom('plan_duty_unit').where('duty_id', 'in', keepDuties).execute();
  for (const [position, d] of duties.entries()) {
    const row = { plan_id: planId, position, kind: d.kind, due_date: d.dueDate };
    await db.insertInto('plan_duty').values({ id: d.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    if (d.units.length) {
      await db
        .insertInto('plan_duty_unit')
        .values(d.units.map((u, i) => ({ duty_id: d.id, position: i, unit_id: u.unitId, group_id: u.groupId, external_name: u.externalName })))
        .execute();
    }
  }
}

export async function replaceSearchEntries(db: Executor, planId: string, entries: { taskId: string | null; folded: string }[]): Promise<void> {
  await db.deleteFrom('plan_search').where('plan_id', '=', planId).execute();
  if (!entries.length) return;
  await db.insertInto('plan_search').values(entries.map((e) => ({ plan_id: planId, task_id: e.taskId, folded: e.folded }))).execute();
}

export interface SearchHit {
  planId: string;
  taskId: string | null;
  rank: number;
}

/** FTS5 match over folded text; `match` is already a safe FTS5 expression. */
export async function searchFolded(db: Executor, match: string, limit: number): Promise<SearchHit[]> {
  const rows = await sql<{ plan_id: string; task_id: string | null; rank: number }>`
    SELECT plan_id, task_id, rank FROM plan_search WHERE plan_search MATCH ${match} ORDER BY rank LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ planId: r.plan_id, taskId: r.task_id, rank: r.rank }));
}

export async function insertRevision(db: Executor, row: PlanRevisionTable): Promise<void> {
  await db.insertInto('plan_revision').values(row).execute();
}

export async function listRevisionRows(db: Executor, planId: string): Promise<PlanRevisionTable[]> {
  return db.selectFrom('plan_revision').selectAll().where('plan_id', '=', planId).orderBy('revision').execute();
}

export async function findIssuedWithNumber(db: Executor, args: { year: number; number: string; symbol: string; excludeId: string }): Promise<PlanTable | undefined> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('kind', '=', 'own')
    .where('status', '=', 'issued')
    .where('number', '=', args.number)
    .where('symbol', '=', args.symbol)
    .where(sql<string>`substr(issue_date, 1, 4)`, '=', String(args.year))
    .where('id', '<>', args.excludeId)
    .executeTakeFirst();
}
