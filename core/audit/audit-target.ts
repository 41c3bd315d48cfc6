import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { OperationName } from '../../shared/api/contract';
import { ROLE_LABELS, type Role } from '../../shared/auth/auth-schemas';
import { formatVnDate } from '../../shared/dates/vn-date';

export interface AuditTarget {
  kind: '' | 'plan' | 'report' | 'unit' | 'group' | 'user' | 'office' | 'bundle';
  id: string;
  label: string;
}

const NONE: AuditTarget = { kind: '', id: '', label: '' };
type Fields = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

async function planTarget(db: Kysely<Database>, id: string): Promise<AuditTarget> {
  const row = await db.selectFrom('plan').select(['title', 'number', 'symbol', 'year']).where('id', '=', id).executeTakeFirst();
  if (!row) return { kind: 'plan', id, label: '' };
  const number = row.number ? `Số ${row.number}/${row.symbol}` : `Dự thảo năm ${row.year}`;
  return { kind: 'plan', id, label: `${number}: ${row.title}` };
}

async function reportTarget(db: Kysely<Database>, id: string): Promise<AuditTarget> {
  const row = await db
    .selectFrom('report')
    .innerJoin('unit', 'unit.id', 'report.unit_id')
    .innerJoin('plan', 'plan.id', 'report.plan_id')
    .select(['unit.name as unitName', 'plan.title as planTitle'])
    .where('report.id', '=', id)
    .executeTakeFirst();
  return { kind: 'report', id, label: row ? `Báo cáo của ${row.unitName} (${row.planTitle})` : '' };
}

/**
 * What an operation acted on, named as the clerk knows it. Read before the operation runs (so a
 * removed draft keeps its name) and completed from its result (a plan just created).
 */
export async function targetBefore(db: Kysely<Database>, name: OperationName, input: Fields): Promise<AuditTarget> {
  const id = text(input.id);
  if (name.startsWith('plans.') && id) return planTarget(db, id);
  if (name.startsWith('reports.') && id) return reportTarget(db, id);
  if (text(input.reportId)) return reportTarget(db, text(input.reportId));
  if (text(input.planId)) return planTarget(db, text(input.planId));
  if (text(input.parentPlanId)) return planTarget(db, text(input.parentPlanId));
  if (text(input.unitId)) {
    const row = await db.selectFrom('unit').select('name').where('id', '=', text(input.unitId)).executeTakeFirst();
    return { kind: 'unit', id: text(input.unitId), label: row?.name ?? '' };
  }
  if (name.startsWith('units.') && id) {
    const row = await db.selectFrom('unit').select('name').where('id', '=', id).executeTakeFirst();
    return { kind: 'unit', id, label: row?.name ?? '' };
  }
  if (name.startsWith('users.') && id) {
    const row = await db.selectFrom('app_user').select(['full_name', 'username']).where('id', '=', id).executeTakeFirst();
    return { kind: 'user', id, label: row ? `${row.full_name} (${row.username})` : '' };
  }
  return NONE;
}

export function targetAfter(name: OperationName, before: AuditTarget, output: unknown): AuditTarget {
  if (before.label) return before;
  const out = (output ?? {}) as Fields;
  if (name === 'plans.create' || name === 'plans.derive' || name === 'imports.save') {
    const content = (out.content ?? {}) as Fields;
    return { kind: 'plan', id: text(out.id), label: `${text(out.documentNumber)}: ${text(content.title)}` };
  }
  if (name.startsWith('units.')) return { kind: 'unit', id: text(out.id), label: text(out.name) };
  if (name.startsWith('groups.')) return { kind: 'group', id: text(out.id), label: text(out.name) };
  if (name === 'users.create' || name === 'users.createFirstAdmin') {
    const user = (out.user ?? out) as Fields;
    return { kind: 'user', id: text(user.id), label: `${text(user.fullName)} (${text(user.username)})` };
  }
  if (name === 'office.save') return { kind: 'office', id: '', label: text(out.name) };
  if (name === 'bundles.import') return { kind: 'bundle', id: '', label: text(out.message) };
  return before;
}

/** The words worth keeping beside the action: a reason, a number, a role change. */
export function auditDetail(name: OperationName, input: Fields): string {
  switch (name) {
    case 'reports.return':
    case 'plans.revise':
    case 'bundles.unbindUnit':
    case 'bundles.resetParent':
      return `Lý do: ${text(input.reason)}`;
    case 'plans.issue':
      return `Số ${text(input.number)}, ngày ${formatVnDate(text(input.issueDate))}`;
    case 'reports.submit':
      return `Ngày nhận: ${formatVnDate(text(input.receivedDate))}`;
    case 'users.update':
      return `Vai trò: ${(input.roles as Role[]).map((r) => ROLE_LABELS[r]).join(', ')}; ${input.active ? 'đang dùng' : 'ngừng sử dụng'}`;
    default:
      return '';
  }
}
