import type { ParsedDeadline } from '../../../shared/import/parsed-plan';
import type { DutyKind } from '../../../shared/plans/plan-schemas';
import { findDates } from './dates';
import { foldChars } from './fuzzy';
import { NUMBERED, type Block } from './paragraphs';
import { splitUnits } from './unit-list';
import { UNIT_START } from './sentence-attributes';

/** Words that say which report a date belongs to; the one nearest before the date wins. */
const KIND_WORDS: [RegExp, DutyKind][] = [
  // ("6 táng", "6 thàng", "6 Hằng": a scan's misread "tháng")
  [/\b(6|sau) (?:th?[a-z]?|h)ang\b|\bso ket\b|\bnua nam\b/g, 'semiannual'],
  [/\bquy\b/g, 'quarterly'],
  // "năm" alone, but not the year of "6 tháng đầu năm" (a half-year report written in full); "báo cáo kết quả thực hiện năm 2026";
  // "… 6 tháng đầu năm 2026 trước ngày 25/5/2026, năm 2026 trước ngày …": the next report of the list
  [/\b(hang nam|ca nam|tong ket|bao cao nam)\b|(?<!\b(?:dau|cuoi|nua) )\bnam\b(?!\s*\d)|\bbao cao(?: ket qua)?(?: thuc hien)?(?: ke hoach)? nam (?=\d{4})|^[\s,;]*(?:va\s+)?nam (?=\d{4})/g, 'annual'],
  [/\b(gui|xay dung|ban hanh) (ke hoach|kh)\b|\bke hoach (cua|thuc hien|trien khai cua) (don vi|co quan)|^[\s,;-]*ke hoach trien khai\b/g, 'plan'],
];

/**
 * Finds the reporting dates of "Tổ chức thực hiện": "6 tháng (trước ngày 15/5/2026) và năm (trước ngày 30/10/2026)",
 * "báo cáo 6 tháng trước ngày 29/5/2025", "Đăng ký … mô hình “Dân vận khéo” … trước ngày 01/4/2025".
 */
export function readDeadlines(blocks: Block[]): ParsedDeadline[] {
  const out: ParsedDeadline[] = [];
  let subject = '';
  for (const block of blocks) {
    const folded = foldChars(block.text);
    const numbered = NUMBERED.exec(block.text);
    if (numbered) subject = subjectOf(block.text.slice(numbered[0].length));
    let clauseStart = 0;
    for (const date of findDates(folded)) {
      const before = folded.slice(Math.max(0, date.index - 20), date.index);
      if (!/\b(truoc|cham nhat|han|han chot)\b[^a-z]*(ngay)?\s*$/.test(before)) continue;
      const clause = folded.slice(clauseStart, date.index);
      const kind = kindOf(clause);
      const cut = Math.max(...['.', ';', ')'].map((c) => folded.lastIndexOf(c, date.index - 1) + 1));
      let text = block.text.slice(Math.max(cut, clauseStart), date.end).replace(/^[\s,;)(]+/, '').replace(/\s+/g, ' ').trim();
      if ((text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length) text += ')';
      out.push({ kind, dueDate: date.iso, text: text.length > 240 ? `…${text.slice(-240)}` : text, units: unitsOf(subject), recipient: recipientOf(block.text, folded, date.index), line: block.line });
      clauseStart = date.end;
    }
  }
  return out;
}

function kindOf(clause: string): DutyKind {
  if (/\bdang ky\b/.test(clause) && /\b(mo hinh|dan van kheo)\b/.test(clause)) return 'model-registration';
  let best: { at: number; kind: DutyKind } | null = null;
  for (const [re, kind] of KIND_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m; m = re.exec(clause)) if (!best || m.index > best.at) best = { at: m.index, kind };
  }
  return best?.kind ?? 'other';
}

/** "… báo cáo kết quả … về Phòng Văn hóa – Xã hội …": the body the reports go to. */
function recipientOf(text: string, folded: string, dateAt: number): string {
  const window = folded.slice(0, dateAt + 200);
  const re = /\b(?:ve|cho|gui)\s+((?:phong|van phong|so|ubnd|uy ban|ban|trung tam)\b[^(;,.]*)/g;
  let found = '';
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const start = m.index + m[0].length - m[1]!.length;
    found = text.slice(start, start + m[1]!.length).replace(/\s+(?:trước|để|trong|định kỳ).*$/u, '').trim();
    if (m.index > dateAt) break;
  }
  return found;
}

const VERBS = /\s(to chuc|trien khai|chu tri|can cu|theo doi|co trach nhiem|thuc hien|tham muu|phoi hop|xay dung|dinh ky|bao cao|chu dong|kiem tra|don doc|tong hop)\b/;

/** "Trưởng các phòng, ban, đơn vị trực thuộc tổ chức triển khai …" → who it speaks to. */
function subjectOf(item: string): string {
  // "Chế độ báo cáo: Các phòng … báo cáo …": a heading before the colon, who it speaks to after it
  const colon = item.indexOf(':');
  const label = colon < 0 ? '' : foldChars(item.slice(0, colon).trim().replace(/^(Giao|Đề nghị|Yêu cầu)\s+/u, ''));
  const said = colon >= 0 && !UNIT_START.test(label) ? item.slice(colon + 1).trim() : item;
  const head = said.split(/[:.]/)[0]!.replace(/^(Giao|Đề nghị|Yêu cầu)\s+/u, '');
  const verb = VERBS.exec(foldChars(head));
  const subject = (verb ? head.slice(0, verb.index) : head).trim();
  return subject.length <= 120 ? subject : '';
}

function unitsOf(subject: string): string[] {
  return subject ? splitUnits(subject).map((u) => u.name) : [];
}
