import type { Executor } from '../../db/executor';
import { forgetAllRefusedFiles, getParentInstallation, listUnitInstallations, unbindParentInstallation, unbindUnitInstallation } from '../../db/bundles/installation-repo';
import type { Kysely } from 'kysely';
import type { BoundInstallation, Database } from '../../db/schema';
import type { BoundInstallationView, InstallationBindings } from '../../shared/bundles/bundle-schemas';
import { AppError } from '../app-error';

const view = (b: BoundInstallation): BoundInstallationView => ({ fingerprint: b.fingerprint, officeName: b.office_name, boundAt: b.bound_at, boundBy: b.bound_by, lastBundleAt: b.last_bundle_at });

export async function listBindings(db: Executor): Promise<InstallationBindings> {
  const parent = await getParentInstallation(db);
  return {
    units: (await listUnitInstallations(db)).map((b) => ({ ...view(b), unitId: b.unit_id, unitName: b.unit_name })),
    parent: parent ? view(parent) : null,
  };
}

/** Explicit and audited (the services log the reason): the unit's next bundle is confirmed like a first one. */
export async function unbindUnit(db: Kysely<Database>, unitId: string): Promise<InstallationBindings> {
  await db.transaction().execute(async (trx) => {
    if (!(await unbindUnitInstallation(trx, unitId))) throw new AppError('NOT_FOUND', 'Đơn vị này chưa gắn với máy nào.');
    await forgetAllRefusedFiles(trx); // what the inbox refused for the old key may now be confirmed
  });
  return listBindings(db);
}

export async function resetParent(db: Kysely<Database>): Promise<InstallationBindings> {
  await db.transaction().execute(async (trx) => {
    if (!(await unbindParentInstallation(trx))) throw new AppError('NOT_FOUND', 'Chưa xác nhận cơ quan cấp trên nào.');
    await forgetAllRefusedFiles(trx);
  });
  return listBindings(db);
}
