import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, ReportTable } from '../../db/schema';
import type { Executor } from '../../db/executor';
import {
  findReportRow,
  getReportRow,
  insertReportEvent,
  insertReportRevision,
  insertReportRow,
  listReportEvents,
  listReportRevisions,
  replaceTaskEntries,
  updateReportRow,
} from '../../db/reports/report-repo';
import { getPlanRow } from '../../db/plans/plan-repo';
import { getOffice } from '../../db/office/office-repo';
import { getInstallation } from '../../db/identity/identity-repo';
import { PlanContent } from '../../shared/plans/plan-schemas';
import { ReportContent, type ReportView, type TaskEntry } from '../../shared/reports/report-schemas';
import { describeReportChanges } from '../../shared/reports/report-diff';
import { AppError } from '../app-error';
import { dutyLabel, orgLookup, tasksCarriedBy, unitsOf, type OrgLookup } from './obligations';
import { reportAfter, reportAllows } from '../../shared/workflow/states';
import { missingAttachments } from './attachments';
import { figureRuleProblems, indicatorRules } from '../../shared/reports/figure-rules';
import { figureOutliers } from './figure-history';

async function loadPlan(db: Executor, planId: string) {
  const row = await getPlanRow(db, planId);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
  return { row, content: parsedPlan(row.content_json) };
}

/**
 * The plans last read, validated once: every report operation reads its plan two or three times, and
 * validating a plan (zod, every text normalised) was a sixth of a report write. Keyed by the stored
 * text itself, so a plan saved since is validated again; frozen, as it is shared.
 */
const parsedPlans = new Map<string, PlanContent>();
const PARSED_PLANS_KEPT = 8;

