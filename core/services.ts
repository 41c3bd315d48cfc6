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
import { readOffice, writeOffice } from './office/office-service';
import { createUnit, editUnit, listUnitsForApi, moveUnit, removeUnit, setUnitActive } from './units/unit-service';
import { createGroup, editGroup, listGroupsForApi, setGroupActive } from './units/group-service';
import { cleanUpInterrupted, type RestoreStep } from './backups/restore';
import { backupService } from './backups/backup-operations';
import { createPlan, derivePlan, getPlan, issuePlan, listPlans, listRevisions, removeDraft, revisePlan, saveDraft } from './plans/plan-service';
import { parseImport, saveImport } from './import/import-service';
import { createUntrustedRunner } from './untrusted/run-untrusted';
import { searchPlans } from './plans/plan-search';
import { listDeadlines } from './plans/deadlines';
import { exportPlanDocx } from './plans/plan-export';
import { getReport, openReport, reportRevisions, reviewReport, saveReport, submitReport } from './reports/report-service';
import { reportMatrix } from './reports/matrix';
import { consolidate, saveOfficeReportText } from './reports/consolidation-service';
import { exportConsolidated, exportReminder } from './reports/report-exports';
import { readAttachment, storeAttachment } from './reports/attachments';
import { getOwnReport, saveOwnReport } from './reports/own-report-service';
import { type QueueBundle, type ReadContents, exportPlanBundle, exportReportBundle, exportReturnBundle, importBundle, listSentBundles, ownFingerprint, previewBundle, sentReportsOf } from './bundles/bundle-service';
import { listBindings, resetParent, unbindUnit } from './bundles/binding-service';
import { fileSecretStore, type SecretStore } from './sync/secret-store';
import { fileHash, forgetRefusedFile, queueBundle, runSync, saveSyncConfig, syncStatus, type SyncState } from './sync/sync-service';
import { createSession } from './auth/session';
import { countUsers, createUser, listUsers, resetPassword, updateUserAccount } from './auth/user-service';
import { exportAudit, listAudit, recordAudit } from './audit/audit-service';
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
}

export interface Services {
  /** Validates raw input against the contract, runs the operation, returns a result; never throws. */
  invoke(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  call<N extends OperationName>(name: N, input: ParsedInput<N> | Record<string, unknown>): Promise<ApiResult<OperationOutput<N>>>;
  close(): Promise<void>;
}

type Handlers = { [N in OperationName]: (input: ParsedInput<N>) => Promise<OperationOutput<N>> };

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

