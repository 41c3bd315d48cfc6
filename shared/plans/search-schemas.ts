import { z } from 'zod';
import { PLAN_STATES } from '../workflow/states';

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
