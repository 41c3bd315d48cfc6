import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { getPlanRow, listPlansLike } from '../../db/plans/plan-repo';
import { listReportRowsOfDuty } from '../../db/reports/report-repo';
import { PlanContent, type ReportingDuty } from '../../shared/plans/plan-schemas';
import { dutyCutoff } from '../../shared/plans/reporting-periods';
import { ReportContent } from '../../shared/reports/report-schemas';
import type { ReportState } from '../../shared/workflow/states';
import { combineStatuses, OfficeReportText, type Consolidation } from '../../shared/reports/consolidation';
import { AppError } from '../app-error';
import { documentNumber } from '../plans/plan-service';
import { dutyHeading, dutyLabel, orgLookup, unitsOf } from './obligations';
import { leadershipDraft } from '../../shared/reports/report-prose';

type Figure = Consolidation['figures'][number];

/** "6 tháng đầu năm 2026", "năm 2026", "quý II năm 2026": how a report names its period. */
export function periodPhrase(kind: string, year: number, quarter: number | null): string {
  if (kind === 'semiannual') return `6 tháng đầu năm ${year}`;
  if (kind === 'quarterly') return `quý ${['I', 'II', 'III', 'IV'][(quarter ?? 1) - 1]} năm ${year}`;
  return `năm ${year}`;
}

/** Figures summed by name and unit of measure (case and spaces aside), each unit's share kept. */
class FigureSums {
  readonly list: Figure[] = [];
  private readonly byKey = new Map<string, { figure: Figure; units: Map<string, { unitName: string; value: number }> }>();

  add(name: string, unit: string, unitName: string, value: number): void {
    const key = figureKey(name, unit);
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { figure: { name, unit, total: 0, byUnit: [], previous: null }, units: new Map() };
      this.byKey.set(key, entry);
      this.list.push(entry.figure);
    }
    entry.figure.total += value;
    const share = entry.units.get(unitName);
    if (share) share.value += value;
    else {
      const added = { unitName, value };
      entry.units.set(unitName, added);
      entry.figure.byUnit.push(added);
    }
  }
}

const figureKey = (name: string, unit: string) => `${name.trim().toLowerCase()}|${unit.trim().toLowerCase()}`;

/** The duty of a plan answering the same kind of report for the same quarter. */
const sameKind = (duties: ReportingDuty[], duty: ReportingDuty) => duties.find((d) => d.kind === duty.kind && d.quarter === duty.quarter);

/**
 * The figures of the same period a year earlier: the accepted reports on the duty of the same kind in the
 * previous year's plan of the same kind and issuer, summed by name and unit of measure.
 */
async function previousYearFigures(db: Executor, planRow: { kind: string; year: number; issuer_name: string }, duty: ReportingDuty) {
  for (const row of await listPlansLike(db, { year: planRow.year - 1, kind: planRow.kind as 'own', issuerName: planRow.issuer_name })) {
    const plan = PlanContent.parse(JSON.parse(row.content_json));
    const before = sameKind(plan.duties, duty);
    if (!before) continue;
    const totals = new Map<string, number>();
    for (const report of await listReportRowsOfDuty(db, before.id)) {
      if (report.status !== 'accepted' || report.plan_id !== row.id) continue;
      for (const entry of ReportContent.parse(JSON.parse(report.content_json)).tasks) {
        for (const f of entry.figures) totals.set(figureKey(f.name, f.unit), (totals.get(figureKey(f.name, f.unit)) ?? 0) + f.value);
      }
    }
    return { phrase: periodPhrase(before.kind, plan.year, before.quarter), documentNumber: documentNumber(plan), totals };
  }
  return null;
}

/** The longest text a field of the office's report takes (OfficeReportText). */
const OFFICE_TEXT_MAX = 30_000;

/**
 * The units' words, one line each, as a draft the clerk edits: at province scale (150 communes) they
 * outgrow the field, so the draft stops before the limit and says how many units' words it left out.
 */
export function gatherLines(lines: string[], max = OFFICE_TEXT_MAX): string {
  const room = max - 100;
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > room) break;
    kept.push(line);
    size += line.length + 1;
  }
  const left = lines.length - kept.length;
  return [...kept, ...(left ? [`- … và ${left} đơn vị khác (xem báo cáo của từng đơn vị).`] : [])].join('\n');
}

/**
 * The office's report for a duty, built from the units' accepted reports: per task the combined status
 * and each unit's results, summed figures, the models, and drafts of the narrative sections.
 */
