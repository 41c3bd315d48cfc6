import type { ErrorCode } from '../shared/api/result';

/** A refusal the clerk should read: the code, a Vietnamese sentence, and the fields it concerns. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function fieldError(code: ErrorCode, field: string, fieldLabel: string, problem: string): AppError {
  return new AppError(code, `${fieldLabel}: ${problem}`, { [field]: problem });
}

/** SQLite constraint failures that slip past the service checks, as Vietnamese refusals. */
export function translateSqliteError(error: unknown): AppError | null {
  const code = (error as { code?: string } | null)?.code;
  // A RESTRICT foreign key reports itself as a trigger failure.
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/.test(String((error as Error).message)))) {
    return new AppError('IN_USE', 'Bản ghi này đã có dữ liệu liên quan nên không thể xóa; hãy chuyển sang "Ngừng sử dụng".');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new AppError('CONFLICT', 'Dữ liệu bị trùng với một bản ghi đã có.');
  if (code === 'SQLITE_BUSY') return new AppError('DATABASE', 'Dữ liệu đang bận, vui lòng thử lại sau giây lát.');
  return translateStorageError(error, 'của máy');
}

/**
 * A write the disk refused (full, read-only, no permission, unplugged), as a Vietnamese sentence naming
 * the place; null for anything else. `place` completes "Ổ đĩa …", e.g. 'của máy' or 'chứa thư mục "E:\\SaoLuu"'.
 */
export function translateStorageError(error: unknown, place: string): AppError | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const untouched = 'Dữ liệu hiện tại được giữ nguyên.';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new AppError('STORAGE', `Ổ đĩa ${place} đã đầy, không ghi được. ${untouched} Hãy giải phóng dung lượng hoặc chọn nơi khác rồi thử lại.`);
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return new AppError('STORAGE', `Ổ đĩa ${place} chỉ cho phép đọc (ổ USB bị khóa ghi?), không ghi được. ${untouched}`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN') {
    return new AppError('STORAGE', `Không có quyền ghi vào ổ đĩa ${place}. ${untouched}`);
  }
  if (code === 'EIO' || code === 'ENXIO' || code === 'ENODEV' || code.startsWith('SQLITE_IOERR')) {
    return new AppError('STORAGE', `Lỗi đọc ghi ổ đĩa ${place} (ổ USB bị rút ra?). ${untouched}`);
  }
  return null;
}
