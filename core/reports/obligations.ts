import type { Executor } from '../../db/executor';
import { listGroupMembers } from '../../db/units/group-repo';
import { listUnitOrder } from '../../db/units/unit-repo';
import type { PlanContent, ReportingDuty, TaskRole, UnitRef } from '../../shared/plans/plan-schemas';
import { DUTY_KIND_LABELS } from '../../shared/plans/plan-schemas';
import { documentNumber } from '../plans/plan-service';

export interface OrgLookup {
  /** Every unit's id in the displayed order (also the order in documents). */
  order: string[];
  unitName: Map<string, string>;
  activeUnits: Set<string>;
  groupMembers: Map<string, string[]>;
}

/** Read for every report opened, saved, sent or reviewed: only the columns used (no aliases, no group rows). */
export async function orgLookup(db: Executor): Promise<OrgLookup> {
  const units = await listUnitOrder(db);
  const position = new Map(units.map((u, i) => [u.id, i]));
  const groupMembers = await listGroupMembers(db);
  for (const ids of groupMembers.values()) ids.sort((a, b) => position.get(a)! - position.get(b)!); // in the displayed order
  return {
    order: units.map((u) => u.id),
    unitName: new Map(units.map((u) => [u.id, u.name])),
    activeUnits: new Set(units.filter((u) => u.active === 1).map((u) => u.id)),
    groupMembers,
  };
}

/** Concrete units named by references, groups expanded; outside bodies are not ours to chase. */
export function unitsOf(refs: UnitRef[], org: OrgLookup): string[] {
  const out = new Set<string>();
  for (const r of refs) {
    const ids = r.type === 'unit' ? [r.unitId] : r.type === 'group' ? (org.groupMembers.get(r.groupId) ?? []) : [];
    for (const id of ids) out.add(id);
  }
  return [...out];
}

const CARRYING_ROLES: TaskRole[] = ['lead', 'coordinating', 'implementing'];
const ROLE_WORDS: Record<TaskRole, string> = { directing: 'chỉ đạo', lead: 'chủ trì', coordinating: 'phối hợp', implementing: 'thực hiện' };

/** Whether the references name the unit, itself or through a group: unitsOf(refs, org).includes(unitId), without listing every member. */
function names(refs: UnitRef[], unitId: string, org: OrgLookup): boolean {
  return refs.some((r) => (r.type === 'unit' ? r.unitId === unitId : r.type === 'group' && (org.groupMembers.get(r.groupId)?.includes(unitId) ?? false)));
}

/** The tasks a unit reports on: those it leads, coordinates or carries out, groups expanded. */
export function tasksCarriedBy(content: PlanContent, unitId: string, org: OrgLookup) {
  return content.tasks
    .map((t) => ({ taskId: t.id, ordinal: t.ordinal, body: t.body, roles: CARRYING_ROLES.filter((role) => names(t[role], unitId, org)).map((r) => ROLE_WORDS[r]) }))
    .filter((t) => t.roles.length > 0);
}

export function dutyLabel(duty: ReportingDuty): string {
  return duty.label || DUTY_KIND_LABELS[duty.kind];
}

/** What every report screen says of the duty it answers: which plan, which report, due when. */
export function dutyHeading(planId: string, plan: PlanContent, duty: ReportingDuty) {
  return { planId, dutyId: duty.id, dutyLabel: dutyLabel(duty), dueDate: duty.dueDate!, planTitle: plan.title, documentNumber: documentNumber(plan) };
}
