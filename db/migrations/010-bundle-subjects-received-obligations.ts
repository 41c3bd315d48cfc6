import { sql, type Kysely } from 'kysely';

/**
 * What a bundle is about, in columns instead of its subject string, and what a received plan says this
 * office carries and owes, in a table instead of a setting.
 *
 * Subjects were "plan:<plan>", "report:<plan>:<duty>:<installation that reports>",
 * "return:<plan>:<duty>:<installation that reported>" and "receipt:<bundle>" (ids are UUIDs, without ':');
 * the manifest keeps the string, the rows now also have plan_id, duty_id, reporter_installation_id, and on
 * imported_bundle the unit an imported report counted for and the bundle a receipt acknowledged.
 * A subject that does not read as its kind's shape leaves the columns NULL.
 *
 * A received plan's obligations were a setting "nhan-ke-hoach:<plan>" = {"carriedTaskIds": [...],
 * "owedDutyIds": [...]}; they become rows of received_obligation (ids not in the plan are dropped, as no
 * screen could show them), and the settings are deleted.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['sent_bundle', 'imported_bundle']) {
    for (const column of ['plan_id', 'duty_id', 'reporter_installation_id']) {
      await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN ${sql.ref(column)} TEXT`.execute(db);
    }
  }
  // the unit this office counted an imported report for (its key's binding), and the bundle a receipt is for
  await sql`ALTER TABLE imported_bundle ADD COLUMN unit_id TEXT`.execute(db);
  await sql`ALTER TABLE imported_bundle ADD COLUMN receipt_for_bundle_id TEXT`.execute(db);

  for (const table of ['sent_bundle', 'imported_bundle']) {
    // "<kind>:<p1>[:<p2>:<p3>]" split with substr/instr; `rest || ':'` finds the end of the last part
    await sql`
      WITH head AS (
        SELECT bundle_id, kind, substr(subject, 1, instr(subject, ':') - 1) AS prefix, substr(subject, instr(subject, ':') + 1) AS rest
        FROM ${sql.table(table)} WHERE instr(subject, ':') > 1
      ), one AS (
        SELECT bundle_id, kind, prefix, substr(rest, 1, instr(rest || ':', ':') - 1) AS p1, substr(rest, instr(rest || ':', ':') + 1) AS rest FROM head
      ), parts AS (
        SELECT bundle_id, kind, prefix, p1, substr(rest, 1, instr(rest || ':', ':') - 1) AS p2, substr(rest, instr(rest || ':', ':') + 1) AS p3 FROM one
      ), parsed AS (
        SELECT * FROM parts
        WHERE prefix = kind AND p1 <> ''
          AND CASE WHEN kind IN ('report', 'return') THEN p2 <> '' AND p3 <> '' AND instr(p3, ':') = 0 ELSE p2 = '' AND p3 = '' END
      )
      UPDATE ${sql.table(table)} SET
        plan_id = CASE WHEN parsed.kind IN ('plan', 'report', 'return') THEN parsed.p1 END,
        duty_id = CASE WHEN parsed.kind IN ('report', 'return') THEN parsed.p2 END,
        reporter_installation_id = CASE WHEN parsed.kind IN ('report', 'return') THEN parsed.p3 END
      FROM parsed WHERE parsed.bundle_id = ${sql.table(table)}.bundle_id`.execute(db);
  }
  await sql`UPDATE imported_bundle SET receipt_for_bundle_id = substr(subject, length('receipt:') + 1)
    WHERE kind = 'receipt' AND substr(subject, 1, length('receipt:')) = 'receipt:' AND instr(substr(subject, length('receipt:') + 1), ':') = 0 AND length(subject) > length('receipt:')`.execute(db);
  // The report an import wrote has its 'submitted' event stamped in the same transaction: same plan, duty,
  // revision and time. Ties (imports in the same millisecond) go to the unit bound to the sender's key,
  // then to the event that names the sender's office.
  await sql`
    UPDATE imported_bundle SET unit_id = (
      SELECT r.unit_id FROM report r JOIN report_event e ON e.report_id = r.id
      WHERE r.plan_id = imported_bundle.plan_id AND r.duty_id = imported_bundle.duty_id
        AND e.kind = 'submitted' AND e.revision = imported_bundle.revision AND e.at = imported_bundle.imported_at
      ORDER BY r.unit_id IN (SELECT unit_id FROM unit_installation WHERE installation_id = imported_bundle.sender_installation_id) DESC,
        e.actor = (SELECT office_name || ' (gửi qua tệp gói)' FROM known_sender WHERE installation_id = imported_bundle.sender_installation_id) DESC
      LIMIT 1)
    WHERE kind = 'report' AND plan_id IS NOT NULL`.execute(db);

  await db.schema.createIndex('sent_bundle_subject').on('sent_bundle').columns(['plan_id', 'duty_id']).execute();
  await db.schema.createIndex('imported_bundle_subject').on('imported_bundle').columns(['plan_id', 'duty_id']).execute();

  // One row per task this office carries, or per report it owes, in a plan it received (none: the sender did not say)
  await db.schema
    .createTable('received_obligation')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.references('plan_task.id').onDelete('cascade'))
    .addColumn('duty_id', 'text', (c) => c.references('plan_duty.id').onDelete('cascade'))
    .addCheckConstraint('received_obligation_task_or_duty', sql`(task_id IS NULL) <> (duty_id IS NULL)`)
    .execute();
  await db.schema.createIndex('received_obligation_plan').on('received_obligation').column('plan_id').execute();
  // NULLs are distinct: one row per task, one per duty
  await db.schema.createIndex('received_obligation_task').unique().on('received_obligation').column('task_id').execute();
  await db.schema.createIndex('received_obligation_duty').unique().on('received_obligation').column('duty_id').execute();

  const KEY = 'nhan-ke-hoach:';
  for (const [list, column, table] of [
    ['$.carriedTaskIds', 'task_id', 'plan_task'],
    ['$.owedDutyIds', 'duty_id', 'plan_duty'],
  ] as const) {
    await sql`
      INSERT INTO received_obligation (plan_id, ${sql.ref(column)})
      SELECT DISTINCT item.plan_id, item.id
      FROM setting s
      JOIN json_each(CASE WHEN json_valid(s.value_json) THEN s.value_json ELSE '{}' END, ${list}) j
      JOIN ${sql.table(table)} item ON item.id = j.value AND item.plan_id = substr(s.key, length(${KEY}) + 1)
      WHERE substr(s.key, 1, length(${KEY})) = ${KEY}`.execute(db);
  }
  await sql`DELETE FROM setting WHERE substr(key, 1, length(${KEY})) = ${KEY}`.execute(db);
}
