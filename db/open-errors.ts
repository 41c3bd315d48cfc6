export type DatabaseProblem = 'NOT_SQLITE' | 'CORRUPT' | 'TOO_NEW' | 'MIGRATION_FAILED' | 'LOCKED';

/** Why the data file could not be opened, with the sentence the clerk sees. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'DatabaseOpenError';
  }
}

export function describeProblem(problem: DatabaseProblem, detail: { version?: number; latest?: number; migration?: string } = {}): string {
  switch (problem) {
    case 'NOT_SQLITE':
      return 'Tệp dữ liệu không phải là cơ sở dữ liệu của ứng dụng (không phải tệp SQLite).';
    case 'CORRUPT':
      return 'Tệp dữ liệu bị hỏng, không đọc được.';
    case 'TOO_NEW':
      return `Tệp dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu ${detail.version}, ứng dụng này chỉ đọc được đến ${detail.latest}). Hãy cập nhật ứng dụng.`;
    case 'MIGRATION_FAILED':
      return `Không nâng cấp được dữ liệu (bước "${detail.migration}"). Dữ liệu được giữ nguyên như trước khi nâng cấp.`;
    case 'LOCKED':
      return 'Tệp dữ liệu đang được một chương trình khác sử dụng.';
  }
}
