import { NO_REPORT_LABEL, REPORT_STATE_LABELS } from '../../shared/workflow/state-labels';
import ExcelJS from 'exceljs';
import type { Consolidation } from '../../shared/reports/consolidation';
import { MODEL_FIELDS, MODEL_FIELD_LABELS, MODEL_LEVELS, MODEL_LEVEL_LABELS, TASK_STATUS_LABELS } from '../../shared/reports/report-schemas';
import { formatVnDate } from '../../shared/dates/vn-date';
import { withoutFootnoteMarks } from '../../shared/reports/report-prose';

const bold = { bold: true, name: 'Times New Roman' };

/** The appendix: tasks × units with statuses, the figures per unit with totals, and the models. */
export async function consolidatedReportXlsx(c: Consolidation): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Dân vận';
  const units = c.units.map((u) => u.name);

  const status = book.addWorksheet('Nhiệm vụ - đơn vị');
  status.addRow([`${c.dutyLabel} – ${c.documentNumber} – hạn ${formatVnDate(c.dueDate)}`]).font = bold;
  status.addRow(['STT', 'Nhiệm vụ', 'Tình trạng chung', ...units]).font = bold;
  for (const t of c.tasks) {
    const byUnit = units.map((name) => {
      const r = t.results.find((x) => x.unitName === name);
      return r?.status ? TASK_STATUS_LABELS[r.status] : '';
    });
    status.addRow([t.ordinal, withoutFootnoteMarks(t.body), t.combinedStatus ? TASK_STATUS_LABELS[t.combinedStatus] : '', ...byUnit]);
  }
  status.getColumn(2).width = 60;
  status.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  status.getColumn(3).width = 22;
  units.forEach((_, i) => (status.getColumn(4 + i).width = 18));

  const figures = book.addWorksheet('Số liệu');
  const previous = c.previousPeriod ? `Cùng kỳ ${c.previousPeriod.phrase}` : 'Cùng kỳ năm trước';
  figures.addRow(['Chỉ tiêu', 'Đơn vị tính', 'Tổng', previous, ...units]).font = bold;
  for (const f of c.figures) figures.addRow([f.name, f.unit, f.total, f.previous, ...units.map((u) => f.byUnit.find((b) => b.unitName === u)?.value ?? null)]);
  figures.getColumn(1).width = 40;

  const models = book.addWorksheet('Mô hình Dân vận khéo');
  models.addRow(['Tên mô hình', 'Đơn vị', 'Lĩnh vực', 'Cấp', 'Bắt đầu', 'Kết quả']).font = bold;
  for (const m of c.models) models.addRow([m.name, m.unitName, MODEL_FIELD_LABELS[m.field], MODEL_LEVEL_LABELS[m.level], m.startDate ? formatVnDate(m.startDate) : '', m.results]);
  models.getColumn(1).width = 40;

  const byField = book.addWorksheet('Mô hình theo lĩnh vực');
  byField.addRow(['Lĩnh vực', ...MODEL_LEVELS.map((l) => MODEL_LEVEL_LABELS[l]), 'Tổng']).font = bold;
  const count = (field: string | null, level: string | null) => c.models.filter((m) => (field === null || m.field === field) && (level === null || m.level === level)).length;
  for (const f of MODEL_FIELDS) byField.addRow([MODEL_FIELD_LABELS[f], ...MODEL_LEVELS.map((l) => count(f, l)), count(f, null)]);
  byField.addRow(['Tổng cộng', ...MODEL_LEVELS.map((l) => count(null, l)), c.models.length]).font = bold;
  byField.getColumn(1).width = 40;

  const units_ = book.addWorksheet('Đơn vị báo cáo');
  units_.addRow(['Đơn vị', 'Tình trạng báo cáo']).font = bold;
  for (const u of c.units) units_.addRow([u.name, u.state ? REPORT_STATE_LABELS[u.state] : NO_REPORT_LABEL]);
  units_.getColumn(1).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}
