import { TASK_STATUS_LABELS, type ReportContent } from './report-schemas';

const SECTIONS: [keyof ReportContent, string][] = [
  ['generalResults', 'kết quả chung'],
  ['shortcomings', 'hạn chế'],
  ['causes', 'nguyên nhân'],
  ['directions', 'phương hướng, nhiệm vụ'],
  ['proposals', 'kiến nghị, đề xuất'],
];

/** What changed between two submitted revisions of a report, in sentences. */
export function describeReportChanges(before: ReportContent, after: ReportContent, ordinalOf: (taskId: string) => string): string[] {
  const changes: string[] = [];
  const old = new Map(before.tasks.map((t) => [t.taskId, t]));
  for (const t of after.tasks) {
    const o = old.get(t.taskId);
    const name = `Nhiệm vụ ${ordinalOf(t.taskId)}`;
    if (!o) {
      changes.push(`${name}: báo cáo mới`);
      continue;
    }
    if (o.status !== t.status) changes.push(`${name}: tình trạng "${o.status ? TASK_STATUS_LABELS[o.status] : 'chưa nhập'}" → "${t.status ? TASK_STATUS_LABELS[t.status] : 'chưa nhập'}"`);
    if (o.doneText !== t.doneText) changes.push(`${name}: sửa kết quả thực hiện`);
    if (o.reason !== t.reason) changes.push(`${name}: sửa lý do`);
    if (JSON.stringify(o.figures) !== JSON.stringify(t.figures)) changes.push(`${name}: sửa số liệu`);
  }
  for (const [key, label] of SECTIONS) if (before[key] !== after[key]) changes.push(`Sửa phần ${label}`);
  if (JSON.stringify(before.models) !== JSON.stringify(after.models)) changes.push('Sửa mô hình "Dân vận khéo"');
  return changes;
}
