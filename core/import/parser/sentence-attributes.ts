import { foldChars } from './fuzzy';
import type { LabelMatch } from './labels';
import { parseTimeframe } from './timeframe';

/** How a unit's name begins (folded): a sentence's subject is a unit only when it begins so. */
export const UNIT_START =
  /^(?:cac\s+)?(?:phong|van phong|trung tam|cong an|uy ban|ubnd|hdnd|ban|so|hoi|doan|thanh tra|cong doan|tram|doi|chi cuc|mat tran|lanh dao|giam doc|chanh|truong|khoa|benh vien|to dan pho|bo chi huy|quan su|chu tich|pho chu tich|thu truong|co quan|don vi|dang uy|khu pho|thon|ap)\b/;
/** What a clause says about time once its units are named: "thực hiện thường xuyên", "hoàn thành trong tháng 9/2026", "thời gian: Quý II/2026". */
const TIME_AFTER = /(?:^|\s|,)(?:(?:to chuc\s+)?thuc hien|hoan thanh|thoi gian(?:\s+thuc hien|\s+hoan thanh)?\s*:|thoi han\s*:|tien do\s*:)\s*(.*)$/;
/** A time said on its own anywhere in the task ("…, hoàn thành trước ngày 13/3/2026."). */
const TIME_ANYWHERE = /(?:hoan thanh|thuc hien|xong)\s+((?:truoc|trong|cham nhat|tu)\b[^.;(),]*)/;

interface Found {
  lead: string[];
  coordinating: string[];
  implementing: string[];
  time: string | null;
}

/**
 * Who leads, coordinates and carries out a task, and when, written in the task's own sentences without "Giao"
 * or labels: "Phòng Văn hóa - Xã hội chủ trì, phối hợp với Ủy ban MTTQ Việt Nam đặc khu và các khu phố thực
 * hiện thường xuyên.", "Giao Văn phòng … chủ trì; Ban Quản lý dự án … phối hợp; thời gian thực hiện: Quý II/2026.",
 * "Trung tâm … chủ trì thực hiện trong năm 2026, phối hợp với …", "Phòng Kinh tế chủ trì hướng dẫn, các khu
 * phố và các ấp thực hiện". Read last sentence first: the assignment closes the task. A subject counts only when
 * it begins as a unit's name does. Null when no sentence assigns the task.
 */
export function sentenceAttributes(text: string): LabelMatch[] | null {
  const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).reverse();
  // a time in a sentence of its own after the assignment: "Giao … thực hiện. Thời gian: Quý II/2026."
  let timeAfter: string | null = null;
  for (const sentence of sentences) {
    // "… trên địa bàn (Phòng Kinh tế chủ trì; Ủy ban MTTQ phối hợp; thực hiện trong 6 tháng đầu năm 2026)."
    const bracket = /\(([^()]*)\)[.\s]*$/.exec(sentence);
    const inBracket = bracket && readSentence(bracket[1]!);
    const read = inBracket && assigns(inBracket) ? inBracket : readSentence(sentence.replace(/[.\s]+$/, ''));
    if (!assigns(read)) {
      timeAfter ??= read.time;
      continue;
    }
    read.time ??= timeAfter ?? timeAnywhere(text);
    const out: LabelMatch[] = [];
    const push = (kind: LabelMatch['kind'], values: string[]) => values.forEach((value) => out.push({ kind, value, approximate: false }));
    push('lead', read.lead);
    push('coordinating', read.coordinating);
    push('implementing', read.implementing);
    if (read.time) out.push({ kind: 'timeframe', value: read.time, approximate: false });
    return out;
  }
  return null;
}

const assigns = (found: Found) => found.lead.length > 0 || found.implementing.length > 0;

