import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
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

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const NOT_OURS = 'Tệp này không phải bản sao lưu của Dân vận';

export interface CheckedDatabase {
  schemaVersion: number;
  officeName: string | null;
  installationId: string | null;
  counts: Record<string, number>;
  attachmentHashes: string[];
}

/** Refuses, before copying anything, a file that is not a SQLite database. */
export function assertSqliteFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read < 16 || !header.equals(SQLITE_HEADER)) throw new AppError('VALIDATION', `${NOT_OURS} (không phải tệp cơ sở dữ liệu SQLite).`);
  } finally {
    fs.closeSync(fd);
  }
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
export function checkDatabaseCopy(file: string, latestVersion: number, nativeBinding?: string): CheckedDatabase {
  assertSqliteFile(file);
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
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
    return { schemaVersion: version, officeName: office?.name ?? null, installationId: installation?.id ?? null, counts: countRows(db), attachmentHashes: hashes };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw translateStorageError(error, 'của máy') ?? new AppError('VALIDATION', 'Bản sao lưu bị hỏng, không đọc được; không thể khôi phục từ nó.');
  } finally {
    db?.close();
  }
}
