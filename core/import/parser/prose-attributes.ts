import { foldChars } from './fuzzy';
import { matchLabel, type LabelMatch } from './labels';

/**
 * "Giao Văn phòng Sở chủ trì, phối hợp với Phòng A và Công đoàn ngành thực hiện": who leads, with whom (folded).
 * A comma ends the sentence's units only after "thực hiện" or before the time: "các phòng, đơn vị thuộc UBND" is one name.
 * "hợp" with its first letter misread by a scan ("phối nọp với") still reads.
 */
const ASSIGNED = /^(?:giao|de nghi|yeu cau)\s+(.+?)\s+(?:(chu tri)(?:\s*,?\s*(?:phoi [a-z]?op voi|phoi [a-z]?op|cung voi)\s+(.+?))?(?:\s+(?:to chuc\s+)?thuc hien)?|(?:to chuc\s+)?(thuc hien|trien khai))\s*(?:[;.]|$|(?<=thuc hien|trien khai)\s*,|,(?=\s*(?:thoi gian|thoi han|tien do)))/;
/** "…; thời gian: Quý I/2026." or "…, thời gian thực hiện: …" after it. */
const TIME = /[;,.]\s*(thoi gian(?: thuc hien| hoan thanh)?|thoi han|tien do)\s*:\s*/;
/** "(Chủ trì: Phòng Kinh tế; phối hợp: các thôn; thời gian: Quý II/2026)" closing a task's sentence (a scan may add a stop). */
const BRACKETED = /\(([^()]*:[^()]*)\)\s*\.{0,3}\s*$/;

/**
 * A task's units and time written in a sentence instead of labelled lines: "Giao Văn phòng Sở chủ trì, phối
 * hợp với Phòng Tổ chức cán bộ thực hiện; thời gian: Quý I/2026." or a bracket at the end of the task
 * "(Chủ trì: …; phối hợp: …; thời gian: …)". Null when the text says none of that.
 */
export function proseAttributes(text: string): LabelMatch[] | null {
  const bracket = BRACKETED.exec(text);
  if (bracket) {
    const found: LabelMatch[] = [];
    for (const piece of bracket[1]!.split(';').map((p) => p.trim())) {
      const label = matchLabel(piece);
      const last = found[found.length - 1];
      if (label) found.push(label);
      // "phối hợp: Công an phường; các tổ dân phố ven biển; thời gian: …": a piece without a label goes on the units before it
      else if (piece && last && !['timeframe', 'product', 'assignment'].includes(last.kind)) found[found.length - 1] = { ...last, value: `${last.value}; ${piece}` };
    }
    return found.length ? found : null;
  }
  const folded = foldChars(text);
  const assigned = ASSIGNED.exec(folded);
  if (!assigned) return null;
  // foldChars keeps the length of the text, so positions in the folded text are positions in the text
  const slice = (part: string | undefined) => {
    if (!part) return '';
    const at = folded.indexOf(part, assigned.index + assigned[0].indexOf(part));
    return text.slice(at, at + part.length).trim();
  };
  const out: LabelMatch[] = [];
  if (assigned[2]) {
    out.push({ kind: 'lead', value: slice(assigned[1]), approximate: false });
    if (assigned[3]) out.push({ kind: 'coordinating', value: slice(assigned[3]), approximate: false });
  } else out.push({ kind: 'implementing', value: slice(assigned[1]), approximate: false });
  const time = TIME.exec(folded.slice(assigned[0].length - 1));
  if (time) out.push({ kind: 'timeframe', value: text.slice(assigned[0].length - 1 + time.index + time[0].length).replace(/\.\s*$/, '').trim(), approximate: false });
  return out;
}
