import type BetterSqlite3 from 'better-sqlite3';
import { databaseFileKind, openWithKeys } from '../../db/encryption';
import { AppError, translateStorageError } from '../app-error';

/** What the confirmation before a restore counts, in the backup and in the current data. */
export const COUNTED_TABLES: readonly { key: string; label: string }[] = [
  { key: 'unit', label: 'Đơn vị' },
  { key: 'unit_group', label: 'Nhóm đơn vị' },
  { key: 'plan', label: 'Kế hoạch' },
  { key: 'plan_revision', label: 'Lần ban hành, sửa đổi kế hoạch' },
  { key: 'report', label: 'Báo cáo của các đơn vị' },
  { key: 'own_report', label: 'Báo cáo của cơ quan gửi cấp trên' },
  { key: 'office_report', label: 'Báo cáo tổng hợp' },
  { key: 'attachment', label: 'Tệp đính kèm' },
  { key: 'sent_bundle', label: 'Gói đã gửi' },
  { key: 'imported_bundle', label: 'Gói đã nhận' },
];

const NOT_OURS = 'Tệp này không phải bản sao lưu của Dân vận';

export interface CheckedDatabase {
  schemaVersion: number;
  officeName: string | null;
  installationId: string | null;
  counts: Record<string, number>;
  attachmentHashes: string[];
  /** The key that opened the backup; null when it is not encrypted. */
  encryptionKey: string | null;
}

/** The keys to try on an encrypted backup: those this installation holds, and the one from a recovery code the clerk typed. */
export interface BackupKeys {
  local: readonly string[];
  typed: string | null;
}

/** Refuses, before copying anything, a file that is neither a SQLite database nor an encrypted one. */
export function assertSqliteFile(file: string): void {
  if (!['plain', 'encrypted'].includes(databaseFileKind(file))) throw new AppError('VALIDATION', `${NOT_OURS} (không phải tệp cơ sở dữ liệu SQLite).`);
}

/** An encrypted backup that none of the keys opens: what to do, in Vietnamese, on the recovery code field. */
function encryptedRefusal(typed: boolean): AppError {
  return typed
    ? new AppError(
        'VALIDATION',
        'Bản sao lưu được mã hóa và mã khôi phục vừa gõ không mở được nó (mã của máy khác, hoặc của một lần bật mã hóa khác). Chưa có gì được ghi.',
        { recoveryCode: 'mã khôi phục này không mở được bản sao lưu' },
      )
    : new AppError(
        'VALIDATION',
        'Bản sao lưu được mã hóa và không mở được bằng khóa của máy này (có thể được tạo trên máy khác). Hãy gõ mã khôi phục đã ghi lại khi bật mã hóa dữ liệu trên máy tạo ra bản sao lưu.',
        { recoveryCode: 'cần mã khôi phục của bản sao lưu' },
      );
}

export function countRows(sqlite: BetterSqlite3.Database): Record<string, number> {
  const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  return Object.fromEntries(COUNTED_TABLES.map(({ key }) => [key, tables.has(key) ? (sqlite.prepare(`SELECT count(*) AS n FROM "${key}"`).get() as { n: number }).n : 0]));
}

/**
 * Checks a private copy of a backup (never the clerk's own file, which may sit on a read-only USB stick):
 * a Dân vận database, not newer than the app, integrity_check passing. The copy is switched to a
 * rollback journal so it can later be renamed into place on its own. Throws a Vietnamese refusal.
 */
export function checkDatabaseCopy(file: string, latestVersion: number, nativeBinding?: string, keys: BackupKeys = { local: [], typed: null }): CheckedDatabase {
  assertSqliteFile(file);
  let db: BetterSqlite3.Database | null = null;
  let encryptionKey: string | null = null;
  try {
    const keyed = openWithKeys(file, keys.typed ? [keys.typed, ...keys.local] : keys.local, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (!keyed) throw encryptedRefusal(keys.typed !== null);
    db = keyed.sqlite;
    encryptionKey = keyed.key;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || !['installation', 'office', 'unit'].every((t) => tables.has(t))) {
      throw new AppError('VALIDATION', `${NOT_OURS}: là cơ sở dữ liệu SQLite nhưng không có dữ liệu của ứng dụng.`);
    }
    if (version > latestVersion) {
      throw new AppError(
        'VALIDATION',
        `Bản sao lưu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu ${version}, ứng dụng này chỉ đọc được đến ${latestVersion}). Hãy cập nhật ứng dụng trước khi khôi phục.`,
      );
    }
    db.pragma('journal_mode = DELETE');
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('VALIDATION', 'Bản sao lưu bị hỏng (kiểm tra toàn vẹn không đạt), không thể khôi phục từ nó.');
    const office = db.prepare('SELECT name FROM office').get() as { name: string } | undefined;
    const installation = db.prepare('SELECT id FROM installation').get() as { id: string } | undefined;
    const hashes = tables.has('attachment') ? (db.prepare('SELECT sha256 FROM attachment').all() as { sha256: string }[]).map((r) => r.sha256) : [];
    return { schemaVersion: version, officeName: office?.name ?? null, installationId: installation?.id ?? null, counts: countRows(db), attachmentHashes: hashes, encryptionKey };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw translateStorageError(error, 'của máy') ?? new AppError('VALIDATION', 'Bản sao lưu bị hỏng, không đọc được; không thể khôi phục từ nó.');
  } finally {
    db?.close();
  }
}
