import crypto from 'node:crypto';
import type { Services } from '../../core/services';
import type { PlanContentInput, PlanTask } from '../../shared/plans/plan-schemas';
import { call } from './services';

export function task(ordinal: string, body: string, extra: Partial<PlanTask> = {}): PlanTask {
  return {
    id: crypto.randomUUID(),
    ordinal,
    body,
    subItems: [],
    directing: [],
    lead: [],
    coordinating: [],
    implementing: [],
    implementingLabel: 'thuc-hien',
    timeframe: { kind: 'ongoing', year: null, dueDate: null, from: null, to: null, text: '' },
    parentTaskId: null,
    ...extra,
  };
}

export async function newPlanWith(services: Services, kind: 'own' | 'received', year: number, change: (c: PlanContentInput) => PlanContentInput) {
  const plan = await call(services, 'plans.create', { kind, year });
  return call(services, 'plans.saveDraft', { id: plan.id, content: change(plan.content) });
}
