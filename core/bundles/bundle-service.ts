import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { getInstallation } from '../../db/identity/identity-repo';
import { findForeignDutyIds, findForeignTaskIds, getPlanRow, replaceSearchEntries, writePlanStructure } from '../../db/plans/plan-repo';
import { searchEntries } from '../plans/plan-search-index';
import { unitNameResolver } from '../units/unit-names';
import { findReportRow, insertReportEvent, insertReportRevision, insertReportRow, replaceTaskEntries, updateReportRow } from '../../db/reports/report-repo';
import { listUnits } from '../../db/units/unit-repo';
import { KIND_LABELS, PlanPayload, ReceiptPayload, ReportPayload, ReturnPayload, type BundlePreview, type Manifest } from '../../shared/bundles/bundle-schemas';
import { PlanContent, type UnitRef } from '../../shared/plans/plan-schemas';
import { ReportContent, type TaskEntry } from '../../shared/reports/report-schemas';
import { asciiSlug, foldVietnamese } from '../../shared/text/fold';
import { formatVnDate, isIsoDate } from '../../shared/dates/vn-date';
import { AppError } from '../app-error';
import { keyFingerprint } from '../identity/installation-identity';
import { readOffice } from '../office/office-service';
import { documentNumber } from '../plans/plan-service';
import { consolidate } from '../reports/consolidation-service';
import { orgLookup, tasksCarriedBy, unitsOf } from '../reports/obligations';
import { readEnvelope, writeBundle, type BundleContents, type BundleEnvelope, type OpenedBundle } from './bundle-codec';
import { assertImportable, decideTrust, recordTrust, unitNamed, type TrustDecision } from './sender-trust';
import { readAttachment, storeAttachment } from '../reports/attachments';
import { consolidatedReportDocx } from '../documents/report-docx';
import { reportAfter, sentBundleAfter } from '../../shared/workflow/states';
import { consolidatedReportXlsx } from '../documents/report-xlsx';

const same = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);

async function signer(db: Executor) {
  const installation = (await getInstallation(db))!;
  const office = (await readOffice(db as Kysely<Database>))!;
  return { installationId: installation.id, officeName: office.name, publicKeyPem: installation.public_key_pem, privateKeyPem: installation.private_key_pem };
}

/** Puts a made bundle in the outbox, inside the transaction that records it as sent. */
export type QueueBundle = (trx: Executor, item: { bundleId: string; recipient: string; fileName: string; bytes: Buffer }) => Promise<void>;

async function recordSent(db: Kysely<Database>, contents: BundleContents, recipient: string, fileName: string, bundle: Buffer, bundleId: string, now: Date, queue?: QueueBundle) {
  // Recorded and queued together: a crash between the two would list a bundle as sent that never leaves.
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sent_bundle')
      .values({ bundle_id: bundleId, kind: contents.kind, subject: contents.subject, revision: contents.revision, file_name: fileName, recipient, status: 'saved', created_at: now.toISOString(), received_at: null, note: '' })
      .execute();
    await queue?.(trx, { bundleId, recipient, fileName, bytes: bundle });
  });
  return { fileName, base64: bundle.toString('base64'), bundleId, recipient };
}

async function nextRevision(db: Executor, subject: string): Promise<number> {
  const row = await db.selectFrom('sent_bundle').select((eb) => eb.fn.max('revision').as('max')).where('subject', '=', subject).executeTakeFirst();
  return (row?.max ?? 0) + 1;
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
  };
  const org = await orgLookup(db);
  const carriedTaskIds = tasksCarriedBy(stored, unitId, org).map((t) => t.taskId);
  const owedDutyIds = stored.duties.filter((d) => unitsOf(d.units, org).includes(unitId)).map((d) => d.id);
  const subject = `plan:${planId}`;
  const payload: PlanPayload = { planId, documentNumber: documentNumber(content), content, carriedTaskIds, owedDutyIds };
  const contents: BundleContents = { kind: 'plan', subject, revision: row.revision, payload };
  const bundleId = crypto.randomUUID();
  const me = await signer(db);
  const bundle = writeBundle(contents, me, unit.name, now, bundleId);
  const fileName = `KH-${content.number || 'du-thao'}-${content.year}_${asciiSlug(me.officeName)}_gui-${asciiSlug(unit.name)}_lan-${row.revision}.dvb`;
  return recordSent(db, contents, unit.name, fileName, bundle, bundleId, now, queue);
}

