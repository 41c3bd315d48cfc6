import type { ParsedPlan } from '../../shared/import/parsed-plan';
import { AppError } from '../app-error';

/** A document with neither "KẾ HOẠCH" nor numbered tasks is not a plan: say so instead of showing an empty one. */
export function assertLooksLikePlan(plan: ParsedPlan): void {
  const titled = !plan.warnings.some((w) => w.startsWith('Không thấy chữ "KẾ HOẠCH"'));
  if (!titled && plan.tasks.length === 0) {
    throw new AppError('VALIDATION', 'Văn bản này không giống một kế hoạch: không thấy chữ "KẾ HOẠCH" ở đầu và không có nhiệm vụ nào được đánh số (1., 2., …).');
  }
}
