import fs from 'node:fs';
import {
  operations,
  isOperationName,
  type OperationName,
  type OperationOutput,
  type ParsedInput,
  type AppStatus,
} from '../shared/api/contract';
import { fail, ok, type ApiResult } from '../shared/api/result';
import { validationError } from '../shared/api/validation';
import { LATEST_SCHEMA_VERSION, openDatabase, type OpenedDatabase } from '../db/connection';
import { DatabaseOpenError } from '../db/open-errors';
import { localIsoDate } from '../shared/dates/vn-date';
import { AppError, translateSqliteError } from './app-error';
import { dataPaths } from './data-paths';
import { ensureInstallationIdentity } from './identity/installation-identity';
import { readOffice } from './office/office-service';
import { cleanUpInterrupted, type RestoreStep } from './backups/restore';
import { backupService } from './backups/backup-operations';
import { createUntrustedRunner } from './untrusted/run-untrusted';
import { type QueueBundle } from './bundles/bundle-export';
import { type ReadContents, importBundle } from './bundles/bundle-import';
import { fileSecretStore, type SecretStore } from './sync/secret-store';
import { queueBundle, runSync, type SyncState } from './sync/sync-service';
import { createSession } from './auth/session';
import { countUsers } from './auth/user-service';
import { recordAudit } from './audit/audit-service';
import { composeOperations, type FeatureContext, type Handlers, type OperationsOf } from './operations';
import { authOperations } from './auth/auth-operations';
import { officeOperations } from './office/office-operations';
import { unitOperations } from './units/unit-operations';
import { planOperations } from './plans/plan-operations';
import { searchOperations } from './search/search-operations';
import { importOperations } from './import/import-operations';
import { reportOperations } from './reports/report-operations';
import { bundleOperations } from './bundles/bundle-operations';
import { syncOperations } from './sync/sync-operations';
import { keyRing } from './encryption/key-ring';
import { encryptionService } from './encryption/encryption-service';

export interface ServiceOptions {
  dataDir: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Where unexpected errors are written (stderr by default); never shown to the clerk. */
  log?: (message: string, error: unknown) => void;
  /** Where the WebDAV password and the data encryption keys are kept (Electron passes safeStorage); an encrypted file by default. */
  secrets?: SecretStore;
  /**
   * For tools run at this PC with the data folder in hand (command line, demo data): acts with every
   * role without signing in, and the audit log names it. Never set for the window or the HTTP harness.
   */
  localOperator?: string;
  /** Send and fetch bundles in the background this often, when a transport is configured. */
  syncIntervalMs?: number;
  /** Called at each step of a restore (tests stop the process there to show the data survives). */
  onRestoreStep?: (step: RestoreStep) => void;
  /**
   * false: no daily backup (`hang-ngay`) at the first use of each day. Only for the demo data, whose
   * clock walks through every day of ten years: a backup of the growing file on each of those days made
   * seeding quadratic. Never set for the window, the HTTP harness or the command line on real data.
   */
  dailyBackup?: boolean;
}