/**
 * This office's report on a duty of the plan it received: built from the consolidation of its own plan
 * derived from it (same kind of report), each task's result carried to the parent task it implements.
 */
export async function exportReportBundle(db: Kysely<Database>, dataDir: string, receivedPlanId: string, dutyId: string, now: Date, queue?: QueueBundle) {
  const parentRow = await getPlanRow(db, receivedPlanId);
  if (!parentRow || parentRow.kind !== 'received') throw new AppError('CONFLICT', 'Chỉ gửi báo cáo lên theo kế hoạch nhận từ cấp trên.');
  const parent = PlanContent.parse(JSON.parse(parentRow.content_json));
  const parentDuty = parent.duties.find((d) => d.id === dutyId);
  if (!parentDuty) throw new AppError('NOT_FOUND', 'Kế hoạch cấp trên không có yêu cầu báo cáo này.');
  const direct = await db.selectFrom('own_report').select('content_json').where('duty_id', '=', dutyId).executeTakeFirst();
  const own = await db.selectFrom('plan').selectAll().where('parent_plan_id', '=', receivedPlanId).where('status', '=', 'issued').orderBy('updated_at', 'desc').executeTakeFirst();
  const me = await signer(db);
  if (direct) {
    // the office reported on the received plan's tasks itself
    return sendReport(db, me, parent, parentDuty, receivedPlanId, dutyId, ReportContent.parse(JSON.parse(direct.content_json)), now, queue);
  }
  if (!own) throw new AppError('CONFLICT', 'Chưa có báo cáo của cơ quan: soạn báo cáo cho kế hoạch này, hoặc ban hành kế hoạch thực hiện và tổng hợp báo cáo các đơn vị.');
  const ownDuty = PlanContent.parse(JSON.parse(own.content_json)).duties.find((d) => d.kind === parentDuty.kind);
  if (!ownDuty) throw new AppError('CONFLICT', `Kế hoạch của cơ quan chưa có yêu cầu báo cáo cùng loại để tổng hợp.`);
  const c = await consolidate(db, own.id, ownDuty.id);
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
  const content: ReportContent = ReportContent.parse({
    tasks: [...entries.values()],
    generalResults: c.text.generalResults,
    shortcomings: c.text.shortcomings,
    causes: c.text.causes,
    directions: c.text.directions,
    proposals: c.text.proposals,
    models: c.models.map((m) => ({ id: crypto.randomUUID(), name: m.name, field: m.field, unitName: m.unitName, startDate: m.startDate, results: m.results, level: m.level })),
  });
  // Evidence of the units' accepted reports travels with the report, under the parent task it supports.
  const attachments = new Map<string, Uint8Array>();
  const accepted = await db.selectFrom('report').select('content_json').where('plan_id', '=', own.id).where('duty_id', '=', ownDuty.id).where('status', '=', 'accepted').execute();
  const parentOf = new Map(c.tasks.filter((t) => t.parentTask).map((t) => [t.taskId, t.parentTask!.id]));
  for (const row of accepted) {
    for (const entry of ReportContent.parse(JSON.parse(row.content_json)).tasks) {
      const target = content.tasks.find((t) => t.taskId === parentOf.get(entry.taskId));
      for (const a of target ? entry.attachments : []) {
        if (!target!.attachments.some((x) => x.sha256 === a.sha256)) target!.attachments.push(a);
        if (!attachments.has(a.sha256)) attachments.set(a.sha256, await readAttachment(db, dataDir, a.sha256));
      }
    }
  }
  const office = (await readOffice(db))!;
  const documents = { docx: await consolidatedReportDocx(c, office), xlsx: await consolidatedReportXlsx(c) };
  return sendReport(db, me, parent, parentDuty, receivedPlanId, dutyId, content, now, queue, attachments, documents);
}

