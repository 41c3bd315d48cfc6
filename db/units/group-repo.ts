import type { Executor } from '../executor';
import type { UnitGroupTable } from '../schema';

export interface GroupRow extends UnitGroupTable {
  memberIds: string[];
}

export async function listGroups(db: Executor): Promise<GroupRow[]> {
  const groups = await db.selectFrom('unit_group').selectAll().orderBy('name').execute();
  const members = await db
    .selectFrom('unit_group_member')
    .innerJoin('unit', 'unit.id', 'unit_group_member.unit_id')
    .select(['group_id', 'unit_id'])
    .orderBy('unit.sort_order')
    .execute();
  return groups.map((g) => ({ ...g, memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.unit_id) }));
}

/** Each group's member ids, in no particular order (orgLookup puts them in the units' order); a group without members is absent. */
export async function listGroupMembers(db: Executor): Promise<Map<string, string[]>> {
  const members = await db.selectFrom('unit_group_member').select(['group_id', 'unit_id']).execute();
  const byGroup = new Map<string, string[]>();
  for (const m of members) {
    const ids = byGroup.get(m.group_id);
    if (ids) ids.push(m.unit_id);
    else byGroup.set(m.group_id, [m.unit_id]);
  }
  return byGroup;
}

export async function getGroup(db: Executor, id: string): Promise<GroupRow | undefined> {
  return (await listGroups(db)).find((g) => g.id === id);
}

export async function findGroupByFoldedName(db: Executor, folded: string): Promise<UnitGroupTable | undefined> {
  return db.selectFrom('unit_group').selectAll().where('name_folded', '=', folded).executeTakeFirst();
}

export async function insertGroup(db: Executor, row: UnitGroupTable): Promise<void> {
  await db.insertInto('unit_group').values(row).execute();
}

export async function updateGroup(db: Executor, id: string, row: Partial<Omit<UnitGroupTable, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('unit_group').set(row).where('id', '=', id).execute();
}

export async function replaceGroupMembers(db: Executor, groupId: string, unitIds: string[]): Promise<void> {
  await db.deleteFrom('unit_group_member').where('group_id', '=', groupId).execute();
  if (!unitIds.length) return;
  await db
    .insertInto('unit_group_member')
    .values([...new Set(unitIds)].map((unit_id) => ({ group_id: groupId, unit_id })))
    .execute();
}
