import type { Insertable } from 'kysely';
import type { SentBundleState } from '../../shared/workflow/states';
import type { Executor } from '../executor';
import type { Database } from '../schema';

export type SentBundleRow = Database['sent_bundle'];
export type ImportedBundleRow = Database['imported_bundle'];

/** The bundles this office made and recorded as sent, newest first. */
export async function listSentBundleRows(db: Executor): Promise<SentBundleRow[]> {
  return db.selectFrom('sent_bundle').selectAll().orderBy('created_at', 'desc').execute();
}

export async function insertSentBundle(db: Executor, row: SentBundleRow): Promise<void> {
  await db.insertInto('sent_bundle').values(row).execute();
}

export async function findSentBundle(db: Executor, bundleId: string): Promise<SentBundleRow | undefined> {
  return db.selectFrom('sent_bundle').selectAll().where('bundle_id', '=', bundleId).executeTakeFirst();
}

/** A receipt or a return came back for a sent bundle. */
export async function updateSentBundle(db: Executor, bundleId: string, change: { status: SentBundleState; note?: string; received_at?: string }): Promise<void> {
  await db.updateTable('sent_bundle').set(change).where('bundle_id', '=', bundleId).execute();
}

/** Reports this installation sent up on a plan it received, newest revision first (every duty). */
export async function listSentReports(db: Executor, planId: string, installationId: string): Promise<SentBundleRow[]> {
  return db
    .selectFrom('sent_bundle')
    .selectAll()
    .where('kind', '=', 'report')
    .where('plan_id', '=', planId)
    .where('reporter_installation_id', '=', installationId)
    .orderBy('revision', 'desc')
    .execute();
}

/** The highest revision this installation sent of its report on a duty (0 if none). */
export async function lastSentReportRevision(db: Executor, planId: string, dutyId: string, installationId: string): Promise<number> {
  const row = await db
    .selectFrom('sent_bundle')
    .select((eb) => eb.fn.max('revision').as('max'))
    .where('kind', '=', 'report')
    .where('plan_id', '=', planId)
    .where('duty_id', '=', dutyId)
    .where('reporter_installation_id', '=', installationId)
    .executeTakeFirst();
  return row?.max ?? 0;
}

/** One revision of this installation's report on a duty, as sent (what a return names). */
export async function findSentReport(db: Executor, report: { planId: string; dutyId: string; installationId: string; revision: number }): Promise<SentBundleRow | undefined> {
  return db
    .selectFrom('sent_bundle')
    .selectAll()
    .where('kind', '=', 'report')
    .where('plan_id', '=', report.planId)
    .where('duty_id', '=', report.dutyId)
    .where('reporter_installation_id', '=', report.installationId)
    .where('revision', '=', report.revision)
    .executeTakeFirst();
}

export async function isBundleImported(db: Executor, bundleId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('imported_bundle').select('bundle_id').where('bundle_id', '=', bundleId).executeTakeFirst());
}

export async function insertImportedBundle(db: Executor, row: Insertable<ImportedBundleRow>): Promise<void> {
  await db.insertInto('imported_bundle').values(row).execute();
}

/** The imported bundle that brought one revision of a unit's report (what a return goes back to). */
export async function findImportedReport(db: Executor, report: { planId: string; dutyId: string; unitId: string; revision: number }): Promise<ImportedBundleRow | undefined> {
  return db
    .selectFrom('imported_bundle')
    .selectAll()
    .where('kind', '=', 'report')
    .where('plan_id', '=', report.planId)
    .where('duty_id', '=', report.dutyId)
    .where('unit_id', '=', report.unitId)
    .where('revision', '=', report.revision)
    .executeTakeFirst();
}