async function sendReport(
  db: Kysely<Database>,
  me: Awaited<ReturnType<typeof signer>>,
  parent: PlanContent,
  parentDuty: PlanContent['duties'][number],
  receivedPlanId: string,
  dutyId: string,
  content: ReportContent,
  now: Date,
  queue: QueueBundle | undefined,
  attachments = new Map<string, Uint8Array>(),
  documents: BundleContents['documents'] = {},
) {
  const subject = `report:${receivedPlanId}:${dutyId}:${me.installationId}`;
  const revision = await nextRevision(db, subject);
  const payload: ReportPayload = { planId: receivedPlanId, planNumber: documentNumber(parent), dutyId, dueDate: parentDuty.dueDate!, unitName: me.officeName, receivedDate: now.toISOString().slice(0, 10), content };
  const contents: BundleContents = { kind: 'report', subject, revision, payload, attachments, documents };
  const bundleId = crypto.randomUUID();
  const bundle = writeBundle(contents, me, parent.issuerName, now, bundleId);
  const kindWord = { semiannual: '6thang', annual: 'nam', quarterly: `quy${parentDuty.quarter ?? ''}` }[parentDuty.kind as string] ?? parentDuty.kind;
  const fileName = `BC-${kindWord}-${parent.year}_${asciiSlug(me.officeName)}_lan-${revision}.dvb`;
  return recordSent(db, contents, parent.issuerName, fileName, bundle, bundleId, now, queue);
}

/** A report received as a bundle and returned here goes back to its sender as a bundle too. */
export async function exportReturnBundle(db: Kysely<Database>, reportId: string, now: Date, queue?: QueueBundle) {
  const report = await db.selectFrom('report').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!report || report.status !== 'returned') throw new AppError('CONFLICT', 'Chỉ gửi được báo cáo đã trả lại.');
  const origin = await db
    .selectFrom('imported_bundle')
    .selectAll()
    .where('kind', '=', 'report')
    .where('subject', 'like', `report:${report.plan_id}:${report.duty_id}:%`)
    .where('revision', '=', report.revision)
    .executeTakeFirst();
  if (!origin) throw new AppError('CONFLICT', 'Báo cáo này được nhập tay, không đến từ tệp gói; hãy báo cho đơn vị theo cách thông thường.');
  const sender = await db.selectFrom('known_sender').select('office_name').where('installation_id', '=', origin.sender_installation_id).executeTakeFirstOrThrow();
  const subject = `return:${report.plan_id}:${report.duty_id}:${origin.sender_installation_id}`;
  const contents: BundleContents = { kind: 'return', subject, revision: report.revision, payload: { planId: report.plan_id, dutyId: report.duty_id, revision: report.revision, reason: report.returned_reason } satisfies ReturnPayload };
  const bundleId = crypto.randomUUID();
  const me = await signer(db);
  const bundle = writeBundle(contents, me, sender.office_name, now, bundleId);
  const fileName = `TraLai_${asciiSlug(sender.office_name)}_lan-${report.revision}.dvb`;
  return recordSent(db, contents, sender.office_name, fileName, bundle, bundleId, now, queue);
}

/** The state of this office's reports sent up for a received plan: per duty, the last revision and its fate. */
export async function sentReportsOf(db: Kysely<Database>, receivedPlanId: string) {
  const me = (await getInstallation(db))!;
  const rows = await db.selectFrom('sent_bundle').selectAll().where('kind', '=', 'report').where('subject', 'like', `report:${receivedPlanId}:%:${me.id}`).orderBy('revision', 'desc').execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const dutyId = r.subject.split(':')[2]!;
    if (!latest.has(dutyId)) latest.set(dutyId, r);
  }
  return [...latest].map(([dutyId, r]) => ({ dutyId, revision: r.revision, status: r.status, note: r.note }));
}

function subjectLabel(opened: OpenedBundle): string {
  const p = opened.payload as Record<string, unknown>;
  if (opened.manifest.kind === 'report') return `Báo cáo của ${String(p.unitName ?? '')} theo Kế hoạch số ${String(p.planNumber ?? '')}, hạn ${isIsoDate(String(p.dueDate)) ? formatVnDate(String(p.dueDate)) : ''}`;
  if (opened.manifest.kind === 'plan') return `Kế hoạch số ${String(p.documentNumber ?? '')}`;
  if (opened.manifest.kind === 'return') return `Báo cáo lần ${String(p.revision ?? '')} bị trả lại: ${String(p.reason ?? '')}`;
  return KIND_LABELS[opened.manifest.kind];
}

