import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { findImportedReport, insertSentBundle, lastSentReportRevision } from '../../db/bundles/bundle-log-repo';
import { getKnownSender } from '../../db/bundles/installation-repo';
import { getPlanRow } from '../../db/plans/plan-repo';
import { getReportRow } from '../../db/reports/report-repo';
import { listUnits } from '../../db/units/unit-repo';
import { withoutImpliedRules } from '../../shared/reports/figure-rules';
import type { Manifest, PlanPayload, ReceiptPayload, ReportPayload, ReturnPayload } from '../../shared/bundles/bundle-schemas';
import { PlanContent, type UnitRef } from '../../shared/plans/plan-schemas';
import { asciiSlug } from '../../shared/text/fold';
import { AppError } from '../app-error';
import { documentNumber } from '../plans/plan-service';
import { orgLookup, tasksCarriedBy, unitsOf } from '../reports/obligations';
import { unitNameResolver } from '../units/unit-names';
import { writeBundle, type BundleContents } from './bundle-codec';
import { planSubject, receiptSubjectText, reportSubject, subjectColumns, subjectText, type BundleSubject } from './bundle-subject';
import { ownSigner } from './own-key';
import { reportToSendUp } from './report-upward';

/** Puts a made bundle in the outbox, inside the transaction that records it as sent. */
export type QueueBundle = (trx: Executor, item: { bundleId: string; recipient: string; fileName: string; bytes: Buffer }) => Promise<void>;

/** What a made bundle is: about what, which revision, carrying what, signed for whom under which file name. */
interface Outgoing {
  kind: Exclude<BundleContents['kind'], 'receipt'>;
  subject: BundleSubject;
  revision: number;
  payload: unknown;
  attachments?: BundleContents['attachments'];
  documents?: BundleContents['documents'];
  recipient: string;
  fileName: (officeName: string) => string;
}

/** Signs the bundle and records it as sent; recorded and queued together: a crash between the two would list a bundle as sent that never leaves. */
async function makeAndRecord(db: Kysely<Database>, out: Outgoing, now: Date, queue?: QueueBundle) {
  const me = await ownSigner(db);
  const contents: BundleContents = { kind: out.kind, subject: subjectText(out.kind, out.subject), revision: out.revision, payload: out.payload, attachments: out.attachments, documents: out.documents };
  const bundleId = crypto.randomUUID();
  const bundle = writeBundle(contents, me, out.recipient, now, bundleId);
  const fileName = out.fileName(me.officeName);
  await db.transaction().execute(async (trx) => {
    await insertSentBundle(trx, {
      bundle_id: bundleId,
      kind: contents.kind,
      subject: contents.subject,
      ...subjectColumns(out.subject),
      revision: contents.revision,
      file_name: fileName,
      recipient: out.recipient,
      status: 'saved',
      created_at: now.toISOString(),
      received_at: null,
      note: '',
    });
    await queue?.(trx, { bundleId, recipient: out.recipient, fileName, bytes: bundle });
  });
  return { fileName, base64: bundle.toString('base64'), bundleId, recipient: out.recipient };
}

