import { foldVietnamese } from './fold';

/** Each character folded once: texts are long, their alphabet is small (search folds every result's text). */
const foldedChars = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldedChars.get(c);
  if (f === undefined) {
    f = c.toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (/[\u2010-\u2015\u2212]/.test(f)) f = '-';
    if (foldedChars.size < 10_000) foldedChars.set(c, f);
  }
  return f;
}

/**
 * Where the words of a folded query occur in the original text, as [start, end) ranges of the
 * original string, so "tiep cong dan" highlights "tiếp công dân".
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  const terms = foldVietnamese(query).split(/\s+/).filter((t) => t.length > 0);
  if (!terms.length) return [];
  let folded = '';
  const origin: number[] = [];
  const chars = Array.from(text.normalize('NFC'));
  let offset = 0;
  for (const c of chars) {
    const f = foldChar(c);
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += c.length;
  }
  origin.push(offset);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at !== -1) {
      ranges.push([origin[at]!, origin[at + term.length] ?? offset]);
      at = folded.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