/** A key this office has taken a bundle from before (receipts need no more than that). */
const knownKey = (db: Executor) => async (fingerprint: string) => Boolean(await db.selectFrom('known_sender').select('installation_id').where('fingerprint', '=', fingerprint).executeTakeFirst());

const trustOf = (db: Executor, envelope: BundleEnvelope) => decideTrust(db, envelope, knownKey(db));

/**
 * Reads the rest of a bundle once its envelope is trusted: the services run readContents in the worker for
 * untrusted files (core/untrusted), so a bundle that inflates badly ends the worker, not the app. `bytes`
 * may be handed over (detached) by the call.
 */
export type ReadContents = (bytes: Uint8Array, envelope: BundleEnvelope) => Promise<OpenedBundle>;

/** What the clerk sees before importing: who signed it, what it claims, what confirming binds. Writes nothing. */
export async function previewBundle(db: Kysely<Database>, bytes: Uint8Array, read: ReadContents): Promise<BundlePreview> {
  const envelope = readEnvelope(bytes);
  const { manifest } = envelope;
  const office = (await readOffice(db))!;
  const problems: string[] = [];
  if (!same(manifest.recipient.officeName, office.name)) problems.push(`Gói gửi cho "${manifest.recipient.officeName}", không phải cơ quan này.`);
  const trust = await trustOf(db, envelope);
  let subject = `${KIND_LABELS[manifest.kind]} do "${manifest.sender.officeName}" gửi`;
  // a refused sender's payload is never inflated or parsed
  if (trust.state === 'refused') problems.push(trust.reason);
  else {
    const opened = await read(bytes, envelope);
    subject = subjectLabel(opened);
    try {
      await checkApplicable(db, opened, trust);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error.message);
    }
  }
  const imported = await db.selectFrom('imported_bundle').select('bundle_id').where('bundle_id', '=', manifest.bundleId).executeTakeFirst();
  return {
    bundleId: manifest.bundleId,
    kind: manifest.kind,
    kindLabel: KIND_LABELS[manifest.kind],
    senderOffice: manifest.sender.officeName,
    senderInstallationId: manifest.sender.installationId,
    fingerprint: trust.fingerprint,
    trust: trust.state,
    binds: trust.state === 'new' ? trust.binds : null,
    unitName: trust.unit?.name ?? null,
    subjectLabel: subject,
    revision: manifest.revision,
    createdAt: manifest.createdAt,
    problems,
    alreadyImported: Boolean(imported),
  };
}