export interface Services {
  /** Validates raw input against the contract, runs the operation, returns a result; never throws. */
  invoke(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  call<N extends OperationName>(name: N, input: ParsedInput<N> | Record<string, unknown>): Promise<ApiResult<OperationOutput<N>>>;
  close(): Promise<void>;
}


/** Operations that still answer when the data file could not be opened. */
const AVAILABLE_WITHOUT_DATABASE = new Set<OperationName>(['app.status', 'encryption.unlock', 'backups.list', 'backups.settings', 'backups.inspect', 'backups.restore', 'dialogs.chooseFolder', 'dialogs.chooseBackupFile']);
const AVAILABLE_BEFORE_SETUP = new Set<OperationName>(['app.status', 'office.get', 'office.save', 'backups.list', 'backups.settings', 'backups.inspect', 'backups.restore', 'dialogs.chooseBackupFile']);
/** An office set up before accounts existed (first run, or upgraded from schema 7) first gets its administrator. */
const AVAILABLE_BEFORE_FIRST_ADMIN = new Set<OperationName>(['app.status', 'office.get', 'users.createFirstAdmin', 'backups.list', 'backups.settings', 'backups.inspect', 'backups.restore', 'dialogs.chooseBackupFile']);

export { localIsoDate };

export async function createServices(options: ServiceOptions): Promise<Services> {
  const paths = dataPaths(options.dataDir);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  fs.mkdirSync(paths.dataDir, { recursive: true });

  let opened: OpenedDatabase | null = null;
  let openError: string | null = null;
  let installationId: string | null = null;
  const secrets = options.secrets ?? fileSecretStore(paths.dataDir);
  const ring = keyRing(secrets, log);

  async function open(): Promise<void> {
    try {
      opened = await openDatabase(paths.databaseFile, { backupDir: paths.backupDir, nativeBinding: options.nativeBinding, now, keys: ring.keys() });
      if (opened.encryptionKey) ring.remember(opened.encryptionKey); // the key in use is tried first next time
      installationId = await ensureInstallationIdentity(opened.db, now());
      openError = null;
    } catch (error) {
      opened = null;
      if (!(error instanceof DatabaseOpenError)) log('Không mở được dữ liệu', error);
      openError = error instanceof DatabaseOpenError ? error.message : 'Không mở được tệp dữ liệu.';
    }
  }
  cleanUpInterrupted(paths.databaseFile, paths.backupDir); // what a restore or backup stopped halfway left behind
  await open();

  const backups = backupService({
    paths,
    now,
    nativeBinding: options.nativeBinding,
    log,
    current: () => opened,
    installationId: () => installationId,
    closeDatabase: async () => {
      while (syncing) await syncing; // a sync round in progress finishes on the data it started with
      const closing = opened;
      opened = null;
      await closing?.close();
      // The data file is being replaced: its accounts may differ, so whoever was signed in signs in again.
      session.reset();
      officeSaved = false;
    },
    reopen: open,
    status: () => status(),
    onRestoreStep: options.onRestoreStep,
    ring,
    dailyBackup: options.dailyBackup ?? true,
  });
  const encryption = encryptionService({ paths, now, nativeBinding: options.nativeBinding, log, secrets, ring, current: () => opened, reopen: open, status: () => status() });
  await backups.dailyIfDue();
  const untrusted = createUntrustedRunner({ log }); // files from outside are read in a worker with a memory cap and a time limit
  // a bundle's contents are inflated and parsed in the worker, with room for its evidence files (200 MB at most)
  const readBundleContents: ReadContents = (bytes, envelope) => untrusted.run('openBundle', { bytes, envelope }, { memoryMb: 512 });
  const importWithBackup = async (bytes: Uint8Array, acceptKey: boolean, actor: string) => importBundle(db(), paths.dataDir, bytes, acceptKey, now(), readBundleContents, (n) => backups.beforeImport(n), actor);

  const syncState: SyncState = { lastRunAt: null, lastError: '', waitingInInbox: [], running: false };
  let syncing: Promise<void> | null = null;
  /** One sync round at a time; a caller arriving during a round waits for it and then runs its own. */
  const syncOnce = async (): Promise<void> => {
    while (syncing) await syncing;
    syncing = runSync(db(), paths.dataDir, secrets, syncState, now, async (bytes) => {
      const r = await importWithBackup(bytes, false, 'Tự động (hộp thư đến)');
      await recordAudit(db(), { userId: null, userName: 'Tự động (hộp thư đến)', action: 'bundles.import', summary: 'Nhận tệp gói', target: { kind: 'bundle', id: '', label: r.message } }, now());
      return { receipt: r.receipt, recipient: r.receipt?.recipient ?? '', receiptBundleId: r.receipt?.bundleId ?? null };
    }).finally(() => (syncing = null));
    return syncing;
  };
  /** A bundle made for the outbox is queued in the transaction that records it, and leaves with the next connection. */
  const queueFor = (deliver: 'file' | 'outbox'): QueueBundle | undefined =>
    deliver === 'outbox' ? (trx, item) => queueBundle(trx, paths.dataDir, item, now()) : undefined;
  const deliverBundle = async (file: { fileName: string; base64: string }, deliver: 'file' | 'outbox') => {
    if (deliver === 'file') return file; // through the save dialog (a USB stick)
    void syncOnce().catch(() => undefined);
    return { fileName: file.fileName, base64: '' };
  };
  const db = () => {
    if (!opened) throw new AppError('DATABASE', openError ?? 'Chưa mở được dữ liệu.');
    return opened.db;
  };
  const session = createSession(db, now, options.localOperator);
  // The office row never goes away once saved; remembered so each call does not read it again.
  let officeSaved = false;

  async function status(): Promise<AppStatus> {
    const office = opened ? await readOffice(opened.db) : null;
    const hasUsers = opened && office ? (await countUsers(opened.db)) > 0 : false;
    const user = opened && hasUsers ? await session.current() : null;
    return {
      state: !opened ? 'databaseError' : !office ? 'needsSetup' : !hasUsers ? 'needsAdmin' : !user ? 'signedOut' : 'ready',
      user,
      installationId,
      schemaVersion: opened?.schemaVersion ?? null,
      appSchemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: paths.dataDir,
      office,
      databaseError: opened ? null : openError,
    };
  }

  // Each feature folder lists its own operations; this only composes them (a missing one is a compile error here).
  const feature: FeatureContext = { db, now, dataDir: paths.dataDir };
  const person = () => session.personName();
  const handlers: Handlers = composeOperations(
    {
      'app.status': () => status(),
      // no window here; Electron's main process answers these with its native dialogs
      'dialogs.chooseFolder': async () => ({ path: null }),
      'dialogs.chooseBackupFile': async () => ({ path: null }),
      'dialogs.chooseCertificateFile': async () => ({ path: null }),
    } satisfies OperationsOf<'app' | 'dialogs'>,
    authOperations(feature, session, status),
    officeOperations(feature),
    unitOperations(feature),
    planOperations(feature),
    searchOperations(feature),
    importOperations(feature, untrusted),
    reportOperations(feature, person),
    bundleOperations(feature, { readContents: readBundleContents, importFile: importWithBackup, queueFor, deliver: deliverBundle, person }),
    syncOperations(feature, secrets, syncState, syncOnce),
    backups.handlers,
    encryption.handlers,
  );

  async function invoke(name: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isOperationName(name)) return fail('UNKNOWN_OPERATION', `Thao tác không tồn tại: ${String(name)}`);
    const operation = operations[name];
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      if (!opened && !AVAILABLE_WITHOUT_DATABASE.has(name)) throw new AppError('DATABASE', openError ?? 'Chưa mở được dữ liệu.');
      if (opened && !officeSaved) officeSaved = (await readOffice(opened.db)) !== null;
      if (opened && !officeSaved && !AVAILABLE_BEFORE_SETUP.has(name)) throw new AppError('SETUP_REQUIRED', 'Hãy khai báo thông tin cơ quan trước.');
      const input = parsed.data as Record<string, unknown>;
      // Sign-in and roles are checked here, before any handler, for the UI and direct API calls alike.
      const checked = opened && officeSaved ? await session.check(name, input, AVAILABLE_BEFORE_FIRST_ADMIN) : null;
      if (opened) await backups.dailyIfDue();
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const output = operation.output.parse(value);
      if (checked) await session.audited(name, input, checked, output);
      return ok(output);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.fields);
      const translated = translateSqliteError(error);
      if (translated) return fail(translated.code, translated.message, translated.fields);
      log(`Lỗi khi thực hiện ${name}`, error);
      return fail('INTERNAL', 'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa được thay đổi; vui lòng thử lại.');
    }
  }

  // Network work runs in the background and never holds up an operation.
  const timer = options.syncIntervalMs ? setInterval(() => opened && void syncOnce().catch(() => undefined), options.syncIntervalMs) : null;
  timer?.unref();

  return {
    invoke,
    call: (name, input) => invoke(name, input) as never,
    close: async () => {
      if (timer) clearInterval(timer);
      await untrusted.close();
      while (syncing) await syncing;
      await backups.idle();
      if (opened) await opened.close();
      opened = null;
    },
  };
}
