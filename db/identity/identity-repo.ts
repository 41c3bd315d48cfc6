import type { Executor } from '../executor';
import type { InstallationTable } from '../schema';

export async function getInstallation(db: Executor): Promise<InstallationTable | undefined> {
  return db.selectFrom('installation').selectAll().executeTakeFirst();
}

export async function insertInstallation(db: Executor, row: InstallationTable): Promise<void> {
  await db.insertInto('installation').values(row).execute();
}
