import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { syncDirectory, syncFile, writeBackup } from '../../db/backups';
import { BACKUP_REASONS } from '../../shared/backups/backup-schemas';
import { rekeyFile } from '../../db/encryption';
import { checkDatabaseCopy, type BackupKeys } from './backup-check';
import { copyAttachments } from './attachment-copy';

/** The points a restore passes; a test stops the process at each to show the data survives. */
export const RESTORE_STEPS = ['copied', 'verified', 'backed-up', 'closed', 'set-aside', 'replaced'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

/** The verified copy waits here, next to the data file, until it is renamed into place. */
export const restoreTempFile = (databaseFile: string) => `${databaseFile}.khoi-phuc.tmp`;

export interface RestoreOptions {
  databaseFile: string;
  dataDir: string;
  backupDir: string;
  /** The backup to restore: in the backup folder or anywhere the clerk chose (a USB stick). */
  source: string;
  now: Date;
  latestVersion: number;
  nativeBinding?: string;
  /** The data file as open now; null when it could not be opened (it is then kept as danvan.sqlite.hong-<time>). */
  current: { sqlite: BetterSqlite3.Database; close(): Promise<void> } | null;
  keys: BackupKeys;
  /**
   * The key of the data as open now (null: not encrypted, or not open). When set, the restored data is
   * encrypted with it whatever the backup had, so encryption stays on and this computer's recovery code
   * stays valid; when null, the restored data keeps the backup's encryption and its key is remembered.
   */
  targetKey: string | null;
  rememberKey: (key: string) => void;
  onStep?: (step: RestoreStep) => void;
}

/**
 * Puts a backup in place of the data file, atomically: the backup is copied next to the data file under a
 * temporary name and checked there; the current data is backed up ("trước khôi phục"); the database is
 * closed; and one rename replaces the file. Stopped at any point before the rename, the current data is
 * exactly as it was (the leftover copy is removed at the next start); after it, the backup is in place.
 */
export async function restoreDatabase(o: RestoreOptions): Promise<{ preRestoreBackup: string | null }> {
  const temp = restoreTempFile(o.databaseFile);
  try {
    fs.copyFileSync(o.source, temp);
    o.onStep?.('copied');
    const checked = checkDatabaseCopy(temp, o.latestVersion, o.nativeBinding, o.keys);
    if (o.targetKey && checked.encryptionKey !== o.targetKey) {
      rekeyFile(temp, checked.encryptionKey, o.targetKey, o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});
    } else if (!o.targetKey && checked.encryptionKey) {
      o.rememberKey(checked.encryptionKey); // before the file is in place: it must never be there without its key
    }
    o.onStep?.('verified');
    // a backup made to a USB stick carries the evidence files beside it
    copyAttachments(path.dirname(o.source), o.dataDir, checked.attachmentHashes);
    const preRestoreBackup = o.current ? writeBackup(o.current.sqlite, o.backupDir, BACKUP_REASONS.pre_restore, o.now, { prune: false }) : null;
    o.onStep?.('backed-up');
    await o.current?.close();
    o.onStep?.('closed');
    setAside(o.databaseFile, o.current === null, o.now);
    o.onStep?.('set-aside');
    syncFile(temp);
    fs.renameSync(temp, o.databaseFile);
    syncDirectory(path.dirname(o.databaseFile));
    o.onStep?.('replaced');
    return { preRestoreBackup };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * A data file that could not be opened is kept as danvan.sqlite.hong-<time> (a hard link, or a copy
 * where links are not possible); WAL files, which belong to the old file only, are moved beside it.
 */
function setAside(databaseFile: string, keepOld: boolean, now: Date): void {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const aside = (suffix: string) => `${databaseFile}.hong-${stamp}${suffix}`;
  const hasWal = fs.existsSync(`${databaseFile}-wal`);
  if ((keepOld || hasWal) && fs.existsSync(databaseFile)) {
    try {
      fs.linkSync(databaseFile, aside(''));
    } catch {
      fs.copyFileSync(databaseFile, aside(''));
    }
  }
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, aside(suffix));
  }
}

/** Removes what an interrupted restore, inspection, export or backup left behind; run once at start, before the data file is opened. */
export function cleanUpInterrupted(databaseFile: string, backupDir: string): void {
  const remove = (file: string) => {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // still open elsewhere (an export running on Windows): left for the next start
    }
  };
  remove(restoreTempFile(databaseFile));
  remove(`${restoreTempFile(databaseFile)}-journal`);
  const dataDir = path.dirname(databaseFile);
  for (const name of fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : []) {
    if (/^\.(kiem-tra|xuat)-[\w-]+\.tmp(-journal)?$/.test(name)) remove(path.join(dataDir, name));
  }
  for (const name of fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []) {
    if (name.endsWith('.sqlite.part') || name.endsWith('.sqlite.part-journal')) remove(path.join(backupDir, name));
  }
}
