import { sql, type Kysely } from 'kysely';

/**
 * Plans (own and received), their numbered tasks with unit roles and the link to the parent task,
 * reporting duties, issued revisions as snapshots, and a folded full-text index.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('own', 'received')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'issued', 'received')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('parent_plan_id', 'text', (c) => c.references('plan.id').onDelete('restrict'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_year').on('plan').columns(['year', 'status']).execute();

  await db.schema
    .createTable('plan_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ordinal', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('timeframe_kind', 'text', (c) => c.notNull())
    .addColumn('timeframe_year', 'integer')
    .addColumn('timeframe_due', 'text')
    .addColumn('timeframe_from', 'text')
    .addColumn('timeframe_to', 'text')
    .addColumn('parent_task_id', 'text', (c) => c.references('plan_task.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('plan_task_plan').on('plan_task').columns(['plan_id', 'position']).execute();
  await db.schema.createIndex('plan_task_parent').on('plan_task').column('parent_task_id').execute();

  await db.schema
    .createTable('plan_task_unit')
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_task.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('unit.id').onDelete('restrict'))
    .addColumn('group_id', 'text', (c) => c.references('unit_group.id').onDelete('restrict'))
    .addColumn('external_name', 'text')
    .execute();
  await db.schema.createIndex('plan_task_unit_task').on('plan_task_unit').column('task_id').execute();
  await db.schema.createIndex('plan_task_unit_unit').on('plan_task_unit').column('unit_id').execute();

  await db.schema
    .createTable('plan_duty')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_duty_plan').on('plan_duty').column('plan_id').execute();

  await db.schema
    .createTable('plan_duty_unit')
    .addColumn('duty_id', 'text', (c) => c.notNull().references('plan_duty.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('unit.id').onDelete('restrict'))
    .addColumn('group_id', 'text', (c) => c.references('unit_group.id').onDelete('restrict'))
    .addColumn('external_name', 'text')
    .execute();

  await db.schema
    .createTable('plan_revision')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_revision_pk', ['plan_id', 'revision'])
    .execute();

  // Folded text (lower case, no diacritics, đ→d): FTS5's own remove_diacritics does not fold đ.
  await sql`CREATE VIRTUAL TABLE plan_search USING fts5(plan_id UNINDEXED, task_id UNINDEXED, folded, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
}
