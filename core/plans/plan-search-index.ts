import type { PlanContent } from '../../shared/plans/plan-schemas';
import { foldVietnamese } from '../../shared/text/fold';
import { searchWords } from '../search/search-words';

/** What the folded index holds for a plan: one entry for the plan itself, one per task. */
export function searchEntries(content: PlanContent, documentNumber: string): { taskId: string | null; folded: string }[] {
  const planText = [documentNumber, content.issuerName, content.issuerParent, content.title, content.preamble, ...content.bases, content.purposes, content.organization].join('\n');
  return [
    { taskId: null, folded: foldVietnamese(planText) },
    ...content.tasks.map((t) => ({ taskId: t.id, folded: foldVietnamese([t.body, ...t.subItems.map((s) => s.body)].join('\n')) })),
  ];
}

/** A clerk's words as an FTS5 expression: every word must appear, as a prefix ("tiep cong" finds "tiếp công dân"). */
export function toFtsQuery(query: string): string | null {
  const words = searchWords(query);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}
