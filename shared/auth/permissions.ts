import type { OperationName } from '../api/contract';
import { ROLE_LABELS, type Role } from './auth-schemas';

/**
 * Who may run each operation, and what the audit log calls it. Every operation must be listed
 * (the type makes a new operation without a rule a compile error). `label` marks an operation that
 * changes something: it is written to the audit log. The services check this before any handler runs,
 * so the rule holds for the UI and for a direct API call alike.
 */
export type Access = 'anyone' | 'signedIn' | readonly Role[];
export interface Rule {
  access: Access;
  label?: string;
}

const ENTER: readonly Role[] = ['chuyen_vien', 'lanh_dao'];
const APPROVE: readonly Role[] = ['lanh_dao'];
const ADMIN: readonly Role[] = ['quan_tri'];
const LEAD_OR_ADMIN: readonly Role[] = ['lanh_dao', 'quan_tri'];
const read: Rule = { access: 'signedIn' };

export const OPERATION_RULES: Record<OperationName, Rule> = {
  'app.status': { access: 'anyone' },
  'session.signIn': { access: 'anyone' },
  'session.signOut': { access: 'signedIn' },
  'session.changePassword': { access: 'signedIn', label: 'Đổi mật khẩu' },
  'users.createFirstAdmin': { access: 'anyone', label: 'Tạo tài khoản quản trị đầu tiên' },
  'users.list': { access: ADMIN },
  'users.create': { access: ADMIN, label: 'Tạo tài khoản' },
  'users.update': { access: ADMIN, label: 'Sửa tài khoản' },
  'users.resetPassword': { access: ADMIN, label: 'Đặt lại mật khẩu' },
  'users.names': { access: LEAD_OR_ADMIN },
  'audit.list': { access: LEAD_OR_ADMIN },
  'audit.export': { access: LEAD_OR_ADMIN },
  'office.get': { access: 'anyone' },
  'office.save': { access: ADMIN, label: 'Sửa thông tin cơ quan' },
  'units.list': read,
  'units.create': { access: ADMIN, label: 'Thêm đơn vị' },
  'units.update': { access: ADMIN, label: 'Sửa đơn vị' },
  'units.setActive': { access: ADMIN, label: 'Ngừng/dùng lại đơn vị' },
  'units.move': { access: ADMIN, label: 'Đổi thứ tự đơn vị' },
  'units.remove': { access: ADMIN, label: 'Xóa đơn vị' },
  'groups.list': read,
  'groups.create': { access: ADMIN, label: 'Thêm nhóm đơn vị' },
  'groups.update': { access: ADMIN, label: 'Sửa nhóm đơn vị' },
  'groups.setActive': { access: ADMIN, label: 'Ngừng/dùng lại nhóm đơn vị' },
  'backups.list': read,
  'backups.restore': { access: ADMIN, label: 'Khôi phục dữ liệu từ bản sao lưu' },
  'backups.settings': read,
  'backups.saveRetention': { access: ADMIN, label: 'Đổi quy tắc giữ bản sao lưu' },
  // A copy of the data hurts no one: anyone signed in may make one.
  'backups.create': { access: 'signedIn', label: 'Sao lưu ngay' },
  'backups.inspect': { access: ADMIN },
  'backups.exportAll': { access: ADMIN, label: 'Xuất toàn bộ dữ liệu' },
  'backups.exportProgress': { access: ADMIN },
  'dialogs.chooseBackupFile': read,
  'encryption.status': read,
  'encryption.enable': { access: ADMIN, label: 'Bật mã hóa dữ liệu trên máy' },
  'encryption.disable': { access: ADMIN, label: 'Tắt mã hóa dữ liệu trên máy' },
  // Answers only while the data file cannot be opened (nobody can be signed in then), like restore.
  'encryption.unlock': { access: ADMIN, label: 'Mở dữ liệu bằng mã khôi phục' },
  'plans.list': read,
  'plans.get': read,
  'plans.create': { access: ENTER, label: 'Tạo kế hoạch' },
  'plans.derive': { access: ENTER, label: 'Xây dựng kế hoạch từ kế hoạch cấp trên' },
  'imports.parse': { access: ENTER },
  'imports.progress': { access: ENTER },
  'imports.cancel': { access: ENTER },
  'imports.save': { access: ENTER, label: 'Nhập kế hoạch từ văn bản' },
  'plans.saveDraft': { access: ENTER, label: 'Lưu dự thảo kế hoạch' },
  'plans.issue': { access: APPROVE, label: 'Ban hành kế hoạch' },
  'plans.revise': { access: APPROVE, label: 'Sửa đổi kế hoạch đã ban hành' },
  'plans.revisions': read,
  'plans.remove': { access: ENTER, label: 'Xóa dự thảo kế hoạch' },
  'plans.exportDocx': read,
  'plans.search': read,
  'search.all': read,
  'overview.deadlines': read,
  'reports.open': { access: ENTER },
  'reports.get': read,
  'reports.save': { access: ENTER, label: 'Lưu báo cáo của đơn vị' },
  'reports.submit': { access: ENTER, label: 'Ghi nhận đơn vị nộp báo cáo' },
  'reports.accept': { access: APPROVE, label: 'Chấp nhận báo cáo' },
  'reports.return': { access: APPROVE, label: 'Trả lại báo cáo' },
  'reports.revisions': read,
  'reports.matrix': read,
  'reports.ofUnit': read,
  'reports.consolidation': read,
  'reports.saveOfficeText': { access: ENTER, label: 'Lưu báo cáo tổng hợp' },
  'reports.exportConsolidated': read,
  'reports.exportReminder': read,
  'attachments.add': { access: ENTER },
  'attachments.get': read,
  'bundles.exportPlan': { access: APPROVE, label: 'Gửi kế hoạch cho đơn vị' },
  'bundles.exportReport': { access: ENTER, label: 'Gửi báo cáo lên cấp trên' },
  'bundles.preview': read,
  'bundles.import': { access: ENTER, label: 'Nhận tệp gói' },
  'bundles.sent': read,
  'bundles.fingerprint': read,
  'bundles.exportReturn': { access: APPROVE, label: 'Gửi trả báo cáo cho đơn vị' },
  'bundles.sentReports': read,
  'bundles.bindings': read,
  'bundles.unbindUnit': { access: LEAD_OR_ADMIN, label: 'Gỡ máy đã gắn với đơn vị' },
  'bundles.resetParent': { access: LEAD_OR_ADMIN, label: 'Đổi cơ quan cấp trên' },
  'ownReports.get': read,
  'ownReports.exportDocx': read,
  'ownReports.save': { access: ENTER, label: 'Lưu báo cáo của cơ quan' },
  'dialogs.chooseFolder': read,
  'dialogs.chooseCertificateFile': read,
  'sync.status': read,
  'sync.saveConfig': { access: ADMIN, label: 'Sửa cách gửi, nhận' },
  'sync.runNow': { access: ENTER },
};

export function mayRun(roles: readonly Role[], name: OperationName): boolean {
  const { access } = OPERATION_RULES[name];
  return access === 'anyone' || access === 'signedIn' || access.some((r) => roles.includes(r));
}

/** "Lãnh đạo" or "Chuyên viên hoặc Lãnh đạo": who may do what a refused person tried. */
export function rolesNeeded(name: OperationName): string {
  const { access } = OPERATION_RULES[name];
  if (typeof access === 'string') return '';
  return access.map((r) => ROLE_LABELS[r]).join(' hoặc ');
}
