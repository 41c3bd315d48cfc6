import { REPORT_STATES } from '../workflow/states';
import { z } from 'zod';
import { isoDate, optionalText } from '../api/fields';
import { DutyHeading, MODEL_FIELDS, MODEL_LEVELS, TASK_STATUSES, type TaskStatus } from './report-schemas';

/**
 * How a task stands across the units that reported on it: all done → done (late if any was late),
 * all not done → not done, nothing started → not started, anything else → in progress.
 */
export function combineStatuses(statuses: (TaskStatus | null)[], notReported = 0): TaskStatus | null {
  const known = statuses.filter((s): s is TaskStatus => s !== null);
  if (!known.length) return null;
  const all = (...wanted: TaskStatus[]) => known.every((s) => wanted.includes(s));
  // done only when every unit carrying the task says so: one that has not reported leaves it in progress
  if (all('done', 'done_late')) return notReported > 0 ? 'in_progress' : known.includes('done_late') ? 'done_late' : 'done';
  if (all('not_done')) return 'not_done';
  if (all('not_started')) return 'not_started';
  return 'in_progress';
}

/** The parts of the office's own report the clerk writes (drafted from the units' words). */
export const OfficeReportText = z.strictObject({
  number: optionalText(10),
  issueDate: isoDate.nullable().default(null),
  title: optionalText(500),
  recipientLine: optionalText(300),
  leadership: optionalText(30000),
  generalResults: optionalText(30000),
  shortcomings: optionalText(30000),
  causes: optionalText(30000),
  directions: optionalText(30000),
  proposals: optionalText(30000),
  recipients: z.array(optionalText(300)).max(50).default([]),
  signerAuthority: optionalText(100),
  signerTitle: optionalText(100),
  signerName: optionalText(100),
});
export type OfficeReportText = z.infer<typeof OfficeReportText>;

export const ConsolidatedFigure = z.object({
  name: z.string(),
  unit: z.string(),
  total: z.number(),
  /** Each unit's share; `outlier`: how far it is from that unit's previous period, when far (figure-rules.ts). */
  byUnit: z.array(z.object({ unitName: z.string(), value: z.number(), outlier: z.string().nullable().optional() })),
  /** The same figure in the same period of the previous year (null: no such figure or no such report then). */
  previous: z.number().nullable(),
  /** From how many units: those whose figure is summed, of those that owe the report (and carry the task). */
  fromUnits: z.object({ reported: z.number(), expected: z.number() }).optional(),
});

/** A plan the report cites in its opening ("Thực hiện Kế hoạch số 05/KH-UBND ngày 02/02/2026 của …"). */
export const CitedPlan = z.object({ documentNumber: z.string(), issueDate: z.string().nullable(), issuerName: z.string(), title: z.string() });

export const Consolidation = DutyHeading.extend({
  issueDate: z.string().nullable(),
  /** The plans the opening cites: the plan received from above this one implements (if any), then this plan. */
  citedPlans: z.array(CitedPlan),
  /** The period the report covers ("6 tháng đầu năm 2026") and its data cut-off (Nghị định 09/2019), null for non-periodic reports. */
  period: z.object({ phrase: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  /** The report of the same period a year earlier whose figures `previous` holds ("05/KH-UBND, 6 tháng đầu năm 2025"), or null. */
  previousPeriod: z.object({ phrase: z.string(), documentNumber: z.string() }).nullable(),
  /** Each unit that owes the report, with its report's state (null: none yet). */
  units: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(REPORT_STATES).nullable(), reportId: z.string().nullable() })),
  /**
   * The duty of the plan received from above that this report answers (the plan implements it, same kind
   * of report): what "Gửi lên cấp trên" sends. Null when the plan implements no received plan.
   */
  sendsUp: z.object({ planId: z.string(), dutyId: z.string(), documentNumber: z.string(), issuerName: z.string(), dutyLabel: z.string(), dueDate: z.string().nullable() }).nullable(),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      ordinal: z.string(),
      body: z.string(),
      /** The parent plan's task this one implements, for consolidating one level up. */
      parentTask: z.object({ id: z.string(), ordinal: z.string() }).nullable(),
      combinedStatus: z.enum(TASK_STATUSES).nullable(),
      results: z.array(z.object({ unitName: z.string(), status: z.enum(TASK_STATUSES).nullable(), doneText: z.string(), reason: z.string() })),
      /** How many of the units owing the report carry this task, and those of them with no accepted report on it (names). */
      carriers: z.number(),
      notReported: z.array(z.string()),
      /** Each reporting unit's own figures on this task, in the order of `results`. */
      unitFigures: z.array(z.array(z.object({ name: z.string(), unit: z.string(), value: z.number() }))),
      figures: z.array(ConsolidatedFigure),
    }),
  ),
  figures: z.array(ConsolidatedFigure),
  models: z.array(z.object({ name: z.string(), field: z.enum(MODEL_FIELDS), level: z.enum(MODEL_LEVELS), unitName: z.string(), startDate: z.string().nullable(), results: z.string() })),
  text: OfficeReportText,
});
export type Consolidation = z.infer<typeof Consolidation>;
