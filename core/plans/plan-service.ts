import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PlanTable } from '../../db/schema';
import type { Executor } from '../../db/executor';
import {
  deletePlanRow,
  findIssuedWithNumber,
  getPlanRow,
  insertPlanRow,
  insertRevision,
  listPlanRows,
  listRevisionRows,
  listTaskIds,
  replaceReceivedObligations,
  replaceSearchEntries,
  updatePlanRow,
  upsertReceivedPlan,
  writePlanStructure,
  type DutyRow,
  type TaskRow,
} from '../../db/plans/plan-repo';
import { PlanContent, TASK_ROLES, type PlanSummary, type PlanView, type RevisionInfo, type UnitRef } from '../../shared/plans/plan-schemas';
import { describePlanChanges } from '../../shared/plans/plan-diff';
import { formatVnDate } from '../../shared/dates/vn-date';
import type { Office } from '../../shared/office/office-schemas';
import { AppError, fieldError } from '../app-error';
import { checkPlanContent } from './plan-rules';
import { derivedPlanContent, newOwnPlanContent, newReceivedPlanContent } from './plan-defaults';
import { planAfter, planAllows } from '../../shared/workflow/states';
import type { PlanKind } from '../../shared/plans/plan-schemas';
import type { PlanState } from '../../shared/workflow/states';
import { searchEntries } from './plan-search-index';

export function documentNumber(content: Pick<PlanContent, 'number' | 'symbol'>): string {
  // as the plan prints it ("Số: 05/KH-UBND"): numbers below 10 take a leading zero (Nghị định 30/2020)
  return `${content.number ? content.number.padStart(2, '0') : '…'}/${content.symbol}`;
}

function parseContent(json: string): PlanContent {
  return PlanContent.parse(JSON.parse(json));
}

function toView(row: PlanTable, content = parseContent(row.content_json)): PlanView {
  return {
    id: row.id,
    kind: row.kind as PlanView['kind'],
    status: row.status as PlanView['status'],
    revision: row.revision,
    parentPlanId: row.parent_plan_id,
    updatedAt: row.updated_at,
    content,
    documentNumber: documentNumber(content),
  };
}

async function requirePlan(db: Executor, id: string): Promise<PlanTable> {
  const row = await getPlanRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch (có thể đã bị xóa).');
  return row;
}

export async function getPlan(db: Kysely<Database>, id: string, revision: number | null): Promise<PlanView> {
  const row = await requirePlan(db, id);
  if (revision === null || revision === row.revision) return toView(row);
  const snapshot = (await listRevisionRows(db, id)).find((r) => r.revision === revision);
  if (!snapshot) throw fieldError('NOT_FOUND', 'revision', 'Lần ban hành', `không có lần thứ ${revision}`);
  return { ...toView(row, parseContent(snapshot.content_json)), revision };
}

/** Every plan matching the filter, read and parsed once. */
export async function listPlanViews(db: Kysely<Database>, filter: { year: number | null; status: PlanState | null }): Promise<(PlanView & { taskCount: number })[]> {
  return (await listPlanRows(db, filter)).map((row) => ({ ...toView(row), taskCount: row.task_count }));
}

export async function listPlans(db: Kysely<Database>, filter: { year: number | null; status: PlanState | null }): Promise<PlanSummary[]> {
  return (await listPlanViews(db, filter)).map((plan) => ({
    id: plan.id,
    kind: plan.kind,
    status: plan.status,
    year: plan.content.year,
    title: plan.content.title,
    documentNumber: plan.documentNumber,
    issuerName: plan.content.issuerName,
    issueDate: plan.content.issueDate,
    revision: plan.revision,
    taskCount: plan.taskCount,
    parentPlanId: plan.parentPlanId,
    updatedAt: plan.updatedAt,
  }));
}

export async function createPlan(db: Kysely<Database>, kind: 'own' | 'received', year: number, office: Office, now: Date): Promise<PlanView> {
  const content = kind === 'own' ? newOwnPlanContent(office, year) : newReceivedPlanContent(office, year);
  const id = crypto.randomUUID();
  await db.transaction().execute((trx) => writeNewPlan(trx, id, kind, kind === 'own' ? 'draft' : 'received', null, content, now));
  return getPlan(db, id, null);
}

/** An own plan gets its number and date when it is issued, never while it is a draft. */
function draftContent(kind: string, content: PlanContent): PlanContent {
  return kind === 'own' ? { ...content, number: '', issueDate: null } : content;
}

