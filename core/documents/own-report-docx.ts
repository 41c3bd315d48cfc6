import { Packer, Paragraph, type Table } from 'docx';
import type { Office } from '../../shared/office/office-schemas';
import type { ReportContent } from '../../shared/reports/report-schemas';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { signerBlocksFor } from '../../shared/plans/signer-blocks';
import { formatNumber, officeTaskProse, taskHeading, withoutFootnoteMarks } from '../../shared/reports/report-prose';
import { bodyParagraph, centered, documentTitle, figureTable, headerTable, officialDocument, run, signatureTable } from './official-layout';
import { reportNumberLine } from './report-docx';
import { citation, closingParts, reportBody } from './report-parts';
import { lowerFirst } from '../../shared/text/letter-case';

export interface OwnReportDocument {
  office: Office;
  /** The plan received from above, as its issuer numbered and dated it. */
  plan: { documentNumber: string; issueDate: string | null; issuerName: string; title: string };
  /** "6 tháng đầu năm 2026" and the data cut-off, when the period has one. */
  period: { phrase: string; from: string | null; to: string | null };
  dueDate: string;
  /** Whom the report goes to: the duty's recipient, else the plan's issuer. */
  recipient: string;
  tasks: { taskId: string; ordinal: string; body: string }[];
  content: ReportContent;
}

/**
 * The BÁO CÁO an office writes itself on a plan it received (a Sở, a phòng with no units to collect from):
 * the same parts as a consolidated report (Nghị định 30/2020 layout), in the office's own words task by
 * task, its figures in the sentence and in the annex; a part it has not written is left for the clerk.
 * The number and date stay blank for the văn thư; the signature is the office's usual block.
 */
export async function ownReportDocx(d: OwnReportDocument): Promise<Buffer> {
  const { office, content } = d;
  const parts = reportBody();
  const { body, section, sub, text } = parts;

  body.push(bodyParagraph(`Thực hiện ${citation(d.plan)} về ${lowerFirst(withoutFootnoteMarks(d.plan.title))}, ${office.name} báo cáo kết quả thực hiện ${d.period.phrase} như sau:`));
  if (d.period.from && d.period.to) body.push(bodyParagraph([run(`Số liệu tính từ ngày ${formatDocumentDate(d.period.from)} đến ngày ${formatDocumentDate(d.period.to)}.`, { italics: true })]));

  section('Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền');
  text('');
  section('Kết quả thực hiện các nhiệm vụ');
  const entries = new Map(content.tasks.map((t) => [t.taskId, t]));
  for (const task of d.tasks) {
    sub(taskHeading(task));
    const entry = entries.get(task.taskId);
    for (const line of officeTaskProse(office.name, entry ?? { status: null, doneText: '', reason: '', figures: [] })) body.push(bodyParagraph(line));
  }
  if (content.models.length) {
    sub(`${d.tasks.length + 1}. Thực hiện phong trào thi đua "Dân vận khéo"`);
    for (const m of content.models) body.push(bodyParagraph(`- ${m.name}${m.results ? `: ${lowerFirst(m.results.trim().replace(/\.$/, ''))}` : ''}.`));
  }
  closingParts(parts, content, `Trên đây là báo cáo kết quả thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền ${d.period.phrase} của ${office.name}./.`);

  const numberLine = reportNumberLine('', office.abbreviation);
  const signer = signerBlocksFor(office)[0]!;
  const doc = officialDocument([
    headerTable({ issuerParent: office.parentBody, issuerName: office.name, numberLine, place: office.placeName, issueDate: null, year: Number(d.dueDate.slice(0, 4)) }),
    ...documentTitle('BÁO CÁO', [`Kết quả thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền ${d.period.phrase}`]),
    ...(d.recipient ? [centered([run(`Kính gửi: ${d.recipient}`)], { spacing: { after: 240 } })] : []),
    ...body,
    new Paragraph({ children: [] }),
    signatureTable({ recipients: ['Như trên', 'Lưu: VT'], authority: signer.authority, title: signer.title, name: '' }),
    ...annex(d, `Kèm theo Báo cáo ${numberLine.replace(/^Số: */, 'số ')} của ${office.name}`),
  ]);
  return Packer.toBuffer(doc);
}

/** PHỤ LỤC: the office's figures, task by task. */
function annex(d: OwnReportDocument, attachedTo: string): (Paragraph | Table)[] {
  const ordinal = new Map(d.tasks.map((t) => [t.taskId, t.ordinal]));
  const rows = d.content.tasks.flatMap((t) => t.figures.map((f) => ({ task: ordinal.get(t.taskId) ?? '', ...f })));
  if (!rows.length) return [];
  return [
    centered([run('PHỤ LỤC', { bold: true })], { pageBreakBefore: true }),
    centered([run('SỐ LIỆU KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ VÀ CÔNG TÁC DÂN VẬN CHÍNH QUYỀN', { bold: true })]),
    centered([run(`(${attachedTo})`, { italics: true })], { spacing: { after: 240 } }),
    figureTable(
      ['STT', 'Nhiệm vụ', 'Chỉ tiêu', 'Đơn vị tính', d.period.phrase.replace(/^./, (x) => x.toUpperCase())],
      rows.map((r, i) => [i + 1, r.task, r.name, r.unit, formatNumber(r.value)]),
      [8, 12, 45, 15, 20],
      [0, 4],
    ),
  ];
}
