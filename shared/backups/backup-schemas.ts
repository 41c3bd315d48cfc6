import { z } from 'zod';
import { recoveryCode } from '../encryption/encryption-schemas';

/** What a backup was made for; the reason is written into its file name (db/backups.ts). */
export const BACKUP_KINDS = ['daily', 'pre_migration', 'pre_import', 'manual', 'pre_restore', 'pre_encryption', 'other'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: 'hằng ngày',
  pre_migration: 'trước nâng cấp',
  pre_import: 'trước nhập gói',
  manual: 'thủ công',
  pre_restore: 'trước khôi phục',
  pre_encryption: 'trước bật/tắt mã hóa',
  other: 'khác',
};

/** The reason part of a backup's file name, per kind (a migration adds its version: truoc-nang-cap-v6). */
export const BACKUP_REASONS = {
  daily: 'hang-ngay',
  pre_import: 'truoc-nhap-goi',
  manual: 'thu-cong',
  pre_restore: 'truoc-khoi-phuc',
  pre_encryption: 'truoc-ma-hoa',
  pre_decryption: 'truoc-tat-ma-hoa',
} as const;

export function backupKindOf(fileName: string): BackupKind {
  const reason = /^dv-\d{8}T\d{9}-([a-z0-9-]+)\.sqlite$/.exec(fileName)?.[1] ?? '';
  if (reason === BACKUP_REASONS.daily) return 'daily';
  if (reason.startsWith('truoc-nang-cap')) return 'pre_migration';
  if (reason === BACKUP_REASONS.pre_import) return 'pre_import';
  if (reason === BACKUP_REASONS.manual) return 'manual';
  if (reason === BACKUP_REASONS.pre_restore) return 'pre_restore';
  if (reason === BACKUP_REASONS.pre_encryption || reason === BACKUP_REASONS.pre_decryption) return 'pre_encryption';
  return 'other';
}

export const BackupInfo = z.object({ fileName: z.string(), createdAt: z.string(), sizeBytes: z.number(), kind: z.enum(BACKUP_KINDS) });
export type BackupInfo = z.infer<typeof BackupInfo>;

const count = (max: number, what: string) =>
  z.number({ error: `${what} phải là số` }).int({ error: `${what} phải là số nguyên` }).min(0, { error: `${what} không được âm` }).max(max, { error: `${what} tối đa là ${max}` });

/** Which backups the backup folder keeps (stored in the setting table, key "sao-luu:giu-lai"). */
export const RetentionRule = z.strictObject({
  keepLatest: count(365, 'Số bản mới nhất giữ lại').min(1, { error: 'Phải giữ lại ít nhất 1 bản mới nhất' }),
  keepMonthly: count(120, 'Số tháng giữ bản cuối tháng'),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

/** The rule as the clerk reads it in Cài đặt. */
export function retentionInWords(rule: RetentionRule): string {
  const monthly = rule.keepMonthly > 0 ? `, và bản mới nhất của mỗi tháng trong ${rule.keepMonthly} tháng gần đây` : '';
  return `Giữ ${rule.keepLatest} bản sao lưu mới nhất${monthly}. Các bản cũ hơn được tự động xóa sau mỗi lần sao lưu tự động.`;
}

export const BackupSettings = z.object({
  folder: z.string(),
  retention: z.object({ keepLatest: z.number(), keepMonthly: z.number() }),
  retentionText: z.string(),
  /** The last automatic backup that could not be written (full disk …), in Vietnamese; '' when none failed. */
  lastAutomaticError: z.string(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

/** A backup checked before anything is replaced: what it holds next to what the app holds now. */
export const BackupInspection = z.object({
  fileName: z.string(),
  path: z.string(),
  createdAt: z.string().nullable(),
  sizeBytes: z.number(),
  schemaVersion: z.number(),
  appSchemaVersion: z.number(),
  integrity: z.literal('ok'),
  officeName: z.string().nullable(),
  counts: z.array(z.object({ key: z.string(), label: z.string(), backup: z.number(), current: z.number().nullable() })),
  /** Things to know before restoring (another installation, an older schema, missing evidence files). */
  warnings: z.array(z.string()),
});
export type BackupInspection = z.infer<typeof BackupInspection>;

export const ExportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  step: z.string(),
  filePath: z.string().nullable(),
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

/** A folder typed or chosen by the clerk; whether it exists and is writable is checked by the service. */
export const folderPath = z
  .string({ error: 'Chọn hoặc gõ đường dẫn thư mục' })
  .trim()
  .min(1, { error: 'Chọn hoặc gõ đường dẫn thư mục' })
  .max(1000, { error: 'Đường dẫn dài quá 1000 ký tự' });

export const backupFileName = z.string().regex(/^[\w.-]+\.sqlite$/, { error: 'Tên tệp sao lưu không hợp lệ' });

/** One backup: from the list (its file name) or a file elsewhere, such as a USB stick (its full path). */
export const BackupSource = z
  .strictObject({
    fileName: backupFileName.nullable().default(null),
    path: z.string().trim().min(1, { error: 'Gõ đường dẫn tệp sao lưu' }).max(1000, { error: 'Đường dẫn dài quá 1000 ký tự' }).nullable().default(null),
    /** For a backup encrypted on another computer: the recovery code written down there. */
    recoveryCode: recoveryCode.nullable().default(null),
  })
  .refine((s) => (s.fileName === null) !== (s.path === null), { error: 'Chọn một bản sao lưu trong danh sách, hoặc chọn tệp sao lưu trên máy' });
