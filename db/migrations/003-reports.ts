import { sql, type Kysely } from 'kysely';

/** Unit progress reports on a plan's reporting duty, their submitted revisions and review events. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('restrict'))
    .addColumn('duty_id', 'text', (c) => c.notNull().references('plan_duty.id').onDelete('restrict'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'submitted', 'accepted', 'returned')`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_date', 'text')
    .addColumn('returned_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_duty_unit', ['duty_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('report_plan').on('report').column('plan_id').execute();

  await db.schema
    .createTable('report_revision')
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_revision_pk', ['report_id', 'revision'])
    .execute();

  await db.schema
    .createTable('report_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_event_report').on('report_event').column('report_id').execute();

  // One row per task a report speaks of: what consolidation and the matrix read.
  await db.schema
    .createTable('report_task_entry')
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_task.id').onDelete('restrict'))
    .addColumn('status', 'text')
    .addPrimaryKeyConstraint('report_task_entry_pk', ['report_id', 'task_id'])
    .execute();
}
