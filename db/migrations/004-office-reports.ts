import { sql, type Kysely } from 'kysely';

/** The office's own (consolidated) report text for a duty; evidence files by content hash; who acted on a report. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_report')
    .addColumn('duty_id', 'text', (c) => c.primaryKey().references('plan_duty.id').onDelete('restrict'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('restrict'))
    .addColumn('text_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The bytes live in the data folder under attachments/<first two hex>/<sha256>; this is their index.
  await db.schema
    .createTable('attachment')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Who acted on a report: the office and installation now; the signed-in person once accounts exist.
  await sql`ALTER TABLE report_event ADD COLUMN actor TEXT NOT NULL DEFAULT ''`.execute(db);
}
