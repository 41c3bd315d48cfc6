import type { OperationName } from './contract';

/**
 * The names of the contract's operations as plain strings, for the preload: it only checks that a name
 * exists, and importing the contract itself would bundle zod and every schema into it (about 800 KB).
 * The import above is type-only, so nothing of the contract reaches a bundle of this file.
 *
 * A name that is not an operation does not compile (`satisfies` below); an operation missing here does not
 * compile either (`Unlisted`); test/unit/operation-names.test.ts compares the list with the contract.
 */
export const OPERATION_NAME_LIST = [
  'app.status',
  'session.signIn', 'session.signOut', 'session.changePassword',
  'users.createFirstAdmin', 'users.list', 'users.create', 'users.update', 'users.resetPassword', 'users.names',
  'audit.list', 'audit.export',
  'office.get', 'office.save',
  'units.list', 'units.create', 'units.update', 'units.setActive', 'units.move', 'units.remove',
  'groups.list', 'groups.create', 'groups.update', 'groups.setActive',
  'backups.list', 'backups.settings', 'backups.saveRetention', 'backups.create', 'backups.inspect', 'backups.restore', 'backups.exportAll', 'backups.exportProgress',
  'encryption.status', 'encryption.enable', 'encryption.disable', 'encryption.unlock',
  'plans.list', 'plans.get', 'plans.create', 'plans.derive', 'plans.saveDraft', 'plans.issue', 'plans.revise', 'plans.revisions', 'plans.remove', 'plans.exportDocx', 'plans.search',
  'search.all',
  'imports.parse', 'imports.progress', 'imports.cancel', 'imports.save',
  'overview.deadlines',
  'reports.open', 'reports.get', 'reports.save', 'reports.submit', 'reports.accept', 'reports.return', 'reports.revisions', 'reports.ofUnit', 'reports.matrix', 'reports.consolidation', 'reports.saveOfficeText', 'reports.exportConsolidated', 'reports.exportReminder',
  'attachments.add', 'attachments.get',
  'bundles.exportPlan', 'bundles.exportReport', 'bundles.preview', 'bundles.import', 'bundles.sent', 'bundles.fingerprint', 'bundles.exportReturn', 'bundles.bindings', 'bundles.unbindUnit', 'bundles.resetParent', 'bundles.sentReports',
  'ownReports.get', 'ownReports.save', 'ownReports.exportDocx',
  'dialogs.chooseFolder', 'dialogs.chooseBackupFile', 'dialogs.chooseCertificateFile',
  'sync.status', 'sync.saveConfig', 'sync.runNow',
] as const satisfies readonly OperationName[];

type MustBeNever<T extends never> = T;
/** An operation of the contract missing from the list makes this line fail: "Type '"x.y"' does not satisfy the constraint 'never'". */
export type UnlistedOperation = MustBeNever<Exclude<OperationName, (typeof OPERATION_NAME_LIST)[number]>>;
