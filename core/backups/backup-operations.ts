import fs from 'node:fs';
import path from 'node:path';
import type { OpenedDatabase } from '../../db/connection';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { DEFAULT_RETENTION } from '../../db/backup-retention';
import { freshBackupPath, listBackups, parseBackupTime, pruneBackups, removeStaleParts, RETENTION_SETTING } from '../../db/backups';
import type { OperationName, OperationOutput, ParsedInput } from '../../shared/api/contract';
import { BACKUP_REASONS, RetentionRule, retentionInWords, type BackupSettings } from '../../shared/backups/backup-schemas';
import { formatVnDateTime, localIsoDate } from '../../shared/dates/vn-date';
import { AppError, translateStorageError } from '../app-error';
import { readOffice } from '../office/office-service';
import { runInBackground } from '../background/run-background';
import { jobRegistry } from '../archive/export-jobs';
import { bytesToCopy, copyAttachments } from './attachment-copy';
import { inspectBackup, resolveBackupSource } from './inspect';
import { restoreDatabase, type RestoreStep } from './restore';
import { checkTargetFolder, placeOf } from './target-folder';
import type { KeyRing } from '../encryption/key-ring';
import { keyFromRecoveryCode } from '../encryption/recovery-code';

type BackupOperation = Extract<OperationName, `backups.${string}`>;
export type BackupHandlers = { [N in BackupOperation]: (input: ParsedInput<N>) => Promise<OperationOutput<N>> };

export interface BackupContext {
  paths: { dataDir: string; databaseFile: string; backupDir: string };
  now: () => Date;
  nativeBinding?: string;
  log: (message: string, error: unknown) => void;
  current: () => OpenedDatabase | null;
  installationId: () => string | null;
  /** Closes the data file for a restore; reopen() opens whatever is in place afterwards. */
  closeDatabase: () => Promise<void>;
  reopen: () => Promise<void>;
  status: () => Promise<OperationOutput<'app.status'>>;
  /** Tests stop a restore at a step to show the data survives an interruption. */
  onRestoreStep?: (step: RestoreStep) => void;
  /** The data keys of this installation: encrypted backups open with them, or with a recovery code. */
  ring: KeyRing;
  /** false only for the demo data (ServiceOptions.dailyBackup): dailyIfDue does nothing. */
  dailyBackup: boolean;
}

