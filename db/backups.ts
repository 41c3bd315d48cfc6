import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { backupKindOf, RetentionRule as RetentionRuleSchema, type BackupKind } from '../shared/backups/backup-schemas';
import { DEFAULT_RETENTION, selectBackupsToPrune, type BackupEntry, type RetentionRule } from './backup-retention';

const NAME = /^dv-(\d{8})T(\d{6})(\d{3})-[a-z0-9-]+\.sqlite$/;

/** The setting row holding the clerk's retention rule (DEFAULT_RETENTION when absent). */
export const RETENTION_SETTING = 'sao-luu:giu-lai';

/** "dv-20261123T130501123-truoc-nang-cap-v1.sqlite": the time is in the name so copies keep it. */
export function backupFileName(reason: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', '');
  return `dv-${stamp}-${reason}.sqlite`;
}

export function parseBackupTime(fileName: string): Date | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [d, t, ms] = [m[1]!, m[2]!, m[3]!];
  return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`);
}

export function listBackups(dir: string): (BackupEntry & { sizeBytes: number; kind: BackupKind })[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((fileName) => ({ fileName, createdAt: parseBackupTime(fileName) }))
    .filter((b): b is BackupEntry => b.createdAt !== null)
    .map((b) => ({ ...b, sizeBytes: fs.statSync(path.join(dir, b.fileName)).size, kind: backupKindOf(b.fileName) }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** A backup's path in `dir` made at `at`; a millisecond later if that name is taken (a clock that stands still in tests). */
export function freshBackupPath(dir: string, reason: string, at: Date): string {
  let time = at.getTime();
  while (fs.existsSync(path.join(dir, backupFileName(reason, new Date(time))))) time++;
  return path.join(dir, backupFileName(reason, new Date(time)));
}

/** The name a backup is written under until it is complete; it never matches a backup's name. */
export const partialFile = (file: string) => `${file}.part`;

/**
 * A consistent copy of a live WAL database (VACUUM INTO, never a file copy), written under a temporary
 * name, flushed to disk and only then renamed: a half-written file never looks like a backup.
 */
export function writeSnapshot(sqlite: BetterSqlite3.Database, file: string): void {
  const part = partialFile(file);
  try {
    sqlite.prepare('VACUUM INTO ?').run(part);
    syncFile(part);
    fs.renameSync(part, file);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

export interface WriteBackupOptions {
  rule?: RetentionRule;
  /** Apply the retention rule afterwards (automatic backups do; manual and pre-restore ones do not). */
  prune?: boolean;
}

/** A backup into the backup folder, then old ones pruned under the rule. Returns its path. */
export function writeBackup(sqlite: BetterSqlite3.Database, dir: string, reason: string, at: Date, options: WriteBackupOptions = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  removeStaleParts(dir);
  const file = freshBackupPath(dir, reason, at);
  writeSnapshot(sqlite, file);
  if (options.prune ?? true) pruneBackups(dir, options.rule ?? DEFAULT_RETENTION);
  return file;
}

export function pruneBackups(dir: string, rule: RetentionRule = DEFAULT_RETENTION): string[] {
  const doomed = selectBackupsToPrune(listBackups(dir), rule);
  for (const b of doomed) fs.rmSync(path.join(dir, b.fileName), { force: true });
  return doomed.map((b) => b.fileName);
}

/** A leftover `.part` this old was cut short (the process was killed, the power went) and is removed. */
const STALE_PART_MS = 10 * 60_000;

/** Half-written backups (and their journals) left by an interrupted run; a recent one may still be in progress. */
export function removeStaleParts(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.includes('.sqlite.part')) continue;
    const file = path.join(dir, name);
    if (Date.now() - fs.lstatSync(file).mtimeMs > STALE_PART_MS) fs.rmSync(file, { force: true }); // file times are real time
  }
}

/** The stored rule, read straight from the file (also before migrations run); the default if absent or unreadable. */
export function readRetentionRule(sqlite: BetterSqlite3.Database): RetentionRule {
  try {
    const row = sqlite.prepare('SELECT value_json FROM setting WHERE key = ?').get(RETENTION_SETTING) as { value_json: string } | undefined;
    const parsed = row ? RetentionRuleSchema.safeParse(JSON.parse(row.value_json)) : null;
    return parsed?.success ? parsed.data : DEFAULT_RETENTION;
  } catch {
    return DEFAULT_RETENTION; // no setting table yet (schema before version 5)
  }
}

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable where the system allows it (not on Windows, where directories cannot be opened). */
export function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort
  }
}
