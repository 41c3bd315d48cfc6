import type { Services } from '../../core/services';
import type { PlanContentInput, PlanTask } from '../../shared/plans/plan-schemas';
import { blankTask } from '../../shared/plans/blank-task';
import { call } from './services';

export function task(ordinal: string, body: string, extra: Partial<PlanTask> = {}): PlanTask {
  return { ...blankTask(ordinal, body), ...extra };
}

export async function newPlanWith(services: Services, kind: 'own' | 'received', year: number, change: (c: PlanContentInput) => PlanContentInput) {
  const plan = await call(services, 'plans.create', { kind, year });
  return call(services, 'plans.saveDraft', { id: plan.id, content: change(plan.content) });
}