/** Domain checks of a bundle's payload against this installation's data; throws a Vietnamese refusal. */
async function checkApplicable(db: Executor, opened: OpenedBundle, trust: TrustDecision) {
  const { manifest } = opened;
  if (manifest.kind === 'report') {
    const payload = ReportPayload.safeParse(opened.payload);
    if (!payload.success) throw new AppError('VALIDATION', 'Nội dung báo cáo trong gói không đúng định dạng.');
    const p = payload.data;
    const planRow = await getPlanRow(db, p.planId);
    if (!planRow || planRow.kind !== 'own' || planRow.status !== 'issued') throw new AppError('VALIDATION', `Báo cáo theo Kế hoạch số ${p.planNumber}, không phải kế hoạch đã ban hành của cơ quan này.`);
    const plan = PlanContent.parse(JSON.parse(planRow.content_json));
    const duty = plan.duties.find((d) => d.id === p.dutyId);
    if (!duty) throw new AppError('VALIDATION', 'Kế hoạch không có yêu cầu báo cáo mà gói nhắc đến.');
    // the unit is the one the signing key is bound to (or, for a first bundle, the one it claims in the manifest)
    const unit = trust.unit!;
    if ((await unitNamed(db, p.unitName))?.id !== unit.id) throw new AppError('VALIDATION', `Gói ký bằng khóa của ${unit.name} nhưng ghi đơn vị báo cáo là "${p.unitName}": không nhận báo cáo thay cho đơn vị khác.`);
    const org = await orgLookup(db);
    if (!unitsOf(duty.units, org).includes(unit.id)) throw new AppError('VALIDATION', `"${unit.name}" không phải gửi báo cáo này.`);
    const carried = tasksCarriedBy(plan, unit.id, org).map((t) => t.taskId);
    const foreign = p.content.tasks.find((t) => !carried.includes(t.taskId));
    if (foreign) throw new AppError('VALIDATION', 'Báo cáo có nhiệm vụ không thuộc đơn vị hoặc không có trong kế hoạch.');
    if (new Set(p.content.tasks.map((t) => t.taskId)).size !== p.content.tasks.length) throw new AppError('VALIDATION', 'Báo cáo có nhiệm vụ ghi hai lần.');
    const existing = await findReportRow(db, duty.id, unit.id);
    if (existing && existing.revision >= manifest.revision && existing.status !== 'draft') {
      throw new AppError('CONFLICT', `Đã có báo cáo lần ${existing.revision} của ${unit.name}; gói này là lần ${manifest.revision}, cũ hơn hoặc bằng.`);
    }
    return { kind: 'report' as const, payload: p, unit, existing, plan };
  }
  if (manifest.kind === 'plan') {
    const payload = PlanPayload.safeParse(opened.payload);
    if (!payload.success) throw new AppError('VALIDATION', 'Nội dung kế hoạch trong gói không đúng định dạng.');
    const existing = await getPlanRow(db, payload.data.planId);
    if (existing && existing.kind !== 'received') throw new AppError('VALIDATION', 'Mã kế hoạch trùng với kế hoạch của chính cơ quan này.');
    // Task and duty rows are written by id: one listed twice, or taken by another plan here, would be
    // merged or moved into this plan (the office's own plan losing its task) instead of refused.
    const taskIds = payload.data.content.tasks.map((t) => t.id);
    const dutyIds = payload.data.content.duties.map((d) => d.id);
    if (new Set(taskIds).size !== taskIds.length || new Set(dutyIds).size !== dutyIds.length) throw new AppError('VALIDATION', 'Kế hoạch trong gói có nhiệm vụ hoặc yêu cầu báo cáo ghi hai lần.');
    if ((await findForeignTaskIds(db, payload.data.planId, taskIds)).length || (await findForeignDutyIds(db, payload.data.planId, dutyIds)).length) {
      throw new AppError('VALIDATION', 'Kế hoạch trong gói dùng mã nhiệm vụ của một kế hoạch khác trên máy này.');
    }
    if (existing && existing.revision >= manifest.revision) throw new AppError('CONFLICT', `Đã có lần ${existing.revision} của kế hoạch này; gói này là lần ${manifest.revision}.`);
    return { kind: 'plan' as const, payload: payload.data, existing };
  }
  if (manifest.kind === 'return') {
    const payload = ReturnPayload.safeParse(opened.payload);
    if (!payload.success) throw new AppError('VALIDATION', 'Nội dung trả lại không đúng định dạng.');
    const me = (await getInstallation(db))!;
    const sent = await db
      .selectFrom('sent_bundle')
      .selectAll()
      .where('subject', '=', `report:${payload.data.planId}:${payload.data.dutyId}:${me.id}`)
      .where('revision', '=', payload.data.revision)
      .executeTakeFirst();
    if (!sent) throw new AppError('VALIDATION', 'Trả lại một báo cáo không do máy này gửi.');
    return { kind: 'return' as const, payload: payload.data, sent };
  }
  if (manifest.kind === 'receipt') {
    const payload = ReceiptPayload.safeParse(opened.payload);
    if (!payload.success) throw new AppError('VALIDATION', 'Biên nhận không đúng định dạng.');
    const sent = await db.selectFrom('sent_bundle').selectAll().where('bundle_id', '=', payload.data.bundleId).executeTakeFirst();
    if (!sent) throw new AppError('VALIDATION', 'Biên nhận cho một gói không do máy này gửi.');
    return { kind: 'receipt' as const, payload: payload.data, sent };
  }
  throw new AppError('VALIDATION', 'Loại gói này chưa được hỗ trợ.');
}

/**
 * How many of this office's reports an import changes: a report bundle replaces one report; a new revision
 * of a received plan changes the basis of every report made against it (the office's own reports on it and
 * the units' reports on the plans derived from it). Returns, receipts and new plans change none.
 */
