/**
 * db/schema.ts (the `Database` interface Kysely checks every query against) describes the database the
 * migrations make: the same tables, the same columns, `| null` exactly where SQLite allows NULL, and
 * string/number where the column is TEXT/INTEGER. A migration that adds a column without its type, or a
 * type for a column no migration made, fails here and names it.
 *
 * The types are read with the TypeScript type checker, so interfaces, `extends`, intersections such as
 * `BoundInstallation & { unit_id: string }` and inline object types all count; `Generated<T>` is read as T.
 */
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { tempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMA_FILE = path.join(ROOT, 'db/schema.ts');

type ValueKind = 'string' | 'number' | 'other';
interface Column {
  nullable: boolean;
  kind: ValueKind;
}
type Tables = Map<string, Map<string, Column>>;

/** Tables and columns of `Database` in db/schema.ts, read with the type checker. */
function declaredTables(): Tables {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // Only the schema and what it imports (kysely); no @types/node or DOM needed to read it.
  const program = ts.createProgram([SCHEMA_FILE], { ...options, types: [], lib: ['lib.es2022.d.ts'], noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const database = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Database');
  if (!database) throw new Error('db/schema.ts exports no `Database`');
  const diagnostics = ts.getPreEmitDiagnostics(program, source);
  if (diagnostics.length) throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));

  const kindOf = (type: ts.Type): ValueKind => {
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    if (parts.length && parts.every((t) => t.flags & ts.TypeFlags.StringLike)) return 'string';
    if (parts.length && parts.every((t) => t.flags & ts.TypeFlags.NumberLike)) return 'number';
    return 'other';
  };
  const tables: Tables = new Map();
  for (const table of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(database))) {
    const columns = new Map<string, Column>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      let type = checker.getTypeOfSymbol(column);
      // Generated<T> and ColumnType<S, I, U> are read as what a select gives.
      const selected = type.getProperty('__select__');
      if (selected) type = checker.getTypeOfSymbol(selected);
      const nullable = (type.isUnion() ? type.types : [type]).some((t) => t.flags & ts.TypeFlags.Null);
      columns.set(column.name, { nullable, kind: kindOf(type) });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

interface TableListRow {
  name: string;
  type: 'table' | 'view' | 'virtual' | 'shadow';
}
interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

let actual: Tables;
let virtualTables: string[];
let declared: Tables;

beforeAll(async () => {
  const dir = tempDir('danvan-schema-');
  const opened = await openDatabase(path.join(dir, 'danvan.sqlite'), { backupDir: path.join(dir, 'backups') });
  // table_list marks FTS5's own tables (plan_search_data, _idx, _content, _docsize, _config) as 'shadow'.
  const list = opened.sqlite.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = 'main'`).all() as TableListRow[];
  const tables = list.filter((t) => t.type !== 'shadow' && !t.name.startsWith('sqlite_'));
  virtualTables = tables.filter((t) => t.type === 'virtual').map((t) => t.name);
  actual = new Map();
  for (const table of tables) {
    const info = opened.sqlite.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(table.name) as TableInfoRow[];
    const affinity = (declaredType: string): ValueKind =>
      /INT/i.test(declaredType) ? 'number' : /CHAR|CLOB|TEXT/i.test(declaredType) ? 'string' : /REAL|FLOA|DOUB/i.test(declaredType) ? 'number' : 'other';
    actual.set(
      table.name,
      // A primary key counts as NOT NULL: the app never stores NULL there (an INTEGER PRIMARY KEY cannot hold it).
      new Map(info.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0, kind: affinity(c.type) }])),
    );
  }
  await opened.close();
  declared = declaredTables();
}, 60_000);

describe('db/schema.ts against the migrated database', () => {
  it('finds the tables on both sides (FTS5 shadow tables and sqlite_ tables left out)', () => {
    expect(actual.size).toBeGreaterThan(20);
    expect(declared.size).toBeGreaterThan(20);
    expect(virtualTables).toEqual(['plan_search']);
    expect([...actual.keys()].filter((t) => t.startsWith('plan_search_'))).toEqual([]);
  });

  it('has every table of the database in `Database`, and no other', () => {
    const missing = [...actual.keys()].filter((t) => !declared.has(t)).map((t) => `table ${t} is in the database but not in Database (db/schema.ts)`);
    const extra = [...declared.keys()].filter((t) => !actual.has(t)).map((t) => `table ${t} is in Database (db/schema.ts) but no migration creates it`);
    expect([...missing, ...extra]).toEqual([]);
  });

  it('has every column of each table, and no other', () => {
    const problems: string[] = [];
    for (const [table, columns] of actual) {
      const typed = declared.get(table);
      if (!typed) continue;
      for (const column of columns.keys()) {
        if (!typed.has(column)) problems.push(`column ${table}.${column} is in the database but not in db/schema.ts`);
      }
      for (const column of typed.keys()) {
        if (!columns.has(column)) problems.push(`column ${table}.${column} is in db/schema.ts but not in the database`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('types a column `| null` exactly where SQLite allows NULL, and TEXT as string, INTEGER as number', () => {
    const problems: string[] = [];
    for (const [table, columns] of actual) {
      // FTS5 columns have no declared type or NOT NULL: nothing to compare.
      if (virtualTables.includes(table)) continue;
      for (const [name, column] of columns) {
        const typed = declared.get(table)?.get(name);
        if (!typed) continue;
        if (column.nullable && !typed.nullable) problems.push(`column ${table}.${name} allows NULL in the database but is not typed \`| null\``);
        if (!column.nullable && typed.nullable) problems.push(`column ${table}.${name} is NOT NULL in the database but typed \`| null\``);
        if (column.kind !== typed.kind) problems.push(`column ${table}.${name} holds ${column.kind} in the database but is typed as ${typed.kind}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
