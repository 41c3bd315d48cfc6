import type { Kysely } from 'kysely';

/** An office's own report on a duty of a plan it received (a unit with no units of its own to collect from). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('own_report')
    .addColumn('duty_id', 'text', (c) => c.primaryKey().references('plan_duty.id').onDelete('restrict'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('restrict'))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
