import type { ParsedPlan } from '../../shared/import/parsed-plan';

const noMarks = (text: string) => text.replace(/\[\^\d{1,2}\]/g, '');

/**
 * The parsed plan as `cli plan parse` prints it: the fields a person or another tool checks,
 * footnote marks taken out of the text, timeframe fields only where they apply.
 */
export function planJson(plan: ParsedPlan) {
  return {
    documentNumber: plan.documentNumber,
    symbol: plan.symbol,
    issueDate: plan.issueDate,
    place: plan.place,
    issuerParent: plan.issuerParent,
    issuer: plan.issuer,
    title: plan.title,
    year: plan.year,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    tasks: plan.tasks.map((t) => ({
      ordinal: t.ordinal,
      body: noMarks(t.body),
      directing: t.directing,
      lead: t.lead,
      coordinating: t.coordinating,
      implementing: t.implementing,
      timeframe: { kind: t.timeframe.kind, ...pick(t.timeframe, ['year', 'dueDate', 'from', 'to']), text: t.timeframe.text },
      subtasks: t.subtasks.map((s) => ({ label: s.label, body: noMarks(s.body) })),
    })),
    reportingDeadlines: plan.reportingDeadlines.map((d) => ({ kind: d.kind, dueDate: d.dueDate, text: noMarks(d.text) })),
    recipients: plan.recipients,
    footnotes: plan.footnotes,
    warnings: [...plan.doubts.map((d) => d.message), ...plan.tasks.flatMap((t) => t.doubts.map((d) => `Nhiệm vụ ${t.ordinal}: ${d.message}`)), ...plan.warnings],
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as unknown as Partial<T>;
}
