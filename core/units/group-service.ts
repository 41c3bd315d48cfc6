import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import {
  findGroupByFoldedName,
  getGroup,
  insertGroup,
  listGroups,
  replaceGroupMembers,
  updateGroup,
  type GroupRow,
} from '../../db/units/group-repo';
import { existingIds } from '../../db/existing-ids';
import { foldVietnamese } from '../../shared/text/fold';
import type { UnitGroup } from '../../shared/units/unit-schemas';
import type { ParsedInput } from '../../shared/api/contract';
import { AppError, fieldError } from '../app-error';

/** A named group ("các thôn", "Các cơ quan, đơn vị") stands for a set of units in plans. */
export function toGroup(row: GroupRow): UnitGroup {
  return { id: row.id, name: row.name, memberIds: row.memberIds, active: row.active === 1 };
}

export async function listGroupsForApi(db: Kysely<Database>): Promise<UnitGroup[]> {
  return (await listGroups(db)).map(toGroup);
}

export async function createGroup(db: Kysely<Database>, input: ParsedInput<'groups.create'>, now: Date): Promise<UnitGroup> {
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    await checkGroup(trx, input, null);
    const stamp = now.toISOString();
    await insertGroup(trx, { id, name: input.name, name_folded: foldVietnamese(input.name), active: 1, created_at: stamp, updated_at: stamp });
    await replaceGroupMembers(trx, id, input.memberIds);
    return toGroup((await getGroup(trx, id))!);
  });
}

export async function editGroup(db: Kysely<Database>, input: ParsedInput<'groups.update'>, now: Date): Promise<UnitGroup> {
  return db.transaction().execute(async (trx) => {
    await requireGroup(trx, input.id);
    await checkGroup(trx, input, input.id);
    await updateGroup(trx, input.id, { name: input.name, name_folded: foldVietnamese(input.name), updated_at: now.toISOString() });
    await replaceGroupMembers(trx, input.id, input.memberIds);
    return toGroup((await getGroup(trx, input.id))!);
  });
}

export async function setGroupActive(db: Kysely<Database>, id: string, active: boolean, now: Date): Promise<UnitGroup> {
  return db.transaction().execute(async (trx) => {
    await requireGroup(trx, id);
    await updateGroup(trx, id, { active: active ? 1 : 0, updated_at: now.toISOString() });
    return toGroup((await getGroup(trx, id))!);
  });
}

async function requireGroup(db: Executor, id: string): Promise<GroupRow> {
  const group = await getGroup(db, id);
  if (!group) throw new AppError('NOT_FOUND', 'Không tìm thấy nhóm đơn vị.');
  return group;
}

async function checkGroup(db: Executor, input: ParsedInput<'groups.create'>, selfId: string | null): Promise<void> {
  const same = await findGroupByFoldedName(db, foldVietnamese(input.name));
  if (same && same.id !== selfId) throw fieldError('CONFLICT', 'name', 'Tên nhóm', `đã có nhóm "${same.name}"`);
  const distinct = new Set(input.memberIds);
  if ((await existingIds(db, 'unit', [...distinct])).size !== distinct.size) {
    throw fieldError('NOT_FOUND', 'memberIds', 'Đơn vị thuộc nhóm', 'có đơn vị không còn tồn tại');
  }
}
