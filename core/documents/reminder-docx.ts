import { AlignmentType, Packer, Paragraph } from 'docx';
import type { Office } from '../../shared/office/office-schemas';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { withoutFootnoteMarks } from '../../shared/reports/report-prose';

import { bodyParagraph, headerTable, officialDocument, run, signatureTable } from './official-layout';
import { lowerFirst } from '../../shared/text/letter-case';

export interface ReminderInfo {
  office: Office;
  planNumber: string;
  planIssueDate: string | null;
  planTitle: string;
  reportLabel: string;
  dueDate: string;
  today: string;
  lateUnits: string[];
  newDueDate: string;
  recipient: string;
  signer: { authority: string; title: string; name: string };
}

/** A công văn đôn đốc to the units whose report is missing (symbol "UBND-VP" style, no type code). */
export async function reminderDocx(r: ReminderInfo): Promise<Buffer> {
  const units = r.lateUnits.join(', ');
  const doc = officialDocument([
    headerTable({
      issuerParent: r.office.parentBody,
      issuerName: r.office.name,
      numberLine: `Số:       /${r.office.abbreviation}`,
      place: r.office.placeName,
      issueDate: null,
      year: Number(r.today.slice(0, 4)),
      subject: `V/v đôn đốc gửi ${lowerFirst(r.reportLabel)}`,
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [run(`Kính gửi: ${units}.`)] }),
    bodyParagraph(`Thực hiện Kế hoạch số ${r.planNumber}${r.planIssueDate ? ` ngày ${formatDocumentDate(r.planIssueDate)}` : ''} của ${r.office.name} về ${lowerFirst(withoutFootnoteMarks(r.planTitle))}, các cơ quan, đơn vị gửi ${r.reportLabel.toLowerCase()} trước ngày ${formatDocumentDate(r.dueDate)}.`),
    bodyParagraph(`Đến ngày ${formatDocumentDate(r.today)}, các đơn vị sau chưa gửi báo cáo: ${units}.`),
    bodyParagraph(`${r.office.name} đề nghị các đơn vị khẩn trương hoàn thành và gửi báo cáo${r.recipient ? ` về ${r.recipient}` : ''} trước ngày ${formatDocumentDate(r.newDueDate)} để tổng hợp, báo cáo cấp trên theo quy định./.`),
    new Paragraph({ children: [] }),
    signatureTable({ recipients: ['Như trên', 'Lưu: VT'], authority: r.signer.authority, title: r.signer.title, name: r.signer.name }),
  ]);
  return Packer.toBuffer(doc);
}
