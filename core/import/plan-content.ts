import crypto from 'node:crypto';
import { validationError, fieldLabel } from '../../shared/api/validation';
import type { ParsedPlan } from '../../shared/import/parsed-plan';
import type { Office } from '../../shared/office/office-schemas';
import { PlanContent, type PlanTask, type ReportingDuty, type UnitRef } from '../../shared/plans/plan-schemas';
import { normalizeText } from '../../shared/text/fold';
import { AppError } from '../app-error';
import { newOwnPlanContent } from '../plans/plan-defaults';

export type ResolveName = (name: string, note: string) => UnitRef;

/**
 * The parsed plan as editor content: every unit named through `resolve`, gaps filled from the office's
 * defaults, texts and lists longer than the editor allows cut to fit (`cut` names them, for a warning).
 */
export function parsedToContent(parsed: ParsedPlan, office: Office, resolve: ResolveName, today: Date): { content: PlanContent; cut: string[] } {
  const year = parsed.year ?? (parsed.issueDate ? Number(parsed.issueDate.slice(0, 4)) : today.getFullYear());
  const base = newOwnPlanContent(office, year);
  const number = parsed.documentNumber?.split('/')[0] ?? '';
  const refs = (names: string[], notes: Record<string, string>) => names.map((n) => resolve(n, notes[n] ?? ''));
  const tasks: PlanTask[] = parsed.tasks.map((t) => ({
    id: crypto.randomUUID(),
    ordinal: t.ordinal,
    body: t.body || '(chưa đọc được nội dung)',
    subItems: t.subtasks.filter((s) => /^([a-zđ]|-|\+)$/.test(s.label) && s.body.trim()).map((s) => ({ label: s.label, body: s.body })),
    directing: refs(t.directing, t.unitNotes),
    lead: refs(t.lead, t.unitNotes),
    coordinating: refs(t.coordinating, t.unitNotes),
    implementing: refs(t.implementing, t.unitNotes),
    implementingLabel: t.implementingLabel,
    timeframe: { kind: t.timeframe.kind, year: t.timeframe.year ?? (t.timeframe.kind === 'year' ? year : null), dueDate: t.timeframe.dueDate ?? null, from: t.timeframe.from ?? null, to: t.timeframe.to ?? null, text: t.timeframe.text.slice(0, 200) },
    parentTaskId: null,
  }));
  // A duty names who reports; when the text does not say, the units that carry the tasks do.
  const everyone = tasks.find((t) => t.implementing.length)?.implementing ?? [{ type: 'external', name: 'Các cơ quan, đơn vị', note: '' } as UnitRef];
  const duties: ReportingDuty[] = parsed.reportingDeadlines.map((d) => ({
    id: crypto.randomUUID(),
    kind: d.kind,
    label: d.kind === 'other' ? d.text.slice(0, 300) : '',
    dueDate: d.dueDate,
    units: d.units.length ? d.units.map((n) => resolve(n, '')) : everyone,
    recipient: d.recipient.slice(0, 300),
    quarter: null,
  }));
  return fitToLimits({
    ...base,
    issuerParent: parsed.issuerParent ?? '',
    issuerName: parsed.issuer ?? base.issuerName,
    number: /^\d{1,10}$/.test(number) ? number : '',
    symbol: parsed.symbol ?? base.symbol,
    place: parsed.place ?? '',
    issueDate: parsed.issueDate,
    title: parsed.title ?? base.title,
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    bases: parsed.bases.filter((b) => b.trim()),
    preamble: parsed.preamble,
    purposes: parsed.purposes,
    tasksHeading: parsed.tasksHeading || base.tasksHeading,
    attributeStyle: parsed.attributeStyle,
    tasks,
    budget: parsed.budget,
    organization: parsed.organization,
    duties,
    closing: parsed.closing,
    recipients: parsed.recipients.filter(Boolean).map((r) => r.slice(0, 300)),
    signerAuthority: parsed.signerAuthority ?? '',
    // the authority's lines come first in the title as read, each followed by a space
    signerTitle: parsed.signerAuthority && parsed.signerTitle ? parsed.signerTitle.slice(parsed.signerAuthority.replace(/\n/g, ' ').length).trim() : (parsed.signerTitle ?? ''),
    signerName: parsed.signerName ?? '',
    footnotes: parsed.footnotes.filter((f) => /^\d{1,2}$/.test(f.marker) && f.text),
  });
}

/**
 * A misread document (a preamble that swallowed the whole text, a name running over a paragraph, more
 * than 300 numbered lines) still opens for review instead of failing: every text or list longer than
 * PlanContent allows is cut to its limit. Found by fuzzing: such text made imports.parse answer INTERNAL.
 */
function fitToLimits(candidate: Record<string, unknown>): { content: PlanContent; cut: string[] } {
  const cut = new Set<string>();
  for (let round = 0; round < 5; round++) {
    const result = PlanContent.safeParse(candidate);
    if (result.success) return { content: result.data, cut: [...cut] };
    for (const issue of result.error.issues) {
      const key = issue.path.at(-1);
      const parent = issue.path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], candidate) as Record<PropertyKey, unknown> | undefined;
      const value = key === undefined ? undefined : parent?.[key];
      if (issue.code !== 'too_big' || typeof issue.maximum !== 'number' || !parent || key === undefined) continue;
      const max = Number(issue.maximum);
      if (typeof value === 'string') parent[key] = `${normalizeText(value).slice(0, Math.max(0, max - 1 - round * 10))}…`;
      else if (Array.isArray(value)) parent[key] = value.slice(0, max);
      else continue;
      cut.add(fieldLabel(issue.path.join('.')));
    }
    if (result.error.issues.some((i) => i.code !== 'too_big')) {
      // not a length: the importer made something the editor cannot take; say so rather than fail
      throw new AppError('VALIDATION', `Không chuyển được văn bản thành kế hoạch: ${validationError(result.error).message}`);
    }
  }
  throw new AppError('VALIDATION', 'Không chuyển được văn bản thành kế hoạch: có phần dài quá mức cho phép.');
}
