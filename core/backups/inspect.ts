import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { listBackups, parseBackupTime } from '../../db/backups';
import type { BackupInspection } from '../../shared/backups/backup-schemas';
import { AppError } from '../app-error';
import { attachmentFile } from '../reports/attachments';
import { assertSqliteFile, checkDatabaseCopy, countRows, COUNTED_TABLES, type BackupKeys } from './backup-check';

export interface BackupSourceFile {
  path: string;
  fileName: string;
  createdAt: string | null;
}

const MAX_BACKUP_BYTES = 4 * 1024 * 1024 * 1024;

/** The backup the clerk means: one in the list, or a file at a full path (a USB stick). Throws a Vietnamese refusal. */
export function resolveBackupSource(input: { fileName: string | null; path: string | null }, backupDir: string, databaseFile: string): BackupSourceFile {
  if (input.fileName !== null) {
    const entry = listBackups(backupDir).find((b) => b.fileName === input.fileName);
    if (!entry) throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu "${input.fileName}".`);
    return { path: path.join(backupDir, entry.fileName), fileName: entry.fileName, createdAt: entry.createdAt.toISOString() };
  }
  const refuse = (problem: string) => new AppError('VALIDATION', `Tệp sao lưu: ${problem}`, { path: problem });
  const given = input.path ?? '';
  if (!path.isAbsolute(given)) throw refuse('gõ đường dẫn đầy đủ, ví dụ E:\\SaoLuu\\dv-20261120T080000000-thu-cong.sqlite');
  const file = path.resolve(given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw refuse(`không có tệp "${file}" (ổ USB đã cắm chưa?)`);
  }
  if (stat.isDirectory()) throw refuse(`"${file}" là một thư mục; hãy chọn tệp sao lưu .sqlite trong đó`);
  if (!stat.isFile()) throw refuse(`"${file}" không phải một tệp`);
  if (stat.size > MAX_BACKUP_BYTES) throw refuse(`"${file}" lớn hơn 4 GB, không phải bản sao lưu của Dân vận`);
  if (['', '-wal', '-shm'].some((s) => path.resolve(databaseFile + s) === file)) throw refuse('đây là tệp dữ liệu đang dùng, không phải bản sao lưu');
  const base = path.basename(file);
  return { path: file, fileName: base, createdAt: (parseBackupTime(base) ?? stat.mtime).toISOString() };
}

export interface InspectOptions {
  source: BackupSourceFile;
  dataDir: string;
  latestVersion: number;
  nativeBinding?: string;
  /** The data as open now; encryptionKey is its key (null: not encrypted). */
  current: { sqlite: BetterSqlite3.Database; installationId: string | null; encryptionKey: string | null } | null;
  keys: BackupKeys;
}

/**
 * Checks a backup without changing anything: a private copy is opened and checked (integrity, schema
 * version, that it is Dân vận data), counted, and compared with the current data.
 */
export function inspectBackup(o: InspectOptions): BackupInspection {
  assertSqliteFile(o.source.path);
  const temp = path.join(o.dataDir, `.kiem-tra-${crypto.randomUUID()}.tmp`);
  try {
    fs.copyFileSync(o.source.path, temp);
    const checked = checkDatabaseCopy(temp, o.latestVersion, o.nativeBinding, o.keys);
    const current = o.current ? countRows(o.current.sqlite) : null;
    const warnings: string[] = [];
    if (checked.schemaVersion < o.latestVersion) {
      warnings.push(`Bản sao lưu ở phiên bản dữ liệu ${checked.schemaVersion}; khi mở, ứng dụng sẽ nâng cấp lên phiên bản ${o.latestVersion}.`);
    }
    if (o.current?.installationId && checked.installationId && checked.installationId !== o.current.installationId) {
      warnings.push(`Bản sao lưu này của một cài đặt khác${checked.officeName ? ` (${checked.officeName})` : ''}: sau khi khôi phục, máy này dùng mã cài đặt và khóa ký của cài đặt đó.`);
    }
    const encryption = encryptionWarning(checked.encryptionKey, o.current?.encryptionKey ?? null, o.keys);
    if (encryption) warnings.push(encryption);
    if (!checked.officeName) warnings.push('Bản sao lưu chưa có thông tin cơ quan (được tạo trước khi khai báo).');
    const beside = path.dirname(o.source.path);
    const missing = checked.attachmentHashes.filter((h) => !fs.existsSync(attachmentFile(o.dataDir, h)) && !fs.existsSync(attachmentFile(beside, h))).length;
    if (missing) warnings.push(`${missing} tệp đính kèm của bản sao lưu không có trên máy này (cũng không có trong thư mục attachments bên cạnh tệp sao lưu).`);
    return {
      fileName: o.source.fileName,
      path: o.source.path,
      createdAt: o.source.createdAt,
      sizeBytes: fs.statSync(o.source.path).size,
      schemaVersion: checked.schemaVersion,
      appSchemaVersion: o.latestVersion,
      integrity: 'ok',
      officeName: checked.officeName,
      counts: COUNTED_TABLES.map(({ key, label }) => ({ key, label, backup: checked.counts[key] ?? 0, current: current ? (current[key] ?? 0) : null })),
      warnings,
    };
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  }
}

/** What a restore will do about encryption (it keeps the data of this computer encrypted when it is). */
function encryptionWarning(backupKey: string | null, currentKey: string | null, keys: BackupKeys): string | null {
  if (currentKey) {
    if (!backupKey) return 'Bản sao lưu không được mã hóa; khi khôi phục, dữ liệu được mã hóa bằng khóa của máy này.';
    if (backupKey !== currentKey) return 'Bản sao lưu được mã hóa bằng khóa khác; khi khôi phục, dữ liệu được mã hóa lại bằng khóa của máy này (mã khôi phục của máy này vẫn dùng được).';
    return null;
  }
  if (!backupKey) return null;
  const code = backupKey === keys.typed && !keys.local.includes(backupKey) ? 'mã khôi phục vừa gõ' : 'mã khôi phục đã ghi lại khi bật mã hóa lúc tạo bản sao lưu này';
  return `Bản sao lưu được mã hóa: sau khi khôi phục, dữ liệu trên máy này được mã hóa bằng khóa của bản sao lưu, mở bằng ${code}.`;
}
