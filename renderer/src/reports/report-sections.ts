import type { ReportContent } from '../../../shared/reports/report-schemas';

/** The narrative parts of a unit's report, as its editor and the office's own report show them. */
export const REPORT_SECTIONS: [keyof ReportContent, string][] = [
  ['generalResults', 'Kết quả chung'],
  ['shortcomings', 'Hạn chế'],
  ['causes', 'Nguyên nhân'],
  ['directions', 'Phương hướng, nhiệm vụ kỳ tới'],
  ['proposals', 'Kiến nghị, đề xuất'],
];
