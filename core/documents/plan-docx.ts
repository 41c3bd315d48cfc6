import { Packer, Paragraph } from 'docx';
import type { PlanContent, PlanTask } from '../../shared/plans/plan-schemas';
import { documentNumberLine, dutySentences, taskLines, type NameOf } from '../../shared/plans/plan-text';
import { bodyParagraph, documentTitle, headerTable, officialDocument, run, runsWithFootnotes, signatureTable } from './official-layout';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** The plan as an official KẾ HOẠCH (.docx), from its content and the names of the units it refers to. */
export async function planDocx(content: PlanContent, nameOf: NameOf): Promise<Buffer> {
  const body: Paragraph[] = [];
  const section = (i: number, heading: string) => body.push(bodyParagraph([run(`${ROMAN[i]}. ${heading.toUpperCase()}`, { bold: true })], { keepNext: true }));
  const lines = (text: string) => text.split(/\n+/).map((l) => l.trim()).filter(Boolean);

  content.bases.forEach((basis, i) => {
    const clean = basis.replace(/[;.]+$/, '');
    body.push(bodyParagraph([run(`${clean}${i === content.bases.length - 1 ? '.' : ';'}`, { italics: true })]));
  });
  // an imported plan keeps its căn cứ in the preamble: they print italic like the bases typed in the form
  for (const line of lines(content.preamble)) body.push(/^căn cứ\s/iu.test(line) ? bodyParagraph([run(line, { italics: true })]) : bodyParagraph(line));

  let sectionNo = 0;
  if (content.purposes) {
    section(sectionNo++, 'MỤC ĐÍCH, YÊU CẦU');
    for (const line of lines(content.purposes)) body.push(textLine(line));
  }
  section(sectionNo++, content.tasksHeading || 'NỘI DUNG THỰC HIỆN');
  for (const task of content.tasks) body.push(...taskParagraphs(task, content.attributeStyle, nameOf));

  if (content.budget) {
    section(sectionNo++, 'KINH PHÍ THỰC HIỆN');
    for (const line of lines(content.budget)) body.push(bodyParagraph(line));
  }
  const organization = [...lines(content.organization), ...dutySentences(content, nameOf)];
  if (organization.length) {
    section(sectionNo++, 'TỔ CHỨC THỰC HIỆN');
    for (const line of organization) body.push(textLine(line));
  }
  for (const line of lines(content.closing)) body.push(bodyParagraph(line));

  const doc = officialDocument(
    [
      headerTable({
        issuerParent: content.issuerParent,
        issuerName: content.issuerName,
        numberLine: documentNumberLine(content),
        place: content.place,
        issueDate: content.issueDate,
        year: content.year,
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

/** "1. Mục đích" on a line of its own is a titled item: bold, kept with what follows (Nghị định 30). */
function textLine(line: string): Paragraph {
  const titled = /^\d+\.\s/.test(line) && line.length < 80 && !/[.;:]$/.test(line);
  return titled ? bodyParagraph([run(line, { bold: true })], { keepNext: true }) : bodyParagraph(line);
}

/** A task: "1. body", then its sub-items and attributes as the shared plan text says them. */
function taskParagraphs(task: PlanTask, style: PlanContent['attributeStyle'], nameOf: NameOf): Paragraph[] {
  return [bodyParagraph([run(`${task.ordinal}. `, { bold: true }), ...runsWithFootnotes(task.body)]), ...taskLines(task, style, nameOf).map((line) => bodyParagraph(line))];
}
