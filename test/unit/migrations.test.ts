import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../db/migrations';
import { DatabaseOpenError } from '../../db/open-errors';
import { listBackups } from '../../db/backups';
import { tempDir } from '../helpers/temp-dir';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/db');

function schemaDump(file: string): { version: number; objects: unknown[]; units: unknown[] } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const objects = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const hasUnit = objects.some((o) => (o as { name: string }).name === 'unit');
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      objects,
      units: hasUnit ? db.prepare('SELECT * FROM unit ORDER BY id').all() : [],
    };
  } finally {
    db.close();
  }
}

async function openIn(dir: string, migrations?: readonly Migration[]) {
  return openDatabase(path.join(dir, 'danvan.sqlite'), { backupDir: path.join(dir, 'backups'), migrations });
}

describe('migrations', () => {
  it('creates a fresh database at the latest version with WAL and foreign keys, without a backup', async () => {
    const dir = tempDir();
    const opened = await openIn(dir);
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.backupFile).toBeNull();
    await opened.close();
  });

  it('has one fixture per earlier schema version, and upgrades each to the latest keeping its data', async () => {
    const fixtures = fs.readdirSync(FIXTURES).filter((f) => /^schema-v\d+\.sqlite$/.test(f));
    const versions = fixtures.map((f) => Number(/v(\d+)/.exec(f)![1])).sort((a, b) => a - b);
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    for (const fixture of fixtures) {
      const dir = tempDir();
      const file = path.join(dir, 'danvan.sqlite');
      fs.copyFileSync(path.join(FIXTURES, fixture), file);
      const before = schemaDump(file);
      const opened = await openIn(dir);
      expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const units = await opened.db.selectFrom('unit').select('name').orderBy('sort_order').execute();
      expect(units.map((u) => u.name)).toContain('Phòng Văn hóa – Xã hội');
      await opened.close();
      expect(before.units.length).toBeGreaterThan(0);
    }
  });

  it('backs up existing data before migrating, and the backup can be opened as it was', async () => {
    const dir = tempDir();
    const first = await openIn(dir, MIGRATIONS.slice(0, 1));
    await first.db.insertInto('office').values({ id: 1, name: 'UBND xã Bình Chương', parent_body: '', level: 'xa_phuong', abbreviation: 'UBND', place_name: 'Bình Chương', reports_to: '', updated_at: 'x' }).execute();
    await first.close();
    const extra: Migration = { version: 2, name: 'extra', up: async (db) => void (await db.schema.createTable('extra').addColumn('id', 'integer').execute()) };
    const second = await openIn(dir, [...MIGRATIONS.slice(0, 1), extra]);
    expect(second.schemaVersion).toBe(2);
    expect(second.backupFile).not.toBeNull();
    await second.close();
    const backup = schemaDump(second.backupFile!);
    expect(backup.version).toBe(1);
    expect(backup.objects.some((o) => (o as { name: string }).name === 'extra')).toBe(false);
    const restored = new BetterSqlite3(second.backupFile!, { readonly: true });
    expect(restored.prepare('SELECT name FROM office').get()).toEqual({ name: 'UBND xã Bình Chương' });
    restored.close();
    expect(listBackups(path.join(dir, 'backups')).map((b) => b.fileName)[0]).toMatch(/truoc-nang-cap-v1/);
  });

  it('a failing migration leaves the database exactly as before', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'danvan.sqlite');
    await (await openIn(dir)).close();
    const before = schemaDump(file);
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: async (db) => {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`ALTER TABLE unit ADD COLUMN extra TEXT`.execute(db);
        await sql`SELECT * FROM table_that_does_not_exist`.execute(db);
      },
    };
    await expect(openIn(dir, [...MIGRATIONS, broken])).rejects.toMatchObject({ problem: 'MIGRATION_FAILED' });
    expect(schemaDump(file)).toEqual(before);
  });

  it('an upgrade over several versions is one transaction: a failure at the last step leaves the old version', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'danvan.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'schema-v1.sqlite'), file);
    const before = schemaDump(file);
    const broken: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: async (db) => void (await sql`SELECT * FROM table_that_does_not_exist`.execute(db)) };
    const error = await openIn(dir, [...MIGRATIONS, broken]).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'MIGRATION_FAILED' });
    expect((error as Error).message).toContain(`${LATEST_SCHEMA_VERSION + 1}-broken`);
    expect(schemaDump(file)).toEqual(before); // still v1, not v7
    expect(listBackups(path.join(dir, 'backups')).map((b) => b.fileName)).toEqual([expect.stringMatching(/truoc-nang-cap-v1\.sqlite$/)]);
  });

  it('refuses a database newer than the app without touching it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'danvan.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const bytes = fs.readFileSync(file);
    const error = await openIn(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).problem).toBe('TOO_NEW');
    expect((error as Error).message).toMatch(/phiên bản mới hơn/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not SQLite, and a corrupt one, without writing to them', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'danvan.sqlite');
    fs.writeFileSync(file, 'Đây là một tệp văn bản, không phải cơ sở dữ liệu.');
    await expect(openIn(dir)).rejects.toMatchObject({ problem: 'NOT_SQLITE' });
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^Đây là/);

    const dir2 = tempDir();
    const file2 = path.join(dir2, 'danvan.sqlite');
    await (await openIn(dir2)).close();
    const bytes = fs.readFileSync(file2);
    bytes.fill(0x55, 100, bytes.length); // keep the header, destroy the pages
    fs.writeFileSync(file2, bytes);
    await expect(openIn(dir2)).rejects.toMatchObject({ problem: 'CORRUPT' });
    expect(fs.readFileSync(file2).equals(bytes)).toBe(true);
  });
});
