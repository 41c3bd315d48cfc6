/**
 * Released migrations are frozen: an installation that already ran one never runs it again, so editing it
 * changes nothing there and makes fresh databases differ from upgraded ones. A schema change is a new file.
 *
 * RELEASED holds the SHA-256 of each released migration (line endings normalised to LF, so a Windows
 * checkout with CRLF hashes the same). Adding a migration: write db/migrations/0NN-name.ts, list it in
 * db/migrations/index.ts, and add its line here (the failure message prints it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';

const RELEASED: Record<string, string> = {
  '001-foundation.ts': '1e68e8ba02e466cd491dcf8aeab076e58dcf13b4bec444bb4ba3d1853f873ff8',
  '002-plans.ts': '8fcf501c690207cfd86220b163913eaac35f7dca52289bd3a7985fa2aa07197e',
  '003-reports.ts': 'f6f40a4a52b98662e1d3db0db96b64159a14e6ba5cf33d57954e80e329fffcc4',
  '004-office-reports.ts': 'cdc92835f187eb4905c7721cdd98a7eb9c439959642b38aa5f0becec50a65fb9',
  '005-bundles.ts': 'b831d652ce014cb77af34a26c2b24f254e6495ce427e352ff141d8c6250d688f',
  '006-sync.ts': '70f08ce12beba14d6f2a3c03596b88faffb5345de15357168a7154b307fa4b4f',
  '007-own-reports.ts': 'a22fd40f300d813b33c45f8e2ae17936bbd2120a2d4127f6155f9af03d6d7ac3',
  '008-users-audit.ts': '151971e719e6473448aa7d6a15937e3c9252c93e78feaf3ee8d67c011e185b72',
  '009-bound-installations.ts': 'a60c36a348b9913ffd0ab3246cb6c8939bac1664136ea57a8a3290e5a9e0c543',
  '010-bundle-subjects-received-obligations.ts': '54264cc117cc9ab8da175719d7a8b4e13dccbfde174134e222cc9d03a54d57cf',
};

const DIR = path.join(import.meta.dirname, '../../db/migrations');
const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.ts$/;

/** SHA-256 of the file's text with CRLF (and lone CR) turned into LF. */
function hashOf(file: string): string {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8').replace(/\r\n?/g, '\n');
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

function migrationFiles(): string[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => /^\d/.test(f))
    .sort();
}

describe('migration files', () => {
  it('are all named NNN-name.ts, one per number', () => {
    const files = migrationFiles();
    const badNames = files.filter((f) => !MIGRATION_FILE.test(f));
    expect(badNames, 'migration files are named like 010-what-it-does.ts').toEqual([]);
    const numbers = files.map((f) => f.slice(0, 3));
    const duplicates = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    expect(duplicates, 'two migration files with the same number').toEqual([]);
  });

  it('a released migration is never edited', () => {
    const present = new Set(migrationFiles());
    const problems: string[] = [];
    for (const [file, hash] of Object.entries(RELEASED)) {
      if (!present.has(file)) {
        problems.push(`db/migrations/${file} is gone: a released migration is never edited, renamed or removed: add a new one.`);
      } else if (hashOf(file) !== hash) {
        problems.push(
          `db/migrations/${file} has changed (SHA-256 ${hashOf(file)}, released as ${hash}): ` +
            'a released migration is never edited: add a new one. Undo the edit and write the change as the next migration.',
        );
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every migration file is in the released list (a new one is added to RELEASED with its hash)', () => {
    const unlisted = migrationFiles().filter((f) => !(f in RELEASED));
    const lines = unlisted.map((f) => `  '${f}': '${hashOf(f)}',`);
    expect(
      unlisted,
      `new migration file(s): add each to RELEASED in test/unit/migration-files.test.ts (a committed migration counts as released):\n${lines.join('\n')}`,
    ).toEqual([]);
  });

  it('db/migrations/index.ts lists them in order 1..N with no gaps, each from its own file', async () => {
    const files = migrationFiles().filter((f) => MIGRATION_FILE.test(f));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    expect(MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`)).toEqual(files);
    for (const [i, file] of files.entries()) {
      const module = (await import(`../../db/migrations/${file.slice(0, -'.ts'.length)}.ts`)) as { up: unknown };
      expect(MIGRATIONS[i]!.up, `MIGRATIONS[${i}].up is the up() of ${file}`).toBe(module.up);
    }
  });
});
