import type { Kysely } from 'kysely';
import type { Database, OfficeTable } from '../../db/schema';
import { getOffice, saveOffice } from '../../db/office/office-repo';
import type { Office } from '../../shared/office/office-schemas';
import type { ParsedInput } from '../../shared/api/contract';

export function toOffice(row: OfficeTable): Office {
  return {
    name: row.name,
    parentBody: row.parent_body,
    level: row.level as Office['level'],
    abbreviation: row.abbreviation,
    placeName: row.place_name,
    reportsTo: row.reports_to,
    updatedAt: row.updated_at,
  };
}

export async function readOffice(db: Kysely<Database>): Promise<Office | null> {
  const row = await getOffice(db);
  return row ? toOffice(row) : null;
}

export async function writeOffice(db: Kysely<Database>, input: ParsedInput<'office.save'>, now: Date): Promise<Office> {
  await saveOffice(db, {
    name: input.name,
    parent_body: input.parentBody,
    level: input.level,
    abbreviation: input.abbreviation,
    place_name: input.placeName,
    reports_to: input.reportsTo,
    updated_at: now.toISOString(),
  });
  return (await readOffice(db))!;
}
