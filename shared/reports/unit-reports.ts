import { z } from 'zod';
import { REPORT_STATES, reportAllows, type ReportState } from '../workflow/states';
import { UNIT_KINDS } from '../units/unit-schemas';
import { MATRIX_STATES, type MatrixState } from './report-schemas';

/**
 * One report a unit owes or has made, across plans and years: what a unit's page lists and what a search
 * finds. `reportId` null: the unit owes it and nothing has come in yet.
 */
export const UnitReportItem = z.object({
  reportId: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  planId: z.string(),
  dutyId: z.string(),
  year: z.number(),
  documentNumber: z.string(),
  planTitle: z.string(),
  dutyLabel: z.string(),
  dueDate: z.string(),
  state: z.enum(REPORT_STATES).nullable(),
  receivedDate: z.string().nullable(),
  /** Where it stands as the completeness matrix shows it (on time, late, missing, accepted …). */
  cell: z.object({ state: z.enum(MATRIX_STATES), daysLate: z.number() }),
});
export type UnitReportItem = z.infer<typeof UnitReportItem>;

/** A unit with every report it owes or has made, newest first. */
export const UnitReports = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), active: z.boolean() }),
  reports: z.array(UnitReportItem),
});
export type UnitReports = z.infer<typeof UnitReports>;

/** The matrix states of a report that came in and is not accepted yet (the matrix splits "submitted" by lateness). */
export const AWAITING_MATRIX_STATES = ['on_time', 'late'] as const satisfies readonly MatrixState[];

/** Those whose report came in (typed in or received as a bundle) and waits to be accepted or returned. */
export function awaitingAcceptance<T extends { state: ReportState | null }>(items: readonly T[]): T[] {
  return items.filter((i) => i.state !== null && reportAllows(i.state, 'accept'));
}
