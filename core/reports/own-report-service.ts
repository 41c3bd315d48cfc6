import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getPlanRow, listReceivedObligations } from '../../db/plans/plan-repo';
import { PlanContent, type ReportingDuty } from '../../shared/plans/plan-schemas';
import { ReportContent, type OwnReportView } from '../../shared/reports/report-schemas';
import { AppError } from '../app-error';
import { dutyHeading } from './obligations';
import { alignEntries } from './report-service';
import { missingAttachments } from './attachments';
import { periodPhrase } from './consolidation-service';
import { readOffice } from '../office/office-service';
import { documentNumber } from '../plans/plan-service';
import { ownReportDocx } from '../documents/own-report-docx';
import { dutyCutoff } from '../../shared/plans/reporting-periods';
import { lowerSlug } from '../../shared/text/fold';

/** The tasks of a received plan this office carries (as the sender said), or all of them if it did not say. */
async function carriedTasks(db: Kysely<Database>, planId: string, plan: PlanContent) {
  const carried = new Set((await listReceivedObligations(db, planId)).carriedTaskIds);
  return plan.tasks.filter((t) => !carried.size || carried.has(t.id));
}

/** What the office saved as its own report on a duty of a plan it received, if anything. */
export async function savedOwnReport(db: Kysely<Database>, dutyId: string): Promise<ReportContent | null> {
  const saved = await db.selectFrom('own_report').select('content_json').where('duty_id', '=', dutyId).executeTakeFirst();
  return saved ? ReportContent.parse(JSON.parse(saved.content_json)) : null;
}

/** A received plan and one of its reporting duties, or the Vietnamese reason there is none. */
async function receivedDuty(db: Kysely<Database>, planId: string, dutyId: string) {
  const row = await getPlanRow(db, planId);
  if (!row || row.kind !== 'received') throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch cấp trên.');
  const plan = PlanContent.parse(JSON.parse(row.content_json));
  const duty = plan.duties.find((d) => d.id === dutyId);
  if (!duty) throw new AppError('NOT_FOUND', 'Kế hoạch không có yêu cầu báo cáo này.');
  return { plan, duty };
}

export async function getOwnReport(db: Kysely<Database>, planId: string, dutyId: string): Promise<OwnReportView> {
  const { plan, duty } = await receivedDuty(db, planId, dutyId);
  return ownReportView(db, planId, plan, duty);
}

async function ownReportView(db: Kysely<Database>, planId: string, plan: PlanContent, duty: ReportingDuty): Promise<OwnReportView> {
  const dutyId = duty.id;
  const tasks = await carriedTasks(db, planId, plan);
  const saved = await db.selectFrom('own_report').selectAll().where('duty_id', '=', dutyId).executeTakeFirst();
  const content = saved ? ReportContent.parse(JSON.parse(saved.content_json)) : ReportContent.parse({});
  return {
    ...dutyHeading(planId, plan, duty),
    tasks: tasks.map((t) => ({ taskId: t.id, ordinal: t.ordinal, body: t.body })),
    content: { ...content, tasks: alignEntries(content.tasks, tasks.map((t) => t.id)) },
    updatedAt: saved?.updated_at ?? null,
  };
}

export async function saveOwnReport(db: Kysely<Database>, planId: string, dutyId: string, content: ReportContent, now: Date): Promise<OwnReportView> {
  const view = await getOwnReport(db, planId, dutyId);
  const allowed = new Set(view.tasks.map((t) => t.taskId));
  const bad = content.tasks.findIndex((t) => !allowed.has(t.taskId));
  if (bad >= 0) throw new AppError('VALIDATION', 'Báo cáo có nhiệm vụ không thuộc cơ quan trong kế hoạch này.', { [`tasks.${bad}.taskId`]: 'Nhiệm vụ không thuộc cơ quan' });
  if ((await missingAttachments(db, content.tasks.flatMap((t) => t.attachments.map((a) => a.sha256)))).length) throw new AppError('VALIDATION', 'Báo cáo nhắc đến tệp đính kèm chưa được tải lên.');
  // one entry per task, in the plan's order, as reports.save keeps them: a task sent twice is kept once
  const aligned = { ...content, tasks: alignEntries(content.tasks, view.tasks.map((t) => t.taskId)) };
  const row = { plan_id: planId, content_json: JSON.stringify(aligned), updated_at: now.toISOString() };
  await db.insertInto('own_report').values({ duty_id: dutyId, ...row }).onConflict((oc) => oc.column('duty_id').doUpdateSet(row)).execute();
  return getOwnReport(db, planId, dutyId);
}

/** The office's own report as its BÁO CÁO (.docx), from what it saved: for the clerk to print, and for the bundle sent up. */
export async function ownReportDocument(db: Kysely<Database>, planId: string, dutyId: string): Promise<{ fileName: string; buffer: Buffer }> {
  const { plan, duty } = await receivedDuty(db, planId, dutyId);
  const view = await ownReportView(db, planId, plan, duty);
  const office = (await readOffice(db))!;
  const cutoff = dutyCutoff(duty, plan.year);
  const buffer = await ownReportDocx({
    office,
    plan: { documentNumber: documentNumber(plan), issueDate: plan.issueDate, issuerName: plan.issuerName, title: plan.title },
    period: { phrase: periodPhrase(duty.kind, plan.year, duty.quarter), from: cutoff?.from ?? null, to: cutoff?.to ?? null },
    dueDate: view.dueDate,
    recipient: duty.recipient || plan.issuerName,
    tasks: view.tasks,
    content: view.content,
  });
  return { fileName: `BC-${lowerSlug(view.dutyLabel)}-${view.dueDate.slice(0, 4)}_${lowerSlug(office.name)}.docx`, buffer };
}