async function reportsChangedBy(db: Executor, applicable: Awaited<ReturnType<typeof checkApplicable>>): Promise<number> {
  if (applicable.kind === 'report') return 1;
  if (applicable.kind !== 'plan' || !applicable.existing) return 0;
  const planId = applicable.payload.planId;
  const own = await db.selectFrom('own_report').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  const units = await db
    .selectFrom('report')
    .innerJoin('plan', 'plan.id', 'report.plan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan.parent_plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(own.n) + Number(units.n);
}

/**
 * Verifies everything, then applies the bundle in one transaction; returns a receipt to send back.
 * `beforeChange` runs once the bundle is known to apply and before anything is written, with the number
 * of reports it changes (the services back up first when that is more than one; a failed backup stops it).
 */
export async function importBundle(
  db: Kysely<Database>,
  dataDir: string,
  bytes: Uint8Array,
  acceptKey: boolean,
  now: Date,
  read: ReadContents,
  beforeChange?: (reportsChanged: number) => Promise<void>,
  actor = 'Không rõ',
) {
  const envelope = readEnvelope(bytes);
  const { manifest } = envelope;
  const office = (await readOffice(db))!;
  const duplicate = await db.selectFrom('imported_bundle').select('bundle_id').where('bundle_id', '=', manifest.bundleId).executeTakeFirst();
  if (duplicate) return { result: 'duplicate' as const, message: 'Gói này đã nhập trước đó; không có gì thay đổi.', receipt: manifest.kind === 'receipt' ? null : await receiptFor(db, manifest, 'duplicate', now) };
  if (!same(manifest.recipient.officeName, office.name)) throw new AppError('VALIDATION', `Gói gửi cho "${manifest.recipient.officeName}", không phải cơ quan này.`);
  // who signed it decides whether the payload is read at all
  assertImportable(await trustOf(db, envelope), manifest.sender.officeName, acceptKey);
  const opened = await read(bytes, envelope);
  if (beforeChange) await beforeChange(await reportsChangedBy(db, await checkApplicable(db, opened, await trustOf(db, envelope))));
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const trust = await trustOf(trx, envelope);
    assertImportable(trust, manifest.sender.officeName, acceptKey);
    const applicable = await checkApplicable(trx, opened, trust);
    // Evidence is stored by content hash (checked like any attachment) once the report itself is accepted,
    // in the same transaction: a refused import leaves no row behind (at most an unreferenced file).
    if (applicable.kind === 'report') {
      for (const ref of applicable.payload.content.tasks.flatMap((t) => t.attachments)) {
        const bytes = opened.files[`attachments/${ref.sha256}`];
        if (!bytes) throw new AppError('VALIDATION', `Tệp gói không hợp lệ: thiếu tệp đính kèm "${ref.name}".`);
        const stored = await storeAttachment(trx, dataDir, ref.name, Buffer.from(bytes), now);
        if (stored.sha256 !== ref.sha256) throw new AppError('VALIDATION', `Tệp gói không hợp lệ: tệp đính kèm "${ref.name}" không khớp.`);
      }
    }
    const key = { office_name: manifest.sender.officeName, public_key_pem: opened.publicKeyPem, fingerprint: keyFingerprint(opened.publicKeyPem), accepted_at: stamp };
    await recordTrust(trx, trust, envelope, actor, stamp);
    await trx.insertInto('known_sender').values({ installation_id: manifest.sender.installationId, ...key }).onConflict((oc) => oc.column('installation_id').doUpdateSet(key)).execute();
    await trx.insertInto('imported_bundle').values({ bundle_id: manifest.bundleId, kind: manifest.kind, sender_installation_id: manifest.sender.installationId, subject: manifest.subject, revision: manifest.revision, imported_at: stamp }).execute();
    if (applicable.kind === 'report') {
      const { payload, unit, existing } = applicable;
      const content = payload.content;
      const id = existing?.id ?? crypto.randomUUID();
      // a newer revision from the unit's own installation supersedes what is held, in any state
      const status = existing ? reportAfter(existing.status, 'receiveBundle')! : reportAfter('draft', 'receiveBundle')!;
      const row = { status, revision: manifest.revision, received_date: payload.receivedDate, returned_reason: '', content_json: JSON.stringify(content), updated_at: stamp };
      if (existing) await updateReportRow(trx, id, row);
      else await insertReportRow(trx, { id, plan_id: payload.planId, duty_id: payload.dutyId, unit_id: unit.id, created_at: stamp, ...row });
      await trx.deleteFrom('report_revision').where('report_id', '=', id).where('revision', '=', manifest.revision).execute();
      await insertReportRevision(trx, { report_id: id, revision: manifest.revision, received_date: payload.receivedDate, content_json: JSON.stringify(content), created_at: stamp });
      await insertReportEvent(trx, { report_id: id, kind: 'submitted', at: stamp, date: payload.receivedDate, reason: '', revision: manifest.revision, actor: `${manifest.sender.officeName} (gửi qua tệp gói)` });
      await replaceTaskEntries(trx, id, content.tasks);
    } else if (applicable.kind === 'plan') {
      const { payload, existing } = applicable;
      const c = payload.content;
      const columns = { year: c.year, number: c.number, symbol: c.symbol, issue_date: c.issueDate, title: c.title, issuer_name: c.issuerName, period_start: c.periodStart, period_end: c.periodEnd, content_json: JSON.stringify(c), revision: manifest.revision, updated_at: stamp };
      if (existing) await trx.updateTable('plan').set(columns).where('id', '=', payload.planId).execute();
      else await trx.insertInto('plan').values({ id: payload.planId, kind: 'received', status: 'received', parent_plan_id: null, created_at: stamp, ...columns }).execute();
      await writeReceivedStructure(trx, payload.planId, c);
      const obligations = JSON.stringify({ carriedTaskIds: payload.carriedTaskIds, owedDutyIds: payload.owedDutyIds });
      await trx.insertInto('setting').values({ key: `nhan-ke-hoach:${payload.planId}`, value_json: obligations }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: obligations })).execute();
    } else if (applicable.kind === 'return') {
      const status = sentBundleAfter(applicable.sent.status, 'return');
      if (status) await trx.updateTable('sent_bundle').set({ status, note: applicable.payload.reason }).where('bundle_id', '=', applicable.sent.bundle_id).execute();
    } else {
      const status = sentBundleAfter(applicable.sent.status, 'receipt');
      if (status) await trx.updateTable('sent_bundle').set({ status, received_at: applicable.payload.importedAt }).where('bundle_id', '=', applicable.sent.bundle_id).execute();
    }
  });
  return {
    result: 'imported' as const,
    message: `Đã nhập ${KIND_LABELS[manifest.kind].toLowerCase()} của ${manifest.sender.officeName}.`,
    receipt: manifest.kind === 'receipt' ? null : await receiptFor(db, manifest, 'imported', now),
  };
}

