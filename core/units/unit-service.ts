import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import {
  deleteUnit,
  getUnit,
  insertUnit,
  listUnitNameKeys,
  listUnits,
  nextUnitSortOrder,
  parentChain,
  replaceUnitAliases,
  updateUnit,
  type UnitRow,
} from '../../db/units/unit-repo';
import { foldVietnamese } from '../../shared/text/fold';
import type { Unit } from '../../shared/units/unit-schemas';
import type { ParsedInput } from '../../shared/api/contract';
import { AppError, fieldError } from '../app-error';

type UnitFields = ParsedInput<'units.create'>;

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    kind: row.kind as Unit['kind'],
    parentId: row.parent_id,
    aliases: row.aliases,
    sortOrder: row.sort_order,
    active: row.active === 1,
  };
}

export async function listUnitsForApi(db: Kysely<Database>, includeInactive: boolean): Promise<Unit[]> {
  return (await listUnits(db, includeInactive)).map(toUnit);
}

export async function createUnit(db: Kysely<Database>, input: UnitFields, now: Date): Promise<Unit> {
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    await checkUnitFields(trx, input, null);
    const stamp = now.toISOString();
    await insertUnit(trx, {
      id,
      name: input.name,
      name_folded: foldVietnamese(input.name),
      abbreviation: input.abbreviation,
      abbreviation_folded: foldVietnamese(input.abbreviation),
      kind: input.kind,
      parent_id: input.parentId,
      sort_order: await nextUnitSortOrder(trx),
      active: 1,
      created_at: stamp,
      updated_at: stamp,
    });
    await replaceUnitAliases(trx, id, distinctAliases(input));
    return toUnit((await getUnit(trx, id))!);
  });
}

export async function editUnit(db: Kysely<Database>, input: ParsedInput<'units.update'>, now: Date): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    await requireUnit(trx, input.id);
    await checkUnitFields(trx, input, input.id);
    await updateUnit(trx, input.id, {
      name: input.name,
      name_folded: foldVietnamese(input.name),
      abbreviation: input.abbreviation,
      abbreviation_folded: foldVietnamese(input.abbreviation),
      kind: input.kind,
      parent_id: input.parentId,
      updated_at: now.toISOString(),
    });
    await replaceUnitAliases(trx, input.id, distinctAliases(input));
    return toUnit((await getUnit(trx, input.id))!);
  });
}

export async function setUnitActive(db: Kysely<Database>, id: string, active: boolean, now: Date): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    await requireUnit(trx, id);
    await updateUnit(trx, id, { active: active ? 1 : 0, updated_at: now.toISOString() });
    return toUnit((await getUnit(trx, id))!);
  });
}

/** Swaps the unit with its neighbour in the displayed order (which is also the order in documents). */
export async function moveUnit(db: Kysely<Database>, id: string, direction: 'up' | 'down'): Promise<Unit[]> {
  return db.transaction().execute(async (trx) => {
    await requireUnit(trx, id);
    const all = await listUnits(trx, true);
    const index = all.findIndex((u) => u.id === id);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target >= 0 && target < all.length) {
      const ordered = all.map((u) => u.id);
      [ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
      for (const [position, unitId] of ordered.entries()) await updateUnit(trx, unitId, { sort_order: position + 1 });
    }
    return (await listUnits(trx, true)).map(toUnit);
  });
}

/** Removes a unit entered by mistake; one that has history is refused (foreign keys say so). */
export async function removeUnit(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const unit = await requireUnit(trx, id);
    const children = await trx.selectFrom('unit').select('name').where('parent_id', '=', id).execute();
    if (children.length) {
      throw new AppError('IN_USE', `Không thể xóa "${unit.name}" vì còn đơn vị trực thuộc (${children.map((c) => c.name).join(', ')}).`);
    }
    await deleteUnit(trx, id);
  });
}

async function requireUnit(db: Executor, id: string): Promise<UnitRow> {
  const unit = await getUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị (có thể đã bị xóa).');
  return unit;
}

function distinctAliases(input: UnitFields): { alias: string; folded: string }[] {
  const seen = new Set([foldVietnamese(input.name), foldVietnamese(input.abbreviation)]);
  const result: { alias: string; folded: string }[] = [];
  for (const alias of input.aliases) {
    const folded = foldVietnamese(alias);
    if (seen.has(folded)) continue;
    seen.add(folded);
    result.push({ alias, folded });
  }
  return result;
}

/** Names, abbreviations and aliases must each point to one unit, so typed names resolve unambiguously. */
async function checkUnitFields(db: Executor, input: UnitFields, selfId: string | null): Promise<void> {
  const taken = new Map<string, string>();
  for (const key of await listUnitNameKeys(db)) if (key.unitId !== selfId) taken.set(key.folded, key.unitName);

  const nameOwner = taken.get(foldVietnamese(input.name));
  if (nameOwner) throw fieldError('CONFLICT', 'name', 'Tên đơn vị', `đã trùng với đơn vị "${nameOwner}"`);
  if (input.abbreviation) {
    const owner = taken.get(foldVietnamese(input.abbreviation));
    if (owner) throw fieldError('CONFLICT', 'abbreviation', 'Chữ viết tắt', `đã được dùng cho đơn vị "${owner}"`);
  }
  for (const [i, alias] of input.aliases.entries()) {
    const owner = taken.get(foldVietnamese(alias));
    if (owner) throw fieldError('CONFLICT', `aliases.${i}`, 'Tên gọi khác', `"${alias}" đã dùng cho đơn vị "${owner}"`);
  }
  if (input.parentId) {
    if (input.parentId === selfId) throw fieldError('VALIDATION', 'parentId', 'Đơn vị cấp trên', 'một đơn vị không thể trực thuộc chính nó');
    const chain = await parentChain(db, input.parentId);
    if (!(await getUnit(db, input.parentId))) throw fieldError('NOT_FOUND', 'parentId', 'Đơn vị cấp trên', 'không tồn tại');
    if (selfId && chain.includes(selfId)) {
      throw fieldError('VALIDATION', 'parentId', 'Đơn vị cấp trên', 'không thể chọn một đơn vị đang trực thuộc đơn vị này');
    }
  }
}
