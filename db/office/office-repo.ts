import type { Executor } from '../executor';
import type { OfficeTable } from '../schema';

export async function getOffice(db: Executor): Promise<OfficeTable | undefined> {
  return db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function saveOffice(db: Executor, row: Omit<OfficeTable, 'id'>): Promise<void> {
  await db
    .insertInto('office')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}
