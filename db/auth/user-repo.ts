import type { Executor } from '../executor';
import type { AppUserTable } from '../schema';

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getUserById(db: Executor, id: string): Promise<AppUserTable | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUserByFoldedName(db: Executor, usernameFolded: string): Promise<AppUserTable | undefined> {
  return db.selectFrom('app_user').selectAll().where('username_folded', '=', usernameFolded).executeTakeFirst();
}

export async function listUserRows(db: Executor): Promise<AppUserTable[]> {
  return db.selectFrom('app_user').selectAll().orderBy('active', 'desc').orderBy('full_name').execute();
}

export async function insertUser(db: Executor, row: AppUserTable): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

export async function updateUser(db: Executor, id: string, changes: Partial<Omit<AppUserTable, 'id'>>): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}
