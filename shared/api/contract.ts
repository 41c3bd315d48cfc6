import { z } from 'zod';
import './validation';
import { Office, OfficeInput } from '../office/office-schemas';
import {
  GroupCreateInput,
  GroupUpdateInput,
  Unit,
  UnitCreateInput,
  UnitGroup,
  UnitUpdateInput,
} from '../units/unit-schemas';
import { isoDate, requiredText, uuid } from './fields';
import { PLAN_STATES, SENT_BUNDLE_STATES } from '../workflow/states';
import { PLAN_KINDS, PlanContent, PlanSummary, PlanView, RevisionInfo } from '../plans/plan-schemas';
import { DeadlineItem, SearchResult, SearchResults } from '../plans/search-schemas';
import { UnitReports } from '../reports/unit-reports';
import { AttachmentRef, Matrix, OwnReportView, ReportContent, ReportView } from '../reports/report-schemas';
import { Consolidation, OfficeReportText } from '../reports/consolidation';
import { BUNDLE_KINDS, BundlePreview, InstallationBindings } from '../bundles/bundle-schemas';
import { SyncConfig, SyncConfigInput, SyncStatus } from '../sync/sync-schemas';
import { ImportResult, NameTarget, ReadProgress } from '../import/parsed-plan';
import { AuditEvent, AuditFilter, User, UserCreateInput, UserUpdateInput, enteredPassword, newPassword } from '../auth/auth-schemas';
import { EncryptionEnabled, EncryptionStatus, recoveryCode } from '../encryption/encryption-schemas';
import { BackupInfo, BackupInspection, BackupSettings, BackupSource, ExportJob, folderPath, RetentionRule } from '../backups/backup-schemas';

/**
 * The one API of the app. Every operation the UI can ask for is listed here with its input and
 * output schema; the Electron main process and the HTTP harness both validate against it.
 */
