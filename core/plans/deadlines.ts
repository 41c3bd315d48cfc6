import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listGroups } from '../../db/units/group-repo';
import { listUnits } from '../../db/units/unit-repo';
import { daysBetween, type IsoDate } from '../../shared/dates/vn-date';
import { DUTY_KIND_LABELS, type UnitRef } from '../../shared/plans/plan-schemas';
import { dutyCutoff } from '../../shared/plans/reporting-periods';
import { timeframeDueDate } from '../../shared/plans/timeframe-text';
import type { DeadlineBucket, DeadlineItem } from '../../shared/plans/search-schemas';
import { listPlanViews } from './plan-service';

export function bucketFor(daysLeft: number): DeadlineBucket {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 7) return 'week';
  if (daysLeft <= 30) return 'month';
  return 'later';
}

/**
 * What falls due in a year: task deadlines of the office's issued plans, and the reporting duties of
 * its issued plans and of the plans it received, each with the units that carry it.
 */
export async function listDeadlines(db: Kysely<Database>, year: number, today: IsoDate): Promise<DeadlineItem[]> {
  const units = await listUnits(db, true);
  const groups = await listGroups(db);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const groupMembers = new Map(groups.map((g) => [g.id, g.memberIds]));
  const expand = (refs: UnitRef[]) => {
    const out = new Map<string, { id: string | null; name: string }>();
    for (const r of refs) {
      if (r.type === 'unit') out.set(r.unitId, { id: r.unitId, name: unitName.get(r.unitId) ?? '' });
      else if (r.type === 'group') for (const id of groupMembers.get(r.groupId) ?? []) out.set(id, { id, name: unitName.get(id) ?? '' });
      else out.set(`x:${r.name}`, { id: null, name: r.name });
    }
    return [...out.values()];
  };

  const items: DeadlineItem[] = [];
  const plans = (await listPlanViews(db, { year: null, status: null })).filter((p) => p.status !== 'draft');
  for (const plan of plans) {
    const base = { planId: plan.id, planTitle: plan.content.title, documentNumber: plan.documentNumber };
    const push = (item: Omit<DeadlineItem, 'daysLeft' | 'bucket' | keyof typeof base>) => {
      if (Number(item.dueDate.slice(0, 4)) !== year) return;
      const daysLeft = daysBetween(today, item.dueDate);
      items.push({ ...base, ...item, daysLeft, bucket: bucketFor(daysLeft) });
    };
    if (plan.status === 'issued') {
      for (const t of plan.content.tasks) {
        const due = timeframeDueDate(t.timeframe);
        if (due) push({ kind: 'task', taskId: t.id, label: `Nhiệm vụ ${t.ordinal}: ${t.body}`, dueDate: due, units: expand([...t.lead, ...t.coordinating, ...t.implementing]), cutoff: null });
      }
    }
    for (const d of plan.content.duties) {
      push({
        kind: 'duty',
        taskId: null,
        label: d.label || DUTY_KIND_LABELS[d.kind],
        dueDate: d.dueDate!,
        units: plan.status === 'received' ? [{ id: null, name: 'Cơ quan (báo cáo cấp trên)' }] : expand(d.units),
        cutoff: dutyCutoff(d, plan.content.year),
      });
    }
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
