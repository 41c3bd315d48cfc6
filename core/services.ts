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
import { listBackups } from '../db/backups';
import { AppError, translateSqliteError } from './app-error';
import { dataPaths } from './data-paths';
import { ensureInstallationIdentity } from './identity/installation-identity';
import { readOffice, writeOffice } from './office/office-service';
import { createUnit, editUnit, listUnitsForApi, moveUnit, removeUnit, setUnitActive } from './units/unit-service';
import { createGroup, editGroup, listGroupsForApi, setGroupActive } from './units/group-service';
import { checkBackup, restoreBackup } from './backups/restore';
import { createPlan, derivePlan, getPlan, issuePlan, listPlans, listRevisions, removeDraft, revisePlan, saveDraft } from './plans/plan-service';
import { parseImport, saveImport } from './import/import-service';
import { searchPlans } from './plans/plan-search';
import { listDeadlines } from './plans/deadlines';
import { exportPlanDocx } from './plans/plan-export';
import { getReport, openReport, reportRevisions, reviewReport, saveReport, submitReport } from './reports/report-service';
import { reportMatrix } from './reports/matrix';
import { consolidate, saveOfficeReportText } from './reports/consolidation-service';
import { exportConsolidated, exportReminder } from './reports/report-exports';
import { readAttachment, storeAttachment } from './reports/attachments';
import { getOwnReport, saveOwnReport } from './reports/own-report-service';
import { exportPlanBundle, exportReportBundle, exportReturnBundle, importBundle, listSentBundles, ownFingerprint, previewBundle, sentReportsOf } from './bundles/bundle-service';
import { fileSecretStore, type SecretStore } from './sync/secret-store';
import { queueBundle, runSync, saveSyncConfig, syncStatus, type SyncState } from './sync/sync-service';

export interface ServiceOptions {
  dataDir: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Where unexpected errors are written (stderr by default); never shown to the clerk. */
  log?: (message: string, error: unknown) => void;
  /** Where the WebDAV password is kept (Electron passes safeStorage); an encrypted file by default. */
  secrets?: SecretStore;
  /** Send and fetch bundles in the background this often, when a transport is configured. */
  syncIntervalMs?: number;
}

