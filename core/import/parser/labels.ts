import { editDistance, fold, tolerance } from './fuzzy';

/** What a task attribute line says: "- Cơ quan chủ trì: …", "b) Cơ quan phối hợp, thực hiện: …"; an assignment says it in a sentence ("- Trách nhiệm: Phòng A chủ trì; Phòng B phối hợp"). */
export type AttributeKind = 'directing' | 'lead' | 'coordinating' | 'coordinating+implementing' | 'implementing' | 'advising+implementing' | 'timeframe' | 'product' | 'assignment';

/** Folded label words → what they mean. Checked longest first so "phối hợp, thực hiện" wins over "phối hợp". */
const LABELS: [string, AttributeKind][] = (
  [
    ['chi dao', 'directing'],
    ['don vi chi dao', 'directing'],
    ['co quan chi dao', 'directing'],
    ['lanh dao chi dao', 'directing'],
    ['chu tri', 'lead'],
    ['co quan chu tri', 'lead'],
    ['don vi chu tri', 'lead'],
    ['co quan dau moi', 'lead'],
    ['don vi dau moi', 'lead'],
    ['chu tri thuc hien', 'lead'],
    ['co quan chu tri thuc hien', 'lead'],
    ['don vi chu tri thuc hien', 'lead'],
    ['phoi hop', 'coordinating'],
    ['co quan phoi hop', 'coordinating'],
    ['don vi phoi hop', 'coordinating'],
    ['co quan phoi hop thuc hien', 'coordinating+implementing'],
    ['don vi phoi hop thuc hien', 'coordinating+implementing'],
    ['phoi hop thuc hien', 'coordinating+implementing'],
    ['co quan thuc hien', 'implementing'],
    ['don vi thuc hien', 'implementing'],
    ['thuc hien', 'implementing'],
    ['co quan trien khai', 'implementing'],
    ['don vi trien khai', 'implementing'],
    ['tham muu thuc hien', 'advising+implementing'],
    ['tham muu', 'advising+implementing'],
    ['co quan tham muu', 'advising+implementing'],
    ['thoi gian thuc hien', 'timeframe'],
    ['thoi gian', 'timeframe'],
    ['thoi han', 'timeframe'],
    ['thoi han thuc hien', 'timeframe'],
    ['thoi gian hoan thanh', 'timeframe'],
    ['tien do', 'timeframe'],
    ['tien do thuc hien', 'timeframe'],
    ['san pham', 'product'],
    ['trach nhiem', 'assignment'],
    ['trach nhiem thuc hien', 'assignment'],
    ['phan cong', 'assignment'],
    ['phan cong thuc hien', 'assignment'],
    ['san pham dau ra', 'product'],
  ] as [string, AttributeKind][]
).sort((a, b) => b[0].length - a[0].length);

export interface LabelMatch {
  kind: AttributeKind;
  /** What follows the label and its colon. */
  value: string;
  /** The label was recognised only approximately (scanned text). */
  approximate: boolean;
}

/**
 * Reads "Cơ quan chủ trì: Phòng Kinh tế" (the colon may be lost in a scan: then only long labels count).
 * `text` is the line without its bullet or letter.
 */
export function matchLabel(text: string): LabelMatch | null {
  const found = matchLabelWords(text);
  // "Phối hợp, thực hiện" is who coordinates and who carries out; "Phối hợp thực hiện" only who coordinates
  if (found?.kind === 'coordinating+implementing' && !/,|\/|\svà\s/u.test(text.slice(0, text.length - found.value.length))) return { ...found, kind: 'coordinating' };
  return found;
}

function matchLabelWords(text: string): LabelMatch | null {
  const colon = text.search(/[:：]/);
  if (colon > 0 && colon <= 60) {
    const head = fold(text.slice(0, colon)).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
    for (const [label, kind] of LABELS) {
      if (head === label) return { kind, value: text.slice(colon + 1).trim(), approximate: false };
    }
    // a scan ran its words together ("Chủtrì", "Thờigian")
    const joined = head.replace(/ /g, '');
    for (const [label, kind] of LABELS) if (joined === label.replace(/ /g, '')) return { kind, value: text.slice(colon + 1).trim(), approximate: true };
    for (const [label, kind] of LABELS) {
      const t = tolerance(label);
      if (t > 0 && editDistance(head, label, t) <= t) return { kind, value: text.slice(colon + 1).trim(), approximate: true };
    }
    return null;
  }
  // No colon: "Thời gian thực hiện Thường xuyên" in a scan. Only long, specific labels.
  const words = text.split(/\s+/);
  const heads = new Map<number, string>();
  for (const [label, kind] of LABELS) {
    const n = label.split(' ').length;
    if (n < 3 || words.length <= n) continue;
    if (!heads.has(n)) heads.set(n, fold(words.slice(0, n).join(' ')).replace(/[^a-z0-9 ]/g, ''));
    const head = heads.get(n)!;
    if (head === label || editDistance(head, label, tolerance(label)) <= tolerance(label)) {
      return { kind, value: words.slice(n).join(' ').trim(), approximate: true };
    }
  }
  return null;
}
