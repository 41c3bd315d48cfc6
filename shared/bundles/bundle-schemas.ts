import { z } from 'zod';
import { isoDate, uuid } from '../api/fields';
import { PlanContent } from '../plans/plan-schemas';
import { ReportContent } from '../reports/report-schemas';

/** Report bundles (.dvb): see docs/bundle-format.md. */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_KINDS = ['report', 'plan', 'return', 'receipt'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

export const ManifestEntry = z.strictObject({
  name: z.string().regex(/^(payload\.json|sender\.pub|document\.docx|document\.xlsx|attachments\/[0-9a-f]{64})$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});

export const Manifest = z.strictObject({
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: uuid,
  kind: z.enum(BUNDLE_KINDS),
  sender: z.strictObject({ installationId: uuid, officeName: z.string().min(1).max(200) }),
  recipient: z.strictObject({ officeName: z.string().min(1).max(200) }),
  createdAt: z.iso.datetime(),
  /** What the bundle carries ("report:<plan>:<duty>:<installation>", docs/bundle-format.md); kept for the format, never parsed: the receiver reads the payload. */
  subject: z.string().min(1).max(300),
  revision: z.number().int().min(0),
  entries: z.array(ManifestEntry).min(1).max(200),
});
export type Manifest = z.infer<typeof Manifest>;

/** A report sent up: its entries name the recipient's own task ids (the tasks of the plan it received). */
export const ReportPayload = z.strictObject({
  planId: uuid,
  planNumber: z.string(),
  dutyId: uuid,
  dueDate: isoDate,
  unitName: z.string().min(1).max(200),
  receivedDate: isoDate,
  content: ReportContent,
});
export type ReportPayload = z.infer<typeof ReportPayload>;

/** A plan sent down, so that the units report on its tasks by id. */
export const PlanPayload = z.strictObject({
  planId: uuid,
  documentNumber: z.string(),
  content: PlanContent,
  /** The tasks the recipient unit carries and the reports it owes (the sender's groups expanded). */
  carriedTaskIds: z.array(uuid).default([]),
  owedDutyIds: z.array(uuid).default([]),
});
export type PlanPayload = z.infer<typeof PlanPayload>;

/** A report returned to the office that sent it, with the reason; ids are the sender's (its received plan). */
export const ReturnPayload = z.strictObject({ planId: uuid, dutyId: uuid, revision: z.number().int().min(1), reason: z.string().min(1).max(2000) });
export type ReturnPayload = z.infer<typeof ReturnPayload>;

export const ReceiptPayload = z.strictObject({ bundleId: uuid, importedAt: z.iso.datetime(), result: z.enum(['imported', 'duplicate']) });
export type ReceiptPayload = z.infer<typeof ReceiptPayload>;

/** trusted: signed by the key bound to what it is about; new: a first bundle, imported once confirmed; refused: never. */
export const BUNDLE_TRUST = ['trusted', 'new', 'refused'] as const;
export type BundleTrust = (typeof BUNDLE_TRUST)[number];

export const BundlePreview = z.object({
  bundleId: z.string(),
  kind: z.enum(BUNDLE_KINDS),
  kindLabel: z.string(),
  senderOffice: z.string(),
  senderInstallationId: z.string(),
  /** Short groups to read aloud to the other office. */
  fingerprint: z.string(),
  trust: z.enum(BUNDLE_TRUST),
  /** What confirming a new key does: bind it to this office's unit, or take it as the body above. */
  binds: z.enum(['unit', 'parent']).nullable(),
  /** The unit of this office the bundle reports for (reports only). */
  unitName: z.string().nullable(),
  subjectLabel: z.string(),
  revision: z.number(),
  createdAt: z.string(),
  /** Why it cannot be imported as it is; empty when it can. */
  problems: z.array(z.string()),
  alreadyImported: z.boolean(),
});
export type BundlePreview = z.infer<typeof BundlePreview>;

export const KIND_LABELS: Record<BundleKind, string> = { report: 'Báo cáo', plan: 'Kế hoạch', return: 'Trả lại báo cáo', receipt: 'Biên nhận' };

/** The key a unit reports with, or the key of the body above, as Đơn vị and Cài đặt show them. */
export const BoundInstallationView = z.object({
  fingerprint: z.string(),
  /** The office name it claimed when it was bound (display only). */
  officeName: z.string(),
  boundAt: z.string(),
  boundBy: z.string(),
  lastBundleAt: z.string().nullable(),
});
export type BoundInstallationView = z.infer<typeof BoundInstallationView>;

export const InstallationBindings = z.object({
  units: z.array(BoundInstallationView.extend({ unitId: z.string(), unitName: z.string() })),
  parent: BoundInstallationView.nullable(),
});
export type InstallationBindings = z.infer<typeof InstallationBindings>;