function parsedPlan(json: string): PlanContent {
  const kept = parsedPlans.get(json);
  if (kept) return kept;
  const content = deepFreeze(PlanContent.parse(JSON.parse(json)));
  parsedPlans.set(json, content);
  if (parsedPlans.size > PARSED_PLANS_KEPT) parsedPlans.delete(parsedPlans.keys().next().value!);
  return content;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Who acts: the person signed in, or else this office on this installation (a script, an old caller). */
async function actorOf(db: Executor, person: string | undefined): Promise<string> {
  if (person) return person;
  const office = await getOffice(db);
  const installation = await getInstallation(db);
  return `${office?.name ?? ''} (máy ${installation?.id.slice(0, 8) ?? ''})`;
}

async function requireReport(db: Executor, id: string): Promise<ReportTable> {
  const row = await getReportRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  return row;
}

/** Entries for exactly the tasks the unit carries now (a revised plan may add or drop some). */
export function alignEntries(entries: TaskEntry[], taskIds: string[]): TaskEntry[] {
  const byTask = new Map(entries.map((e) => [e.taskId, e]));
  return taskIds.map((taskId) => byTask.get(taskId) ?? { taskId, status: null, doneText: '', reason: '', figures: [], attachments: [] });
}

/** The unit's report for a duty of an issued plan: the existing one, or a new draft listing its tasks. */
export async function openReport(db: Kysely<Database>, planId: string, dutyId: string, unitId: string, now: Date): Promise<ReportView> {
  const { id, org } = await db.transaction().execute(async (trx) => {
    const existing = await findReportRow(trx, dutyId, unitId);
    if (existing) return { id: existing.id, org: undefined };
    const { row, content } = await loadPlan(trx, planId);
    if (row.status !== 'issued') throw new AppError('CONFLICT', 'Chỉ lập báo cáo theo kế hoạch đã ban hành.');
    const duty = content.duties.find((d) => d.id === dutyId);
    if (!duty) throw new AppError('NOT_FOUND', 'Kế hoạch không có yêu cầu báo cáo này.');
    const org = await orgLookup(trx);
    if (!unitsOf(duty.units, org).includes(unitId)) throw new AppError('VALIDATION', 'Đơn vị này không phải báo cáo theo yêu cầu này.');
    const tasks = tasksCarriedBy(content, unitId, org);
    const reportContent = ReportContent.parse({ tasks: alignEntries([], tasks.map((t) => t.taskId)) });
    const stamp = now.toISOString();
    const newId = crypto.randomUUID();
    await insertReportRow(trx, {
      id: newId,
      plan_id: planId,
      duty_id: dutyId,
      unit_id: unitId,
      status: 'draft',
      revision: 0,
      received_date: null,
      returned_reason: '',
      content_json: JSON.stringify(reportContent),
      created_at: stamp,
      updated_at: stamp,
    });
    await replaceTaskEntries(trx, newId, reportContent.tasks);
    return { id: newId, org };
  });
  return getReport(db, id, org);
}

/** `org`: the organisation the write just before read (the view of what was written), instead of reading it again. */
export async function getReport(db: Executor, id: string, known?: OrgLookup): Promise<ReportView> {
  const row = await requireReport(db, id);
  const { row: planRow, content: plan } = await loadPlan(db, row.plan_id);
  const org = known ?? (await orgLookup(db));
  const duty = plan.duties.find((d) => d.id === row.duty_id);
  const tasks = tasksCarriedBy(plan, row.unit_id, org);
  const content = ReportContent.parse(JSON.parse(row.content_json));
  const events = await listReportEvents(db, id);
  const rules = indicatorRules(plan.indicators);
  // advice for whoever reviews a sent report; a draft still being typed is not compared
  const outliers = duty && row.status !== 'draft' ? ((await figureOutliers(db, [{ reportId: id, unitId: row.unit_id, planYear: planRow.year, duty, content }], rules)).get(id) ?? []) : [];
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: plan.title,
    dutyId: row.duty_id,
    dutyLabel: duty ? dutyLabel(duty) : '',
    dueDate: duty?.dueDate ?? '',
    unitId: row.unit_id,
    unitName: org.unitName.get(row.unit_id) ?? '',
    status: row.status as ReportView['status'],
    revision: row.revision,
    receivedDate: row.received_date,
    returnedReason: row.returned_reason,
    updatedAt: row.updated_at,
    content: { ...content, tasks: alignEntries(content.tasks, tasks.map((t) => t.taskId)) },
    tasks,
    indicators: rules,
    outliers,
    events: events.map((e) => ({ kind: e.kind as 'submitted' | 'accepted' | 'returned', at: e.at, date: e.date, reason: e.reason, revision: e.revision, actor: e.actor })),
  };
}

async function editable(trx: Executor, id: string): Promise<{ row: ReportTable; taskIds: string[]; org: OrgLookup }> {
  const row = await requireReport(trx, id);
  if (!reportAllows(row.status, 'save')) {
    throw new AppError('CONFLICT', row.status === 'accepted' ? 'Báo cáo đã được tiếp nhận, không sửa được.' : 'Báo cáo đã gửi; chỉ sửa được khi bị trả lại.');
  }
  const { content: plan } = await loadPlan(trx, row.plan_id);
  const org = await orgLookup(trx);
  return { row, taskIds: tasksCarriedBy(plan, row.unit_id, org).map((t) => t.taskId), org };
}

async function checkEntries(trx: Executor, content: ReportContent, taskIds: string[]): Promise<void> {
  const bad = content.tasks.findIndex((t) => !taskIds.includes(t.taskId));
  if (bad >= 0) throw new AppError('VALIDATION', 'Báo cáo có nhiệm vụ mà đơn vị không thực hiện.', { [`tasks.${bad}.taskId`]: 'Nhiệm vụ không thuộc đơn vị' });
  const missing = await missingAttachments(trx, content.tasks.flatMap((t) => t.attachments.map((a) => a.sha256)));
  if (missing.length) throw new AppError('VALIDATION', 'Báo cáo nhắc đến tệp đính kèm chưa được tải lên.');
}

