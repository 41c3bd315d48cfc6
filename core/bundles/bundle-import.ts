import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { insertImportedBundle, isBundleImported, updateSentBundle } from '../../db/bundles/bundle-log-repo';
import { isKnownKey, rememberKnownSender } from '../../db/bundles/installation-repo';
import { countReportsOnReceivedPlan } from '../../db/reports/report-repo';
import { KIND_LABELS, type BundlePreview } from '../../shared/bundles/bundle-schemas';
import { formatVnDate, isIsoDate } from '../../shared/dates/vn-date';
import { foldVietnamese } from '../../shared/text/fold';
import { sentBundleAfter } from '../../shared/workflow/states';
import { AppError } from '../app-error';
import { keyFingerprint } from '../identity/installation-identity';
import { readOffice } from '../office/office-service';
import { storeReceivedPlan } from '../plans/plan-service';
import { storeAttachment } from '../reports/attachments';
import { receiveReportRevision } from '../reports/received-reports';
import { readEnvelope, type BundleEnvelope, type OpenedBundle } from './bundle-codec';
import { checkApplicable, type Applicable } from './bundle-checks';
import { receiptFileName, receiptFor } from './bundle-export';
import { subjectColumns } from './bundle-subject';
import { assertImportable, decideTrust, recordTrust } from './sender-trust';

/**
 * Taking a bundle in, in this order: the envelope (signature, sizes) → who signed it (sender-trust.ts) →
 * its contents (read by `ReadContents`, in the untrusted-file worker) → the domain checks (bundle-checks.ts)
 * → one transaction that checks trust and applicability again and writes everything.
 */

const same = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);

/**
 * Reads the rest of a bundle once its envelope is trusted: the services run readContents in the worker for
 * untrusted files (core/untrusted), so a bundle that inflates badly ends the worker, not the app. `bytes`
 * may be handed over (detached) by the call.
 */
export type ReadContents = (bytes: Uint8Array, envelope: BundleEnvelope) => Promise<OpenedBundle>;

/** Receipts need no more than a key this office has taken a bundle from before. */
const trustOf = (db: Executor, envelope: BundleEnvelope) => decideTrust(db, envelope, (fingerprint) => isKnownKey(db, fingerprint));

function subjectLabel(opened: OpenedBundle): string {
  const p = opened.payload as Record<string, unknown>;
  if (opened.manifest.kind === 'report') return `Báo cáo của ${String(p.unitName ?? '')} theo Kế hoạch số ${String(p.planNumber ?? '')}, hạn ${isIsoDate(String(p.dueDate)) ? formatVnDate(String(p.dueDate)) : ''}`;
  if (opened.manifest.kind === 'plan') return `Kế hoạch số ${String(p.documentNumber ?? '')}`;
  if (opened.manifest.kind === 'return') return `Báo cáo lần ${String(p.revision ?? '')} bị trả lại: ${String(p.reason ?? '')}`;
  return KIND_LABELS[opened.manifest.kind];
}

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
    alreadyImported: await isBundleImported(db, manifest.bundleId),
  };
}

/**
 * How many of this office's reports an import changes: a report bundle replaces one report; a new revision
 * of a received plan changes the basis of every report made against it (the office's own reports on it and
 * the units' reports on the plans derived from it). Returns, receipts and new plans change none.
 */
async function reportsChangedBy(db: Executor, applicable: Applicable): Promise<number> {
  if (applicable.kind === 'report') return 1;
  if (applicable.kind !== 'plan' || !applicable.existing) return 0;
  return countReportsOnReceivedPlan(db, applicable.payload.planId);
}

