import type { Paragraph, Table } from 'docx';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { paragraphs } from '../../shared/plans/plan-text';
import { withoutFootnoteMarks } from '../../shared/reports/report-prose';
import { bodyParagraph, run } from './official-layout';

/** What a part the clerk has not written yet prints: room to write by hand, never words nobody reported. */
export const TO_BE_WRITTEN = '…………………………………………………………………………………………';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** "Kế hoạch số 05/KH-UBND ngày 02/02/2026 của UBND xã Bình Chương" */
export const citation = (p: { documentNumber: string; issueDate: string | null; issuerName: string }) => `Kế hoạch số ${p.documentNumber}${p.issueDate ? ` ngày ${formatDocumentDate(p.issueDate)}` : ''} của ${p.issuerName}`;

/** The body of a BÁO CÁO as it is written: numbered parts (I., II., …), bold sub-headings, the clerk's text. */
export function reportBody() {
  const body: (Paragraph | Table)[] = [];
  let n = 0;
  return {
    body,
    section: (title: string) => body.push(bodyParagraph([run(`${ROMAN[n++]}. ${title.toUpperCase()}`, { bold: true })], { keepNext: true })),
    sub: (title: string) => body.push(bodyParagraph([run(title, { bold: true })], { keepNext: true })),
    /** The clerk's words, a paragraph a line; a dotted line where nothing is written yet. */
    text: (value: string) => {
      const lines = paragraphs(value);
      for (const line of lines.length ? lines : [TO_BE_WRITTEN]) body.push(bodyParagraph(withoutFootnoteMarks(line)));
    },
  };
}

/** Parts III to V (assessment, directions, proposals) and the closing sentence, the same in every BÁO CÁO. */
export function closingParts(b: ReturnType<typeof reportBody>, t: { generalResults: string; shortcomings: string; causes: string; directions: string; proposals: string }, closing: string) {
  b.section('Đánh giá chung');
  b.sub('1. Ưu điểm');
  b.text(t.generalResults);
  b.sub('2. Hạn chế');
  b.text(t.shortcomings);
  b.sub('3. Nguyên nhân');
  b.text(t.causes);
  b.section('Phương hướng, nhiệm vụ kỳ tới');
  b.text(t.directions);
  b.section('Kiến nghị, đề xuất');
  b.text(t.proposals);
  b.body.push(bodyParagraph(closing));
}