/** An issued plan of this office, for a unit below whose installation will report on its tasks. */
export async function exportPlanBundle(db: Kysely<Database>, planId: string, unitId: string, now: Date, queue?: QueueBundle) {
  const row = await getPlanRow(db, planId);
  if (!row || row.kind !== 'own' || row.status !== 'issued') throw new AppError('CONFLICT', 'Chỉ gửi được kế hoạch của cơ quan đã ban hành.');
  const unit = (await listUnits(db, true)).find((u) => u.id === unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị nhận.');
  // The units below know our units by name only: every reference travels as the name it prints.
  const nameOf = await unitNameResolver(db);
  const asNames = (refs: UnitRef[]): UnitRef[] => refs.map((r) => ({ type: 'external', name: nameOf(r), note: r.note }));
  const stored = PlanContent.parse(JSON.parse(row.content_json));
  const content: PlanContent = {
    ...stored,
    tasks: stored.tasks.map((t) => ({ ...t, directing: asNames(t.directing), lead: asNames(t.lead), coordinating: asNames(t.coordinating), implementing: asNames(t.implementing), parentTaskId: null })),
    duties: stored.duties.map((d) => ({ ...d, units: asNames(d.units) })),
    indicators: withoutImpliedRules(stored.indicators),
  };
  const org = await orgLookup(db);
  const carriedTaskIds = tasksCarriedBy(stored, unitId, org).map((t) => t.taskId);
  const owedDutyIds = stored.duties.filter((d) => unitsOf(d.units, org).includes(unitId)).map((d) => d.id);
  const payload: PlanPayload = { planId, documentNumber: documentNumber(content), content, carriedTaskIds, owedDutyIds };
  return makeAndRecord(
    db,
    {
      kind: 'plan',
      subject: planSubject(planId),
      revision: row.revision,
      payload,
      recipient: unit.name,
      fileName: (office) => `KH-${content.number || 'du-thao'}-${content.year}_${asciiSlug(office)}_gui-${asciiSlug(unit.name)}_lan-${row.revision}.dvb`,
    },
    now,
    queue,
  );
}

/** This office's report on a duty of the plan it received (report-upward.ts says what it holds), as its next revision. */
export async function exportReportBundle(db: Kysely<Database>, dataDir: string, receivedPlanId: string, dutyId: string, now: Date, queue?: QueueBundle) {
  const { parent, parentDuty, content, attachments, documents } = await reportToSendUp(db, dataDir, receivedPlanId, dutyId);
  const me = await ownSigner(db);
  const revision = (await lastSentReportRevision(db, receivedPlanId, dutyId, me.installationId)) + 1;
  const payload: ReportPayload = { planId: receivedPlanId, planNumber: documentNumber(parent), dutyId, dueDate: parentDuty.dueDate!, unitName: me.officeName, receivedDate: now.toISOString().slice(0, 10), content };
  const kindWord = { semiannual: '6thang', annual: 'nam', quarterly: `quy${parentDuty.quarter ?? ''}` }[parentDuty.kind as string] ?? parentDuty.kind;
  return makeAndRecord(
    db,
    {
      kind: 'report',
      subject: reportSubject(receivedPlanId, dutyId, me.installationId),
      revision,
      payload,
      attachments,
      documents,
      recipient: parent.issuerName,
      fileName: (office) => `BC-${kindWord}-${parent.year}_${asciiSlug(office)}_lan-${revision}.dvb`,
    },
    now,
    queue,
  );
}

/** A report received as a bundle and returned here goes back to its sender as a bundle too. */
export async function exportReturnBundle(db: Kysely<Database>, reportId: string, now: Date, queue?: QueueBundle) {
  const report = await getReportRow(db, reportId);
  if (!report || report.status !== 'returned') throw new AppError('CONFLICT', 'Chỉ gửi được báo cáo đã trả lại.');
  // the bundle that brought this revision of this unit's report
  const origin = await findImportedReport(db, { planId: report.plan_id, dutyId: report.duty_id, unitId: report.unit_id, revision: report.revision });
  if (!origin) throw new AppError('CONFLICT', 'Báo cáo này được nhập tay, không đến từ tệp gói; hãy báo cho đơn vị theo cách thông thường.');
  const sender = (await getKnownSender(db, origin.sender_installation_id))!;
  const payload: ReturnPayload = { planId: report.plan_id, dutyId: report.duty_id, revision: report.revision, reason: report.returned_reason };
  return makeAndRecord(
    db,
    {
      kind: 'return',
      subject: reportSubject(report.plan_id, report.duty_id, origin.sender_installation_id),
      revision: report.revision,
      payload,
      recipient: sender.office_name,
      fileName: () => `TraLai_${asciiSlug(sender.office_name)}_lan-${report.revision}.dvb`,
    },
    now,
    queue,
  );
}

/** The receipt for a bundle taken in (imported, or already there), to send back; not recorded as sent. */
/** A receipt's file name follows from the bundle it answers, so the outbox shows whether one was queued. */
export const receiptFileName = (ownOfficeName: string, bundleId: string) => `BienNhan_${asciiSlug(ownOfficeName)}_${bundleId.slice(0, 8)}.dvb`;

export async function receiptFor(db: Kysely<Database>, manifest: Manifest, result: 'imported' | 'duplicate', now: Date) {
  const me = await ownSigner(db);
  const payload: ReceiptPayload = { bundleId: manifest.bundleId, importedAt: now.toISOString(), result };
  const receiptId = crypto.randomUUID();
  const bundle = writeBundle({ kind: 'receipt', subject: receiptSubjectText(manifest.bundleId), revision: 0, payload }, me, manifest.sender.officeName, now, receiptId);
  return { fileName: receiptFileName(me.officeName, manifest.bundleId), base64: bundle.toString('base64'), bundleId: receiptId, recipient: manifest.sender.officeName };
}
