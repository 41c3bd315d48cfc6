import { z } from 'zod';
import { PLAN_STATES } from '../workflow/states';
import { UNIT_KINDS } from '../units/unit-schemas';
import { UnitReportItem } from '../reports/unit-reports';

export const SearchResult = z.object({
  planId: z.string(),
  taskId: z.string().nullable(),
  taskOrdinal: z.string().nullable(),
  planTitle: z.string(),
  documentNumber: z.string(),
  issuerName: z.string(),
  year: z.number(),
  status: z.enum(PLAN_STATES),
  snippet: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** A unit whose name, abbreviation or other name holds every word typed; it opens its reports. */
export const UnitSearchResult = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean(),
  /** The name or other name that matched, when it is not the unit's name. */
  matchedAlias: z.string().nullable(),
  /** How many reports the unit has made (any state). */
  reportCount: z.number(),
});
export type UnitSearchResult = z.infer<typeof UnitSearchResult>;

/**
 * Everything the search box finds: units (by their names), the reports of those units (a word left over
 * may name the period: "binh chuong 2026", "binh chuong 6 thang"), plans and tasks (by their text).
 */
export const SearchResults = z.object({
  units: z.array(UnitSearchResult),
  reports: z.array(UnitReportItem.extend({ reportId: z.string() })),
  plans: z.array(SearchResult),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const DEADLINE_BUCKETS = ['overdue', 'week', 'month', 'later'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

export const DeadlineItem = z.object({
  kind: z.enum(['task', 'duty']),
  planId: z.string(),
  planTitle: z.string(),
  documentNumber: z.string(),
  taskId: z.string().nullable(),
  label: z.string(),
  dueDate: z.string(),
  daysLeft: z.number(),
  bucket: z.enum(DEADLINE_BUCKETS),
  /** Concrete units (groups expanded) that carry the item; outside bodies by name. */
  units: z.array(z.object({ id: z.string().nullable(), name: z.string() })),
  /** Nghị định 09 cut-off period for periodic reports. */
  cutoff: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type DeadlineItem = z.infer<typeof DeadlineItem>;
