import type { PlanContent, PlanTask, ReportingDuty, UnitRef } from './plan-schemas';
import { TASK_ROLES, TASK_ROLE_LABELS, DUTY_KIND_LABELS } from './plan-schemas';
import { timeframeText } from './timeframe-text';
import { formatVnDate } from '../dates/vn-date';

const HEADER_LABELS: Partial<Record<keyof PlanContent, string>> = {
  title: 'trích yếu',
  issuerName: 'tên cơ quan ban hành',
  issuerParent: 'cơ quan chủ quản',
  place: 'địa danh',
  periodStart: 'thời gian bắt đầu của kế hoạch',
  periodEnd: 'thời gian kết thúc của kế hoạch',
  bases: 'căn cứ',
  preamble: 'phần mở đầu',
  purposes: 'mục đích, yêu cầu',
  budget: 'kinh phí',
  organization: 'tổ chức thực hiện',
  closing: 'phần kết',
  recipients: 'nơi nhận',
  signerAuthority: 'thẩm quyền ký',
  signerTitle: 'chức vụ người ký',
  signerName: 'người ký',
  footnotes: 'chú thích',
  indicators: 'chỉ tiêu số liệu',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const refKey = (r: UnitRef) => (r.type === 'unit' ? r.unitId : r.type === 'group' ? r.groupId : r.name) + r.note;

/** What changed between two versions of a plan, as sentences a clerk reads in the revision history. */
export function describePlanChanges(before: PlanContent, after: PlanContent): string[] {
  const changes: string[] = [];
  for (const [key, label] of Object.entries(HEADER_LABELS) as [keyof PlanContent, string][]) {
    if (!same(before[key], after[key])) changes.push(`Sửa ${label}`);
  }
  changes.push(...describeTaskChanges(before.tasks, after.tasks));
  changes.push(...describeDutyChanges(before.duties, after.duties));
  return changes;
}

function describeTaskChanges(before: PlanTask[], after: PlanTask[]): string[] {
  const changes: string[] = [];
  const old = new Map(before.map((t) => [t.id, t]));
  const now = new Set(after.map((t) => t.id));
  for (const t of before) if (!now.has(t.id)) changes.push(`Bỏ nhiệm vụ ${t.ordinal}: ${excerpt(t.body)}`);
  for (const t of after) {
    const o = old.get(t.id);
    if (!o) {
      changes.push(`Thêm nhiệm vụ ${t.ordinal}: ${excerpt(t.body)}`);
      continue;
    }
    const name = `Nhiệm vụ ${t.ordinal}`;
    if (o.ordinal !== t.ordinal) changes.push(`${name}: đổi số thứ tự từ ${o.ordinal}`);
    if (o.body !== t.body) changes.push(`${name}: sửa nội dung`);
    if (!same(o.subItems, t.subItems)) changes.push(`${name}: sửa các ý nhỏ`);
    if (!same(o.timeframe, t.timeframe)) changes.push(`${name}: đổi thời gian thực hiện từ "${timeframeText(o.timeframe) || 'không ghi'}" thành "${timeframeText(t.timeframe) || 'không ghi'}"`);
    for (const role of TASK_ROLES) {
      if (!same(o[role].map(refKey), t[role].map(refKey))) changes.push(`${name}: đổi ${TASK_ROLE_LABELS[role].toLowerCase()}`);
    }
    if (o.parentTaskId !== t.parentTaskId) changes.push(`${name}: đổi nhiệm vụ cấp trên được thực hiện`);
  }
  const keptOrder = (list: PlanTask[]) => list.filter((t) => old.has(t.id) && now.has(t.id)).map((t) => t.id);
  if (!same(keptOrder(before), keptOrder(after))) changes.push('Đổi thứ tự nhiệm vụ');
  return changes;
}

function describeDutyChanges(before: ReportingDuty[], after: ReportingDuty[]): string[] {
  const changes: string[] = [];
  const old = new Map(before.map((d) => [d.id, d]));
  const now = new Set(after.map((d) => d.id));
  const name = (d: ReportingDuty) => d.label || DUTY_KIND_LABELS[d.kind];
  for (const d of before) if (!now.has(d.id)) changes.push(`Bỏ yêu cầu báo cáo: ${name(d)}`);
  for (const d of after) {
    const o = old.get(d.id);
    if (!o) changes.push(`Thêm yêu cầu báo cáo: ${name(d)}${d.dueDate ? ` (hạn ${formatVnDate(d.dueDate)})` : ''}`);
    else if (o.dueDate !== d.dueDate) changes.push(`${name(d)}: đổi hạn từ ${o.dueDate ? formatVnDate(o.dueDate) : '—'} thành ${d.dueDate ? formatVnDate(d.dueDate) : '—'}`);
    else if (!same(o, d)) changes.push(`Sửa yêu cầu báo cáo: ${name(d)}`);
  }
  return changes;
}
