import { formatDocumentDate } from '../dates/vn-date';
import { DUTY_KIND_LABELS, type PlanContent, type PlanTask, type ReportingDuty, type TaskRole, type UnitRef } from './plan-schemas';
import { timeframeText } from './timeframe-text';
import { lowerFirst } from '../text/letter-case';

/** The words of a plan's document, shared by the .docx export and the on-screen view so both say the same. */
export type NameOf = (ref: UnitRef) => string;

const LETTERS = 'abcdefghiklmnopqrstuvxy';
const LABELS: Record<TaskRole, string> = { directing: 'Chỉ đạo', lead: 'Cơ quan chủ trì', coordinating: 'Cơ quan phối hợp', implementing: 'Cơ quan thực hiện' };

/**
 * The words a name of a whole set of bodies opens with ("Các thôn", "Các cơ quan, đơn vị", "Tất cả các xã").
 * Names of one body (UBND xã …, Ban Chỉ đạo …, Thôn An Phú, MTTQ …) are proper names and never start so.
 */
const COLLECTIVE_OPENING = /^(Các|Những|Tất cả|Toàn thể|Mọi)(?=\s|$)/u;

/**
 * A name as written inside a list: after the first name, a collective name ("Các thôn") is a common noun
 * mid-sentence and takes a small letter ("…, các thôn"); a proper name keeps its capitals, and so does a
 * collective word typed all in capitals ("CÁC THÔN"). The first name of a list stays as it is: it opens
 * the phrase after "Cơ quan thực hiện:" or the sentence of a reporting duty.
 */
export function nameInList(name: string, position: number): string {
  return position > 0 && COLLECTIVE_OPENING.test(name) ? lowerFirst(name) : name;
}

export function unitList(refs: UnitRef[], nameOf: NameOf): string {
  const withNotes = refs.some((r) => r.note);
  return refs
    .map((r, i) => {
      const name = nameInList(nameOf(r), i);
      return r.note ? `${name} (${r.note})` : name;
    })
    .join(withNotes ? '; ' : ', ');
}

/** "Cơ quan chủ trì: …", "Cơ quan phối hợp, thực hiện: …", "Thời gian thực hiện: …", without list marks. */
export function taskAttributes(task: PlanTask, nameOf: NameOf): string[] {
  const out: string[] = [];
  const key = (refs: UnitRef[]) => JSON.stringify(refs);
  const both = task.coordinating.length > 0 && key(task.coordinating) === key(task.implementing);
  if (task.directing.length) out.push(`${LABELS.directing}: ${unitList(task.directing, nameOf)}`);
  if (task.lead.length) out.push(`${LABELS.lead}: ${unitList(task.lead, nameOf)}`);
  if (both) out.push(`Cơ quan phối hợp, thực hiện: ${unitList(task.coordinating, nameOf)}`);
  else {
    if (task.coordinating.length) out.push(`${LABELS.coordinating}: ${unitList(task.coordinating, nameOf)}`);
    if (task.implementing.length) out.push(`${task.implementingLabel === 'tham-muu-thuc-hien' ? 'Tham mưu, thực hiện' : LABELS.implementing}: ${unitList(task.implementing, nameOf)}`);
  }
  const time = timeframeText(task.timeframe);
  if (time) out.push(`Thời gian thực hiện: ${time}`);
  return out;
}

/** Lines under a task's body: its sub-items, then its attributes as "- …." or "b) …;" lines. */
export function taskLines(task: PlanTask, style: PlanContent['attributeStyle'], nameOf: NameOf): string[] {
  const lines = task.subItems.map((s) => (s.label === '-' || s.label === '+' ? `${s.label} ${s.body}` : `${s.label}) ${s.body}`));
  const attributes = taskAttributes(task, nameOf);
  const usedLetters = task.subItems.filter((s) => /^[a-z]$/.test(s.label)).length;
  attributes.forEach((text, i) => {
    const last = i === attributes.length - 1;
    lines.push(style === 'lettered' ? `${LETTERS[usedLetters + i]}) ${text}${last ? '.' : ';'}` : `- ${text}.`);
  });
  return lines;
}

/** Duties the organisation text does not already state, as sentences to add to section IV. */
export function dutySentences(content: PlanContent, nameOf: NameOf): string[] {
  return content.duties
    .filter((d): d is ReportingDuty & { dueDate: string } => d.dueDate !== null && !content.organization.includes(formatDocumentDate(d.dueDate)))
    .map((d) => {
      const what = d.label || DUTY_KIND_LABELS[d.kind];
      return `- ${unitList(d.units, nameOf)}: ${lowerFirst(what)}${d.recipient ? ` gửi về ${d.recipient}` : ''} trước ngày ${formatDocumentDate(d.dueDate)}.`;
    });
}

export function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
}

export function documentNumberLine(content: Pick<PlanContent, 'number' | 'symbol'>): string {
  return `Số: ${content.number ? content.number.padStart(2, '0') : '       '}/${content.symbol}`;
}