export interface Services {
  /** Validates raw input against the contract, runs the operation, returns a result; never throws. */
  invoke(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  call<N extends OperationName>(name: N, input: ParsedInput<N> | Record<string, unknown>): Promise<ApiResult<OperationOutput<N>>>;
  close(): Promise<void>;
}

type Handlers = { [N in OperationName]: (input: ParsedInput<N>) => Promise<OperationOutput<N>> };

/** Operations that still answer when the data file could not be opened. */
const AVAILABLE_WITHOUT_DATABASE = new Set<OperationName>(['app.status', 'backups.list', 'backups.restore', 'dialogs.chooseFolder']);
const AVAILABLE_BEFORE_SETUP = new Set<OperationName>(['app.status', 'office.get', 'office.save', 'backups.list', 'backups.restore']);

/** The calendar date on this PC (offices work in local time, not UTC). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const paths = dataPaths(options.dataDir);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  fs.mkdirSync(paths.dataDir, { recursive: true });

  let opened: OpenedDatabase | null = null;
  let openError: string | null = null;
  let installationId: string | null = null;

  async function open(): Promise<void> {
    try {
      opened = await openDatabase(paths.databaseFile, { backupDir: paths.backupDir, nativeBinding: options.nativeBinding, now });
      installationId = await ensureInstallationIdentity(opened.db, now());
      openError = null;
    } catch (error) {
      opened = null;
      if (!(error instanceof DatabaseOpenError)) log('Không mở được dữ liệu', error);
      openError = error instanceof DatabaseOpenError ? error.message : 'Không mở được tệp dữ liệu.';
    }
  }
  await open();

  const secrets = options.secrets ?? fileSecretStore(paths.dataDir);
  const syncState: SyncState = { lastRunAt: null, lastError: '', waitingInInbox: [], running: false };
  let syncing: Promise<void> | null = null;
  /** One sync round at a time; a caller arriving during a round waits for it and then runs its own. */
  const syncOnce = async (): Promise<void> => {
    while (syncing) await syncing;
    syncing = runSync(db(), paths.dataDir, secrets, syncState, now, async (bytes) => {
      const r = await importBundle(db(), paths.dataDir, bytes, false, now());
      return { receipt: r.receipt, recipient: r.receipt?.recipient ?? '', receiptBundleId: r.receipt?.bundleId ?? null };
    }).finally(() => (syncing = null));
    return syncing;
  };
  /** A bundle made for the outbox leaves with the next connection instead of through the save dialog. */
  const deliverBundle = async (file: { fileName: string; base64: string; bundleId: string; recipient: string }, deliver: 'file' | 'outbox') => {
    if (deliver === 'file') return file;
    await queueBundle(db(), paths.dataDir, { bundleId: file.bundleId, recipient: file.recipient, fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') }, now());
    void syncOnce().catch(() => undefined);
    return { fileName: file.fileName, base64: '' };
  };
  const db = () => {
    if (!opened) throw new AppError('DATABASE', openError ?? 'Chưa mở được dữ liệu.');
    return opened.db;
  };

  async function status(): Promise<AppStatus> {
    const office = opened ? await readOffice(opened.db) : null;
    return {
      state: !opened ? 'databaseError' : office ? 'ready' : 'needsSetup',
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
    'imports.parse': async (input) => parseImport(db(), (await readOffice(db()))!, input, now()),
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
    'reports.submit': (input) => submitReport(db(), input.id, input.receivedDate, now()),
    'reports.accept': (input) => reviewReport(db(), input.id, 'accepted', '', now()),
    'reports.return': (input) => reviewReport(db(), input.id, 'returned', input.reason, now()),
    'reports.revisions': (input) => reportRevisions(db(), input.id),
    'reports.matrix': (input) => reportMatrix(db(), input.planId, input.today ?? localIsoDate(now())),
    'reports.consolidation': (input) => consolidate(db(), input.planId, input.dutyId),
    'reports.saveOfficeText': (input) => saveOfficeReportText(db(), input.planId, input.dutyId, input.text, now()),
    'reports.exportConsolidated': (input) => exportConsolidated(db(), input.planId, input.dutyId, input.format),
    'reports.exportReminder': (input) => exportReminder(db(), input.planId, input.dutyId, input.today ?? localIsoDate(now())),
    'attachments.add': (input) => storeAttachment(db(), paths.dataDir, input.fileName, Buffer.from(input.base64, 'base64'), now()),
    'attachments.get': async (input) => ({ base64: (await readAttachment(db(), paths.dataDir, input.sha256)).toString('base64') }),
    'bundles.exportPlan': async (input) => deliverBundle(await exportPlanBundle(db(), input.planId, input.unitId, now()), input.deliver),
    'bundles.exportReport': async (input) => deliverBundle(await exportReportBundle(db(), paths.dataDir, input.planId, input.dutyId, now()), input.deliver),
    'bundles.preview': (input) => previewBundle(db(), Buffer.from(input.base64, 'base64')),
    'bundles.import': (input) => importBundle(db(), paths.dataDir, Buffer.from(input.base64, 'base64'), input.acceptKey, now()),
    'bundles.sent': () => listSentBundles(db()),
    'bundles.fingerprint': async () => ({ fingerprint: await ownFingerprint(db()) }),
    'bundles.exportReturn': async (input) => deliverBundle(await exportReturnBundle(db(), input.reportId, now()), input.deliver),
    'bundles.sentReports': (input) => sentReportsOf(db(), input.planId),
    'ownReports.get': (input) => getOwnReport(db(), input.planId, input.dutyId),
    'ownReports.save': (input) => saveOwnReport(db(), input.planId, input.dutyId, input.content, now()),
    'dialogs.chooseFolder': async () => ({ path: null }), // no window here; Electron's main process answers it
    'sync.status': () => syncStatus(db(), secrets, syncState),
    'sync.saveConfig': (input) => saveSyncConfig(db(), secrets, input),
    'sync.runNow': async () => {
      await syncOnce();
      return syncStatus(db(), secrets, syncState);
    },
    'backups.list': async () =>
      listBackups(paths.backupDir).map((b) => ({ fileName: b.fileName, createdAt: b.createdAt.toISOString(), sizeBytes: b.sizeBytes })),
    'backups.restore': async (input) => {
      // A missing or damaged backup is refused while the data file is still open (found by fuzzing: the
      // refusal used to come after closing it, leaving the app without its data until restarted).
      checkBackup(paths.backupDir, input.fileName, options.nativeBinding);
      if (opened) await opened.close();
      opened = null;
      try {
        restoreBackup(paths.databaseFile, paths.backupDir, input.fileName, now(), options.nativeBinding);
      } finally {
        await open();
      }
      return status();
    },
  };

  async function invoke(name: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isOperationName(name)) return fail('UNKNOWN_OPERATION', `Thao tác không tồn tại: ${String(name)}`);
    const operation = operations[name];
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      if (!opened && !AVAILABLE_WITHOUT_DATABASE.has(name)) throw new AppError('DATABASE', openError ?? 'Chưa mở được dữ liệu.');
      if (opened && !AVAILABLE_BEFORE_SETUP.has(name) && !(await readOffice(opened.db))) {
        throw new AppError('SETUP_REQUIRED', 'Hãy khai báo thông tin cơ quan trước.');
      }
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return ok(operation.output.parse(value));
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
      while (syncing) await syncing;
      if (opened) await opened.close();
      opened = null;
    },
  };
}
