import { z } from 'zod';
import { optionalText } from '../api/fields';

export const SyncConfigInput = z.strictObject({
  kind: z.enum(['none', 'folder', 'webdav'], { error: 'Chọn cách gửi' }),
  folder: optionalText(500),
  url: optionalText(500).refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), { error: 'Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://' }),
  username: optionalText(200),
  /** Blank keeps the stored password. */
  password: z.string().max(500).default(''),
  /** A certificate file the server's HTTPS is trusted by (its own or its authority's); '' for the usual authorities. */
  certificateFile: optionalText(1000),
  /** http:// to an address outside the office's network, knowingly. */
  allowPlainHttp: z.boolean({ error: 'Phải là có hoặc không' }).default(false),
});
export type SyncConfigInput = z.input<typeof SyncConfigInput>;

export const SyncConfig = z.object({
  kind: z.enum(['none', 'folder', 'webdav']),
  folder: z.string(),
  url: z.string(),
  username: z.string(),
  hasPassword: z.boolean(),
  certificateFile: z.string(),
  /** Whom the chosen certificate names and until when; '' without one. */
  certificateSummary: z.string(),
  allowPlainHttp: z.boolean(),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

export const OUTBOX_STATUS_LABELS = { waiting: 'Chờ mạng', sent: 'Đã gửi', received: 'Đã nhận', returned: 'Bị trả lại' } as const;

export const SyncStatus = z.object({
  config: SyncConfig,
  lastRunAt: z.string().nullable(),
  lastError: z.string(),
  outbox: z.array(z.object({ bundleId: z.string(), fileName: z.string(), recipient: z.string(), status: z.enum(['waiting', 'sent', 'received', 'returned']), attempts: z.number(), nextAttemptAt: z.string(), lastError: z.string() })),
  /** Bundles found in this office's inbox that need the clerk (key to confirm, or refused). */
  waitingInInbox: z.array(z.object({ fileName: z.string(), reason: z.string() })),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