/** Writes what a checked bundle brings, inside the import's transaction, each through the owner of its tables. */
async function apply(trx: Transaction<Database>, applicable: Applicable, opened: OpenedBundle, dataDir: string, now: Date): Promise<void> {
  const { manifest } = opened;
  if (applicable.kind === 'report') {
    const { payload, unit, existing } = applicable;
    // Evidence is stored by content hash (checked like any attachment) once the report itself is accepted,
    // in the same transaction: a refused import leaves no row behind (at most an unreferenced file).
    for (const ref of payload.content.tasks.flatMap((t) => t.attachments)) {
      const bytes = opened.files[`attachments/${ref.sha256}`];
      if (!bytes) throw new AppError('VALIDATION', `Tệp gói không hợp lệ: thiếu tệp đính kèm "${ref.name}".`);
      const stored = await storeAttachment(trx, dataDir, ref.name, Buffer.from(bytes), now);
      if (stored.sha256 !== ref.sha256) throw new AppError('VALIDATION', `Tệp gói không hợp lệ: tệp đính kèm "${ref.name}" không khớp.`);
    }
    await receiveReportRevision(
      trx,
      { existing, planId: payload.planId, dutyId: payload.dutyId, unitId: unit.id, revision: manifest.revision, receivedDate: payload.receivedDate, content: payload.content, actor: `${manifest.sender.officeName} (gửi qua tệp gói)` },
      now,
    );
  } else if (applicable.kind === 'plan') {
    const { planId, content, carriedTaskIds, owedDutyIds } = applicable.payload;
    await storeReceivedPlan(trx, { planId, content, revision: manifest.revision, carriedTaskIds, owedDutyIds }, now);
  } else if (applicable.kind === 'return') {
    const status = sentBundleAfter(applicable.sent.status, 'return');
    if (status) await updateSentBundle(trx, applicable.sent.bundle_id, { status, note: applicable.payload.reason });
  } else {
    const status = sentBundleAfter(applicable.sent.status, 'receipt');
    if (status) await updateSentBundle(trx, applicable.sent.bundle_id, { status, received_at: applicable.payload.importedAt });
  }
}

/**
 * The inbox's first question about a file, from its envelope alone (before trust or contents): was this
 * bundle imported already, by its id? If so it is never imported again, whatever the server did with it
 * (a refused DELETE brings it back every round); it gets a receipt only if none was ever queued for it
 * (taken by hand from a USB stick, say), so the sender hears once.
 */
export async function inboxDuplicate(db: Kysely<Database>, bytes: Uint8Array, now: Date) {
  const { manifest } = readEnvelope(bytes);
  if (!(await isBundleImported(db, manifest.bundleId))) return null;
  if (manifest.kind === 'receipt') return { receipt: null };
  const office = (await readOffice(db))!;
  const queued = await db.selectFrom('outbox_item').select('bundle_id').where('file_name', '=', receiptFileName(office.name, manifest.bundleId)).executeTakeFirst();
  return { receipt: queued ? null : await receiptFor(db, manifest, 'duplicate', now) };
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
  if (await isBundleImported(db, manifest.bundleId)) {
    return { result: 'duplicate' as const, message: 'Gói này đã nhập trước đó; không có gì thay đổi.', receipt: manifest.kind === 'receipt' ? null : await receiptFor(db, manifest, 'duplicate', now) };
  }
  if (!same(manifest.recipient.officeName, office.name)) throw new AppError('VALIDATION', `Gói gửi cho "${manifest.recipient.officeName}", không phải cơ quan này.`);
  // who signed it decides whether the payload is read at all
  const decided = await trustOf(db, envelope);
  assertImportable(decided, manifest.sender.officeName, acceptKey);
  const opened = await read(bytes, envelope);
  if (beforeChange) await beforeChange(await reportsChangedBy(db, await checkApplicable(db, opened, decided)));
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const trust = await trustOf(trx, envelope);
    assertImportable(trust, manifest.sender.officeName, acceptKey);
    const applicable = await checkApplicable(trx, opened, trust);
    await recordTrust(trx, trust, envelope, actor, stamp);
    await rememberKnownSender(trx, { installation_id: manifest.sender.installationId, office_name: manifest.sender.officeName, public_key_pem: opened.publicKeyPem, fingerprint: keyFingerprint(opened.publicKeyPem), accepted_at: stamp });
    await insertImportedBundle(trx, {
      bundle_id: manifest.bundleId,
      kind: manifest.kind,
      sender_installation_id: manifest.sender.installationId,
      subject: manifest.subject,
      ...subjectColumns(applicable.about.subject),
      unit_id: applicable.about.unitId,
      receipt_for_bundle_id: applicable.about.receiptForBundleId,
      revision: manifest.revision,
      imported_at: stamp,
    });
    await apply(trx, applicable, opened, dataDir, now);
  });
  return {
    result: 'imported' as const,
    message: `Đã nhập ${KIND_LABELS[manifest.kind].toLowerCase()} của ${manifest.sender.officeName}.`,
    receipt: manifest.kind === 'receipt' ? null : await receiptFor(db, manifest, 'imported', now),
  };
}
