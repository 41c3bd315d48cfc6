import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_RETENTION, selectBackupsToPrune, type BackupEntry, type RetentionRule } from './backup-retention';

const NAME = /^dv-(\d{8})T(\d{6})(\d{3})-[a-z0-9-]+\.sqlite$/;

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

export function listBackups(dir: string): (BackupEntry & { sizeBytes: number })[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((fileName) => ({ fileName, createdAt: parseBackupTime(fileName) }))
    .filter((b): b is BackupEntry => b.createdAt !== null)
    .map((b) => ({ ...b, sizeBytes: fs.statSync(path.join(dir, b.fileName)).size }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** A backup being written: never listed, pruned or restored; renamed to its real name once complete. */
const PART = '.part';
/** A leftover `.part` this old was cut short (the process was killed, the power went) and is removed. */
const STALE_PART_MS = 10 * 60_000;

/**
 * A consistent copy of a live WAL database (VACUUM INTO, never a file copy), then old ones pruned.
 * VACUUM INTO writes its file in place and does not sync it, so a process killed halfway leaves a
 * truncated file: it is written under a `.part` name, synced, and only then renamed to a backup name.
 */
export function writeBackup(sqlite: BetterSqlite3.Database, dir: string, reason: string, at: Date, rule: RetentionRule = DEFAULT_RETENTION): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(reason, at));
  const part = file + PART;
  removeStaleParts(dir);
  for (const leftover of [part, `${part}-journal`]) fs.rmSync(leftover, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(part);
  syncFile(part);
  fs.renameSync(part, file);
  syncDirectory(dir);
  pruneBackups(dir, rule);
  return file;
}

export function pruneBackups(dir: string, rule: RetentionRule = DEFAULT_RETENTION): string[] {
  const doomed = selectBackupsToPrune(listBackups(dir), rule);
  for (const b of doomed) fs.rmSync(path.join(dir, b.fileName), { force: true });
  return doomed.map((b) => b.fileName);
}

/** Half-written backups (and their journals) left by an interrupted run; a recent one may still be in progress. */
function removeStaleParts(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.includes(`.sqlite${PART}`)) continue;
    const file = path.join(dir, name);
    if (Date.now() - fs.statSync(file).mtimeMs > STALE_PART_MS) fs.rmSync(file, { force: true }); // file times are real time
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the rename itself durable where the system allows it (not on Windows, where directories cannot be opened). */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
