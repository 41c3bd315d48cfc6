import type { PlanTask } from './plan-schemas';

/** A new, empty task ("Thường xuyên", no units), with a fresh id that will travel with it. */
export function blankTask(ordinal: string, body = ''): PlanTask {
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
  };
}