export async function consolidate(db: Executor, planId: string, dutyId: string): Promise<Consolidation> {
  const planRow = await getPlanRow(db, planId);
  if (!planRow) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
  const plan = PlanContent.parse(JSON.parse(planRow.content_json));
  const duty = plan.duties.find((d) => d.id === dutyId);
  if (!duty) throw new AppError('NOT_FOUND', 'Kế hoạch không có yêu cầu báo cáo này.');
  const org = await orgLookup(db);
  const owingSet = new Set(unitsOf(duty.units, org));
  const owing = org.order.filter((id) => owingSet.has(id));
  const reports = new Map((await listReportRowsOfDuty(db, dutyId)).filter((r) => r.plan_id === planId).map((r) => [r.unit_id, r]));
  const accepted = owing
    .map((unitId) => ({ unitId, unitName: org.unitName.get(unitId) ?? '', row: reports.get(unitId) }))
    .filter((a) => a.row?.status === 'accepted')
    .map((a) => ({ ...a, content: ReportContent.parse(JSON.parse(a.row!.content_json)) }))
    .map((a) => ({ ...a, entries: new Map(a.content.tasks.map((t) => [t.taskId, t])) }));

  const parentOrdinals = new Map<string, string>();
  const citedPlans: Consolidation['citedPlans'] = [];
  let sendsUp: Consolidation['sendsUp'] = null;
  if (planRow.parent_plan_id) {
    const parentRow = await getPlanRow(db, planRow.parent_plan_id);
    if (parentRow) {
      const parent = PlanContent.parse(JSON.parse(parentRow.content_json));
      for (const t of parent.tasks) parentOrdinals.set(t.id, t.ordinal);
      if (parentRow.kind === 'received') citedPlans.push({ documentNumber: documentNumber(parent), issueDate: parent.issueDate, issuerName: parent.issuerName, title: parent.title });
      // the report this consolidation becomes one level up: the received plan's duty of the same kind
      const answers = parentRow.kind === 'received' && planRow.status === 'issued' ? parent.duties.find((d) => d.kind === duty.kind && d.quarter === duty.quarter) ?? parent.duties.find((d) => d.kind === duty.kind) : undefined;
      if (answers) sendsUp = { planId: parentRow.id, dutyId: answers.id, documentNumber: documentNumber(parent), issuerName: parent.issuerName, dutyLabel: dutyLabel(answers), dueDate: answers.dueDate };
    }
  }
  citedPlans.push({ documentNumber: documentNumber(plan), issueDate: plan.issueDate, issuerName: plan.issuerName, title: plan.title });
  const figures = new FigureSums();
  const tasks = plan.tasks.map((task) => {
    const results = accepted.flatMap((a) => {
      const entry = a.entries.get(task.id);
      return entry ? [{ unitName: a.unitName, status: entry.status, doneText: entry.doneText, reason: entry.reason, figures: entry.figures }] : [];
    });
    // who owes a word on this task: the owing units it names (a task naming none of ours: those who wrote on it)
    const named = new Set(unitsOf([...task.lead, ...task.coordinating, ...task.implementing], org));
    const carriers = owing.filter((id) => named.has(id));
    const reported = new Set(accepted.filter((a) => a.entries.get(task.id)?.status).map((a) => a.unitId));
    const taskFigures = new FigureSums();
    for (const r of results) for (const f of r.figures) {
      taskFigures.add(f.name, f.unit, r.unitName, f.value);
      figures.add(f.name, f.unit, r.unitName, f.value);
    }
    const notReported = carriers.filter((id) => !reported.has(id)).map((id) => org.unitName.get(id) ?? '');
    return {
      taskId: task.id,
      ordinal: task.ordinal,
      body: task.body,
      parentTask: task.parentTaskId && parentOrdinals.has(task.parentTaskId) ? { id: task.parentTaskId, ordinal: parentOrdinals.get(task.parentTaskId)! } : null,
      combinedStatus: combineStatuses(results.map((r) => r.status), notReported.length),
      results: results.map(({ unitName, status, doneText, reason }) => ({ unitName, status, doneText, reason })),
      carriers: carriers.length || results.length,
      notReported,
      unitFigures: results.map((r) => r.figures.map(({ name, unit, value }) => ({ name, unit, value }))),
      figures: taskFigures.list,
    };
  });
  const gather = (key: 'generalResults' | 'shortcomings' | 'causes' | 'directions' | 'proposals') =>
    gatherLines(accepted.filter((a) => a.content[key]).map((a) => `- ${a.unitName}: ${a.content[key]}`));
  const draft: OfficeReportText = OfficeReportText.parse({
    title: `Kết quả thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền ${periodPhrase(duty.kind, plan.year, duty.quarter)}`,
    leadership: leadershipDraft(figures.list, accepted.length, owing.length),
    generalResults: gather('generalResults'),
    shortcomings: gather('shortcomings'),
    causes: gather('causes'),
    directions: gather('directions'),
    proposals: gather('proposals'),
    recipients: plan.recipients.filter((r) => /báo cáo|Lưu/i.test(r)),
    signerAuthority: plan.signerAuthority,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
  });
  const previous = await previousYearFigures(db, planRow, duty);
  for (const f of figures.list) f.previous = previous?.totals.get(figureKey(f.name, f.unit)) ?? null;
  const cutoff = dutyCutoff(duty, plan.year);
  const saved = await db.selectFrom('office_report').select('text_json').where('duty_id', '=', dutyId).executeTakeFirst();
  return {
    ...dutyHeading(planId, plan, duty),
    issueDate: plan.issueDate,
    citedPlans,
    period: { phrase: periodPhrase(duty.kind, plan.year, duty.quarter), from: cutoff?.from ?? null, to: cutoff?.to ?? null },
    previousPeriod: previous ? { phrase: previous.phrase, documentNumber: previous.documentNumber } : null,
    units: owing.map((id) => {
      const r = reports.get(id);
      return { id, name: org.unitName.get(id) ?? '', state: r ? (r.status as ReportState) : null, reportId: r?.id ?? null };
    }),
    sendsUp,
    tasks,
    figures: figures.list,
    models: accepted.flatMap((a) => a.content.models.map((m) => ({ name: m.name, field: m.field, level: m.level, unitName: m.unitName || a.unitName, startDate: m.startDate, results: m.results }))),
    text: saved ? OfficeReportText.parse(JSON.parse(saved.text_json)) : draft,
  };
}

export async function saveOfficeReportText(db: Kysely<Database>, planId: string, dutyId: string, text: OfficeReportText, now: Date): Promise<Consolidation> {
  await db.transaction().execute(async (trx) => {
    const current = await consolidate(trx, planId, dutyId); // checks plan and duty
    const row = { plan_id: current.planId, text_json: JSON.stringify(text), updated_at: now.toISOString() };
    await trx.insertInto('office_report').values({ duty_id: dutyId, ...row }).onConflict((oc) => oc.column('duty_id').doUpdateSet(row)).execute();
  });
  return consolidate(db, planId, dutyId);
}
