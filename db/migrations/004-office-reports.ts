import type { Kysely } from 'kysely';

/** The office's own (consolidated) report text for a reporting duty, as the clerk edits it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_report')
    .addColumn('duty_id', 'text', (c) => c.primaryKey().references('plan_duty.id').onDelete('restrict'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('restrict'))
    .addColumn('text_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
