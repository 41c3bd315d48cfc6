import type { Executor } from './executor';

/** Which of these ids exist in the table (units or groups referred to by a form or a plan). */
export async function existingIds(db: Executor, table: 'unit' | 'unit_group', ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}
