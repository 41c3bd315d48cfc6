import fs from 'node:fs';
import path from 'node:path';
import type { OpenedDatabase } from '../../db/connection';
import { listBackups, partialFile, syncDirectory, syncFile, writeBackup } from '../../db/backups';
import { changeKey, databaseFileKind, openWithKeys, rekeyFile } from '../../db/encryption';
import type { OperationName, OperationOutput, ParsedInput } from '../../shared/api/contract';
import { BACKUP_REASONS } from '../../shared/backups/backup-schemas';
import type { EncryptionStatus } from '../../shared/encryption/encryption-schemas';
import { AppError, translateStorageError } from '../app-error';
import type { SecretStore } from '../sync/secret-store';
import { newDataKey, type KeyRing } from './key-ring';
import { keyFromRecoveryCode, recoveryCodeOf } from './recovery-code';

type EncryptionOperation = Extract<OperationName, `encryption.${string}`>;
export type EncryptionHandlers = { [N in EncryptionOperation]: (input: ParsedInput<N>) => Promise<OperationOutput<N>> };

export interface EncryptionContext {
  paths: { databaseFile: string; backupDir: string };
  now: () => Date;
  nativeBinding?: string;
  log: (message: string, error: unknown) => void;
  secrets: SecretStore;
  ring: KeyRing;
  current: () => OpenedDatabase | null;
  reopen: () => Promise<void>;
  status: () => Promise<OperationOutput<'app.status'>>;
}

const KEY_STORAGE: Record<NonNullable<SecretStore['kind']>, string> = {
  os: 'Khóa được hệ điều hành bảo vệ (Windows: DPAPI, gắn với tài khoản Windows đang dùng), không nằm trong tệp dữ liệu hay bản sao lưu.',
  file: 'Khóa nằm trong thư mục dữ liệu (secrets.enc, secret.key) vì máy này không có kho khóa của hệ điều hành: chỉ bảo vệ khi tệp dữ liệu hoặc bản sao lưu bị sao chép riêng ra ngoài.',
};

/**
 * "Mã hóa dữ liệu trên máy": the data file, its WAL and the backups encrypted with a random key kept by
 * the SecretStore (never in the database). Turning it on backs up first, remembers the new key before
 * using it, then rekeys; the recovery code (the key, written for a person) is what opens a backup on
 * another computer.
 */
export function encryptionService(ctx: EncryptionContext) {
  const { paths } = ctx;
  const open = () => {
    const opened = ctx.current();
    if (!opened) throw new AppError('DATABASE', 'Chưa mở được dữ liệu.');
    return opened;
  };
  const sqliteOptions = ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {};

  function status(): EncryptionStatus {
    const backups = listBackups(paths.backupDir).map((b) => databaseFileKind(path.join(paths.backupDir, b.fileName)));
    return {
      encrypted: open().encryptionKey !== null,
      keyStorage: KEY_STORAGE[ctx.secrets.kind ?? 'file'],
      backupsEncrypted: backups.filter((k) => k === 'encrypted').length,
      backupsPlain: backups.filter((k) => k === 'plain').length,
    };
  }

  /** Rekeys the live file through Kysely's connection, so no query or transaction runs at the same time. */
  async function rekeyLive(opened: OpenedDatabase, key: string | null): Promise<void> {
    await opened.db.connection().execute(async () => changeKey(opened.sqlite, key));
    opened.encryptionKey = key;
  }

  /**
   * Every backup in the backup folder encrypted with `key`: each copied to .part, rekeyed there, checked and
   * renamed over the original, so a backup is never half rekeyed. Backups no key here opens are left alone.
   */
  function encryptBackupFolder(key: string): string {
    const known = ctx.ring.keys();
    let failed = 0;
    let lastError: unknown = null;
    for (const b of listBackups(paths.backupDir)) {
      const file = path.join(paths.backupDir, b.fileName);
      const part = partialFile(file);
      try {
        const opened = openWithKeys(file, known, { ...sqliteOptions, readonly: true, fileMustExist: true });
        if (!opened) continue;
        opened.sqlite.close();
        if (opened.key === key) continue;
        fs.copyFileSync(file, part);
        rekeyFile(part, opened.key, key, sqliteOptions);
        syncFile(part);
        fs.renameSync(part, file);
      } catch (error) {
        failed++;
        lastError = error;
        fs.rmSync(part, { force: true });
        fs.rmSync(`${part}-journal`, { force: true });
      }
    }
    syncDirectory(paths.backupDir);
    if (!failed) return '';
    const storage = translateStorageError(lastError, 'của máy');
    if (!storage) ctx.log('Không mã hóa được bản sao lưu', lastError);
    return `${failed} bản sao lưu trong thư mục sao lưu chưa được mã hóa${storage ? `: ${storage.message}` : '.'} Dữ liệu trên máy đã được mã hóa.`;
  }

  const handlers: EncryptionHandlers = {
    'encryption.status': async () => status(),
    'encryption.enable': async () => {
      const opened = open();
      if (opened.encryptionKey) throw new AppError('CONFLICT', 'Dữ liệu trên máy đã được mã hóa.');
      try {
        const backup = writeBackup(opened.sqlite, paths.backupDir, BACKUP_REASONS.pre_encryption, ctx.now(), { prune: false });
        const key = newDataKey();
        ctx.ring.remember(key); // before the file is encrypted with it: never a file without its key
        await rekeyLive(opened, key);
        const backupProblem = encryptBackupFolder(key);
        return { ...status(), recoveryCode: recoveryCodeOf(key), backupFileName: path.basename(backup), backupProblem };
      } catch (error) {
        throw translateStorageError(error, 'của máy') ?? error;
      }
    },
    'encryption.disable': async () => {
      const opened = open();
      if (!opened.encryptionKey) throw new AppError('CONFLICT', 'Dữ liệu trên máy chưa được mã hóa.');
      try {
        writeBackup(opened.sqlite, paths.backupDir, BACKUP_REASONS.pre_decryption, ctx.now(), { prune: false });
        await rekeyLive(opened, null);
      } catch (error) {
        throw translateStorageError(error, 'của máy') ?? error;
      }
      return status();
    },
    'encryption.unlock': async (input) => {
      if (ctx.current()) throw new AppError('CONFLICT', 'Dữ liệu đang mở bình thường; không cần mã khôi phục.');
      const key = keyFromRecoveryCode(input.recoveryCode);
      if (databaseFileKind(paths.databaseFile) !== 'encrypted') throw new AppError('VALIDATION', 'Tệp dữ liệu không được mã hóa; mã khôi phục không giúp mở được nó. Hãy khôi phục từ một bản sao lưu.');
      const opened = openWithKeys(paths.databaseFile, [key], { ...sqliteOptions, readonly: true, fileMustExist: true });
      if (!opened) {
        throw new AppError('VALIDATION', 'Mã khôi phục này không mở được tệp dữ liệu (mã của máy khác, hoặc của một lần bật mã hóa khác).', {
          recoveryCode: 'mã khôi phục này không mở được tệp dữ liệu',
        });
      }
      opened.sqlite.close();
      ctx.ring.remember(key);
      await ctx.reopen();
      return ctx.status();
    },
  };
  return { handlers };
}
