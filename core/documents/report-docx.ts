import { Packer, Paragraph, type Table } from 'docx';
import type { Office } from '../../shared/office/office-schemas';
import type { Consolidation } from '../../shared/reports/consolidation';
import { MODEL_FIELDS, MODEL_FIELD_LABELS, MODEL_LEVELS } from '../../shared/reports/report-schemas';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { paragraphs } from '../../shared/plans/plan-text';
import { formatNumber, modelsSummary, taskHeading, taskProse, UNITS_WRITTEN_ONE_BY_ONE, withoutFootnoteMarks } from '../../shared/reports/report-prose';
import { bodyParagraph, centered, documentTitle, figureTable, headerTable, officialDocument, run, signatureTable } from './official-layout';
import { citation, closingParts, reportBody } from './report-parts';
import { lowerFirst } from '../../shared/text/letter-case';


/** "Số: 12/BC-UBND": numbers below 10 with a leading zero, a blank number left for the văn thư. */
export const reportNumberLine = (number: string, abbreviation: string) => `Số: ${number ? number.padStart(2, '0') : '       '}/BC-${abbreviation}`;

/**
 * The office's BÁO CÁO for a reporting period, as offices write it (Nghị định 30/2020 layout): the opening
 * citing the plans and the data cut-off; I. leadership and dissemination; II. results task by task in prose
 * merged from the units' reports; III. assessment; IV. directions; V. proposals; then the annex of figures.
 * Parts the units' reports do not support are left for the clerk, never filled with stock phrases.
 */
export async function consolidatedReportDocx(c: Consolidation, office: Office): Promise<Buffer> {
  const t = c.text;
  const parts = reportBody();
  const { body, section, sub, text } = parts;

  // the office's own plan may carry its issuer in capitals ("SỞ NỘI VỤ"): the sentence names the office as it writes itself
  const cited = c.citedPlans.map((p) => (p.issuerName.toUpperCase() === office.name.toUpperCase() ? { ...p, issuerName: office.name } : p));
  const own = cited.at(-1);
  body.push(
    bodyParagraph(
      `Thực hiện ${cited.map(citation).join(' và ')}${own ? ` về ${lowerFirst(withoutFootnoteMarks(own.title))}` : ''}, ${office.name} báo cáo kết quả thực hiện ${c.period.phrase} như sau:`,
    ),
  );
  if (c.period.from && c.period.to) body.push(bodyParagraph([run(`Số liệu tính từ ngày ${formatDocumentDate(c.period.from)} đến ngày ${formatDocumentDate(c.period.to)}.`, { italics: true })]));
  const accepted = c.units.filter((u) => u.state === 'accepted');
  const missing = c.units.filter((u) => u.state !== 'accepted').map((u) => u.name);
  if (c.units.length) {
    body.push(bodyParagraph(`Báo cáo được tổng hợp từ báo cáo của ${accepted.length}/${c.units.length} đơn vị${missing.length ? `; chưa có báo cáo: ${missing.join(', ')}` : ''}.`));
  }

  section('Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền');
  text(t.leadership);

  section('Kết quả thực hiện các nhiệm vụ');
  for (const task of c.tasks) {
    sub(taskHeading(task));
    for (const line of taskProse(task, missing)) body.push(bodyParagraph(line));
  }
  if (c.models.length) {
    sub(`${c.tasks.length + 1}. Thực hiện phong trào thi đua "Dân vận khéo"`);
    for (const line of modelsSummary(c.models)) body.push(bodyParagraph(line));
    if (c.models.length <= UNITS_WRITTEN_ONE_BY_ONE) for (const m of c.models) body.push(bodyParagraph(`- ${m.name} (${m.unitName})${m.results ? `: ${lowerFirst(m.results.trim().replace(/\.$/, ''))}` : ''}.`));
  }

  closingParts(parts, t, `Trên đây là báo cáo kết quả thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền ${c.period.phrase} của ${office.name}./.`);

  const numberLine = reportNumberLine(t.number, office.abbreviation);
  const doc = officialDocument([
    headerTable({ issuerParent: office.parentBody, issuerName: office.name, numberLine, place: office.placeName, issueDate: t.issueDate, year: Number(c.dueDate.slice(0, 4)) }),
    ...documentTitle('BÁO CÁO', paragraphs(t.title)),
    ...(t.recipientLine ? [centered([run(`Kính gửi: ${t.recipientLine}`)], { spacing: { after: 240 } })] : []),
    ...body,
    new Paragraph({ children: [] }),
    signatureTable({ recipients: t.recipients.filter(Boolean), authority: t.signerAuthority, title: t.signerTitle, name: t.signerName }),
    ...annex(c, `Kèm theo Báo cáo ${numberLine.replace(/^Số: */, 'số ')}${t.issueDate ? ` ngày ${formatDocumentDate(t.issueDate)}` : ''} của ${office.name}`),
  ]);
  return Packer.toBuffer(doc);
}

