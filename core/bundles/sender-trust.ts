import type { Executor } from '../../db/executor';
import {
  bindParentInstallation,
  bindUnitInstallation,
  getParentInstallation,
  touchParentInstallation,
  touchUnitInstallation,
  unitInstallationByFingerprint,
  unitInstallationOf,
} from '../../db/bundles/installation-repo';
import { listUnits, type UnitRow } from '../../db/units/unit-repo';
import type { BundleTrust } from '../../shared/bundles/bundle-schemas';
import { formatVnDate } from '../../shared/dates/vn-date';
import { foldVietnamese } from '../../shared/text/fold';
import { AppError } from '../app-error';
import { keyFingerprint } from '../identity/installation-identity';
import type { BundleEnvelope } from './bundle-codec';

/**
 * Who may send what, decided from the signed manifest and the key alone, before the payload is read.
 * Identity is the key: a report counts only when signed by the key bound to its unit, a plan or a return
 * only from the key of the body above. Names in the manifest are what the sender claims, for display.
 */
export interface TrustDecision {
  state: BundleTrust;
  /** What confirming binds: this unit to the key, or the key as the body above. */
  binds: 'unit' | 'parent' | null;
  /** The unit a report counts for (bound, or claimed by name when the key is new). */
  unit: UnitRow | null;
  fingerprint: string;
  /** Why it is refused (state 'refused'). */
  reason: string;
}

const date = (iso: string) => formatVnDate(iso.slice(0, 10));
const REBIND_UNIT = 'Nếu đơn vị đã cài lại máy hoặc dùng máy mới, lãnh đạo hoặc quản trị chọn "Gỡ máy đã gắn" ở trang Đơn vị (ghi lý do), rồi nhập lại gói để xác nhận máy mới.';
const REBIND_PARENT = 'Nếu cơ quan cấp trên đã đổi máy, lãnh đạo hoặc quản trị chọn "Đổi cơ quan cấp trên" ở Cài đặt (ghi lý do), rồi nhập lại gói.';

/** A unit of this office named exactly (folded) by its name or one of its other names. */
export async function unitNamed(db: Executor, name: string): Promise<UnitRow | null> {
  const folded = foldVietnamese(name);
  return (await listUnits(db, true)).find((u) => [u.name, ...u.aliases].some((n) => foldVietnamese(n) === folded)) ?? null;
}

export async function decideTrust(db: Executor, envelope: BundleEnvelope, knownKey: (fingerprint: string) => Promise<boolean>): Promise<TrustDecision> {
  const { manifest } = envelope;
  const fingerprint = keyFingerprint(envelope.publicKeyPem);
  const claimed = manifest.sender.officeName;
  const boundUnit = await unitInstallationByFingerprint(db, fingerprint);
  const parent = await getParentInstallation(db);
  const isParent = parent?.fingerprint === fingerprint;
  const result = (state: BundleTrust, binds: TrustDecision['binds'], unit: UnitRow | null, reason = ''): TrustDecision => ({ state, binds, unit, fingerprint, reason });
  const refused = (reason: string) => result('refused', null, null, reason);

  if (manifest.kind === 'report') {
    if (isParent) return refused(`Khóa ${fingerprint} là của cơ quan cấp trên (${parent!.office_name}), không phải của một đơn vị báo cáo.`);
    const named = await unitNamed(db, claimed);
    if (boundUnit) {
      if (named?.id !== boundUnit.unit_id) return refused(`Máy đã gắn với ${boundUnit.unit_name} (mã khóa ${fingerprint}) không được gửi báo cáo thay cho "${claimed}".`);
      return result('trusted', null, named);
    }
    if (!named) return refused(`"${claimed}" không phải đơn vị báo cáo của cơ quan này (thêm đơn vị, hoặc thêm tên này làm tên gọi khác của đơn vị, trước khi nhập).`);
    const other = await unitInstallationOf(db, named.id);
    if (other) return refused(`${named.name} đã gắn với máy có mã khóa ${other.fingerprint} (từ ${date(other.bound_at)}); gói này ký bằng khóa khác (${fingerprint}). ${REBIND_UNIT}`);
    return result('new', 'unit', named);
  }
  if (manifest.kind === 'plan' || manifest.kind === 'return') {
    const what = manifest.kind === 'plan' ? 'Kế hoạch' : 'Việc trả lại báo cáo';
    if (boundUnit) return refused(`${what} không nhận từ máy của ${boundUnit.unit_name}, một đơn vị cấp dưới của cơ quan này.`);
    if (isParent) return result('trusted', null, null);
    if (parent) return refused(`${what} chỉ nhận từ cơ quan cấp trên đã xác nhận: ${parent.office_name} (mã khóa ${parent.fingerprint}). Gói này của "${claimed}", ký bằng khóa ${fingerprint}. ${REBIND_PARENT}`);
    if (manifest.kind === 'return') return refused(`Chưa xác nhận cơ quan cấp trên, nên chưa nhận việc trả lại báo cáo từ "${claimed}".`);
    return result('new', 'parent', null);
  }
  // receipts only mark a bundle this office sent as received: any key this office knows may send one
  if (boundUnit || isParent || (await knownKey(fingerprint))) return result('trusted', null, null);
  return result('new', null, null);
}

/** The refusal for a decision that does not allow the import (refused, or new and not confirmed). */
export function assertImportable(decision: TrustDecision, claimed: string, confirmed: boolean): void {
  if (decision.state === 'refused') throw new AppError('CONFLICT', decision.reason);
  if (decision.state === 'new' && !confirmed) {
    const what = decision.binds === 'parent' ? `nhận "${claimed}" làm cơ quan cấp trên` : decision.binds === 'unit' ? `gắn máy này với ${decision.unit!.name}` : `nhận khóa của "${claimed}"`;
    throw new AppError('CONFLICT', `Chưa xác nhận khóa ${decision.fingerprint}. Đối chiếu mã khóa với "${claimed}" rồi xác nhận để ${what}.`);
  }
}

/** Inside the import's transaction: binds on a confirmed first bundle, and notes the last bundle of a bound key. */
export async function recordTrust(trx: Executor, decision: TrustDecision, envelope: BundleEnvelope, boundBy: string, at: string): Promise<void> {
  const binding = { installation_id: envelope.manifest.sender.installationId, public_key_pem: envelope.publicKeyPem, fingerprint: decision.fingerprint, office_name: envelope.manifest.sender.officeName, bound_at: at, bound_by: boundBy };
  if (decision.state === 'new' && decision.binds === 'unit') await bindUnitInstallation(trx, decision.unit!.id, binding);
  if (decision.state === 'new' && decision.binds === 'parent') await bindParentInstallation(trx, binding);
  const unitBinding = await unitInstallationByFingerprint(trx, decision.fingerprint);
  if (unitBinding) await touchUnitInstallation(trx, unitBinding.unit_id, at);
  else if ((await getParentInstallation(trx))?.fingerprint === decision.fingerprint) await touchParentInstallation(trx, at);
}
