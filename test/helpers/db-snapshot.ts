import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Every row of every table, read through a separate connection: proves that nothing was written. */
export function snapshotDatabase(dataDir: string): Record<string, string[]> {
  const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all().map((r) => JSON.stringify(r)).sort()]),
    );
  } finally {
    db.close();
  }
}

/** A snapshot without some tables: those a refusal is meant to write to (the audit log, the count of wrong passwords). */
export function withoutTables(snapshot: Record<string, string[]>, ...tables: string[]): Record<string, string[]> {
  return Object.fromEntries(Object.entries(snapshot).filter(([table]) => !tables.includes(table)));
}
