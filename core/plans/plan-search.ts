import type { Kysely } from 'kysely';
import type { Database, PlanTable } from '../../db/schema';
import { getPlanRows, searchFolded } from '../../db/plans/plan-repo';
import { highlightRanges } from '../../shared/text/highlight';
import type { PlanState } from '../../shared/workflow/states';
import type { SearchResult } from '../../shared/plans/search-schemas';
import { toFtsQuery } from './plan-search-index';
import { documentNumber } from './plan-service';

const SNIPPET = 160;

/**
 * The few fields a search result shows, read from the stored document as it was saved (validated then),
 * without validating the whole plan again for every plan a search touches.
 */
interface StoredPlanText {
  title: string;
  issuerName: string;
  preamble?: string;
  tasks: { id: string; ordinal: string; body: string; subItems?: { body: string }[] }[];
}

/** Plans and tasks of every year matching the clerk's words, typed with or without diacritics. */
export async function searchPlans(db: Kysely<Database>, query: string, limit = 50): Promise<SearchResult[]> {
  const match = toFtsQuery(query);
  if (!match) return [];
  const hits = await searchFolded(db, match, limit);
  // One read for all the plans the hits fall in, each document parsed once.
  const rows = await getPlanRows(db, [...new Set(hits.map((h) => h.planId))]);
  const plans = new Map(rows.map((row: PlanTable) => [row.id, { row, content: JSON.parse(row.content_json) as StoredPlanText }]));
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const plan = plans.get(hit.planId);
    if (!plan) continue;
    const { row, content } = plan;
    const task = hit.taskId ? content.tasks.find((t) => t.id === hit.taskId) : undefined;
    const text = task ? [task.body, ...(task.subItems ?? []).map((s) => s.body)].join(' ') : [content.title, content.issuerName, content.preamble ?? ''].join(' — ');
    results.push({
      planId: row.id,
      taskId: task?.id ?? null,
      taskOrdinal: task?.ordinal ?? null,
      planTitle: content.title,
      documentNumber: documentNumber(row),
      issuerName: content.issuerName,
      year: row.year,
      status: row.status as PlanState,
      snippet: snippetAround(text, query),
    });
  }
  return results;
}

function snippetAround(text: string, query: string): string {
  if (text.length <= SNIPPET) return text;
  const first = highlightRanges(text, query)[0]?.[0] ?? 0;
  const start = Math.max(0, first - 50);
  const end = Math.min(text.length, start + SNIPPET);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