/** A plan whose content came from elsewhere (an imported document), written as one transaction with `alsoDo`. */
export async function createPlanWithContent(db: Kysely<Database>, kind: 'own' | 'received', content: PlanContent, now: Date, alsoDo: (trx: Executor) => Promise<void>): Promise<PlanView> {
  const id = crypto.randomUUID();
  const fixed = draftContent(kind, content);
  await db.transaction().execute(async (trx) => {
    await checkPlanContent(trx, id, fixed, null);
    await writeNewPlan(trx, id, kind, kind === 'own' ? 'draft' : 'received', null, fixed, now);
    await alsoDo(trx);
  });
  return getPlan(db, id, null);
}

export async function derivePlan(db: Kysely<Database>, parentPlanId: string, office: Office, now: Date): Promise<PlanView> {
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    const parent = toView(await requirePlan(trx, parentPlanId));
    const content = derivedPlanContent(office, parent.content, parent.documentNumber);
    await writeNewPlan(trx, id, 'own', 'draft', parentPlanId, content, now);
  });
  return getPlan(db, id, null);
}

async function writeNewPlan(trx: Executor, id: string, kind: PlanKind, status: PlanState, parentPlanId: string | null, content: PlanContent, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await insertPlanRow(trx, { id, kind, status, parent_plan_id: parentPlanId, revision: 0, created_at: stamp, ...planColumns(content, stamp) });
  await writeStructure(trx, id, content);
}

function planColumns(content: PlanContent, stamp: string) {
  return {
    year: content.year,
    number: content.number,
    symbol: content.symbol,
    issue_date: content.issueDate,
    title: content.title,
    issuer_name: content.issuerName,
    period_start: content.periodStart,
    period_end: content.periodEnd,
    content_json: JSON.stringify(content),
    updated_at: stamp,
  };
}

async function writeStructure(trx: Executor, planId: string, content: PlanContent): Promise<void> {
  const refRow = (r: UnitRef) => ({
    unitId: r.type === 'unit' ? r.unitId : null,
    groupId: r.type === 'group' ? r.groupId : null,
    externalName: r.type === 'external' ? r.name : null,
  });
  const tasks: TaskRow[] = content.tasks.map((t, position) => ({
    id: t.id,
    position,
    ordinal: t.ordinal,
    body: t.body,
    timeframe: t.timeframe,
    parentTaskId: t.parentTaskId,
    units: TASK_ROLES.flatMap((role) => t[role].map((r) => ({ role, ...refRow(r) }))),
  }));
  const duties: DutyRow[] = content.duties.map((d) => ({ id: d.id, kind: d.kind, dueDate: d.dueDate!, units: d.units.map(refRow) }));
  await writePlanStructure(trx, planId, tasks, duties);
  await replaceSearchEntries(trx, planId, searchEntries(content, documentNumber(content)));
}

/**
 * A plan received from the body above (a bundle), first or newer revision, inside the caller's transaction.
 * Task and duty ids are the sender's, so reports can be mapped back up; units are the sender's, kept only
 * as the names in the content; the sender's list of what this office carries and owes is kept beside it.
 */
export async function storeReceivedPlan(
  trx: Executor,
  received: { planId: string; content: PlanContent; revision: number; carriedTaskIds: string[]; owedDutyIds: string[] },
  now: Date,
): Promise<void> {
  const { planId, content } = received;
  const stamp = now.toISOString();
  await upsertReceivedPlan(trx, { id: planId, revision: received.revision, created_at: stamp, ...planColumns(content, stamp) });
  await writePlanStructure(
    trx,
    planId,
    content.tasks.map((t, position) => ({ id: t.id, position, ordinal: t.ordinal, body: t.body, timeframe: t.timeframe, parentTaskId: null, units: [] })),
    content.duties.map((d) => ({ id: d.id, kind: d.kind, dueDate: d.dueDate!, units: [] })),
  );
  await replaceSearchEntries(trx, planId, searchEntries(content, documentNumber(content)));
  await replaceReceivedObligations(trx, planId, received);
}

async function parentTaskIds(trx: Executor, row: PlanTable): Promise<Set<string> | null> {
  return row.parent_plan_id ? new Set(await listTaskIds(trx, row.parent_plan_id)) : null;
}

