import { sql } from 'kysely';
import type { Executor } from '../executor';
import type { UnitTable } from '../schema';

export interface UnitRow extends UnitTable {
  aliases: string[];
}

export async function listUnits(db: Executor, includeInactive: boolean): Promise<UnitRow[]> {
  let query = db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('name');
  if (!includeInactive) query = query.where('active', '=', 1);
  const units = await query.execute();
  const aliases = await db.selectFrom('unit_alias').select(['unit_id', 'alias']).orderBy('unit_id').orderBy('position').execute();
  const byUnit = new Map<string, string[]>();
  for (const a of aliases) byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), a.alias]);
  return units.map((u) => ({ ...u, aliases: byUnit.get(u.id) ?? [] }));
}

/** Every unit's id, name and whether it is active, in the displayed order: what report checks need, without aliases. */
export async function listUnitOrder(db: Executor): Promise<Pick<UnitTable, 'id' | 'name' | 'active'>[]> {
  return db.selectFrom('unit').select(['id', 'name', 'active']).orderBy('sort_order').orderBy('name').execute();
}

export async function getUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  const unit = await db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  if (!unit) return undefined;
  const aliases = await db.selectFrom('unit_alias').select('alias').where('unit_id', '=', id).orderBy('position').execute();
  return { ...unit, aliases: aliases.map((a) => a.alias) };
}

/** Every folded name, abbreviation and alias in use, with the unit that holds it. */
export async function listUnitNameKeys(db: Executor): Promise<{ unitId: string; folded: string; unitName: string }[]> {
  const names = await db.selectFrom('unit').select(['id as unitId', 'name_folded as folded', 'name as unitName']).execute();
  const abbreviations = await db
    .selectFrom('unit')
    .select(['id as unitId', 'abbreviation_folded as folded', 'name as unitName'])
    .where('abbreviation_folded', '<>', '')
    .execute();
  const aliases = await db
    .selectFrom('unit_alias')
    .innerJoin('unit', 'unit.id', 'unit_alias.unit_id')
    .select(['unit.id as unitId', 'unit_alias.alias_folded as folded', 'unit.name as unitName'])
    .execute();
  return [...names, ...abbreviations, ...aliases];
}

export async function nextUnitSortOrder(db: Executor): Promise<number> {
  const row = await db.selectFrom('unit').select((eb) => eb.fn.max('sort_order').as('max')).executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function insertUnit(db: Executor, row: UnitTable): Promise<void> {
  await db.insertInto('unit').values(row).execute();
}

export async function updateUnit(db: Executor, id: string, row: Partial<Omit<UnitTable, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('unit').set(row).where('id', '=', id).execute();
}

export async function replaceUnitAliases(db: Executor, unitId: string, aliases: { alias: string; folded: string }[]): Promise<void> {
  await db.deleteFrom('unit_alias').where('unit_id', '=', unitId).execute();
  if (!aliases.length) return;
  await db
    .insertInto('unit_alias')
    .values(aliases.map((a, position) => ({ unit_id: unitId, alias: a.alias, alias_folded: a.folded, position })))
    .execute();
}

export async function deleteUnit(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('unit').where('id', '=', id).execute();
}

export async function parentChain(db: Executor, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const row: { parent_id: string | null } | undefined = await db.selectFrom('unit').select('parent_id').where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}

/** What the search box matches units by: their names folded as stored (name, abbreviation, other names), in the displayed order. */
export interface UnitSearchKeys {
  id: string;
  name: string;
  abbreviation: string;
  kind: string;
  active: number;
  name_folded: string;
  abbreviation_folded: string;
  aliases: { alias: string; folded: string }[];
}

/** The units whose folded name, abbreviation or another name contains one of `words` (folded) somewhere. */
export async function listUnitSearchKeys(db: Executor, words: string[]): Promise<UnitSearchKeys[]> {
  if (!words.length) return [];
  const any = (column: string) => sql.join(words.map((w) => sql`instr(${sql.ref(column)}, ${w}) > 0`), sql` OR `);
  const units = await db
    .selectFrom('unit as u')
    .select(['u.id', 'u.name', 'u.abbreviation', 'u.kind', 'u.active', 'u.name_folded', 'u.abbreviation_folded'])
    .where(sql<boolean>`(${any('u.name_folded')} OR ${any('u.abbreviation_folded')} OR u.id IN (SELECT unit_id FROM unit_alias WHERE ${any('alias_folded')}))`)
    .orderBy('u.sort_order')
    .orderBy('u.name')
    .execute();
  if (!units.length) return [];
  const aliases = await db.selectFrom('unit_alias').select(['unit_id', 'alias', 'alias_folded']).where('unit_id', 'in', units.map((u) => u.id)).orderBy('unit_id').orderBy('position').execute();
  const byUnit = new Map<string, { alias: string; folded: string }[]>();
  for (const a of aliases) byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), { alias: a.alias, folded: a.alias_folded }]);
  return units.map((u) => ({ ...u, aliases: byUnit.get(u.id) ?? [] }));
}
