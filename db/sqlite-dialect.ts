import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';

/** How many distinct statements are kept prepared (the app has a few hundred; multi-row inserts vary in length). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite dialect, except that:
 * - a rollback is skipped when SQLite has already ended the transaction itself, as it does on a full
 *   disk (SQLITE_FULL): otherwise Kysely's ROLLBACK fails with "no transaction is active" and that error
 *   hides the real one the clerk must be told about;
 * - statements are prepared once per SQL text and reused (Kysely prepares every query anew, which cost
 *   a tenth of each report write). A statement still being iterated (`busy`, a streamed query) is never
 *   handed out again: that caller gets a fresh one. SQLite re-prepares a kept statement itself when the
 *   schema changes (a migration).
 */
export class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: withStatementCache(sqlite, STATEMENT_CACHE_SIZE) });
  }
}

/** The database as Kysely uses it (prepare, close), with prepared statements kept by SQL text, least recently used dropped first. */
export function withStatementCache(sqlite: BetterSqlite3.Database, size: number): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(source: string) {
      const kept = cache.get(source);
      if (kept?.busy) return sqlite.prepare(source);
      const statement = kept ?? sqlite.prepare(source);
      cache.delete(source); // re-inserted last: the most recently used
      cache.set(source, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close: () => {
      cache.clear();
      sqlite.close();
    },
  };
}