const noInput = z.strictObject({});
const byId = z.strictObject({ id: uuid });
const setActive = z.strictObject({ id: uuid, active: z.boolean({ error: 'Phải là có hoặc không' }) });
const done = z.object({ done: z.literal(true) });
const planDuty = z.strictObject({ planId: uuid, dutyId: uuid });
const generatedFile = z.object({ fileName: z.string(), base64: z.string() });
const bundleBytes = z.string().max(140_000_000, { error: 'Tệp gói lớn hơn 100 MB' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Nội dung tệp không hợp lệ' });
/** 'file': save through the dialog (USB stick); 'outbox': send with the next connection. */
const deliver = z.enum(['file', 'outbox']).default('file');
const planYear = z.number({ error: 'Năm phải là số' }).int().min(2000, { error: 'Năm không hợp lệ' }).max(2100, { error: 'Năm không hợp lệ' });

export { BackupInfo };

export const AppStatus = z.object({
  /** needsAdmin: no account yet (first run or an upgraded installation); signedOut: someone must sign in. */
  state: z.enum(['ready', 'needsSetup', 'needsAdmin', 'signedOut', 'databaseError']),
  /** The person signed in on this PC, if any. */
  user: User.nullable(),
  installationId: z.string().nullable(),
  schemaVersion: z.number().nullable(),
  appSchemaVersion: z.number(),
  dataDir: z.string(),
  office: Office.nullable(),
  /** Present when state is databaseError: what is wrong with the data file, in Vietnamese. */
  databaseError: z.string().nullable(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const operations = {
  'app.status': { input: noInput, output: AppStatus },
  'session.signIn': {
    input: z.strictObject({ username: z.string({ error: 'Không được để trống' }).trim().min(1, { error: 'Không được để trống' }).max(40, { error: 'Dài quá 40 ký tự' }), password: enteredPassword }),
    output: AppStatus,
  },
  'session.signOut': { input: noInput, output: AppStatus },
  'session.changePassword': { input: z.strictObject({ currentPassword: enteredPassword, newPassword }), output: AppStatus },
  'users.createFirstAdmin': { input: UserCreateInput, output: AppStatus },
  'users.list': { input: noInput, output: z.array(User) },
  'users.create': { input: UserCreateInput, output: User },
  'users.update': { input: UserUpdateInput, output: User },
  'users.resetPassword': { input: z.strictObject({ id: uuid, password: newPassword }), output: User },
  'users.names': { input: noInput, output: z.array(z.object({ id: z.string(), name: z.string() })) },
  'audit.list': {
    input: z.strictObject({ ...AuditFilter.shape, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ total: z.number(), events: z.array(AuditEvent) }),
  },
  'audit.export': { input: AuditFilter, output: generatedFile },
  'office.get': { input: noInput, output: Office.nullable() },
  'office.save': { input: OfficeInput, output: Office },
  'units.list': {
    input: z.strictObject({ includeInactive: z.boolean().default(true) }),
    output: z.array(Unit),
  },
  'units.create': { input: UnitCreateInput, output: Unit },
  'units.update': { input: UnitUpdateInput, output: Unit },
  'units.setActive': { input: setActive, output: Unit },
  'units.move': {
    input: z.strictObject({ id: uuid, direction: z.enum(['up', 'down'], { error: 'Chọn lên hoặc xuống' }) }),
    output: z.array(Unit),
  },
  'units.remove': { input: byId, output: done },
  'groups.list': { input: noInput, output: z.array(UnitGroup) },
  'groups.create': { input: GroupCreateInput, output: UnitGroup },
  'groups.update': { input: GroupUpdateInput, output: UnitGroup },
  'groups.setActive': { input: setActive, output: UnitGroup },
  // Backups, verified restore and the export of everything. Restore, retention and export are for the
  // quản trị role; keep these together so the role map can name them.
  'backups.list': { input: noInput, output: z.array(BackupInfo) },
  'backups.settings': { input: noInput, output: BackupSettings },
  'backups.saveRetention': { input: RetentionRule, output: BackupSettings },
  /** "Sao lưu ngay": into the backup folder (folder null) or a folder the clerk chose, such as a USB stick. */
  'backups.create': { input: z.strictObject({ folder: folderPath.nullable().default(null) }), output: BackupInfo.extend({ path: z.string() }) },
  /** Checks a backup and counts what it holds next to the current data; writes nothing. */
  'backups.inspect': { input: BackupSource, output: BackupInspection },
  /** Backs up the current data, then puts the verified backup in its place atomically. */
  'backups.restore': { input: BackupSource, output: AppStatus },
  /** Starts writing the archive of everything (.zip) into a folder; follow it with backups.exportProgress. */
  'backups.exportAll': { input: z.strictObject({ folder: folderPath }), output: ExportJob },
  'backups.exportProgress': { input: z.strictObject({ jobId: uuid }), output: ExportJob },
  // "Mã hóa dữ liệu trên máy" (quản trị): off by default; the key is kept by the operating system.
  'encryption.status': { input: noInput, output: EncryptionStatus },
  /** Backs up, encrypts the data file and the backup folder with a new random key; returns the recovery code, shown once. */
  'encryption.enable': { input: noInput, output: EncryptionEnabled },
  /** Backs up (encrypted), then decrypts the data file; the key is kept so encrypted backups still restore here. */
  'encryption.disable': { input: noInput, output: EncryptionStatus },
  /** When the data file is encrypted with a key this computer does not hold: opens it with the recovery code. */
  'encryption.unlock': { input: z.strictObject({ recoveryCode }), output: AppStatus },
  'plans.list': {
    input: z.strictObject({ year: planYear.nullable().default(null), status: z.enum(PLAN_STATES).nullable().default(null) }),
    output: z.array(PlanSummary),
  },
  'plans.get': { input: z.strictObject({ id: uuid, revision: z.number().int().min(1).nullable().default(null) }), output: PlanView },
  'plans.create': { input: z.strictObject({ kind: z.enum(PLAN_KINDS, { error: 'Chọn loại kế hoạch' }), year: planYear }), output: PlanView },
  'plans.derive': { input: z.strictObject({ parentPlanId: uuid }), output: PlanView },
  'plans.saveDraft': { input: z.strictObject({ id: uuid, content: PlanContent }), output: PlanView },
  'plans.issue': {
    input: z.strictObject({
      id: uuid,
      number: z.string().trim().regex(/^\d{1,5}$/, { error: 'Số văn bản là số, ví dụ 05' }),
      issueDate: isoDate,
    }),
    output: PlanView,
  },
  'plans.revise': { input: z.strictObject({ id: uuid, reason: requiredText(1000), content: PlanContent }), output: PlanView },
  'plans.revisions': { input: byId, output: z.array(RevisionInfo) },
  'plans.remove': { input: byId, output: done },
  'plans.exportDocx': {
    input: z.strictObject({ id: uuid, revision: z.number().int().min(1).nullable().default(null) }),
    output: generatedFile,
  },
  'imports.parse': {
    input: z.strictObject({
      fileName: z.string().max(300).default('van-ban.txt'),
      // A file as base64 (at most 50 MB), or text pasted by the clerk.
      base64: z.string().max(70_000_000, { error: 'Tệp lớn hơn 50 MB, không phải một văn bản kế hoạch.' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Nội dung tệp không hợp lệ' }).nullable().default(null),
      text: z.string().max(2_000_000, { error: 'Văn bản dán vào dài quá 2 triệu ký tự' }).nullable().default(null),
      // Chosen by the window so that it can follow the reading (imports.progress) and stop it (imports.cancel).
      jobId: uuid.nullable().default(null),
    }),
    output: ImportResult,
  },
  /** The page an imports.parse under way is reading ("Đang đọc trang 3/9"); null before the first page and after the end. */
  'imports.progress': { input: z.strictObject({ jobId: uuid }), output: ReadProgress.nullable() },
  /** Stops an imports.parse under way (its worker is ended; the parse answers with a refusal). Done also when it had already ended. */
  'imports.cancel': { input: z.strictObject({ jobId: uuid }), output: done },
  'imports.save': {
    input: z.strictObject({
      kind: z.enum(PLAN_KINDS, { error: 'Chọn lưu làm kế hoạch cấp trên hay dự thảo của cơ quan' }),
      content: PlanContent,
      names: z
        .array(
          z.strictObject({ name: requiredText(300), target: NameTarget }),
        )
        .max(300)
        .default([]),
    }),
    output: PlanView,
  },
  'plans.search': { input: z.strictObject({ query: z.string().max(200, { error: 'Từ khóa quá dài' }) }), output: z.array(SearchResult) },
  /** The search box: units (a unit's name opens its reports), their reports, plans and tasks. */
  'search.all': { input: z.strictObject({ query: z.string().max(200, { error: 'Từ khóa quá dài' }) }), output: SearchResults },
  'overview.deadlines': { input: z.strictObject({ year: planYear, today: isoDate.nullable().default(null) }), output: z.array(DeadlineItem) },
  'reports.open': { input: z.strictObject({ planId: uuid, dutyId: uuid, unitId: uuid }), output: ReportView },
  'reports.get': { input: byId, output: ReportView },
  'reports.save': { input: z.strictObject({ id: uuid, content: ReportContent }), output: ReportView },
  'reports.submit': { input: z.strictObject({ id: uuid, receivedDate: isoDate }), output: ReportView },
  'reports.accept': { input: byId, output: ReportView },
  'reports.return': { input: z.strictObject({ id: uuid, reason: requiredText(2000) }), output: ReportView },
  'reports.revisions': {
    input: byId,
    output: z.array(z.object({ revision: z.number(), receivedDate: z.string(), changes: z.array(z.string()) })),
  },
  /** One unit's reports across plans and years, and those it still owes. */
  'reports.ofUnit': { input: z.strictObject({ unitId: uuid }), output: UnitReports },
  'reports.matrix': { input: z.strictObject({ planId: uuid, today: isoDate.nullable().default(null) }), output: Matrix },
  'reports.consolidation': { input: planDuty, output: Consolidation },
  'reports.saveOfficeText': { input: z.strictObject({ planId: uuid, dutyId: uuid, text: OfficeReportText }), output: Consolidation },
  'reports.exportConsolidated': { input: z.strictObject({ planId: uuid, dutyId: uuid, format: z.enum(['docx', 'xlsx']) }), output: generatedFile },
  'reports.exportReminder': { input: z.strictObject({ planId: uuid, dutyId: uuid, today: isoDate.nullable().default(null) }), output: generatedFile },
  'attachments.add': {
    input: z.strictObject({ fileName: requiredText(255), base64: z.string().max(30_000_000, { error: 'Tệp lớn hơn 20 MB' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Nội dung tệp không hợp lệ' }) }),
    output: AttachmentRef,
  },
  'attachments.get': { input: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã tệp không hợp lệ' }) }), output: z.object({ base64: z.string() }) },
  'bundles.exportPlan': { input: z.strictObject({ planId: uuid, unitId: uuid, deliver: deliver }), output: generatedFile },
  'bundles.exportReport': { input: z.strictObject({ planId: uuid, dutyId: uuid, deliver: deliver }), output: generatedFile },
  'bundles.preview': { input: z.strictObject({ base64: bundleBytes }), output: BundlePreview },
  'bundles.import': {
    input: z.strictObject({ base64: bundleBytes, acceptKey: z.boolean().default(false) }),
    output: z.object({ result: z.enum(['imported', 'duplicate']), message: z.string(), receipt: generatedFile.nullable() }),
  },
  'bundles.sent': {
    input: noInput,
    output: z.array(z.object({ bundleId: z.string(), kind: z.enum(BUNDLE_KINDS), fileName: z.string(), recipient: z.string(), revision: z.number(), status: z.enum(SENT_BUNDLE_STATES), note: z.string(), createdAt: z.string(), receivedAt: z.string().nullable() })),
  },
  'bundles.fingerprint': { input: noInput, output: z.object({ fingerprint: z.string() }) },
  'bundles.exportReturn': { input: z.strictObject({ reportId: uuid, deliver: deliver }), output: generatedFile },
  /** Each unit's bound installation key and the key of the body above. */
  'bundles.bindings': { input: noInput, output: InstallationBindings },
  /** After a reinstall or a new PC: the unit's next bundle is confirmed like a first one. */
  'bundles.unbindUnit': { input: z.strictObject({ unitId: uuid, reason: requiredText(1000) }), output: InstallationBindings },
  /** The body above changed its PC (or was confirmed by mistake): its next plan is confirmed like a first one. */
  'bundles.resetParent': { input: z.strictObject({ reason: requiredText(1000) }), output: InstallationBindings },
  'bundles.sentReports': {
    input: z.strictObject({ planId: uuid }),
    output: z.array(z.object({ dutyId: z.string(), revision: z.number(), status: z.enum(SENT_BUNDLE_STATES), note: z.string() })),
  },
  'ownReports.get': { input: planDuty, output: OwnReportView },
  'ownReports.save': { input: z.strictObject({ planId: uuid, dutyId: uuid, content: ReportContent }), output: OwnReportView },
  /** The office's own report as its BÁO CÁO (.docx). */
  'ownReports.exportDocx': { input: planDuty, output: generatedFile },
  /** A native folder picker where the host has one (Electron); elsewhere null, and the clerk types the path. */
  'dialogs.chooseFolder': { input: z.strictObject({ title: requiredText(200) }), output: z.object({ path: z.string().nullable() }) },
  /** A native picker for a backup file (.sqlite) where the host has one; elsewhere null, and the clerk types the path. */
  'dialogs.chooseBackupFile': { input: z.strictObject({ title: requiredText(200) }), output: z.object({ path: z.string().nullable() }) },
  /** A native picker for the WebDAV server's certificate (.crt, .pem, .cer) where the host has one; elsewhere null. */
  'dialogs.chooseCertificateFile': { input: z.strictObject({ title: requiredText(200) }), output: z.object({ path: z.string().nullable() }) },
  'sync.status': { input: noInput, output: SyncStatus },
  'sync.saveConfig': { input: SyncConfigInput, output: SyncConfig },
  'sync.runNow': { input: noInput, output: SyncStatus },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
