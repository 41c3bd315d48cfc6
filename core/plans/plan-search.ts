import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { searchFolded } from '../../db/plans/plan-repo';
import { highlightRanges } from '../../shared/text/highlight';
import type { SearchResult } from '../../shared/plans/search-schemas';
import { toFtsQuery } from './plan-search-index';
import { getPlan } from './plan-service';

const SNIPPET = 160;

/** Plans and tasks of every year matching the clerk's words, typed with or without diacritics. */
export async function searchPlans(db: Kysely<Database>, query: string, limit = 50): Promise<SearchResult[]> {
  const match = toFtsQuery(query);
  if (!match) return [];
  const hits = await searchFolded(db, match, limit);
  const results: SearchResult[] = [];
  const plans = new Map<string, Awaited<ReturnType<typeof getPlan>>>();
  for (const hit of hits) {
    if (!plans.has(hit.planId)) plans.set(hit.planId, await getPlan(db, hit.planId, null));
    const plan = plans.get(hit.planId)!;
    const task = hit.taskId ? plan.content.tasks.find((t) => t.id === hit.taskId) : undefined;
    const text = task ? [task.body, ...task.subItems.map((s) => s.body)].join(' ') : [plan.content.title, plan.content.issuerName, plan.content.preamble].join(' — ');
    results.push({
      planId: plan.id,
      taskId: task?.id ?? null,
      taskOrdinal: task?.ordinal ?? null,
      planTitle: plan.content.title,
      documentNumber: plan.documentNumber,
      issuerName: plan.content.issuerName,
      year: plan.content.year,
      status: plan.status,
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
