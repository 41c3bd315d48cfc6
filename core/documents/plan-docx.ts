import { Packer, Paragraph } from 'docx';
import type { PlanContent, PlanTask, TaskRole, UnitRef } from '../../shared/plans/plan-schemas';
import { DUTY_KIND_LABELS } from '../../shared/plans/plan-schemas';
import { timeframeText } from '../../shared/plans/timeframe-text';
import { formatDocumentDate } from '../../shared/dates/vn-date';
import { bodyParagraph, documentTitle, headerTable, officialDocument, run, signatureTable } from './official-layout';

export type NameOf = (ref: UnitRef) => string;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const LETTERS = 'abcdefghiklmnopqrstuvxy';

/** The plan as an official KẾ HOẠCH (.docx), from its content and the names of the units it refers to. */
export async function planDocx(content: PlanContent, nameOf: NameOf): Promise<Buffer> {
  const body: Paragraph[] = [];
  const section = (i: number, heading: string) => body.push(bodyParagraph([run(`${ROMAN[i]}. ${heading.toUpperCase()}`, { bold: true })], { keepNext: true }));
  const lines = (text: string) => text.split(/\n+/).map((l) => l.trim()).filter(Boolean);

  content.bases.forEach((basis, i) => {
    const clean = basis.replace(/[;.]+$/, '');
    body.push(bodyParagraph([run(`${clean}${i === content.bases.length - 1 ? '.' : ';'}`, { italics: true })]));
  });
  for (const line of lines(content.preamble)) body.push(bodyParagraph(line));

  let sectionNo = 0;
  if (content.purposes) {
    section(sectionNo++, 'MỤC ĐÍCH, YÊU CẦU');
    for (const line of lines(content.purposes)) body.push(bodyParagraph(line, isNumberedHeading(line) ? { keepNext: true } : {}));
  }
  section(sectionNo++, content.tasksHeading || 'NỘI DUNG THỰC HIỆN');
  for (const task of content.tasks) body.push(...taskParagraphs(task, content.attributeStyle, nameOf));

  if (content.budget) {
    section(sectionNo++, 'KINH PHÍ THỰC HIỆN');
    for (const line of lines(content.budget)) body.push(bodyParagraph(line));
  }
  const organization = lines(content.organization);
  const missingDuties = content.duties.filter((d) => d.dueDate && !content.organization.includes(formatDocumentDate(d.dueDate)));
  if (organization.length || missingDuties.length) {
    section(sectionNo++, 'TỔ CHỨC THỰC HIỆN');
    for (const line of organization) body.push(bodyParagraph(line));
    for (const duty of missingDuties) {
      const who = duty.units.map(nameOf).join(', ');
      const what = duty.label || DUTY_KIND_LABELS[duty.kind];
      body.push(bodyParagraph(`- ${who}: ${lowerFirst(what)}${duty.recipient ? ` gửi về ${duty.recipient}` : ''} trước ngày ${formatDocumentDate(duty.dueDate!)}.`));
    }
  }
  for (const line of lines(content.closing)) body.push(bodyParagraph(line));

  const doc = officialDocument(
    [
      headerTable({
        issuerParent: content.issuerParent,
        issuerName: content.issuerName,
        numberLine: `Số: ${content.number ? content.number.padStart(2, '0') : '       '}/${content.symbol}`,
        place: content.place,
        issueDate: content.issueDate,
      }),
      ...documentTitle('KẾ HOẠCH', lines(content.title)),
      ...body,
      new Paragraph({ children: [] }),
      signatureTable({ recipients: content.recipients, authority: content.signerAuthority, title: content.signerTitle, name: content.signerName }),
    ],
    Object.fromEntries(content.footnotes.map((f) => [Number(f.marker), f.text])),
  );
  return Packer.toBuffer(doc);
}

function isNumberedHeading(line: string): boolean {
  return /^\d+\.\s/.test(line) && line.length < 80;
}

/** A task: "1. body", its sub-items, then its units and timeframe as dash or lettered lines. */
export function taskParagraphs(task: PlanTask, style: PlanContent['attributeStyle'], nameOf: NameOf): Paragraph[] {
  const out = [bodyParagraph([run(`${task.ordinal}. `, { bold: true }), run(task.body)])];
  for (const s of task.subItems) out.push(bodyParagraph(s.label === '-' || s.label === '+' ? `${s.label} ${s.body}` : `${s.label}) ${s.body}`));
  const attributes = taskAttributes(task, nameOf);
  const usedLetters = task.subItems.filter((s) => /^[a-z]$/.test(s.label)).length;
  attributes.forEach((text, i) => {
    const last = i === attributes.length - 1;
    const prefix = style === 'lettered' ? `${LETTERS[usedLetters + i]}) ` : '- ';
    out.push(bodyParagraph(`${prefix}${text}${style === 'lettered' && !last ? ';' : '.'}`));
  });
  return out;
}

const LABELS: Record<TaskRole, string> = { directing: 'Chỉ đạo', lead: 'Cơ quan chủ trì', coordinating: 'Cơ quan phối hợp', implementing: 'Cơ quan thực hiện' };

export function taskAttributes(task: PlanTask, nameOf: NameOf): string[] {
  const names = (refs: UnitRef[]) => {
    const withNotes = refs.some((r) => r.note);
    return refs.map((r) => (r.note ? `${nameOf(r)} (${r.note})` : nameOf(r))).join(withNotes ? '; ' : ', ');
  };
  const out: string[] = [];
  const key = (refs: UnitRef[]) => JSON.stringify(refs);
  const both = task.coordinating.length > 0 && key(task.coordinating) === key(task.implementing);
  if (task.directing.length) out.push(`${LABELS.directing}: ${names(task.directing)}`);
  if (task.lead.length) out.push(`${LABELS.lead}: ${names(task.lead)}`);
  if (both) out.push(`Cơ quan phối hợp, thực hiện: ${names(task.coordinating)}`);
  else {
    if (task.coordinating.length) out.push(`${LABELS.coordinating}: ${names(task.coordinating)}`);
    if (task.implementing.length) out.push(`${task.implementingLabel === 'tham-muu-thuc-hien' ? 'Tham mưu, thực hiện' : LABELS.implementing}: ${names(task.implementing)}`);
  }
  const time = timeframeText(task.timeframe);
  if (time) out.push(`Thời gian thực hiện: ${time}`);
  return out;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
