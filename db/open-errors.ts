export type DatabaseProblem = 'NOT_SQLITE' | 'ENCRYPTED' | 'CORRUPT' | 'TOO_NEW' | 'MIGRATION_FAILED' | 'LOCKED';

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
    case 'ENCRYPTED':
      return 'Tệp dữ liệu được mã hóa và không mở được bằng khóa lưu trên máy này (hoặc không phải tệp dữ liệu của ứng dụng). Nếu có mã khôi phục đã ghi lại khi bật mã hóa, hãy gõ mã đó để mở; hoặc khôi phục từ một bản sao lưu.';
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