/** Each unit's tally over the tasks it reported on. */
function unitTallies(c: Consolidation) {
  const tally = new Map(c.units.map((u) => [u.name, { done: 0, ongoing: 0, notDone: 0 }]));
  for (const task of c.tasks) for (const r of task.results) {
    const row = tally.get(r.unitName);
    if (!row || !r.status) continue;
    if (r.status === 'done' || r.status === 'done_late') row.done += 1;
    else if (r.status === 'in_progress') row.ongoing += 1;
    else row.notDone += 1;
  }
  return tally;
}

const UNIT_STATE = { accepted: 'Đã tiếp nhận', submitted: 'Chờ tiếp nhận', returned: 'Trả lại', draft: 'Đang soạn' } as const;

/** PHỤ LỤC: the figures against the same period of the previous year, each unit's results, the models by field and status. */
function annex(c: Consolidation, attachedTo: string): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    centered([run('PHỤ LỤC', { bold: true })], { pageBreakBefore: true }),
    centered([run('SỐ LIỆU KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ VÀ CÔNG TÁC DÂN VẬN CHÍNH QUYỀN', { bold: true })]),
    centered([run(`(${attachedTo})`, { italics: true })], { spacing: { after: 240 } }),
  ];
  const heading = (title: string) => out.push(new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(title, { bold: true })] }));

  heading('1. Số liệu tổng hợp');
  const previous = c.previousPeriod ? `Cùng kỳ ${c.previousPeriod.phrase}` : 'Cùng kỳ năm trước';
  const ratio = (now: number, before: number | null) => (before ? `${formatNumber(Math.round((now / before) * 1000) / 10)}%` : '');
  out.push(
    c.figures.length
      ? figureTable(
          ['STT', 'Chỉ tiêu', 'Đơn vị tính', c.period.phrase.replace(/^./, (x) => x.toUpperCase()), previous, 'So với cùng kỳ'],
          c.figures.map((f, i) => [i + 1, f.name, f.unit, formatNumber(f.total), f.previous === null ? '' : formatNumber(f.previous), ratio(f.total, f.previous)]),
          [7, 37, 11, 15, 16, 14],
          [0, 3, 4, 5],
        )
      : new Paragraph({ children: [run('Các đơn vị chưa báo cáo số liệu.', { size: 12 })] }),
  );

  if (c.units.length) {
    heading('2. Kết quả thực hiện nhiệm vụ theo đơn vị');
    const tallies = unitTallies(c);
    out.push(
      figureTable(
        ['STT', 'Đơn vị', 'Báo cáo', 'Nhiệm vụ hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'],
        c.units.map((u, i) => {
          const row = tallies.get(u.name)!;
          return u.state === 'accepted' ? [i + 1, u.name, UNIT_STATE.accepted, row.done, row.ongoing, row.notDone] : [i + 1, u.name, u.state ? UNIT_STATE[u.state] : 'Chưa báo cáo', '', '', ''];
        }),
        [7, 37, 19, 13, 12, 12],
        [0, 3, 4, 5],
      ),
    );
  }

  if (c.models.length) {
    heading('3. Mô hình "Dân vận khéo" theo lĩnh vực');
    const count = (field: string | null, level: string | null) => c.models.filter((m) => (field === null || m.field === field) && (level === null || m.level === level)).length;
    out.push(
      figureTable(
        ['Lĩnh vực', 'Đăng ký, đang thực hiện', 'Công nhận cấp xã', 'Công nhận cấp tỉnh', 'Tổng'],
        [...MODEL_FIELDS.filter((f) => count(f, null) > 0).map((f) => [MODEL_FIELD_LABELS[f], ...MODEL_LEVELS.map((l) => count(f, l)), count(f, null)]), ['Tổng cộng', ...MODEL_LEVELS.map((l) => count(null, l)), c.models.length]],
        [40, 18, 14, 14, 14],
        [1, 2, 3, 4],
      ),
    );
  }
  return out;
}
