import crypto from 'node:crypto';
import type { Executor } from '../../db/executor';
import type { ReportTable } from '../../db/schema';
import { insertReportEvent, insertReportRow, replaceReportRevision, replaceTaskEntries, updateReportRow } from '../../db/reports/report-repo';
import type { ReportContent } from '../../shared/reports/report-schemas';
import { reportAfter } from '../../shared/workflow/states';

/** A unit's report as it arrived in a bundle, checked (core/bundles/bundle-checks.ts). */
export interface ReceivedReport {
  /** The report held for this duty and unit, if any. */
  existing: ReportTable | undefined;
  planId: string;
  dutyId: string;
  unitId: string;
  revision: number;
  receivedDate: string;
  content: ReportContent;
  /** Who sent it, for the report's history. */
  actor: string;
}

/**
 * Writes a unit's report received as a bundle, inside the caller's transaction (the import): a newer
 * revision from the unit's own installation supersedes what is held, in any state, history kept
 * (the revision, a 'submitted' event, the task mirror).
 */
export async function receiveReportRevision(trx: Executor, received: ReceivedReport, now: Date): Promise<void> {
  const { existing, content, revision, receivedDate } = received;
  const stamp = now.toISOString();
  const id = existing?.id ?? crypto.randomUUID();
  const row = { status: reportAfter(existing?.status ?? 'draft', 'receiveBundle')!, revision, received_date: receivedDate, returned_reason: '', content_json: JSON.stringify(content), updated_at: stamp };
  if (existing) await updateReportRow(trx, id, row);
  else await insertReportRow(trx, { id, plan_id: received.planId, duty_id: received.dutyId, unit_id: received.unitId, created_at: stamp, ...row });
  await replaceReportRevision(trx, { report_id: id, revision, received_date: receivedDate, content_json: JSON.stringify(content), created_at: stamp });
  await insertReportEvent(trx, { report_id: id, kind: 'submitted', at: stamp, date: receivedDate, reason: '', revision, actor: received.actor });
  await replaceTaskEntries(trx, id, content.tasks);
}
