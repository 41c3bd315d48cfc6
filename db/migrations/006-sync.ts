import { sql, type Kysely } from 'kysely';

/** The outbox of bundles waiting for the network, returns noted on sent reports, and settings (transport). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_item')
    .addColumn('bundle_id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // waiting → sent (the server confirmed the file, same size and hash)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  // A report sent up can come back returned, with the reason.
  await sql`ALTER TABLE sent_bundle ADD COLUMN note TEXT NOT NULL DEFAULT ''`.execute(db);

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .execute();
}
