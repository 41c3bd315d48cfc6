import type { Executor } from '../../db/executor';
import { findSentBundle, findSentReport } from '../../db/bundles/bundle-log-repo';
import { getInstallation } from '../../db/identity/identity-repo';
import { findForeignDutyIds, findForeignTaskIds, getPlanRow } from '../../db/plans/plan-repo';
import { findReportRow } from '../../db/reports/report-repo';
import { PlanPayload, ReceiptPayload, ReportPayload, ReturnPayload } from '../../shared/bundles/bundle-schemas';
import { PlanContent } from '../../shared/plans/plan-schemas';
import { AppError } from '../app-error';
import { orgLookup, tasksCarriedBy, unitsOf } from '../reports/obligations';
import type { OpenedBundle } from './bundle-codec';
import { planSubject, reportSubject, type BundleSubject } from './bundle-subject';
import { unitNamed, type TrustDecision } from './sender-trust';

/** What an imported bundle is about, from its checked payload (never from the manifest's subject string). */
export interface ImportedSubject {
  subject: BundleSubject;
  /** report: the unit of this office it counts for. */
  unitId: string | null;
  /** receipt: the bundle of this office it acknowledges. */
  receiptForBundleId: string | null;
}

const about = (subject: BundleSubject, more: Partial<Omit<ImportedSubject, 'subject'>> = {}): ImportedSubject => ({ subject, unitId: null, receiptForBundleId: null, ...more });

/**
 * Domain checks of a bundle's payload against this installation's data, per kind; throws a Vietnamese
 * refusal. Run by the preview, before the backup an import may take, and again inside the import's transaction.
 */
export async function checkApplicable(db: Executor, opened: OpenedBundle, trust: TrustDecision) {
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
    return { kind: 'report' as const, payload: p, unit, existing, plan, about: about(reportSubject(p.planId, p.dutyId, manifest.sender.installationId), { unitId: unit.id }) };
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
    return { kind: 'plan' as const, payload: payload.data, existing, about: about(planSubject(payload.data.planId)) };
  }
  if (manifest.kind === 'return') {
    const payload = ReturnPayload.safeParse(opened.payload);
    if (!payload.success) throw new AppError('VALIDATION', 'Nội dung trả lại không đúng định dạng.');
    const me = (await getInstallation(db))!;
    const { planId, dutyId, revision } = payload.data;
    const sent = await findSentReport(db, { planId, dutyId, installationId: me.id, revision });
    if (!sent) throw new AppError('VALIDATION', 'Trả lại một báo cáo không do máy này gửi.');
    return { kind: 'return' as const, payload: payload.data, sent, about: about(reportSubject(planId, dutyId, me.id)) };
  }
  if (manifest.kind === 'receipt') {
    const payload = ReceiptPayload.safeParse(opened.payload);
    if (!payload.success) throw new AppError('VALIDATION', 'Biên nhận không đúng định dạng.');
    const sent = await findSentBundle(db, payload.data.bundleId);
    if (!sent) throw new AppError('VALIDATION', 'Biên nhận cho một gói không do máy này gửi.');
    return { kind: 'receipt' as const, payload: payload.data, sent, about: about({ planId: null, dutyId: null, reporterInstallationId: null }, { receiptForBundleId: sent.bundle_id }) };
  }
  throw new AppError('VALIDATION', 'Loại gói này chưa được hỗ trợ.');
}

export type Applicable = Awaited<ReturnType<typeof checkApplicable>>;