/** Saves a draft (or a received plan) as typed; an issued plan cannot be changed this way. */
export async function saveDraft(db: Kysely<Database>, id: string, content: PlanContent, now: Date): Promise<PlanView> {
  await db.transaction().execute(async (trx) => {
    const row = await requirePlan(trx, id);
    if (!planAllows(row.status, 'edit')) {
      throw new AppError('CONFLICT', 'Kế hoạch đã ban hành nên không sửa trực tiếp được; hãy tạo bản sửa đổi và ghi lý do.');
    }
    const fixed = draftContent(row.kind, content);
    await checkPlanContent(trx, id, fixed, await parentTaskIds(trx, row));
    await updatePlanRow(trx, id, planColumns(fixed, now.toISOString()));
    await writeStructure(trx, id, fixed);
  });
  return getPlan(db, id, null);
}

/** Issues a draft: it gets its number and date, is locked, and becomes revision 1. */
export async function issuePlan(db: Kysely<Database>, id: string, number: string, issueDate: string, now: Date): Promise<PlanView> {
  await db.transaction().execute(async (trx) => {
    const row = await requirePlan(trx, id);
    if (row.kind !== 'own' || !planAllows(row.status, 'issue')) throw new AppError('CONFLICT', 'Chỉ ban hành được dự thảo kế hoạch của cơ quan.');
    const content: PlanContent = { ...parseContent(row.content_json), number, issueDate };
    const taken = await findIssuedWithNumber(trx, { year: Number(issueDate.slice(0, 4)), number, symbol: content.symbol, excludeId: id });
    if (taken) {
      throw fieldError('CONFLICT', 'number', 'Số văn bản', `số ${number}/${content.symbol} đã dùng cho kế hoạch "${taken.title}" ban hành ngày ${formatVnDate(taken.issue_date!)}`);
    }
    await checkPlanContent(trx, id, content, await parentTaskIds(trx, row));
    const stamp = now.toISOString();
    await updatePlanRow(trx, id, { ...planColumns(content, stamp), status: planAfter(row.status, 'issue')!, revision: 1 });
    await writeStructure(trx, id, content);
    await insertRevision(trx, { plan_id: id, revision: 1, reason: 'Ban hành', created_at: stamp, content_json: JSON.stringify(content) });
  });
  return getPlan(db, id, null);
}

/** Changes an issued plan as a new revision with its reason; number and date of issue stay. */
export async function revisePlan(db: Kysely<Database>, id: string, reason: string, changed: PlanContent, now: Date): Promise<PlanView> {
  await db.transaction().execute(async (trx) => {
    const row = await requirePlan(trx, id);
    if (!planAllows(row.status, 'revise')) throw new AppError('CONFLICT', 'Chỉ tạo bản sửa đổi cho kế hoạch đã ban hành; dự thảo thì sửa trực tiếp.');
    const current = parseContent(row.content_json);
    const content: PlanContent = { ...changed, number: current.number, issueDate: current.issueDate };
    if (describePlanChanges(current, content).length === 0) throw new AppError('VALIDATION', 'Bản sửa đổi chưa có thay đổi nào so với bản hiện hành.');
    await checkPlanContent(trx, id, content, await parentTaskIds(trx, row));
    const stamp = now.toISOString();
    const revision = row.revision + 1;
    await updatePlanRow(trx, id, { ...planColumns(content, stamp), revision });
    await writeStructure(trx, id, content);
    await insertRevision(trx, { plan_id: id, revision, reason, created_at: stamp, content_json: JSON.stringify(content) });
  });
  return getPlan(db, id, null);
}

export async function listRevisions(db: Kysely<Database>, id: string): Promise<RevisionInfo[]> {
  await requirePlan(db, id);
  const rows = await listRevisionRows(db, id);
  return rows.map((r, i) => ({
    revision: r.revision,
    reason: r.reason,
    createdAt: r.created_at,
    changes: i === 0 ? [] : describePlanChanges(parseContent(rows[i - 1]!.content_json), parseContent(r.content_json)),
  }));
}

export async function removeDraft(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await requirePlan(trx, id);
    if (!planAllows(row.status, 'remove')) throw new AppError('IN_USE', 'Kế hoạch đã ban hành không xóa được.');
    const children = await trx.selectFrom('plan').select('title').where('parent_plan_id', '=', id).execute();
    if (children.length) throw new AppError('IN_USE', 'Kế hoạch này đang là kế hoạch cấp trên của kế hoạch khác nên không xóa được.');
    await deletePlanRow(trx, id);
  });
}