  const handlers: Handlers = {
    'app.status': () => status(),
    'session.signIn': async (input) => {
      await session.signIn(input);
      return status();
    },
    'session.signOut': async () => {
      await session.signOut();
      return status();
    },
    'session.changePassword': async (input) => {
      await session.changePassword(input);
      return status();
    },
    'users.createFirstAdmin': async (input) => {
      await session.firstAdmin(input);
      return status();
    },
    'users.list': () => listUsers(db()),
    'users.create': (input) => createUser(db(), input, now()),
    'users.update': (input) => updateUserAccount(db(), input, now()),
    'users.resetPassword': (input) => resetPassword(db(), input.id, input.password, now()),
    'users.names': async () => (await listUsers(db())).map((u) => ({ id: u.id, name: `${u.fullName} (${u.username})` })),
    'audit.list': (input) => listAudit(db(), input),
    'audit.export': (input) => exportAudit(db(), input, now()),
    'office.get': () => readOffice(db()),
    'office.save': (input) => writeOffice(db(), input, now()),
    'units.list': (input) => listUnitsForApi(db(), input.includeInactive),
    'units.create': (input) => createUnit(db(), input, now()),
    'units.update': (input) => editUnit(db(), input, now()),
    'units.setActive': (input) => setUnitActive(db(), input.id, input.active, now()),
    'units.move': (input) => moveUnit(db(), input.id, input.direction),
    'units.remove': async (input) => {
      await removeUnit(db(), input.id);
      return { done: true as const };
    },
    'groups.list': () => listGroupsForApi(db()),
    'groups.create': (input) => createGroup(db(), input, now()),
    'groups.update': (input) => editGroup(db(), input, now()),
    'groups.setActive': (input) => setGroupActive(db(), input.id, input.active, now()),
    'plans.list': (input) => listPlans(db(), input),
    'plans.get': (input) => getPlan(db(), input.id, input.revision),
    'plans.create': async (input) => createPlan(db(), input.kind, input.year, (await readOffice(db()))!, now()),
    'plans.derive': async (input) => derivePlan(db(), input.parentPlanId, (await readOffice(db()))!, now()),
    'imports.parse': async (input) => parseImport(db(), (await readOffice(db()))!, input, now(), untrusted),
    'imports.save': (input) => saveImport(db(), input, now()),
    'plans.saveDraft': (input) => saveDraft(db(), input.id, input.content, now()),
    'plans.issue': (input) => issuePlan(db(), input.id, input.number, input.issueDate, now()),
    'plans.revise': (input) => revisePlan(db(), input.id, input.reason, input.content, now()),
    'plans.revisions': (input) => listRevisions(db(), input.id),
    'plans.remove': async (input) => {
      await removeDraft(db(), input.id);
      return { done: true as const };
    },
    'plans.exportDocx': (input) => exportPlanDocx(db(), input.id, input.revision),
    'plans.search': (input) => searchPlans(db(), input.query),
    'overview.deadlines': (input) => listDeadlines(db(), input.year, input.today ?? localIsoDate(now())),
    'reports.open': (input) => openReport(db(), input.planId, input.dutyId, input.unitId, now()),
    'reports.get': (input) => getReport(db(), input.id),
    'reports.save': (input) => saveReport(db(), input.id, input.content, now()),
    'reports.submit': async (input) => submitReport(db(), input.id, input.receivedDate, now(), await session.personName()),
    'reports.accept': async (input) => reviewReport(db(), input.id, 'accepted', '', now(), await session.personName()),
    'reports.return': async (input) => reviewReport(db(), input.id, 'returned', input.reason, now(), await session.personName()),
    'reports.revisions': (input) => reportRevisions(db(), input.id),
    'reports.matrix': (input) => reportMatrix(db(), input.planId, input.today ?? localIsoDate(now())),
    'reports.consolidation': (input) => consolidate(db(), input.planId, input.dutyId),
    'reports.saveOfficeText': (input) => saveOfficeReportText(db(), input.planId, input.dutyId, input.text, now()),
    'reports.exportConsolidated': (input) => exportConsolidated(db(), input.planId, input.dutyId, input.format),
    'reports.exportReminder': (input) => exportReminder(db(), input.planId, input.dutyId, input.today ?? localIsoDate(now())),
    'attachments.add': (input) => storeAttachment(db(), paths.dataDir, input.fileName, Buffer.from(input.base64, 'base64'), now()),
    'attachments.get': async (input) => ({ base64: (await readAttachment(db(), paths.dataDir, input.sha256)).toString('base64') }),
    'bundles.exportPlan': async (input) => deliverBundle(await exportPlanBundle(db(), input.planId, input.unitId, now(), queueFor(input.deliver)), input.deliver),
    'bundles.exportReport': async (input) => deliverBundle(await exportReportBundle(db(), paths.dataDir, input.planId, input.dutyId, now(), queueFor(input.deliver)), input.deliver),
    'bundles.preview': (input) => previewBundle(db(), Buffer.from(input.base64, 'base64'), readBundleContents),
    'bundles.import': async (input) => {
      const bytes = Buffer.from(input.base64, 'base64');
      const hash = fileHash(bytes); // before the bytes are handed to the worker
      const result = await importWithBackup(bytes, input.acceptKey, (await session.personName()) ?? 'Không rõ');
      await forgetRefusedFile(db(), hash); // taken by hand: the inbox no longer skips it, and removes it as a duplicate
      return result;
    },
    'bundles.bindings': () => listBindings(db()),
    'bundles.unbindUnit': (input) => unbindUnit(db(), input.unitId),
    'bundles.resetParent': () => resetParent(db()),
    'bundles.sent': () => listSentBundles(db()),
    'bundles.fingerprint': async () => ({ fingerprint: await ownFingerprint(db()) }),
    'bundles.exportReturn': async (input) => deliverBundle(await exportReturnBundle(db(), input.reportId, now(), queueFor(input.deliver)), input.deliver),
    'bundles.sentReports': (input) => sentReportsOf(db(), input.planId),
    'ownReports.get': (input) => getOwnReport(db(), input.planId, input.dutyId),
    'ownReports.save': (input) => saveOwnReport(db(), input.planId, input.dutyId, input.content, now()),
    'dialogs.chooseFolder': async () => ({ path: null }), // no window here; Electron's main process answers it
    'dialogs.chooseBackupFile': async () => ({ path: null }),
    'sync.status': () => syncStatus(db(), secrets, syncState),
    'sync.saveConfig': (input) => saveSyncConfig(db(), secrets, input),
    'sync.runNow': async () => {
      await syncOnce();
      return syncStatus(db(), secrets, syncState);
    },
    ...backups.handlers,
    ...encryption.handlers,
  };

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
