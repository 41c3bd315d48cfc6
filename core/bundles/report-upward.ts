import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findIssuedChildPlan, getPlanRow } from '../../db/plans/plan-repo';
import { listReportRowsOfDuty } from '../../db/reports/report-repo';
import { PlanContent, type ReportingDuty } from '../../shared/plans/plan-schemas';
import type { Consolidation } from '../../shared/reports/consolidation';
import { ReportContent, type TaskEntry } from '../../shared/reports/report-schemas';
import { AppError } from '../app-error';
import { consolidatedReportDocx } from '../documents/report-docx';
import { consolidatedReportXlsx } from '../documents/report-xlsx';
import { readOffice } from '../office/office-service';
import { readAttachment } from '../reports/attachments';
import { consolidate } from '../reports/consolidation-service';
import { ownReportDocument, savedOwnReport } from '../reports/own-report-service';
import type { BundleContents } from './bundle-codec';

/** This office's report on a duty of the plan it received, keyed by the parent plan's own task ids. */
export interface UpwardReport {
  parent: PlanContent;
  parentDuty: ReportingDuty;
  content: ReportContent;
  /** Evidence files travelling with it, by SHA-256. */
  attachments: Map<string, Uint8Array>;
  documents: BundleContents['documents'];
}

/**
 * The report this office sends up on a duty of a plan it received: the one it wrote itself on the
 * received plan's tasks, or else the consolidation of its own plan derived from it (the duty of the same
 * kind), each task's result carried to the parent task it implements, with the units' evidence.
 */
export async function reportToSendUp(db: Kysely<Database>, dataDir: string, receivedPlanId: string, dutyId: string): Promise<UpwardReport> {
  const parentRow = await getPlanRow(db, receivedPlanId);
  if (!parentRow || parentRow.kind !== 'received') throw new AppError('CONFLICT', 'Chỉ gửi báo cáo lên theo kế hoạch nhận từ cấp trên.');
  const parent = PlanContent.parse(JSON.parse(parentRow.content_json));
  const parentDuty = parent.duties.find((d) => d.id === dutyId);
  if (!parentDuty) throw new AppError('NOT_FOUND', 'Kế hoạch cấp trên không có yêu cầu báo cáo này.');
  // the office reported on the received plan's tasks itself
  const direct = await savedOwnReport(db, dutyId);
  if (direct) return { parent, parentDuty, content: direct, attachments: await evidenceOf(db, dataDir, direct.tasks), documents: { docx: (await ownReportDocument(db, receivedPlanId, dutyId)).buffer } };

  const own = await findIssuedChildPlan(db, receivedPlanId);
  if (!own) throw new AppError('CONFLICT', 'Chưa có báo cáo của cơ quan: soạn báo cáo cho kế hoạch này, hoặc ban hành kế hoạch thực hiện và tổng hợp báo cáo các đơn vị.');
  const ownDuty = PlanContent.parse(JSON.parse(own.content_json)).duties.find((d) => d.kind === parentDuty.kind);
  if (!ownDuty) throw new AppError('CONFLICT', `Kế hoạch của cơ quan chưa có yêu cầu báo cáo cùng loại để tổng hợp.`);
  const c = await consolidate(db, own.id, ownDuty.id);
  const content = consolidationUpward(c);
  // Evidence of the units' accepted reports travels with the report, under the parent task it supports.
  const attachments = new Map<string, Uint8Array>();
  const parentOf = new Map(c.tasks.filter((t) => t.parentTask).map((t) => [t.taskId, t.parentTask!.id]));
  for (const row of (await listReportRowsOfDuty(db, ownDuty.id)).filter((r) => r.status === 'accepted')) {
    for (const entry of ReportContent.parse(JSON.parse(row.content_json)).tasks) {
      const target = content.tasks.find((t) => t.taskId === parentOf.get(entry.taskId));
      for (const a of target ? entry.attachments : []) {
        if (!target!.attachments.some((x) => x.sha256 === a.sha256)) target!.attachments.push(a);
        if (!attachments.has(a.sha256)) attachments.set(a.sha256, await readAttachment(db, dataDir, a.sha256));
      }
    }
  }
  const office = (await readOffice(db))!;
  return { parent, parentDuty, content, attachments, documents: { docx: await consolidatedReportDocx(c, office), xlsx: await consolidatedReportXlsx(c) } };
}

/** The evidence files a report's entries name, read from the attachment store, by SHA-256. */
async function evidenceOf(db: Kysely<Database>, dataDir: string, entries: TaskEntry[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const a of entries.flatMap((t) => t.attachments)) if (!files.has(a.sha256)) files.set(a.sha256, await readAttachment(db, dataDir, a.sha256));
  return files;
}

/**
 * The consolidation of this office's plan as a report on the parent plan: each own task's combined result
 * goes to the parent task it implements (several own tasks on one parent task: texts joined, figures
 * listed, "in progress" when their states differ); the office's texts and the units' models go as they are.
 */
export function consolidationUpward(c: Consolidation): ReportContent {
  const entries = new Map<string, TaskEntry>();
  for (const t of c.tasks) {
    if (!t.parentTask || !t.combinedStatus) continue;
    const prev = entries.get(t.parentTask.id);
    const doneText = [prev?.doneText, ...t.results.filter((r) => r.doneText).map((r) => `${r.unitName}: ${r.doneText}`)].filter(Boolean).join('\n');
    entries.set(t.parentTask.id, {
      taskId: t.parentTask.id,
      status: prev?.status && prev.status !== t.combinedStatus ? 'in_progress' : t.combinedStatus,
      doneText,
      reason: t.results.map((r) => r.reason).filter(Boolean).join('; '),
      figures: [...(prev?.figures ?? []), ...t.figures.map((f) => ({ name: f.name, unit: f.unit, value: f.total }))],
      attachments: [],
    });
  }
  return ReportContent.parse({
    tasks: [...entries.values()],
    generalResults: c.text.generalResults,
    shortcomings: c.text.shortcomings,
    causes: c.text.causes,
    directions: c.text.directions,
    proposals: c.text.proposals,
    models: c.models.map((m) => ({ id: crypto.randomUUID(), name: m.name, field: m.field, unitName: m.unitName, startDate: m.startDate, results: m.results, level: m.level })),
  });
}
