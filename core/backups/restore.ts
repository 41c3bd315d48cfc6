import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { listBackups } from '../../db/backups';
import { AppError } from '../app-error';

/**
 * Puts a verified backup in place of the data file. The current file is never overwritten: it is
 * renamed aside (danvan.sqlite.hong-<time>) with its WAL files, so nothing is destroyed.
 */
export function restoreBackup(databaseFile: string, backupDir: string, fileName: string, now: Date, nativeBinding?: string): void {
  const source = checkBackup(backupDir, fileName, nativeBinding);
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (const suffix of ['', '-wal', '-shm']) {
    const file = databaseFile + suffix;
    if (fs.existsSync(file)) fs.renameSync(file, `${databaseFile}.hong-${stamp}${suffix}`);
  }
  fs.copyFileSync(source, databaseFile, fs.constants.COPYFILE_EXCL);
}

/** The backup's path, once it is found and sound; refuses (in Vietnamese) otherwise. Changes nothing. */
export function checkBackup(backupDir: string, fileName: string, nativeBinding?: string): string {
  const entry = listBackups(backupDir).find((b) => b.fileName === fileName);
  if (!entry) throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu "${fileName}".`);
  const source = path.join(backupDir, entry.fileName);
  verifyBackup(source, nativeBinding);
  return source;
}

function verifyBackup(file: string, nativeBinding?: string): void {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity');
  } catch {
    throw new AppError('DATABASE', 'Bản sao lưu này bị hỏng, không thể khôi phục từ nó.');
  } finally {
    db?.close();
  }
}
