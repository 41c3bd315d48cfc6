import type { Executor } from '../executor';
import type { BoundInstallation, Database } from '../schema';

export type UnitInstallationRow = BoundInstallation & { unit_id: string; unit_name: string };

const unitBindings = (db: Executor) =>
  db.selectFrom('unit_installation').innerJoin('unit', 'unit.id', 'unit_installation.unit_id').selectAll('unit_installation').select('unit.name as unit_name');

export async function listUnitInstallations(db: Executor): Promise<UnitInstallationRow[]> {
  return unitBindings(db).orderBy('unit.sort_order').orderBy('unit.name').execute();
}

export async function unitInstallationByFingerprint(db: Executor, fingerprint: string): Promise<UnitInstallationRow | undefined> {
  return unitBindings(db).where('unit_installation.fingerprint', '=', fingerprint).executeTakeFirst();
}

export async function unitInstallationOf(db: Executor, unitId: string): Promise<UnitInstallationRow | undefined> {
  return unitBindings(db).where('unit_installation.unit_id', '=', unitId).executeTakeFirst();
}

export async function bindUnitInstallation(db: Executor, unitId: string, binding: Omit<BoundInstallation, 'last_bundle_at'>): Promise<void> {
  await db.insertInto('unit_installation').values({ unit_id: unitId, ...binding, last_bundle_at: null }).execute();
}

export async function unbindUnitInstallation(db: Executor, unitId: string): Promise<number> {
  const r = await db.deleteFrom('unit_installation').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function touchUnitInstallation(db: Executor, unitId: string, at: string): Promise<void> {
  await db.updateTable('unit_installation').set({ last_bundle_at: at }).where('unit_id', '=', unitId).execute();
}

export async function getParentInstallation(db: Executor): Promise<BoundInstallation | undefined> {
  return db.selectFrom('parent_installation').selectAll().executeTakeFirst();
}

export async function bindParentInstallation(db: Executor, binding: Omit<BoundInstallation, 'last_bundle_at'>): Promise<void> {
  await db.insertInto('parent_installation').values({ id: 1, ...binding, last_bundle_at: null }).execute();
}

export async function unbindParentInstallation(db: Executor): Promise<number> {
  const r = await db.deleteFrom('parent_installation').executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function touchParentInstallation(db: Executor, at: string): Promise<void> {
  await db.updateTable('parent_installation').set({ last_bundle_at: at }).execute();
}

export async function findRefusedFile(db: Executor, sha256: string) {
  return db.selectFrom('refused_file').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function rememberRefusedFile(db: Executor, row: { sha256: string; file_name: string; reason: string; refused_at: string }): Promise<void> {
  await db.insertInto('refused_file').values(row).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

export async function forgetAllRefusedFiles(db: Executor): Promise<void> {
  await db.deleteFrom('refused_file').execute();
}

/** Keys this office has taken a bundle from (any kind), with the office name each last claimed. */
export type KnownSenderRow = Database['known_sender'];

export async function isKnownKey(db: Executor, fingerprint: string): Promise<boolean> {
  return Boolean(await db.selectFrom('known_sender').select('installation_id').where('fingerprint', '=', fingerprint).executeTakeFirst());
}

export async function getKnownSender(db: Executor, installationId: string): Promise<KnownSenderRow | undefined> {
  return db.selectFrom('known_sender').selectAll().where('installation_id', '=', installationId).executeTakeFirst();
}

export async function rememberKnownSender(db: Executor, row: KnownSenderRow): Promise<void> {
  const key = { office_name: row.office_name, public_key_pem: row.public_key_pem, fingerprint: row.fingerprint, accepted_at: row.accepted_at };
  await db.insertInto('known_sender').values(row).onConflict((oc) => oc.column('installation_id').doUpdateSet(key)).execute();
}
