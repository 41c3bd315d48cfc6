import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import type { Database } from './schema';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { DatabaseOpenError, describeProblem } from './open-errors';
import { readRetentionRule, writeBackup } from './backups';
import { SqliteDialectKeepingErrors } from './sqlite-dialect';
import { databaseFileKind, openWithKeys } from './encryption';

export interface OpenOptions {
  backupDir: string;
  migrations?: readonly Migration[];
  /** Path to a better-sqlite3 binary built for the host (Electron needs its own build). */
  nativeBinding?: string;
  now?: () => Date;
  /**
   * The data keys this installation holds, the one in use first. An encrypted file is opened with the
   * first that reads it (the key is applied right after opening, before anything else); a plain file
   * is opened without one.
   */
  keys?: readonly string[];
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  schemaVersion: number;
  /** The backup written before migrating, if any migration ran on existing data. */
  backupFile: string | null;
  /** The key the file is encrypted with; null when it is not encrypted. Changed by encryption on/off. */
  encryptionKey: string | null;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the data file, with its key when it is encrypted: refuses files that are not SQLite,
 * encrypted with no key this installation holds, corrupt or newer than the app without writing to them;
 * then WAL, foreign keys, busy timeout; then the pending migrations, all in one transaction, after a
 * backup of existing data (encrypted like the file: VACUUM INTO keeps the key).
 */
export async function openDatabase(file: string, options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const now = options.now ?? (() => new Date());
  const kind = databaseFileKind(file);
  if (kind === 'other') throw new DatabaseOpenError('NOT_SQLITE', describeProblem('NOT_SQLITE'));
  if (kind === 'encrypted' && !options.keys?.length) throw new DatabaseOpenError('ENCRYPTED', describeProblem('ENCRYPTED'));

  let sqlite: BetterSqlite3.Database;
  let encryptionKey: string | null;
  let current: number;
  let hasTables: boolean;
  try {
    const keyed = openWithKeys(file, options.keys ?? [], options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    if (!keyed) throw new DatabaseOpenError('ENCRYPTED', describeProblem('ENCRYPTED'));
    sqlite = keyed.sqlite;
    encryptionKey = keyed.key;
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new DatabaseOpenError('LOCKED', describeProblem('LOCKED'), error);
    throw new DatabaseOpenError('CORRUPT', describeProblem('CORRUPT'), error);
  }
  try {
    // Reads only, so a refused file is left exactly as it was.
    current = sqlite.pragma('user_version', { simple: true }) as number;
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseOpenError('CORRUPT', describeProblem('CORRUPT'));
    hasTables = (sqlite.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n > 0;
  } catch (error) {
    sqlite.close();
    if (error instanceof DatabaseOpenError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new DatabaseOpenError('LOCKED', describeProblem('LOCKED'), error);
    throw new DatabaseOpenError(code === 'SQLITE_NOTADB' ? 'NOT_SQLITE' : 'CORRUPT', describeProblem(code === 'SQLITE_NOTADB' ? 'NOT_SQLITE' : 'CORRUPT'), error);
  }
  if (current > latest) {
    sqlite.close();
    throw new DatabaseOpenError('TOO_NEW', describeProblem('TOO_NEW', { version: current, latest }));
  }

  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(sqlite) });

  const pending = migrations.filter((m) => m.version > current);
  let backupFile: string | null = null;
  if (pending.length && (current > 0 || hasTables)) {
    backupFile = writeBackup(sqlite, options.backupDir, `truoc-nang-cap-v${current}`, now(), { rule: readRetentionRule(sqlite) });
  }
  // One transaction for the whole upgrade: interrupted or failed, the file stays at the version it had
  // (the one its backup was taken at), never at a version in between.
  let running: Migration | null = null;
  if (pending.length) {
    try {
      await db.transaction().execute(async (trx) => {
        for (const migration of pending) {
          running = migration;
          await migration.up(trx);
          await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
        }
      });
    } catch (error) {
      await db.destroy();
      const failed = running as Migration | null;
      throw new DatabaseOpenError('MIGRATION_FAILED', describeProblem('MIGRATION_FAILED', { migration: failed ? `${failed.version}-${failed.name}` : '' }), error);
    }
    current = pending[pending.length - 1]!.version;
  }

  const close = async () => {
    await db.destroy();
    // Kysely closes the connection only if it ran a query on it: a file opened and closed untouched stayed open
    if (sqlite.open) sqlite.close();
  };
  return { db, sqlite, schemaVersion: current, backupFile, encryptionKey, close };
}

export { LATEST_SCHEMA_VERSION };
