import { Packer, Paragraph } from 'docx';
import type { Office } from '../../shared/office/office-schemas';
import type { Consolidation } from '../../shared/reports/consolidation';
import { TASK_STATUS_LABELS, MODEL_FIELD_LABELS, MODEL_LEVEL_LABELS } from '../../shared/reports/report-schemas';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { paragraphs } from '../../shared/plans/plan-text';
import { bodyParagraph, documentTitle, headerTable, officialDocument, run, signatureTable } from './official-layout';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** The office's BÁO CÁO for a reporting period, in the Nghị định 30/2020 format. */
export async function consolidatedReportDocx(c: Consolidation, office: Office): Promise<Buffer> {
  const t = c.text;
  const body: Paragraph[] = [];
  let n = 0;
  const section = (title: string) => body.push(bodyParagraph([run(`${ROMAN[n++]}. ${title.toUpperCase()}`, { bold: true })], { keepNext: true }));
  const sub = (title: string) => body.push(bodyParagraph([run(title, { bold: true })], { keepNext: true }));
  const text = (value: string, fallback = '') => {
    const lines = paragraphs(value);
    for (const line of lines.length ? lines : fallback ? [fallback] : []) body.push(bodyParagraph(line));
  };

  body.push(bodyParagraph(`Thực hiện Kế hoạch số ${c.documentNumber}${c.issueDate ? ` ngày ${formatDocumentDate(c.issueDate)}` : ''} của ${office.name} về ${c.planTitle.charAt(0).toLowerCase()}${c.planTitle.slice(1)}, ${office.name} báo cáo kết quả thực hiện như sau:`));
  if (t.leadership) {
    section('Công tác lãnh đạo, chỉ đạo, tuyên truyền');
    text(t.leadership);
  }
  section('Kết quả thực hiện các nhiệm vụ');
  for (const task of c.tasks) {
    body.push(bodyParagraph([run(`${task.ordinal}. `, { bold: true }), run(task.body)]));
    const status = task.combinedStatus ? TASK_STATUS_LABELS[task.combinedStatus] : 'Chưa có báo cáo';
    body.push(bodyParagraph(`- Tình trạng: ${status}${task.parentTask ? ` (thực hiện nhiệm vụ ${task.parentTask.ordinal} của kế hoạch cấp trên)` : ''}.`));
    for (const r of task.results) {
      const what = [r.doneText, r.reason ? `Lý do: ${r.reason}` : ''].filter(Boolean).join(' ');
      body.push(bodyParagraph(`- ${r.unitName}: ${r.status ? TASK_STATUS_LABELS[r.status].toLowerCase() : ''}${what ? `. ${what}` : ''}`));
    }
    for (const f of task.figures) body.push(bodyParagraph(`- ${f.name}: ${f.total}${f.unit ? ` ${f.unit}` : ''}.`));
  }
  if (c.models.length) {
    sub('Mô hình "Dân vận khéo"');
    for (const m of c.models) body.push(bodyParagraph(`- ${m.name} (${m.unitName}; lĩnh vực ${MODEL_FIELD_LABELS[m.field].toLowerCase()}; ${MODEL_LEVEL_LABELS[m.level].toLowerCase()})${m.results ? `: ${m.results}` : ''}.`));
  }
  section('Đánh giá chung');
  sub('1. Kết quả đạt được');
  text(t.generalResults, 'Các cơ quan, đơn vị đã triển khai thực hiện các nhiệm vụ theo Kế hoạch.');
  sub('2. Hạn chế');
  text(t.shortcomings, 'Không.');
  sub('3. Nguyên nhân');
  text(t.causes, 'Không.');
  section('Phương hướng, nhiệm vụ kỳ tới');
  text(t.directions, 'Tiếp tục triển khai thực hiện các nhiệm vụ theo Kế hoạch.');
  section('Kiến nghị, đề xuất');
  text(t.proposals, 'Không.');

  const doc = officialDocument([
    headerTable({
      issuerParent: office.parentBody,
      issuerName: office.name,
      numberLine: `Số: ${t.number ? t.number.padStart(2, '0') : '       '}/BC-${office.abbreviation}`,
      place: office.placeName,
      issueDate: t.issueDate,
    }),
    ...documentTitle('BÁO CÁO', paragraphs(t.title)),
    ...(t.recipientLine ? [new Paragraph({ alignment: 'center', children: [run(`Kính gửi: ${t.recipientLine}`)] })] : []),
    ...body,
    new Paragraph({ children: [] }),
    signatureTable({ recipients: t.recipients.filter(Boolean), authority: t.signerAuthority, title: t.signerTitle, name: t.signerName }),
  ]);
  return Packer.toBuffer(doc);
}
