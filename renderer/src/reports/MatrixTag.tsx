import { Tag } from 'antd';
import type { MatrixState } from '../../../shared/reports/report-schemas';
import { AWAITING_ACCEPTANCE_LABEL } from '../../../shared/workflow/state-labels';

/** Where a unit's report stands, as the matrix, a unit's page and the search all show it. */
const MATRIX_TAGS: Record<MatrixState, { color: string; text: (daysLate: number) => string }> = {
  not_due: { color: 'default', text: () => 'Chưa đến hạn' },
  draft: { color: 'default', text: () => 'Đang soạn' },
  missing: { color: 'red', text: (d) => `Chưa báo cáo (quá ${d} ngày)` },
  // received (typed in or imported from the unit's bundle) and not yet accepted: not in the consolidation
  on_time: { color: 'gold', text: () => `Đúng hạn, ${AWAITING_ACCEPTANCE_LABEL.toLowerCase()}` },
  late: { color: 'orange', text: (d) => `Trễ ${d} ngày, ${AWAITING_ACCEPTANCE_LABEL.toLowerCase()}` },
  returned: { color: 'magenta', text: () => 'Trả lại' },
  accepted: { color: 'blue', text: (d) => (d ? `Đã tiếp nhận (trễ ${d} ngày)` : 'Đã tiếp nhận') },
};

export function matrixTagText(cell: { state: MatrixState; daysLate: number }): string {
  return MATRIX_TAGS[cell.state].text(cell.daysLate);
}

export function MatrixTag({ cell }: { cell: { state: MatrixState; daysLate: number } }) {
  return <Tag color={MATRIX_TAGS[cell.state].color}>{matrixTagText(cell)}</Tag>;
}