/** Backups (daily, before imports, on demand), verified restore, and the export of everything. */
export function backupService(ctx: BackupContext) {
  const { paths } = ctx;
  let lastAutomaticError = '';
  let checkedDay: string | null = null;

  const open = () => {
    const opened = ctx.current();
    if (!opened) throw new AppError('DATABASE', 'Chưa mở được dữ liệu.');
    return opened;
  };
  const hashes = async (opened: OpenedDatabase) => (await opened.db.selectFrom('attachment').select('sha256').execute()).map((r) => r.sha256);
  const backupKeys = (input: { recoveryCode: string | null }) => ({ local: ctx.ring.keys(), typed: input.recoveryCode === null ? null : keyFromRecoveryCode(input.recoveryCode) });
  const databaseBytes = (opened: OpenedDatabase) => (opened.sqlite.pragma('page_count', { simple: true }) as number) * (opened.sqlite.pragma('page_size', { simple: true }) as number);

  async function retention(): Promise<RetentionRule> {
    const opened = ctx.current();
    if (!opened) return DEFAULT_RETENTION;
    const row = await opened.db.selectFrom('setting').select('value_json').where('key', '=', RETENTION_SETTING).executeTakeFirst();
    const parsed = row ? RetentionRule.safeParse(JSON.parse(row.value_json)) : null;
    return parsed?.success ? parsed.data : DEFAULT_RETENTION;
  }

  async function settings(): Promise<BackupSettings> {
    const rule = await retention();
    return { folder: paths.backupDir, retention: rule, retentionText: retentionInWords(rule), lastAutomaticError };
  }

  /**
   * A consistent copy of the live database written to `file`, in a worker thread of its own (the window goes
   * on answering). One at a time: other calls run meanwhile, and a second backup must not find the first's .part.
   */
  let backupsDone: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const result = backupsDone.then(work);
    backupsDone = result.catch(() => undefined);
    return result;
  }
  function snapshot(file: string): Promise<string> {
    const opened = open();
    return runInBackground('snapshot', { databaseFile: paths.databaseFile, encryptionKey: opened.encryptionKey, nativeBinding: ctx.nativeBinding, file });
  }

  /** A backup into the backup folder, as db/backups.ts writeBackup does, with the copy made in the background. */
  function backupIntoFolder(reason: string, at: Date, rule: RetentionRule | null): Promise<string> {
    return serially(async () => {
      fs.mkdirSync(paths.backupDir, { recursive: true });
      removeStaleParts(paths.backupDir);
      const file = await snapshot(freshBackupPath(paths.backupDir, reason, at));
      if (rule) pruneBackups(paths.backupDir, rule);
      return file;
    });
  }

  /** An automatic backup into the backup folder, then the retention rule; a failure is kept to show in Cài đặt. */
  async function automatic(reason: string): Promise<string> {
    try {
      const file = await backupIntoFolder(reason, ctx.now(), await retention());
      lastAutomaticError = '';
      return file;
    } catch (error) {
      const refusal = translateStorageError(error, 'của máy') ?? new AppError('INTERNAL', 'Không sao lưu được dữ liệu. Dữ liệu hiện tại được giữ nguyên.');
      if (refusal.code === 'INTERNAL') ctx.log('Không sao lưu được', error);
      lastAutomaticError = `Lần sao lưu tự động lúc ${formatVnDateTime(ctx.now())} không thành công: ${refusal.message}`;
      throw refusal;
    }
  }

  const jobs = jobRegistry((error) => {
    if (error instanceof AppError) return error.message;
    const storage = translateStorageError(error, 'chứa thư mục đã chọn');
    if (storage) return storage.message;
    ctx.log('Không xuất được dữ liệu', error);
    return 'Không xuất được dữ liệu do lỗi không mong muốn. Dữ liệu hiện tại được giữ nguyên; hãy thử lại.';
  });

  const handlers: BackupHandlers = {
    'backups.list': async () => listBackups(paths.backupDir).map((b) => ({ fileName: b.fileName, createdAt: b.createdAt.toISOString(), sizeBytes: b.sizeBytes, kind: b.kind })),
    'backups.settings': () => settings(),
    'backups.saveRetention': async (input) => {
      const value = JSON.stringify(input);
      await open().db.insertInto('setting').values({ key: RETENTION_SETTING, value_json: value }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: value })).execute();
      return settings();
    },
    'backups.create': async (input) => {
      const opened = open();
      const at = ctx.now();
      try {
        let file: string;
        if (input.folder === null) {
          file = await backupIntoFolder(BACKUP_REASONS.manual, at, null);
        } else {
          // on a USB stick the evidence files go beside the backup, so it restores on another computer
          const all = await hashes(opened);
          const target = checkTargetFolder(input.folder, databaseBytes(opened) + bytesToCopy(paths.dataDir, input.folder, all));
          copyAttachments(paths.dataDir, target, all);
          file = await serially(() => snapshot(freshBackupPath(target, BACKUP_REASONS.manual, at)));
        }
        return { fileName: path.basename(file), path: file, createdAt: parseBackupTime(path.basename(file))!.toISOString(), sizeBytes: fs.statSync(file).size, kind: 'manual' as const };
      } catch (error) {
        throw translateStorageError(error, input.folder === null ? 'của máy' : placeOf(input.folder)) ?? error;
      }
    },
    'backups.inspect': async (input) => {
      const opened = ctx.current();
      return inspectBackup({
        source: resolveBackupSource(input, paths.backupDir, paths.databaseFile),
        dataDir: paths.dataDir,
        latestVersion: LATEST_SCHEMA_VERSION,
        nativeBinding: ctx.nativeBinding,
        current: opened ? { sqlite: opened.sqlite, installationId: ctx.installationId(), encryptionKey: opened.encryptionKey } : null,
        keys: backupKeys(input),
      });
    },
    'backups.restore': async (input) => {
      await backupsDone; // a backup being written reads the file the restore replaces
      const source = resolveBackupSource(input, paths.backupDir, paths.databaseFile);
      const keys = backupKeys(input);
      const opened = ctx.current();
      try {
        await restoreDatabase({
          databaseFile: paths.databaseFile,
          dataDir: paths.dataDir,
          backupDir: paths.backupDir,
          source: source.path,
          now: ctx.now(),
          latestVersion: LATEST_SCHEMA_VERSION,
          nativeBinding: ctx.nativeBinding,
          current: opened ? { sqlite: opened.sqlite, close: ctx.closeDatabase } : null,
          keys,
          targetKey: opened?.encryptionKey ?? null,
          rememberKey: (key) => ctx.ring.remember(key),
          onStep: ctx.onRestoreStep,
        });
      } catch (error) {
        throw translateStorageError(error, 'của máy') ?? error;
      } finally {
        if (!ctx.current()) await ctx.reopen(); // whatever is in place now: the backup, or the untouched data
      }
      return ctx.status();
    },
    'backups.exportAll': async (input) => {
      const opened = open();
      const evidence = await opened.db.selectFrom('attachment').select((eb) => eb.fn.sum<number>('size').as('bytes')).executeTakeFirst();
      const target = checkTargetFolder(input.folder, databaseBytes(opened) + Number(evidence?.bytes ?? 0));
      const at = ctx.now();
      const source = { databaseFile: paths.databaseFile, encryptionKey: opened.encryptionKey, nativeBinding: ctx.nativeBinding };
      return jobs.start((progress) => runInBackground('archive', { ...source, dataDir: paths.dataDir, folder: target, now: at.toISOString() }, progress));
    },
    'backups.exportProgress': async (input) => jobs.get(input.jobId),
  };

  return {
    handlers,
    /** The daily backup, at the first use of each day (also when the app stays open past midnight). Never throws. */
    async dailyIfDue(): Promise<void> {
      const opened = ctx.current();
      if (!ctx.dailyBackup || !opened) return;
      const today = localIsoDate(ctx.now());
      if (checkedDay === today) return;
      if (!(await readOffice(opened.db))) return; // nothing worth keeping before the office is set up
      checkedDay = today;
      if (listBackups(paths.backupDir).some((b) => b.kind === 'daily' && localIsoDate(b.createdAt) === today)) return;
      await automatic(BACKUP_REASONS.daily).catch(() => undefined);
    },
    /** Before an import that changes more than one report; a failed backup stops the import. */
    async beforeImport(reportsChanged: number): Promise<void> {
      if (reportsChanged > 1) await automatic(BACKUP_REASONS.pre_import);
    },
    /** Waits for an export and a backup under way (before the services close). */
    idle: async () => {
      await jobs.idle();
      await backupsDone;
    },
  };
}