/** One sentence's clauses (parted by ";"): the units that lead, coordinate and carry out, and the time. */
function readSentence(sentence: string): Found {
  const found: Found = { lead: [], coordinating: [], implementing: [], time: null };
  // units named in a clause of their own share the role of the clause that names one next: "Giao các phòng; các thôn thực hiện"
  let named: string[] = [];
  const clauses = sentence.split(';');
  for (const [i, clause] of clauses.entries()) {
    const text = clause.trim().replace(/^Giao\s+/u, '');
    const folded = foldChars(text);
    const slice = (from: number, to = text.length) => text.slice(from, to).replace(/^[\s,]+|[\s,]+$/g, '');
    const take = (role: string[], unit: string) => {
      role.push(...named, unit);
      named = [];
    };
    const lead = /\s+\(?chu tri\b\)?/.exec(folded);
    if (lead && UNIT_START.test(folded)) {
      take(found.lead, slice(0, lead.index));
      readAfterLead(text, folded, lead.index + lead[0].length, found);
      continue;
    }
    const coordinating = /\s+phoi hop(?:\s+thuc hien)?$/.exec(folded);
    if (coordinating && UNIT_START.test(folded)) {
      take(found.coordinating, slice(0, coordinating.index));
      continue;
    }
    const carries = /\s+(?:to chuc\s+)?thuc hien\b/.exec(folded);
    if (carries && UNIT_START.test(folded)) {
      take(found.implementing, slice(0, carries.index));
      const rest = slice(carries.index + carries[0].length);
      if (rest && parseTimeframe(rest).kind !== 'unspecified') found.time ??= rest;
      continue;
    }
    const time = TIME_AFTER.exec(folded);
    if (time && time[1] && parseTimeframe(slice(text.length - time[1].length)).kind !== 'unspecified') found.time ??= slice(text.length - time[1].length);
    else if (i < clauses.length - 1 && UNIT_START.test(folded) && !/[.:]/.test(text)) named.push(slice(0));
  }
  return found;
}

/** After "X chủ trì": ", phối hợp với Y thực hiện …", " thực hiện trong năm 2026, phối hợp với Y", " hướng dẫn, Z thực hiện". */
function readAfterLead(text: string, folded: string, from: number, found: Found): void {
  const rest = folded.slice(from);
  const withWhom = /phoi hop voi\s+/.exec(rest);
  if (withWhom) {
    const start = from + withWhom.index + withWhom[0].length;
    // where the units end: "… thực hiện", "… tổ chức thực hiện", "… tổ chức kiểm tra" (what they do together), "… tổ chức." at the end
    const end = /\s+(?:to chuc\s+)?(?:thuc hien|trien khai)\b|\s+to chuc\s+(?=kiem tra|tuyen truyen|hoi nghi|doi thoai|giam sat|lay y kien)|\s+to chuc\s*(?=[.;]|$)|,\s*(?=thuc hien|hoan thanh)/.exec(folded.slice(start));
    found.coordinating.push(text.slice(start, end ? start + end.index : text.length).replace(/[\s,.]+$/, ''));
  }
  // the time: what follows "thực hiện" / "hoàn thành", after those who coordinate when there are some (a time
  // before them, "chủ trì thực hiện trong năm 2026, phối hợp với …", is found in the task's text as a whole)
  const timeStart = withWhom ? from + withWhom.index + withWhom[0].length : from;
  const time = TIME_AFTER.exec(folded.slice(timeStart));
  if (time?.[1]) {
    const at = timeStart + time.index + time[0].length - time[1].length;
    const value = text.slice(at, at + time[1].length).replace(/[\s,.]+$/, '');
    if (value && parseTimeframe(value).kind !== 'unspecified') found.time = value;
  }
  // "… chủ trì hướng dẫn, các khu phố và các ấp thực hiện": who carries out, after a comma
  if (!withWhom) {
    for (const piece of rest.split(',').slice(1)) {
      const carries = /^\s*(.+?)\s+thuc hien\b/.exec(piece);
      if (carries && UNIT_START.test(carries[1]!)) {
        const at = from + rest.indexOf(piece) + piece.indexOf(carries[1]!);
        found.implementing.push(text.slice(at, at + carries[1]!.length));
      }
    }
  }
}

function timeAnywhere(text: string): string | null {
  const folded = foldChars(text);
  const m = TIME_ANYWHERE.exec(folded);
  if (!m) return null;
  const at = m.index + m[0].length - m[1]!.length;
  const value = text.slice(at, at + m[1]!.length).replace(/[\s,]+$/, '');
  return parseTimeframe(value).kind !== 'unspecified' ? value : null;
}