/** Received plans keep the sender's task ids, so reports can be mapped back up. Units are the sender's: stored as outside bodies. */
async function writeReceivedStructure(trx: Executor, planId: string, c: PlanContent) {
  await writePlanStructure(
    trx,
    planId,
    c.tasks.map((t, position) => ({ id: t.id, position, ordinal: t.ordinal, body: t.body, timeframe: t.timeframe, parentTaskId: null, units: [] })),
    c.duties.map((d) => ({ id: d.id, kind: d.kind, dueDate: d.dueDate!, units: [] })),
  );
  await replaceSearchEntries(trx, planId, searchEntries(c, documentNumber(c)));
}

async function receiptFor(db: Kysely<Database>, manifest: Manifest, result: 'imported' | 'duplicate', now: Date) {
  const me = await signer(db);
  const payload: ReceiptPayload = { bundleId: manifest.bundleId, importedAt: now.toISOString(), result };
  const receiptId = crypto.randomUUID();
  const bundle = writeBundle({ kind: 'receipt', subject: `receipt:${manifest.bundleId}`, revision: 0, payload }, me, manifest.sender.officeName, now, receiptId);
  return { fileName: `BienNhan_${asciiSlug(me.officeName)}_${manifest.bundleId.slice(0, 8)}.dvb`, base64: bundle.toString('base64'), bundleId: receiptId, recipient: manifest.sender.officeName };
}

export async function listSentBundles(db: Kysely<Database>) {
  const rows = await db.selectFrom('sent_bundle').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ bundleId: r.bundle_id, kind: r.kind, fileName: r.file_name, recipient: r.recipient, revision: r.revision, status: r.status, note: r.note, createdAt: r.created_at, receivedAt: r.received_at }));
}

export async function ownFingerprint(db: Executor): Promise<string> {
  return keyFingerprint((await getInstallation(db))!.public_key_pem);
}