/** Saves what the clerk typed (a draft, or a returned report being revised). */
export async function saveReport(db: Kysely<Database>, id: string, content: ReportContent, now: Date): Promise<ReportView> {
  const org = await db.transaction().execute(async (trx) => {
    const { taskIds, org } = await editable(trx, id);
    await checkEntries(trx, content, taskIds);
    const aligned = { ...content, tasks: alignEntries(content.tasks, taskIds) };
    await updateReportRow(trx, id, { content_json: JSON.stringify(aligned), updated_at: now.toISOString() });
    await replaceTaskEntries(trx, id, aligned.tasks);
    return org;
  });
  return getReport(db, id, org);
}

/** Sends the report up (or records that the unit's paper report arrived on `receivedDate`). */
export async function submitReport(db: Kysely<Database>, id: string, receivedDate: string, now: Date, person?: string): Promise<ReportView> {
  const org = await db.transaction().execute(async (trx) => {
    const { row, taskIds, org } = await editable(trx, id);
    const content = ReportContent.parse(JSON.parse(row.content_json));
    const tasks = alignEntries(content.tasks, taskIds);
    const fields: Record<string, string> = {};
    tasks.forEach((t, i) => {
      if (!t.status) fields[`tasks.${i}.status`] = 'Chọn tình trạng thực hiện';
      else if (t.status === 'not_done' && !t.reason) fields[`tasks.${i}.reason`] = 'Ghi lý do không thực hiện';
    });
    const first = Object.keys(fields)[0];
    if (first) throw new AppError('VALIDATION', `Chưa gửi được: nhiệm vụ thứ ${Number(first.split('.')[1]) + 1} – ${fields[first]!.toLowerCase()}.`, fields);
    const { content: plan } = await loadPlan(trx, row.plan_id);
    const ordinals = tasksCarriedBy(plan, row.unit_id, org).map((t) => t.ordinal);
    const broken = figureRuleProblems(tasks, indicatorRules(plan.indicators), (i) => ordinals[i] ?? String(i + 1));
    const problems = Object.values(broken);
    if (problems.length) throw new AppError('VALIDATION', `Chưa gửi được: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; và ${problems.length - 3} số liệu khác` : ''}.`, broken);
    const revision = row.revision + 1;
    const stamp = now.toISOString();
    await insertReportRevision(trx, { report_id: id, revision, received_date: receivedDate, content_json: JSON.stringify({ ...content, tasks }), created_at: stamp });
    await insertReportEvent(trx, { report_id: id, kind: 'submitted', at: stamp, date: receivedDate, reason: '', revision, actor: await actorOf(trx, person) });
    await updateReportRow(trx, id, { status: reportAfter(row.status, 'submit')!, revision, received_date: receivedDate, returned_reason: '', updated_at: stamp });
    return org;
  });
  return getReport(db, id, org);
}

export async function reviewReport(db: Kysely<Database>, id: string, decision: 'accepted' | 'returned', reason: string, now: Date, person?: string): Promise<ReportView> {
  await db.transaction().execute(async (trx) => {
    const row = await requireReport(trx, id);
    const next = reportAfter(row.status, decision === 'accepted' ? 'accept' : 'return');
    if (!next) throw new AppError('CONFLICT', 'Chỉ tiếp nhận hoặc trả lại được báo cáo đã gửi.');
    const stamp = now.toISOString();
    await insertReportEvent(trx, { report_id: id, kind: next, at: stamp, date: null, reason, revision: row.revision, actor: await actorOf(trx, person) });
    await updateReportRow(trx, id, { status: next, returned_reason: decision === 'returned' ? reason : '', updated_at: stamp });
  });
  return getReport(db, id);
}

export async function reportRevisions(db: Kysely<Database>, id: string) {
  const view = await getReport(db, id);
  const ordinal = new Map(view.tasks.map((t) => [t.taskId, t.ordinal]));
  const rows = await listReportRevisions(db, id);
  return rows.map((r, i) => ({
    revision: r.revision,
    receivedDate: r.received_date,
    changes: i === 0 ? [] : describeReportChanges(ReportContent.parse(JSON.parse(rows[i - 1]!.content_json)), ReportContent.parse(JSON.parse(r.content_json)), (t) => ordinal.get(t) ?? '?'),
  }));
}
