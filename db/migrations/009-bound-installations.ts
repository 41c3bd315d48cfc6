import { sql, type Kysely } from 'kysely';

/**
 * Identity between offices is a key, never a name: each unit that reports by bundle is bound to one
 * installation key, the body above is one key, and a file refused once is remembered by its hash.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_installation')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('unit.id'))
    .addColumn('installation_id', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    // a key reports for one unit only
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('office_name', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('bound_by', 'text', (c) => c.notNull())
    .addColumn('last_bundle_at', 'text')
    .execute();

  await db.schema
    .createTable('parent_installation')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('installation_id', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('office_name', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('bound_by', 'text', (c) => c.notNull())
    .addColumn('last_bundle_at', 'text')
    .execute();

  await db.schema
    .createTable('refused_file')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('refused_at', 'text', (c) => c.notNull())
    .execute();

  // The key that already sent this office its plans stays the body above (units confirm again once).
  await sql`
    INSERT INTO parent_installation (id, installation_id, public_key_pem, fingerprint, office_name, bound_at, bound_by, last_bundle_at)
    SELECT 1, k.installation_id, k.public_key_pem, k.fingerprint, k.office_name, k.accepted_at, 'Nâng cấp dữ liệu', b.imported_at
    FROM imported_bundle b JOIN known_sender k ON k.installation_id = b.sender_installation_id
    WHERE b.kind = 'plan' ORDER BY b.imported_at DESC LIMIT 1`.execute(db);
}
