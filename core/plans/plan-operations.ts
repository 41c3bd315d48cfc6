import { localIsoDate } from '../../shared/dates/vn-date';
import { readOffice } from '../office/office-service';
import type { FeatureContext, OperationsOf } from '../operations';
import { listDeadlines } from './deadlines';
import { exportPlanDocx } from './plan-export';
import { searchPlans } from './plan-search';
import { createPlan, derivePlan, getPlan, issuePlan, listPlans, listRevisions, removeDraft, revisePlan, saveDraft } from './plan-service';

export function planOperations({ db, now }: FeatureContext): OperationsOf<'plans' | 'overview'> {
  return {
    'plans.list': (input) => listPlans(db(), input),
    'plans.get': (input) => getPlan(db(), input.id, input.revision),
    'plans.create': async (input) => createPlan(db(), input.kind, input.year, (await readOffice(db()))!, now()),
    'plans.derive': async (input) => derivePlan(db(), input.parentPlanId, (await readOffice(db()))!, now()),
    'plans.saveDraft': (input) => saveDraft(db(), input.id, input.content, now()),
    'plans.issue': (input) => issuePlan(db(), input.id, input.number, input.issueDate, now()),
    'plans.revise': (input) => revisePlan(db(), input.id, input.reason, input.content, now()),
    'plans.revisions': (input) => listRevisions(db(), input.id),
    'plans.remove': async (input) => {
      await removeDraft(db(), input.id);
      return { done: true as const };
    },
    'plans.exportDocx': (input) => exportPlanDocx(db(), input.id, input.revision),
    'plans.search': (input) => searchPlans(db(), input.query),
    'overview.deadlines': (input) => listDeadlines(db(), input.year, input.today ?? localIsoDate(now())),
  };
}
