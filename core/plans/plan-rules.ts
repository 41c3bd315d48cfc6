import type { Executor } from '../../db/executor';
import { findForeignDutyIds, findForeignTaskIds } from '../../db/plans/plan-repo';
import { existingIds } from '../../db/existing-ids';
import type { PlanContent, UnitRef } from '../../shared/plans/plan-schemas';
import { TASK_ROLES } from '../../shared/plans/plan-schemas';
import { formatVnDate } from '../../shared/dates/vn-date';
import { AppError } from '../app-error';

/**
 * Rules across fields that the schema alone cannot check: dates inside the plan's period, units that
 * exist, parent tasks that belong to the parent plan, task ids not taken by another plan.
 * Throws one VALIDATION error listing every field at fault.
 */
export async function checkPlanContent(db: Executor, planId: string, content: PlanContent, parentTaskIds: Set<string> | null): Promise<void> {
  const fields: Record<string, string> = {};
  const period = `${formatVnDate(content.periodStart)} – ${formatVnDate(content.periodEnd)}`;
  const inPeriod = (d: string | null) => d === null || (d >= content.periodStart && d <= content.periodEnd);
  if (content.periodStart > content.periodEnd) fields.periodEnd = 'Ngày kết thúc trước ngày bắt đầu';

  const seen = new Set<string>();
  for (const [i, task] of content.tasks.entries()) {
    if (seen.has(task.id)) fields[`tasks.${i}.id`] = 'Nhiệm vụ bị lặp';
    seen.add(task.id);
    for (const key of ['dueDate', 'from', 'to'] as const) {
      if (!inPeriod(task.timeframe[key])) fields[`tasks.${i}.timeframe.${key}`] = `Ngày nằm ngoài thời gian của kế hoạch (${period})`;
    }
    if (task.parentTaskId && !parentTaskIds?.has(task.parentTaskId)) {
      fields[`tasks.${i}.parentTaskId`] = 'Nhiệm vụ cấp trên không thuộc kế hoạch cấp trên của kế hoạch này';
    }
  }
  for (const [i, duty] of content.duties.entries()) {
    if (!inPeriod(duty.dueDate)) fields[`duties.${i}.dueDate`] = `Hạn nằm ngoài thời gian của kế hoạch (${period})`;
  }

  const refs: [string, UnitRef][] = [];
  content.tasks.forEach((t, i) => TASK_ROLES.forEach((role) => t[role].forEach((r, j) => refs.push([`tasks.${i}.${role}.${j}`, r]))));
  content.duties.forEach((d, i) => d.units.forEach((r, j) => refs.push([`duties.${i}.units.${j}`, r])));
  const units = await existingIds(db, 'unit', refs.flatMap(([, r]) => (r.type === 'unit' ? [r.unitId] : [])));
  const groups = await existingIds(db, 'unit_group', refs.flatMap(([, r]) => (r.type === 'group' ? [r.groupId] : [])));
  for (const [path, r] of refs) {
    if ((r.type === 'unit' && !units.has(r.unitId)) || (r.type === 'group' && !groups.has(r.groupId))) fields[path] = 'Đơn vị không còn tồn tại';
  }
  for (const id of await findForeignTaskIds(db, planId, [...seen])) {
    fields[`tasks.${content.tasks.findIndex((t) => t.id === id)}.id`] = 'Mã nhiệm vụ đã thuộc kế hoạch khác';
  }

  const dutyIds = content.duties.map((d) => d.id);
  if (new Set(dutyIds).size !== dutyIds.length) fields.duties = 'Yêu cầu báo cáo bị lặp';
  for (const id of await findForeignDutyIds(db, planId, dutyIds)) {
    fields[`duties.${dutyIds.indexOf(id)}.id`] = 'Mã yêu cầu báo cáo đã thuộc kế hoạch khác';
  }

  const entries = Object.entries(fields);
  if (entries.length) {
    const [path, message] = entries[0]!;
    throw new AppError('VALIDATION', `${describePath(path, content)}: ${message}`, fields);
  }
}

/** "tasks.3.timeframe.dueDate" → "Nhiệm vụ 4, thời gian thực hiện" */
export function describePath(path: string, content: PlanContent): string {
  const [section, index, field] = path.split('.');
  if (section === 'tasks') return `Nhiệm vụ ${content.tasks[Number(index)]?.ordinal ?? Number(index) + 1}${field === 'timeframe' ? ', thời gian thực hiện' : field === 'parentTaskId' ? ', nhiệm vụ cấp trên' : ''}`;
  if (section === 'duties') return `Yêu cầu báo cáo thứ ${Number(index) + 1}`;
  if (section === 'periodEnd') return 'Thời gian của kế hoạch';
  return 'Kế hoạch';
}
