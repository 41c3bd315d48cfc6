import { z } from 'zod';

/** A recovery code as typed: checked (checksum, length) by the service, which says what is wrong. */
export const recoveryCode = z
  .string({ error: 'Gõ mã khôi phục' })
  .trim()
  .min(1, { error: 'Gõ mã khôi phục' })
  .max(200, { error: 'Mã khôi phục dài quá 200 ký tự' });

/** "Mã hóa dữ liệu trên máy" in Cài đặt. */
export const EncryptionStatus = z.object({
  /** Whether the data file is encrypted now (read from the file itself). */
  encrypted: z.boolean(),
  /** Where the key is kept, in Vietnamese. */
  keyStorage: z.string(),
  /** Backups in the backup folder that are encrypted, and that are not. */
  backupsEncrypted: z.number(),
  backupsPlain: z.number(),
});
export type EncryptionStatus = z.infer<typeof EncryptionStatus>;

/** Turning encryption on: the recovery code is shown this once. */
export const EncryptionEnabled = EncryptionStatus.extend({
  recoveryCode: z.string(),
  /** The backup written just before (plain at first, then encrypted with the rest of the backup folder). */
  backupFileName: z.string(),
  /** Backups in the backup folder that could not be encrypted (a full disk …); '' when all were. */
  backupProblem: z.string(),
});
export type EncryptionEnabled = z.infer<typeof EncryptionEnabled>;
