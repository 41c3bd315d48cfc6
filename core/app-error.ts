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
  return null;
}
