import type { BundleKind } from '../../shared/bundles/bundle-schemas';
import type { BundleSubjectColumns } from '../../db/schema';

/**
 * What a bundle is about. It is kept in columns (sent_bundle, imported_bundle: plan_id, duty_id,
 * reporter_installation_id, migration 010) and found by them; the manifest's `subject` string
 * ("report:<plan>:<duty>:<installation>") is still written because bundle format 1 has it, and never read back.
 */
export interface BundleSubject {
  planId: string | null;
  dutyId: string | null;
  /** report, return: the installation whose report it is (the sender of a report, the recipient of its return). */
  reporterInstallationId: string | null;
}

export const planSubject = (planId: string): BundleSubject => ({ planId, dutyId: null, reporterInstallationId: null });

/** A report on a duty, or its return: the same subject seen from either side. */
export const reportSubject = (planId: string, dutyId: string, reporterInstallationId: string): BundleSubject => ({ planId, dutyId, reporterInstallationId });

/** The manifest's `subject` string of bundle format 1 ("plan:<plan>", "report:<plan>:<duty>:<installation>", "return:…" alike). */
export function subjectText(kind: Exclude<BundleKind, 'receipt'>, subject: BundleSubject): string {
  if (kind === 'plan') return `plan:${subject.planId}`;
  return `${kind}:${subject.planId}:${subject.dutyId}:${subject.reporterInstallationId}`;
}

/** A receipt's subject string: the bundle it acknowledges (kept in imported_bundle.receipt_for_bundle_id). */
export const receiptSubjectText = (bundleId: string) => `receipt:${bundleId}`;

export function subjectColumns(subject: BundleSubject): BundleSubjectColumns {
  return { plan_id: subject.planId, duty_id: subject.dutyId, reporter_installation_id: subject.reporterInstallationId };
}
